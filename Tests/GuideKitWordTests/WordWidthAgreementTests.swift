import GuideKit
import Testing

@testable import GuideKitWord

/// The Word importer joins a line break between two wide characters exactly where
/// `EastAsianWidth` says both are wide.
@Suite struct WordWidthAgreementTests {
  @Test(arguments: ["漢", "あ", "Ａ", "、", "가", "𠮷", "😀", "①", "○", "※", "α", "a", "ｶ", "ä"] as [Character])
  func lineBreakJoinFollowsEastAsianWidth(_ c: Character) {
    let wide = EastAsianWidth.columns(of: c) == 2
    #expect(Inline.normalize("漢\n\(c)") == (wide ? "漢\(c)" : "漢 \(c)"))
  }
}

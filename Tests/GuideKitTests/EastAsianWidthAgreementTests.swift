import Testing

@testable import GuideKit

/// Every user of "is this character wide" asks `EastAsianWidth`: layout columns, the diff's column
/// weights and the readers' rule that a line break between two wide characters is no space.
@Suite struct EastAsianWidthAgreementTests {
  static let wide: [Character] = ["漢", "あ", "カ", "Ａ", "、", "가", "𠮷", "😀", "ꥠ"]
  static let ambiguous: [Character] = ["①", "○", "※", "α", "→", "Д"]
  static let narrow: [Character] = ["a", "ｶ", "ä", "1", "-"]

  static func expectedColumns(_ c: Character) -> Int { wide.contains(c) ? 2 : 1 }

  @Test(arguments: wide + ambiguous + narrow)
  func layoutColumns(_ c: Character) {
    #expect(EastAsianWidth.columns(of: c) == Self.expectedColumns(c))
    let ambiguousWide = Self.ambiguous.contains(c) ? 2 : Self.expectedColumns(c)
    #expect(EastAsianWidth.columns(of: c, ambiguous: .wide) == ambiguousWide)
    #expect(EastAsianWidth.isWide(c.unicodeScalars.first!) == Self.wide.contains(c))
    #expect(EastAsianWidth.isAmbiguous(c.unicodeScalars.first!) == Self.ambiguous.contains(c))
  }

  @Test(arguments: wide + ambiguous + narrow)
  func diffColumns(_ c: Character) {
    var interner = TextDiff.KeyInterner()
    let tokens = TextDiff.tokenize(String(c), options: TextDiffOptions(), interner: &interner)
    #expect(tokens.count == 1)
    #expect(tokens.columns(0..<tokens.count) == Self.expectedColumns(c))
  }

  @Test(arguments: wide + ambiguous + narrow)
  func readerLineBreakJoin(_ c: Character) {
    let joined = ReaderText.normalize("漢\n\(c)")
    #expect(joined == (Self.wide.contains(c) ? "漢\(c)" : "漢 \(c)"))
    #expect(ReaderText.normalize("\(c)\n字") == (Self.wide.contains(c) ? "\(c)字" : "\(c) 字"))
  }
}

/// The ranges `isWide` answers before searching the table are wide in the table too.
@Suite struct EastAsianWidthFastPathTests {
  @Test func theFastRangesAreWideInTheTable() {
    for range in [0x3041...0x3096, 0x30A0...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF60] as [ClosedRange<UInt32>] {
      for value in range {
        #expect(EastAsianWidth.contains(EastAsianWidth.wideRanges, value), "U+\(String(value, radix: 16))")
      }
    }
  }
}

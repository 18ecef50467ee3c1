import Foundation
import Testing

@testable import GuideKit

@Suite("Citation recogniser on arbitrary input")
struct CitationRobustnessTests {
  /// Pieces that make near-citations when strung together at random.
  private static let pieces = [
    "第", "条", "項", "号", "の", "1", "2", "３２", "三十八", "二", "十", "百", "〇", "同法", "同条", "同項", "同号", "前条",
    "次条", "前項", "次項", "前各項", "本条", "附則", "労働基準法", "安衛法", "施行規則", "法", "（", "）", "以下「", "」という",
    "及び", "並びに", "、", "から", "まで", "～", "ただし書", "AC-", "17", "(2)", "NIST SP 800-53 ", "Rev.", "ICT対策 ",
    "im-", "auth", "-01", " ", "。", "職業安定法", "に関する", "\u{301}", "👨‍👩‍👧", "\n",
  ]

  @Test("random strings of citation pieces never crash and give ranges inside the text")
  func randomPieces() throws {
    let recognizer = try repositoryRecognizer()
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let count = Int.random(in: 0...30, using: &generator)
      let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
      var context = CitationContext()
      for citation in recognizer.citations(in: text, context: &context) {
        #expect(citation.range.lowerBound >= text.startIndex && citation.range.upperBound <= text.endIndex, "\(text)")
        #expect(!text[citation.range].isEmpty, "\(text)")
      }
    }
  }

  @Test("random bytes and truncated editions never crash the finder, and link keeps every byte")
  func randomBytes() throws {
    let finder = CitationFinder(recognizer: try repositoryRecognizer())
    let edition = try Array(
      Data(contentsOf: URL(fileURLWithPath: RepoPaths.path("guidelines/telework-labor/2021.xml"))))
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      var bytes: [UInt8]
      if Bool.random(using: &generator) {
        bytes = (0..<Int.random(in: 0...400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
        }
      } else {
        let cut = Int.random(in: 0...edition.count, using: &generator)
        bytes = Array(edition[..<cut])
        if let k = bytes.indices.randomElement(using: &generator) { bytes[k] = UInt8(ascii: "<") }
      }
      let plan = CitationLinker(finder: finder, registry: nil).plan(file: "x.xml", bytes: bytes)
      let linked = CitationLinker.apply(plan, to: bytes)
      var restored = String(decoding: linked, as: UTF8.self)
      for insertion in plan.insertions { restored = restored.replacingOccurrences(of: insertion.startTag, with: "") }
      restored = restored.replacingOccurrences(of: "</ref>", with: "")
      let original = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "</ref>", with: "")
      #expect(restored == original)
    }
  }
}

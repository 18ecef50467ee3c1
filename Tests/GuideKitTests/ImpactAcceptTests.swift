import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

@Suite("impact --accept", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct ImpactAcceptTests {
  @Test("re-pins modified and renumbered refs, changing no other byte, and leaves the rest for an editor")
  func accept() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let original = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- keep this comment -->
      <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="accept-test" version="1.0" issued="2026-01-15">
        <title>試験</title>
        <issuer>試験</issuer>
        <chapter id="ch-1" num="第1章">
          <title>試験</title>
          <clause id="a" num="(1)">
            <p>改正：<ref source="347AC0000000057" provision="Art101" pin="20260101_507AC0000000033">労働安全衛生法第101条</ref>。</p>
          </clause>
          <clause id="b" num="(2)">
            <p>移動：<ref  provision="Art18"   source="426AC1000000104" pin='20250701_507AC0000000043'>第18条</ref>、
               不変：<ref source="347AC0000000057" provision="Art3" pin="20260101_507AC0000000033">第3条</ref>。</p>
          </clause>
          <clause id="c" num="(3)">
            <p>廃止：<ref source="nist-sp800-53" provision="ia-2.11" pin="rev4">IA-2(11)</ref>。</p>
          </clause>
        </chapter>
      </guideline>

      """
    let file = folder.appendingPathComponent("g.xml").path
    try original.write(toFile: file, atomically: true, encoding: .utf8)
    let trees = try GuidelineSet.load(paths: [file])
    let registry = ReferenceRegistry(folders: [SharedData.path("egov/laws"), SharedData.path("oscal/catalogs")])
    let report = ImpactChecker(registry: registry, options: ImpactOptions(asOf: "2026-11-01"), guidelines: trees)
      .check(trees)
    #expect(Set(report.findings.map(\.status)) == [.modified, .renumbered, .withdrawn])

    let outcomes = try ReferenceRepinner.accept(report)
    #expect(outcomes.flatMap(\.repinned).count == 2)
    #expect(outcomes.flatMap(\.skipped).map(\.provision) == ["ia-2.11"])
    let expected =
      original
      .replacingOccurrences(
        of: #"provision="Art101" pin="20260101_507AC0000000033""#,
        with: #"provision="Art101" pin="20260401_507AC0000000033""#
      )
      .replacingOccurrences(
        of: #"provision="Art18"   source="426AC1000000104" pin='20250701_507AC0000000043'"#,
        with: #"provision="Art17"   source="426AC1000000104" pin='20261001_507AC0000000043'"#
      )
      .replacingOccurrences(of: "'>第18条<", with: "'>第17条<")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)

    // After the accept, the same check finds only the withdrawn control.
    let again = ImpactChecker(
      registry: registry, options: ImpactOptions(asOf: "2026-11-01"), guidelines: try GuidelineSet.load(paths: [file])
    ).check(try GuidelineSet.load(paths: [file]))
    #expect(again.findings.map(\.status) == [.withdrawn])
  }

  @Test("rewrites the citation in a renumbered ref's text, in its numerals, and reports the texts it could not")
  func acceptRewritesCitationText() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let ref = #"<ref source="426AC1000000104" provision="Art18" pin="20250701_507AC0000000043">"#
    let original = """
      <?xml version="1.0" encoding="UTF-8"?>
      <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="accept-text" version="1.0" issued="2026-01-15">
        <title>試験</title>
        <issuer>試験</issuer>
        <chapter id="ch-1" num="第1章">
          <title>試験</title>
          <clause id="a" num="(1)"><p>\(ref)サイバーセキュリティ基本法第十八条</ref>に基づく。</p></clause>
          <clause id="b" num="(2)"><p>\(ref)同法第１８条第１項</ref>による。</p></clause>
          <clause id="c" num="(3)"><p>\(ref)同条</ref>による。</p></clause>
          <clause id="d" num="(4)"><p>\(ref)第19条</ref>による。</p></clause>
        </chapter>
      </guideline>

      """
    let file = folder.appendingPathComponent("g.xml").path
    try original.write(toFile: file, atomically: true, encoding: .utf8)
    let trees = try GuidelineSet.load(paths: [file])
    let registry = ReferenceRegistry(folders: [SharedData.path("egov/laws")])
    let report = ImpactChecker(registry: registry, options: ImpactOptions(asOf: "2026-11-01"), guidelines: trees)
      .check(trees)
    #expect(report.findings.map(\.status) == [.renumbered, .renumbered, .renumbered, .renumbered])

    let outcomes = try ReferenceRepinner.accept(report)
    let outcome = try #require(outcomes.first)
    #expect(outcome.repinned.count == 4)
    #expect(outcome.retexted.map { "\($0.old)→\($0.new ?? "")" } == ["第十八条→第十七条", "第１８条第１項→第１７条第１項"])
    #expect(outcome.textNotUpdated.map(\.finding.clause) == ["c", "d"])
    #expect(outcome.textNotUpdated.allSatisfy { $0.new == nil })
    let written = try String(contentsOfFile: file, encoding: .utf8)
    #expect(written.contains("サイバーセキュリティ基本法第十七条</ref>に基づく。"))
    #expect(written.contains(">同法第１７条第１項</ref>"))
    #expect(written.contains(">同条</ref>"))
    #expect(written.contains(">第19条</ref>"))
    #expect(!written.contains(#"provision="Art18""#))
  }
}

/// `impact --accept` on values that need escaping: refs found where libxml2 parsed them, values
/// compared decoded and written escaped.
@Suite("impact --accept, escaped values")
struct ImpactAcceptEscapingTests {
  static func finding(line: Int, source: String, provision: String, pin: String, latest: String) -> ImpactFinding {
    var finding = ImpactFinding(
      file: "g.xml", line: line, clause: "a", clauseNum: nil, clauseTitle: nil, guideline: "g",
      reference: Reference(source: source, provision: provision, pin: pin, label: "", line: line),
      provisionLabel: "", outcome: .modified(movedTo: nil), message: "")
    finding.latest = latest
    return finding
  }

  @Test func valuesWithAmpersandQuoteAndLessThanAreMatchedDecodedAndWrittenEscaped() throws {
    // A decoy attribute whose value spells the pin attribute: only the real one may change.
    let line =
      #"    <p><ref note=' pin="v&quot;1&lt;"' source="R&amp;D" provision="Art1" pin="v&quot;1&lt;">第1条</ref></p>"#
    let original = """
      <?xml version="1.0" encoding="UTF-8"?>
      <guideline xmlns="urn:guidekit:guideline:1" id="g" version="1.0">
        <clause id="a">
      \(line)
        </clause>
      </guideline>

      """
    let finding = Self.finding(line: 4, source: "R&D", provision: "Art1", pin: "v\"1<", latest: "w&\"2<")
    let (data, outcome) = try ReferenceRepinner.repin(Data(original.utf8), file: "g.xml", findings: [finding])
    #expect(outcome.repinned.count == 1)
    #expect(outcome.skipped.isEmpty)
    let expected = original.replacingOccurrences(
      of: #"provision="Art1" pin="v&quot;1&lt;">"#, with: #"provision="Art1" pin="w&amp;&quot;2&lt;">"#)
    #expect(String(decoding: data, as: UTF8.self) == expected)
  }

  @Test func aSingleQuotedValueIsEscapedForItsQuote() throws {
    let original = """
      <guideline xmlns="urn:guidekit:guideline:1">
      <ref source='a' provision='Art1' pin='old'/>
      </guideline>
      """
    let finding = Self.finding(line: 2, source: "a", provision: "Art1", pin: "old", latest: "it's")
    let (data, outcome) = try ReferenceRepinner.repin(Data(original.utf8), file: "g.xml", findings: [finding])
    #expect(outcome.repinned.count == 1)
    #expect(String(decoding: data, as: UTF8.self).contains("pin='it&apos;s'/>"))
  }

  @Test func aRefWhoseValuesDifferIsSkippedAndTheFileUnchanged() throws {
    let original =
      "<guideline xmlns=\"urn:guidekit:guideline:1\">\n<ref source=\"a\" provision=\"Art1\" pin=\"old\"/>\n</guideline>"
    let finding = Self.finding(line: 2, source: "a", provision: "Art2", pin: "old", latest: "new")
    let (data, outcome) = try ReferenceRepinner.repin(Data(original.utf8), file: "g.xml", findings: [finding])
    #expect(outcome.repinned.isEmpty)
    #expect(outcome.skipped.count == 1)
    #expect(String(decoding: data, as: UTF8.self) == original)
  }
}

import Foundation
import Testing

@testable import GuideKit

@Suite("impact --accept", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct ImpactAcceptTests {
  @Test("re-pins modified and renumbered refs, changing no other byte, and leaves the rest for an editor")
  func accept() throws {
    let folder = RepoPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
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
        with: #"provision="Art17"   source="426AC1000000104" pin='20261001_507AC0000000043'"#)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)

    // After the accept, the same check finds only the withdrawn control.
    let again = ImpactChecker(
      registry: registry, options: ImpactOptions(asOf: "2026-11-01"), guidelines: try GuidelineSet.load(paths: [file])
    ).check(try GuidelineSet.load(paths: [file]))
    #expect(again.findings.map(\.status) == [.withdrawn])
  }
}

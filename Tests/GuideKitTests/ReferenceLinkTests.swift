import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

@Suite("Links follow the pin")
struct ReferenceLinkTests {
  private static let guideline = """
    <?xml version="1.0" encoding="UTF-8"?>
    <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="links" version="1.0" issued="2026-01-15">
      <title>試験</title>
      <issuer>試験</issuer>
      <chapter id="ch-1" num="第1章">
        <title>試験</title>
        <clause id="a" num="(1)">
          <p><ref source="322AC0000000049" provision="Art38_2/Para1" pin="20250601_504AC0000000068">労働基準法第38条の2第1項</ref></p>
          <p><ref source="347AC0000000057" provision="Art66" pin="2026-02-01">労働安全衛生法第66条</ref></p>
          <p><ref source="347AC0000000057" provision="Art66" pin="2020-01-01">労働安全衛生法第66条</ref></p>
          <p><ref source="nist-sp800-53" provision="ac-13" pin="rev4">AC-13</ref></p>
          <p><ref source="nist-sp800-53" provision="ac-17" pin="rev5.1.1">AC-17</ref></p>
          <p><ref source="nist-sp800-53" provision="ac-17">AC-17</ref></p>
        </clause>
      </chapter>
    </guideline>

    """

  @Test("e-Gov links name the pinned law revision; NIST links the page of the pinned revision")
  func pageLinks() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("1.0.xml").path
    try Self.guideline.write(toFile: file, atomically: true, encoding: .utf8)
    let html = try Renderer().html(
      file: file, extra: ["ref-revisions": "347AC0000000057|2026-02-01=20260101_507AC0000000033"])
    let hrefs = html.matches(of: /<a class="ref" href="([^"]*)"/).map { String($0.output.1) }
    #expect(
      hrefs == [
        "https://laws.e-gov.go.jp/law/322AC0000000049_20250601_504AC0000000068#Mp-At_38_2",
        "https://laws.e-gov.go.jp/law/347AC0000000057_20260101_507AC0000000033#Mp-At_66",
        "https://laws.e-gov.go.jp/law/347AC0000000057#Mp-At_66",
        "https://csrc.nist.gov/pubs/sp/800/53/r4/upd3/final",
        "https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_1/home?element=AC-17",
        "https://csrc.nist.gov/projects/cprt/catalog#/cprt/framework/version/SP_800_53_5_1_0/home?element=AC-17",
      ])
  }

  @Test(
    "a day pin resolves to the law revision in force that day",
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func revisionTable() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("1.0.xml").path
    try Self.guideline.write(toFile: file, atomically: true, encoding: .utf8)
    let trees = try GuidelineSet.load(paths: [file])
    let registry = ReferenceRegistry(folders: [SharedData.path("egov/laws")])
    // 2026-02-01: the 2026-01-01 revision is in force; no revision here was in force on 2020-01-01.
    #expect(
      ReferenceLinks.revisionTable(trees, registry: registry)
        == "347AC0000000057|2026-02-01=20260101_507AC0000000033")
  }

  @Test(
    "the impact report links a finding to the latest revision, a withdrawn control to its pinned one",
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func impactLinks() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("1.0.xml").path
    try Self.guideline.replacingOccurrences(of: "ac-13", with: "ia-2.11").replacingOccurrences(
      of: "Art66", with: "Art101"
    ).write(
      toFile: file, atomically: true, encoding: .utf8)
    let trees = try GuidelineSet.load(paths: [file])
    let registry = ReferenceRegistry(folders: [SharedData.path("egov/laws"), SharedData.path("oscal/catalogs")])
    let report = ImpactChecker(registry: registry, options: ImpactOptions(asOf: "2026-11-01"), guidelines: trees)
      .check(trees)
    let html = try Stylesheets().transform(
      "impact-html", xml: report.xml(clauseTexts: ImpactRules.clauseTexts(trees, report: report)),
      fileName: "impact.xml", parameters: [:])
    #expect(report.findings.contains { $0.status == .withdrawn && $0.provision == "ia-2.11" })
    #expect(html.contains("href=\"https://csrc.nist.gov/pubs/sp/800/53/r4/upd3/final\""))
    #expect(report.findings.contains { $0.status == .modified && $0.provision == "Art101" })
    #expect(html.contains("href=\"https://laws.e-gov.go.jp/law/347AC0000000057_20260401_507AC0000000033#Mp-At_101\""))
  }
}

import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// One vocabulary in the output: the term table, and the words of the bundled outputs.
@Suite("one Japanese vocabulary across pages, notices and reports")
struct VocabularyTests {
  static let stylesheets = RepoPaths.root.appendingPathComponent("Sources/GuideKit/Resources/stylesheets")

  @Test("every term a stylesheet asks for is in terms.xml, and Swift reads the same table")
  func termsExist() throws {
    let terms = Terms.shared
    #expect(terms["change.added"] == "新設")
    #expect(terms["date.issued"] == "公表日")
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.stylesheets.path).filter {
      $0.hasSuffix(".xsl")
    }
    let pattern = #/name="term">\s*<xsl:with-param name="id" select="'([a-z.-]+)'"/#
    var used = Set<String>()
    for name in names {
      let text = try String(contentsOf: Self.stylesheets.appendingPathComponent(name), encoding: .utf8)
      for match in text.matches(of: pattern) { used.insert(String(match.1)) }
      // である調: no です・ます in what a stylesheet writes (comments aside).
      let written = text.replacing(#/<!--[\s\S]*?-->/#, with: "")
      for polite in ["ます。", "です。", "ください", "ました"] {
        #expect(!written.contains(polite), "\(name) writes \(polite)")
      }
    }
    #expect(used.count > 20, "\(used)")
    #expect(used.subtracting(terms.table.keys).isEmpty, "missing terms: \(used.subtracting(terms.table.keys))")
    // A stylesheet and Swift give the same word for a term.
    let probe = """
      <?xml version="1.0" encoding="UTF-8"?>
      <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
        <xsl:include href="terms.xsl"/>
        <xsl:output method="text" encoding="UTF-8"/>
        <xsl:template match="/"><xsl:call-template name="term"><xsl:with-param name="id" select="'doc.table'"/></xsl:call-template></xsl:template>
      </xsl:stylesheet>
      """
    // (a stylesheet reads only its own folder: the probe goes beside copies of the table)
    let folderScratch = try TempFolder(prefix: "guidekit-terms")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let sheet = folder.appendingPathComponent("probe.xsl").path
    try probe.write(toFile: sheet, atomically: true, encoding: .utf8)
    for file in ["terms.xsl", "terms.xml"] {
      try FileManager.default.copyItem(
        at: Self.stylesheets.appendingPathComponent(file), to: folder.appendingPathComponent(file))
    }
    let out = try Stylesheets(overrides: ["probe": sheet]).transform("probe", xml: "<x/>", fileName: "x.xml")
    #expect(out == terms["doc.table"])
  }

  static func bundledDelta() throws -> String {
    let old = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-labor/2018.xml"))
    let new = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-labor/2021.xml"))
    return DeltaDocument.xml(try DocumentDiffer.diff(old: old, new: new))
  }

  @Test("the diff formats use the table's words: 新設・改正, 公表・適用, no 追加/変更 or 策定/施行 labels")
  func diffWords() throws {
    let delta = try Self.bundledDelta()
    let sheets = Stylesheets()
    let table = try sheets.transform("delta-table", xml: delta, fileName: "delta.xml")
    let redline = try sheets.transform("delta-html", xml: delta, fileName: "delta.xml")
    let markdown = try sheets.transform("delta-markdown", xml: delta, fileName: "delta.xml")
    // The editions' dates stand before the first unit (the units' text may say 策定 or 施行).
    for (name, out, end) in [("table", table, "<tbody>"), ("redline", redline, "<main"), ("markdown", markdown, "###")]
    {
      let head = String(out[..<(out.range(of: end)?.lowerBound ?? out.endIndex)])
      #expect(!head.contains("策定") && !head.contains("施行"), "\(name): 策定/施行 date labels in \(head)")
      #expect(head.contains("公表"), "\(name): \(head)")
    }
    #expect(markdown.contains("| 新設 | 削除 | 改正 | 移動 | 番号変更 | 引用変更 | 変更なし |"), "\(markdown)")
    #expect(!redline.contains(#"<span class="k">策定</span>"#))
    #expect(redline.contains(#"<th scope="col">新設</th>"#), "\(redline)")
    #expect(!redline.contains(">追加<") && !redline.contains(">変更<"))
  }

  @Test(
    "notices and reports have である調 boilerplate, no です・ます",
    arguments: [
      ("telework-labor", "2018", "2021"), ("telework-security", "4.0", "5.0"),
    ])
  func deArrStyle(_ guideline: String, _ before: String, _ after: String) throws {
    let old = try DocumentLoader.load(file: RepoPaths.path("guidelines/\(guideline)/\(before).xml"))
    let new = try DocumentLoader.load(file: RepoPaths.path("guidelines/\(guideline)/\(after).xml"))
    let diff = try DocumentDiffer.diff(old: old, new: new)
    let full = NoticeBuilder.xml(
      edition: new, previous: (old, diff), links: .init(edition: "x.html", table: "x-table.html", text: "x.txt"))
    #expect(full.contains(">\(Terms.shared["doc.table"])</link>"))
    // The boilerplate only: the summary and the contact are the editors' words, in their style.
    let xml = full.replacing(#/<summary>[\s\S]*?</summary>|<contact>[\s\S]*?</contact>/#, with: "")
    let renderer = Renderer()
    for text in [try renderer.notice(xml: xml, text: false), try renderer.notice(xml: xml, text: true)] {
      #expect(!text.contains("ます。") && !text.contains("ください") && !text.contains("です。"), "\(text)")
      #expect(text.contains("公表する。"), "\(text)")
    }
    let markdown = try Stylesheets().transform(
      "delta-markdown", xml: DeltaDocument.xml(try DocumentDiffer.diff(old: new, new: new)), fileName: "d.xml")
    #expect(markdown.contains("変更はない。"), "\(markdown)")
  }

  @Test("Japanese impact reports say what a finding means in Japanese, not in the English message")
  func impactInJapanese() throws {
    let report = """
      <?xml version="1.0" encoding="UTF-8"?>
      <impact xmlns="urn:guidekit:impact:1" as-of="2026-11-25" references="1" current="0" stale="1" broken="0" findings="1">
        <clause file="g/1.0.xml" id="c-1" guideline="g" num="(1)" title="題" line="9">
          <finding status="renumbered" source="426AC1000000104" provision="Art23" label="第23条" line="10" pin="2025-07-01" latest="20261001_507AC0000000043" latest-provision="Art22">
            <message>the cited text now stands as Art22 in 20261001_507AC0000000043</message>
            <ref-label>サイバーセキュリティ基本法第23条</ref-label>
          </finding>
        </clause>
      </impact>
      """
    for name in ["impact-html", "impact-markdown"] {
      let out = try Stylesheets().transform(name, xml: report, fileName: "impact.xml")
      #expect(!out.contains("the cited text now stands"), "\(name): \(out)")
      #expect(out.contains(Terms.shared["impact.renumbered.help"]), "\(name)")
      #expect(!out.contains("ます") && !out.contains("ください"), "\(name): \(out)")
    }
  }
}

import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

/// An edition with one clause citing a law article (`provision`, `pin`), and one plain clause.
private func edition(version: String, provision: String, pin: String, text: String = "第38条の2") -> String {
  """
  <?xml version="1.0" encoding="UTF-8"?>
  <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="cite" version="\(version)" issued="2026-04-01">
    <title>引用の試験</title>
    <issuer>総務省</issuer>
    <chapter id="ch-1" num="第1章">
      <title>総則</title>
      <clause id="c-1" num="(1)">
        <title>労働時間</title>
        <p>事業場外で働く場合は<ref source="322AC0000000049" provision="\(provision)" pin="\(pin)">労働基準法\(text)</ref>による。</p>
      </clause>
      <clause id="c-2" num="(2)"><p>多要素認証を用いる。</p></clause>
    </chapter>
  </guideline>

  """
}

private func diff(_ old: String, _ new: String) throws -> DocumentDiff {
  let a = try DocumentLoader.load(data: Data(old.utf8), fileName: "1.0.xml")
  let b = try DocumentLoader.load(data: Data(new.utf8), fileName: "2.0.xml")
  return try DocumentDiffer.diff(old: a, new: b)
}

@Suite("Citation changes: a ref's provision or pin is a change of its own")
struct CitationChangeTests {
  let old = edition(version: "1.0", provision: "Art38_2", pin: "2025-06-01")
  let repinned = edition(version: "2.0", provision: "Art38_3", pin: "2026-04-01")

  @Test("a re-pinned, retargeted ref is a citation change, not a modified clause")
  func kindAndJSON() throws {
    let d = try diff(old, repinned)
    #expect(d.changes.count == 1)
    let change = try #require(d.changes.first)
    #expect(change.kind == .citation)
    #expect(change.segments.isEmpty)
    #expect(change.references.count == 1)
    let ref = try #require(change.references.first)
    #expect(ref.old?.provision == "Art38_2" && ref.new?.provision == "Art38_3")
    #expect(ref.old?.pin == "2025-06-01" && ref.new?.pin == "2026-04-01")
    #expect(d.summary.citation == 1 && d.summary.modified == 0, "\(d.summary)")
    #expect(!d.isEmpty)

    let json = try #require(try encodedJSON(d)["changes"] as? [[String: Any]])
    #expect(json.first?["kind"] as? String == "citation")
    let refs = try #require(json.first?["refs"] as? [[String: Any]])
    #expect(refs.first?["provision"] as? String == "Art38_3")
    #expect(refs.first?["oldProvision"] as? String == "Art38_2")
    #expect(refs.first?["pin"] as? String == "2026-04-01")
    #expect(refs.first?["oldPin"] as? String == "2025-06-01")
    #expect(refs.first?["source"] as? String == "322AC0000000049")
  }

  @Test("a text edit with a retarget is modified and still lists the ref change")
  func modifiedKeepsRefs() throws {
    let d = try diff(old, edition(version: "2.0", provision: "Art38_3", pin: "2025-06-01", text: "第38条の3"))
    let change = try #require(d.changes.first)
    #expect(change.kind == .modified)
    #expect(change.references.first?.new?.provision == "Art38_3")
    let json = try #require(try encodedJSON(d)["changes"] as? [[String: Any]])
    #expect((json.first?["refs"] as? [[String: Any]])?.count == 1)
  }

  @Test("unchanged refs give no change")
  func unchanged() throws {
    let d = try diff(old, edition(version: "2.0", provision: "Art38_2", pin: "2025-06-01"))
    #expect(d.isEmpty)
  }

  @Test("every format shows the citation change")
  func formats() throws {
    let d = try diff(old, repinned)
    let delta = DeltaDocument.xml(d)
    #expect(delta.contains(#"change="citation""#), "\(delta)")
    let schema = try XMLSchema(path: try #require(BundledSchema.resourcePath("schemas/delta.xsd")))
    let problems = schema.validate(try XMLDocument.parse(data: Data(delta.utf8), fileName: "delta.xml"))
    #expect(problems.isEmpty, "\(problems)")
    let sheets = Stylesheets()
    let text = try sheets.transform("delta-text", xml: delta, fileName: "delta.xml")
    #expect(text.contains("Art38_2 -> Art38_3"), "\(text)")
    #expect(text.contains("2025-06-01 -> 2026-04-01"), "\(text)")
    #expect(text.contains("1 citation"), "\(text)")
    let markdown = try sheets.transform("delta-markdown", xml: delta, fileName: "delta.xml")
    #expect(markdown.contains("`Art38_2` → `Art38_3`"), "\(markdown)")
    #expect(markdown.contains("引用変更"), "\(markdown)")
    let redline = try sheets.transform("delta-html", xml: delta, fileName: "delta.xml")
    #expect(redline.contains(#"class="refs""#), "\(redline)")
    #expect(redline.contains("Art38_3"), "\(redline)")
    let table = try sheets.transform("delta-table", xml: delta, fileName: "delta.xml")
    #expect(table.contains(#"class="refs""#), "\(table)")
    #expect(table.contains("2026-04-01"), "\(table)")
    // The 新旧対照表 underlines the changed provision and pin, not the unchanged text.
    #expect(table.components(separatedBy: "<ins>").count - 1 == 2, "\(table)")
  }

  @Test("the notice counts citation changes")
  func notice() throws {
    let d = try diff(old, repinned)
    let a = try DocumentLoader.load(data: Data(old.utf8), fileName: "1.0.xml")
    let b = try DocumentLoader.load(data: Data(repinned.utf8), fileName: "2.0.xml")
    let xml = NoticeBuilder.xml(edition: b, previous: (a, d), links: .init())
    #expect(xml.contains(#"citation="1""#), "\(xml)")
    #expect(xml.contains(#"kind="citation""#), "\(xml)")
    let text = try Renderer().notice(xml: xml, text: true)
    #expect(text.contains("引用変更"), "\(text)")
  }

  @Test("history reports the citation change of the clause")
  func history() throws {
    let a = try DocumentLoader.load(data: Data(old.utf8), fileName: "1.0.xml")
    let b = try DocumentLoader.load(data: Data(repinned.utf8), fileName: "2.0.xml")
    let history = try #require(try ClauseHistory.build(editions: [a, b], clause: "c-1"))
    #expect(history.entries.last?.change == .citation)
    #expect(TextFormat.history(history).contains("Art38_2 -> Art38_3"), "\(TextFormat.history(history))")
    let editions = try #require(try encodedJSON(history)["editions"] as? [[String: Any]])
    #expect((editions.last?["refs"] as? [[String: Any]])?.first?["oldPin"] as? String == "2025-06-01")
  }
}

import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

/// `<appendix>` (別紙・別添・様式) after the chapters: read, checked, diffed and shown like chapters.
@Suite("appendices")
struct AppendixTests {
  static func edition(version: String = "1.0", supersedes: String? = nil, appendices: String) -> String {
    validationGuideline(
      version: version, supersedes: supersedes,
      """
        <chapter id="ch-1" num="第1章">
          <title>総則</title>
          <clause id="c-1" num="(1)"><p>点検は<xref target="app-1"/>により、届出は<xref target="form-1-items"/>の事項による。</p></clause>
        </chapter>
      \(appendices)
      """)
  }

  static let appendices = """
      ⟨app⟩<appendix id="app-1" num="別紙1" kind="attachment">
        <title>点検項目</title>
        <p>次の項目を点検する。</p>
        <list><item>多要素認証を用いているか。</item></list>
      </appendix>
      <appendix id="form-1" num="様式第1号" kind="form">
        <title>利用届</title>
        <clause id="form-1-items" num="(1)"><title>記載事項</title><p>氏名及び所属</p></clause>
      </appendix>
    """

  @Test("the reader gives an appendix with its kind, text and clauses; references name it by its number")
  func reader() throws {
    let tree = try CrossReferenceTests.load(Self.edition(appendices: Self.appendices))
    #expect(tree.units.map(\.kind) == [.chapter, .appendix, .appendix])
    let first = tree.units[1]
    #expect(first.id == "app-1" && first.num == "別紙1" && first.title == "点検項目")
    #expect(first.properties["kind"] == "attachment" && first.blocks.map(\.text) == ["次の項目を点検する。", "多要素認証を用いているか。"])
    #expect(tree.units[2].children.map(\.id) == ["form-1-items"])
    #expect(CrossReferenceTests.unit(tree, "c-1")?.blocks.first?.text == "点検は別紙1により、届出は様式第1号(1)の事項による。")
    #expect(tree.diffUnits().map(\.unit.id) == ["c-1", "app-1", "form-1", "form-1-items"])
    let text = MarkedText(Self.edition(appendices: Self.appendices)).text
    #expect(try DocumentLoader.read(try XMLDocument.parse(data: Data(text.utf8), fileName: "1.0.xml")) == tree)
  }

  @Test("the schema: appendices after the chapters, with a title, text and clauses; an empty one is empty-clause")
  func schema() throws {
    let folder = try ValidationFixtureFolder()
    func add(_ name: String, _ text: String) throws {
      try folder.add("\(name)/1.0.xml", text.replacingOccurrences(of: "id=\"sample\"", with: "id=\"\(name)\""))
    }
    try add("a", Self.edition(appendices: Self.appendices))
    // Before a chapter.
    try add(
      "b",
      validationGuideline(
        """
          <appendix id="x" num="別紙1"><title>点検</title><p>本文。</p></appendix>
          <chapter id="ch-1"><title>総則</title><clause id="c-1"><p>本文。</p></clause></chapter>
        """))
    // A section inside, and an unknown kind.
    try add(
      "c",
      Self.edition(
        appendices:
          "<appendix id=\"app-1\" num=\"別紙1\"><title>点検</title><section id=\"s\" num=\"1\"><title>節</title></section></appendix>"
      ))
    try add(
      "d", Self.edition(appendices: "<appendix id=\"app-1\" kind=\"memo\"><title>点検</title><p>本文。</p></appendix>"))
    try add("e", Self.edition(appendices: "⟨empty⟩<appendix id=\"app-1\" num=\"別紙1\"><title>点検</title></appendix>"))
    let report = folder.validate()
    #expect(!report.diagnostics.contains { $0.file.contains("/a/") }, "\(report.diagnostics)")
    for name in ["b", "c", "d"] {
      #expect(report.diagnostics.contains { $0.file.contains("/\(name)/") && $0.rule == "schema" }, "\(name)")
    }
    let empty = report.diagnostics.filter { $0.file.contains("/e/") && $0.rule != "xref-unknown-target" }
    #expect(empty.map { "\($0.rule) \($0.message)" } == ["empty-clause appendix \"app-1\" has no text"])
  }

  @Test("diff: an appendix's own text is one unit, its clauses others; added appendices are added")
  func diff() throws {
    let old = try CrossReferenceTests.load(Self.edition(appendices: Self.appendices))
    let newText =
      Self.appendices.replacingOccurrences(of: "次の項目を点検する。", with: "次の項目を毎年点検する。")
      .replacingOccurrences(of: "<p>氏名及び所属</p>", with: "<p>氏名、所属及び連絡先</p>")
      + "<appendix id=\"enc-1\" num=\"別添\" kind=\"enclosure\"><title>参考資料</title><p>関係法令の一覧。</p></appendix>"
    let new = try CrossReferenceTests.load(Self.edition(version: "2.0", supersedes: "1.0", appendices: newText))
    let diff = try DocumentDiffer.diff(old: old, new: new)
    #expect(
      diff.changes.map { "\($0.kind.rawValue) \($0.id)" } == ["modified app-1", "modified form-1-items", "added enc-1"])
    let app = try #require(diff.changes.first)
    #expect(app.segments.filter { $0.op == .insert }.map(\.text) == ["毎年"])
    let delta = DeltaDocument.xml(diff)
    #expect(delta.contains(#"type="appendix""#))
    let schema = try XMLSchema(path: try #require(BundledSchema.resourcePath("schemas/delta.xsd")))
    #expect(schema.validate(try XMLDocument.parse(data: Data(delta.utf8), fileName: "delta.xml")).isEmpty)
    let table = try Stylesheets().transform("delta-table", xml: delta, fileName: "delta.xml")
    #expect(table.contains("別紙1") && table.contains("（新設）") && table.contains("参考資料"))
  }

  @Test("HTML and text show appendices after the chapters, in the contents, numbered like chapters")
  func render() throws {
    let (folder, file) = try FootnoteTests.write(Self.edition(appendices: Self.appendices))
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = try Renderer().html(file: file)
    #expect(html.contains(#"<section id="app-1" class="chapter appendix">"#), "\(html)")
    #expect(html.contains(##"<a href="#form-1"><span class="toc-num">様式第1号</span>"##))
    #expect(html.contains(##"<a class="xref" href="#form-1-items" title="記載事項">様式第1号(1)</a>"##))
    let chapter = try #require(html.range(of: #"<section id="ch-1""#))
    let appendix = try #require(html.range(of: #"<section id="app-1""#))
    #expect(chapter.lowerBound < appendix.lowerBound)
    let text = try Renderer().text(file: file)
    #expect(text.contains("別紙1　点検項目\n"), "\(text)")
    #expect(text.contains("様式第1号　利用届\n"))
    #expect(text.contains("(1) 【記載事項】氏名及び所属"))
  }
}

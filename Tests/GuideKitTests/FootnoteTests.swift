import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// `<fn>` footnotes: numbered through the edition in the HTML page (footnotes) and the plain text
/// (end notes); compared in place, unnumbered, by the diff.
@Suite("footnotes")
struct FootnoteTests {
  static func edition(
    version: String = "1.0", supersedes: String? = nil, first: String = "ゼロトラスト<fn>全ての通信を検証する考え方をいう。</fn>を採る。",
    second: String = "多要素認証<fn>二つ以上の要素を組み合わせる認証をいう（<xref target=\"c-1\"/>参照）。</fn>を用いる。"
  ) -> String {
    validationGuideline(
      version: version, supersedes: supersedes,
      """
        <summary><p>概要<fn>概要の注。</fn>である。</p></summary>
        <chapter id="ch-1" num="第1章">
          <title>総則</title>
          <clause id="c-1" num="(1)">⟨first⟩<p>\(first)</p></clause>
        </chapter>
        <chapter id="ch-2" num="第2章">
          <title>対策</title>
          <clause id="c-2" num="(1)"><p>\(second)</p></clause>
        </chapter>
      """)
  }

  static func write(_ text: String) throws -> (folder: URL, file: String) {
    let folder = try TempFolder.create(prefix: "guidekit-fn")
    let file = folder.appendingPathComponent("1.0.xml").path
    try MarkedText(text).text.write(toFile: file, atomically: true, encoding: .utf8)
    return (folder, file)
  }

  @Test("the reader keeps a note in place as ［注：…］, its cross-references labelled")
  func reader() throws {
    let tree = try CrossReferenceTests.load(Self.edition())
    #expect(CrossReferenceTests.unit(tree, "c-1")?.blocks.first?.text == "ゼロトラスト［注：全ての通信を検証する考え方をいう。］を採る。")
    #expect(
      CrossReferenceTests.unit(tree, "c-2")?.blocks.first?.text
        == "多要素認証［注：二つ以上の要素を組み合わせる認証をいう（第1章(1)参照）。］を用いる。")
    #expect(tree.info.summary == ["概要［注：概要の注。］である。"])
    let text = MarkedText(Self.edition()).text
    #expect(try DocumentLoader.read(try XMLDocument.parse(data: Data(text.utf8), fileName: "1.0.xml")) == tree)
  }

  @Test("the schema takes fn in text, not in a title nor inside another fn")
  func schema() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("a/1.0.xml", Self.edition().replacingOccurrences(of: "id=\"sample\"", with: "id=\"a\""))
    try folder.add(
      "b/1.0.xml",
      Self.edition(first: "外<fn>注<fn>入れ子</fn></fn>。").replacingOccurrences(of: "id=\"sample\"", with: "id=\"b\""))
    try folder.add(
      "c/1.0.xml",
      Self.edition().replacingOccurrences(of: "<title>総則</title>", with: "<title>総則<fn>見出しの注</fn></title>")
        .replacingOccurrences(of: "id=\"sample\"", with: "id=\"c\""))
    let report = folder.validate()
    #expect(!report.diagnostics.contains { $0.file.contains("/a/") }, "\(report.diagnostics)")
    for name in ["b", "c"] {
      #expect(report.diagnostics.contains { $0.file.contains("/\(name)/") && $0.rule == "schema" }, "\(name)")
    }
  }

  @Test("HTML: marks and notes numbered through the edition, notes after their chapter; text: end notes")
  func render() throws {
    let (folder, file) = try Self.write(Self.edition())
    defer { try? FileManager.default.removeItem(at: folder) }
    let renderer = Renderer()
    let html = try renderer.html(file: file)
    for n in 1...3 {
      #expect(html.contains(##"<a id="gk-fnref-\##(n)" href="#gk-fn-\##(n)" role="doc-noteref">注\##(n)</a>"##), "\(n)")
      #expect(html.contains(##"<li id="gk-fn-\##(n)"><span class="fn-num">注\##(n)</span>"##), "\(n)")
    }
    // Note 2 stands after chapter 1's text and before chapter 2.
    let note2 = try #require(html.range(of: ##"<li id="gk-fn-2">"##))
    let chapter2 = try #require(html.range(of: ##"<section id="ch-2""##))
    #expect(note2.lowerBound < chapter2.lowerBound)
    #expect(html.contains(##"（<a class="xref" href="#c-1">第1章(1)</a>参照）"##))
    let text = try renderer.text(file: file)
    #expect(text.contains("ゼロトラスト（注2）を採る。"), "\(text)")
    let endNotes = try #require(text.range(of: "\n注\n"))
    let tail = text[endNotes.upperBound...]
    #expect(tail.contains("注1 概要の注。") && tail.contains("注2 全ての通信を検証する考え方をいう。"), "\(tail)")
    #expect(tail.contains("注3 二つ以上の要素を組み合わせる認証をいう（第1章(1)参照）。"))
  }

  @Test("diff: an edited note is a change in place; a note added before another changes only its own clause")
  func diff() throws {
    let old = try CrossReferenceTests.load(Self.edition())
    let edited = try CrossReferenceTests.load(
      Self.edition(version: "2.0", supersedes: "1.0", first: "ゼロトラスト<fn>全ての通信を常に検証する考え方をいう。</fn>を採る。"))
    let diff = try DocumentDiffer.diff(old: old, new: edited)
    let change = try #require(diff.changes.first { $0.id == "c-1" })
    #expect(change.kind == .modified)
    #expect(change.segments.filter { $0.op != .equal }.map(\.text) == ["常に"])
    #expect(diff.changes.count == 1)
    // A note added to chapter 1 renumbers note 3 in the pages, but c-2 is no change.
    let added = try CrossReferenceTests.load(
      Self.edition(
        version: "2.0", supersedes: "1.0",
        first: "ゼロトラスト<fn>全ての通信を検証する考え方をいう。</fn>を採り、境界防御<fn>社内外の境界で守る考え方をいう。</fn>を補う。"))
    let addedDiff = try DocumentDiffer.diff(old: old, new: added)
    #expect(addedDiff.changes.map(\.id) == ["c-1"])
    let inserted = addedDiff.changes[0].segments.filter { $0.op == .insert }.map(\.text).joined()
    #expect(inserted.contains("［注：社内外の境界で守る考え方をいう。］"), "\(inserted)")
    // The 新旧対照表 shows the note in place.
    let table = try Stylesheets().transform("delta-table", xml: DeltaDocument.xml(addedDiff), fileName: "delta.xml")
    #expect(table.contains("社内外の境界で守る考え方をいう。"))
  }

  @Test("fmt keeps a footnote inline, as written")
  func format() throws {
    let text = MarkedText(Self.edition()).text
    let formatted = GuidelineFormatter.format(try XMLDocument.parse(data: Data(text.utf8), fileName: "x.xml").tree())
    #expect(formatted.contains("<p>ゼロトラスト<fn>全ての通信を検証する考え方をいう。</fn>を採る。</p>"))
  }
}

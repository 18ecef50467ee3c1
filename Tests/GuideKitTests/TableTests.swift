import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

/// `<table>`: rows aligned by id across editions, cells labelled with their column's header, laid
/// out in columns (or a list per row) in plain text.
@Suite("tables")
struct TableTests {
  static let header = """
    <thead><row id="h"><cell>対策</cell><cell>経営者</cell><cell>管理者</cell></row></thead>
    """

  static func edition(version: String = "1.0", supersedes: String? = nil, rows: String, head: String = header) -> String
  {
    validationGuideline(
      version: version, supersedes: supersedes,
      """
        <chapter id="ch-1" num="第1章">
          <title>総則</title>
          <clause id="c-1" num="(1)">
            <p>対象者ごとの対策は<xref target="t-1"/>のとおりとする。</p>
            <table id="t-1" num="表1">
              <caption>対象者別の対策</caption>
              \(head)
              <tbody>
      \(rows)
              </tbody>
            </table>
          </clause>
        </chapter>
      """)
  }

  static let rows = """
        <row id="r-policy"><cell>ポリシーの策定</cell><cell>○</cell><cell>○</cell></row>
        <row id="r-mfa"><cell>多要素認証</cell><cell>－</cell><cell>○</cell></row>
        <row id="r-edu"><cell>教育</cell><cell colspan="2">全員に行う</cell></row>
    """

  static func load(_ text: String, name: String = "1.0.xml") throws -> ClauseTree {
    try CrossReferenceTests.load(text, name: name)
  }

  @Test("the grid places a cell after the cells spanning rows into its row")
  func grid() {
    // | a (2 rows) | b | c |
    // |            | d | e |
    // | f (2 cols)     | g |
    let starts = TableGrid.columns([[(2, 1), (1, 1), (1, 1)], [(1, 1), (1, 1)], [(1, 2), (1, 1)]])
    #expect(starts == [[0, 1, 2], [1, 2], [0, 2]])
    #expect(
      TableGrid.columns([[(3, 2), (1, 1)], [(1, 1)], [(1, 1)], [(1, 1), (1, 1), (1, 1)]]) == [
        [0, 2], [2], [2], [0, 1, 2],
      ])
  }

  @Test("the reader gives the table as a unit of rows whose cells carry their column's header")
  func reader() throws {
    let tree = try Self.load(Self.edition(rows: Self.rows))
    let clause = try #require(CrossReferenceTests.unit(tree, "c-1"))
    let table = try #require(clause.children.first)
    #expect(table.kind == .table && table.id == "t-1" && table.num == "表1" && table.title == "対象者別の対策")
    #expect(table.children.map(\.id) == ["h", "r-policy", "r-mfa", "r-edu"])
    #expect(table.children.allSatisfy { $0.kind == .row })
    let mfa = table.children[2]
    #expect(mfa.blocks.map(\.displayText) == ["対策　多要素認証", "経営者　－", "管理者　○"])
    #expect(table.children[3].blocks.map(\.displayText) == ["対策　教育", "経営者／管理者（2列結合）　全員に行う"])
    #expect(clause.blocks.first?.text == "対象者ごとの対策は表1のとおりとする。")
    #expect(tree.diffUnits().map(\.unit.id) == ["c-1", "h", "r-policy", "r-mfa", "r-edu"])
    // The clause's own text names the table; rows are not repeated in it.
    #expect(DiffText.lines(of: clause) == ["対象者ごとの対策は表1のとおりとする。", "表1　対象者別の対策"])
    let text = MarkedText(Self.edition(rows: Self.rows)).text
    #expect(try DocumentLoader.read(try XMLDocument.parse(data: Data(text.utf8), fileName: "1.0.xml")) == tree)
  }

  @Test("cells hold inline text, paragraphs or lists; references in cells are the clause's")
  func cellContent() throws {
    let rows = """
          <row id="r-1"><cell><p>第一段。</p><p>第二段。</p></cell><cell><list><item>甲</item><item>乙</item></list></cell><cell><xref target="c-1"/>及び<ref source="nist-sp800-53" provision="ac-17" pin="rev4">AC-17</ref></cell></row>
      """
    let tree = try Self.load(Self.edition(rows: rows))
    let row = try #require(CrossReferenceTests.unit(tree, "r-1"))
    #expect(row.blocks.map(\.text) == ["第一段。　第二段。", "・　甲　・　乙", "第1章(1)及びAC-17"])
    #expect(CrossReferenceTests.unit(tree, "c-1")?.references.map(\.provision) == ["ac-17"])
  }

  @Test("the schema: rows need ids, spans are positive, a table needs a caption and a body")
  func schema() throws {
    let folder = try ValidationFixtureFolder()
    func add(_ name: String, _ text: String) throws {
      try folder.add("\(name)/1.0.xml", text.replacingOccurrences(of: "id=\"sample\"", with: "id=\"\(name)\""))
    }
    try add("a", Self.edition(rows: Self.rows))
    try add("b", Self.edition(rows: "<row><cell>行</cell></row>"))
    try add("c", Self.edition(rows: "<row id=\"r\"><cell rowspan=\"0\">行</cell></row>"))
    try add("d", Self.edition(rows: "").replacingOccurrences(of: "<caption>対象者別の対策</caption>", with: ""))
    try add("e", Self.edition(rows: Self.rows).replacingOccurrences(of: "id=\"r-mfa\"", with: "id=\"r-policy\""))
    let report = folder.validate()
    #expect(!report.diagnostics.contains { $0.file.contains("/a/") }, "\(report.diagnostics)")
    for name in ["b", "c", "d"] {
      #expect(report.diagnostics.contains { $0.file.contains("/\(name)/") && $0.rule == "schema" }, "\(name)")
    }
    #expect(report.diagnostics.contains { $0.file.contains("/e/") && $0.rule == "duplicate-id" })
  }

  @Test("diff by row: added, removed, moved, a cell edited, a span changed; the 新旧対照表 shows changed rows only")
  func diff() throws {
    let old = try Self.load(Self.edition(rows: Self.rows))
    let rows = """
          <row id="r-mfa"><cell>多要素認証</cell><cell>－</cell><cell>○</cell></row>
          <row id="r-policy"><cell>ポリシーの策定</cell><cell>○</cell><cell>○</cell></row>
          <row id="r-edu"><cell>教育</cell><cell>年1回行う</cell><cell>随時行う</cell></row>
          <row id="r-vpn"><cell>VPN機器の更新</cell><cell>－</cell><cell>○</cell></row>
      """
    let new = try Self.load(Self.edition(version: "2.0", supersedes: "1.0", rows: rows), name: "2.0.xml")
    let diff = try DocumentDiffer.diff(old: old, new: new)
    let kinds = Dictionary(uniqueKeysWithValues: diff.changes.map { ($0.id, $0.kind) })
    #expect(kinds["r-vpn"] == .added)
    #expect(kinds["r-edu"] == .modified)
    // Rows reordered within their table are no change (as clauses within their section).
    #expect(kinds["r-mfa"] == nil && kinds["r-policy"] == nil, "\(kinds)")
    #expect(kinds["c-1"] == nil && kinds["h"] == nil)
    let edu = try #require(diff.changes.first { $0.id == "r-edu" })
    #expect(edu.segments.contains { $0.op == .delete && $0.text.contains("2列結合") })
    // A row moved into another table is moved.
    let other = """
          </tbody>
        </table>
        <table id="t-2" num="表2">
          <caption>発展的な対策</caption>
          <thead><row id="h-2"><cell>対策</cell><cell>経営者</cell><cell>管理者</cell></row></thead>
          <tbody>
            <row id="r-mfa"><cell>多要素認証</cell><cell>－</cell><cell>○</cell></row>
      """
    let split = try Self.load(
      Self.edition(
        version: "2.0", supersedes: "1.0",
        rows: Self.rows.replacingOccurrences(
          of: "<row id=\"r-mfa\"><cell>多要素認証</cell><cell>－</cell><cell>○</cell></row>", with: "")
          + other), name: "2.0.xml")
    let moved = try DocumentDiffer.diff(old: old, new: split)
    #expect(moved.changes.first { $0.id == "r-mfa" }?.kind == .moved, "\(moved.changes.map(\.id))")
    // Removed, and a cell edited in place.
    let fewer = try Self.load(
      Self.edition(
        version: "2.0", supersedes: "1.0",
        rows: """
              <row id="r-policy"><cell>情報セキュリティポリシーの策定</cell><cell>○</cell><cell>○</cell></row>
              <row id="r-edu"><cell>教育</cell><cell colspan="2">全員に行う</cell></row>
          """), name: "2.0.xml")
    let second = try DocumentDiffer.diff(old: old, new: fewer)
    #expect(second.changes.map { "\($0.kind.rawValue) \($0.id)" }.sorted() == ["modified r-policy", "removed r-mfa"])
    let policy = try #require(second.changes.first { $0.id == "r-policy" })
    #expect(policy.segments.filter { $0.op != .equal }.map(\.text) == ["情報セキュリティ"])
    // The 新旧対照表: the changed rows, each cell after its header, under the table's caption.
    let table = try Stylesheets().transform("delta-table", xml: DeltaDocument.xml(second), fileName: "delta.xml")
    #expect(table.contains("表1 対象者別の対策"), "\(table)")
    #expect(table.contains("対策　<ins>情報セキュリティ</ins>ポリシーの策定") || table.contains("<span class=\"u\">情報セキュリティ</span>"))
    #expect(!table.contains("全員に行う"), "an unchanged row is left out")
    #expect(table.contains("（削除）"))
  }

  @Test("新旧対照表: the headings above a changed row (clause, table) are the old ones, not （新設）")
  func tableHeadingsInTheComparison() throws {
    let old = try Self.load(Self.edition(rows: Self.rows))
    let new = try Self.load(
      Self.edition(
        version: "2.0", supersedes: "1.0", rows: Self.rows.replacingOccurrences(of: "全員に行う", with: "全員に毎年行う")
      )
      .replacingOccurrences(of: "<clause id=\"c-1\" num=\"(1)\">", with: "<clause id=\"c-1\" num=\"(2)\">"),
      name: "2.0.xml")
    let delta = DeltaDocument.xml(try DocumentDiffer.diff(old: old, new: new))
    let table = try Stylesheets().transform("delta-table", xml: delta, fileName: "delta.xml")
    #expect(!table.contains("（新設）"), "\(table)")
    #expect(table.contains("表1 対象者別の対策"))
  }

  @Test("HTML: a table with its caption, header cells and spans")
  func html() throws {
    let (folder, file) = try FootnoteTests.write(Self.edition(rows: Self.rows))
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = try Renderer().html(file: file)
    #expect(
      html.contains(#"<table class="gk-table" id="t-1"><caption><span class="num">表1</span>　対象者別の対策</caption>"#),
      "\(html)")
    #expect(html.contains(#"<tr id="h"><th scope="col">対策</th><th scope="col">経営者</th><th scope="col">管理者</th></tr>"#))
    #expect(html.contains(#"<tr id="r-edu"><td>教育</td><td colspan="2">全員に行う</td></tr>"#))
    #expect(
      html.contains(##"<a class="xref" href="#t-1" title="">表1</a>"##)
        || html.contains(##"<a class="xref" href="#t-1">表1</a>"##))
  }

  @Test("plain text: columns by East Asian width when they fit, a list per row when not or when cells span")
  func text() throws {
    let plainRows = """
          <row id="r-policy"><cell>ポリシーの策定</cell><cell>○</cell><cell>○</cell></row>
          <row id="r-mfa"><cell>多要素認証</cell><cell>－</cell><cell>○</cell></row>
      """
    let (folder, file) = try FootnoteTests.write(Self.edition(rows: plainRows))
    defer { try? FileManager.default.removeItem(at: folder) }
    let wide = try Renderer(layout: TextLayoutOptions(width: 70)).text(file: file)
    #expect(wide.contains("表1　対象者別の対策\n"), "\(wide)")
    let lines = wide.split(separator: "\n").map(String.init)
    let head = try #require(lines.firstIndex { $0.hasSuffix("対策            経営者  管理者") })
    #expect(lines[head + 1].trimmingCharacters(in: .whitespaces).allSatisfy { $0 == "-" })
    // ○ is East Asian Width A (one column), － is full-width (two).
    #expect(lines[head + 2].hasSuffix("ポリシーの策定  ○       ○"), "\(wide)")
    #expect(lines[head + 3].hasSuffix("多要素認証      －      ○"))
    // Every column starts at the same display column.
    let starts = [lines[head], lines[head + 2]].map { line -> Int in
      let prefix = line[..<(line.range(of: line.contains("経営者") ? "経営者" : "○")?.lowerBound ?? line.endIndex)]
      return EastAsianWidth.columns(of: prefix)
    }
    #expect(starts[0] == starts[1])
    // Too narrow: a list per row, each cell after its header; no line wider than the width.
    let narrow = try Renderer(layout: TextLayoutOptions(width: 24)).text(file: file)
    #expect(narrow.contains("・ 対策：ポリシー"), "\(narrow)")
    #expect(!narrow.contains("経営者  管理者"))
    #expect(narrow.split(separator: "\n").allSatisfy { EastAsianWidth.columns(of: $0) <= 24 })
    // Spanning cells: a list.
    try MarkedText(Self.edition(rows: Self.rows)).text.write(toFile: file, atomically: true, encoding: .utf8)
    let spans = try Renderer().text(file: file)
    #expect(spans.contains("・ 対策：教育　経営者／管理者：全員に行う"), "\(spans)")
  }

  @Test("a hostile span (read without the schema, as diff and render do) is bounded, not followed")
  func hostileSpan() throws {
    let rows = """
          <row id="r-1"><cell colspan="2000000000" rowspan="9999999999">大</cell><cell>次</cell></row>
          <row id="r-2"><cell>下</cell></row>
      """
    let tree = try Self.load(Self.edition(rows: rows))
    let row = try #require(CrossReferenceTests.unit(tree, "r-1"))
    #expect(row.blocks.first?.label?.contains("100行100列結合") == true, "\(row.blocks)")
    let (folder, file) = try FootnoteTests.write(Self.edition(rows: rows))
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try Renderer().text(file: file).contains("大"))
  }

  @Test("fmt lays a table out one element per line and keeps cells as written")
  func format() throws {
    let text = MarkedText(Self.edition(rows: Self.rows)).text
    let formatted = GuidelineFormatter.format(try XMLDocument.parse(data: Data(text.utf8), fileName: "x.xml").tree())
    #expect(formatted.contains("<cell colspan=\"2\">全員に行う</cell>"), "\(formatted)")
    let again = GuidelineFormatter.format(try XMLDocument.parse(data: Data(formatted.utf8), fileName: "x.xml").tree())
    #expect(again == formatted)
  }
}

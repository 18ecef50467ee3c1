import Foundation
import GuideKit
import GuideKitTestSupport
import GuideKitWord
import GuideKitXML
import Testing

/// Two small editions with one unit of each kind of change, for exact checks of the 新旧対照表.
enum TableFixture {
  static func edition(version: String, supersedes: String?, clauses: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="sample" version="\(version)"\(supersedes.map { " supersedes=\"\($0)\"" } ?? "") issued="2024-04-01">
      <title>テスト用ガイドライン</title>
      <issuer>総務省</issuer>
      <chapter id="ch-1" num="第1章">
        <title>総則</title>
    \(clauses)
      </chapter>
    </guideline>

    """
  }

  static let old = edition(
    version: "1.0", supersedes: nil,
    clauses: """
        <clause id="c-purpose" num="(1)"><title>目的</title><p>この指針の目的を定める。</p></clause>
        <clause id="c-auth" num="(2)"><title>認証</title><p>利用者の認証にはパスワードを用いる。</p></clause>
        <clause id="c-scope" num="(3)"><title>範囲</title><p>全ての端末に適用する。</p></clause>
        <clause id="c-carry" num="(4)"><title>持ち帰り</title><p>端末を自宅に持ち帰る場合は届け出る。</p></clause>
        <clause id="c-training" num="(5)"><title>教育</title><p>年に一度の教育を行う。</p></clause>
      """)

  static let new = edition(
    version: "2.0", supersedes: "1.0",
    clauses: """
        <clause id="c-purpose" num="(1)"><title>目的</title><p>この指針の目的を定める。</p></clause>
        <clause id="c-auth" num="(2)"><title>認証</title><p>利用者の認証には多要素認証を用いる。</p></clause>
        <clause id="c-scope" num="(3)"><title>範囲</title><p>全ての端末に適用する。</p></clause>
        <clause id="c-training" num="(4)"><title>教育</title><p>年に一度の教育を行う。</p></clause>
        <clause id="c-logs" num="(5)"><title>記録</title><p>アクセスの記録を一年間保存する。</p></clause>
      """)

  /// The delta document and the 新旧対照表 .docx of the two editions.
  static func make(parameters: [String: String] = [:]) throws -> (delta: XMLElement, docx: [UInt8]) {
    let folder = try TempFolder()
    let delta = try WordTest.delta(try folder.write("1.0.xml", old), try folder.write("2.0.xml", new))
    let docx = try WordExport.table(delta: delta, parameters: parameters)
    return (try XMLDocument.parse(data: Data(delta.utf8), fileName: "delta.xml").rootElement(), docx)
  }
}

@Suite struct TableExportTests {
  static let d = DeltaDocument.namespace

  /// The rows of the one table, each as its two cells.
  static func rows(_ docx: [UInt8]) throws -> (table: XMLElement, rows: [[XMLElement]]) {
    let document = try WordTest.part(docx, "word/document.xml")
    let tables = WordTest.all(document, "tbl")
    try #require(tables.count == 1)
    let rows = WordTest.all(tables[0], "tr").map { WordTest.all($0, "tc") }
    return (tables[0], rows)
  }

  @Test func twoEqualColumnsWithRepeatingHeader() throws {
    let (_, docx) = try TableFixture.make()
    let (table, rows) = try Self.rows(docx)
    let grid = WordTest.all(table, "gridCol").compactMap { WordTest.attribute($0, "w") }
    #expect(grid.count == 2)
    #expect(Set(grid).count == 1)
    #expect(rows.allSatisfy { $0.count == 2 })
    let header = try #require(WordTest.all(table, "tr").first)
    #expect(!WordTest.all(header, "tblHeader").isEmpty)
    #expect(rows[0].map { WordTest.text($0) } == ["改正後", "改正前"])
    // Only the header row repeats.
    #expect(WordTest.all(table, "tblHeader").count == 1)
    // Rows are ruled, so that the table closes at the foot of every page: Word repeats no footer.
    let borders = try #require(WordTest.all(table, "tblBorders").first)
    for edge in ["top", "bottom", "left", "right", "insideH", "insideV"] {
      #expect(WordTest.all(borders, edge).first.flatMap { WordTest.attribute($0, "val") } == "single", "\(edge)")
    }
  }

  /// A modified clause: the spans the diff inserted are underlined on the left, those it deleted
  /// on the right, and nothing else is.
  @Test func underlinesExactlyTheChangedSpans() throws {
    let (delta, docx) = try TableFixture.make()
    let unit = try #require(
      delta.elements(named: "unit", namespace: Self.d).first { $0[attribute: "id"] == "c-auth" })
    #expect(unit[attribute: "change"] == "modified")
    func spans(_ side: String, _ name: String) -> String {
      (unit.firstElement(named: side, namespace: Self.d)?.descendants { $0.name == name } ?? []).map(\.textContent)
        .joined()
    }
    let inserted = spans("new", "ins")
    let deleted = spans("old", "del")
    #expect(!inserted.isEmpty && !deleted.isEmpty)
    let (_, rows) = try Self.rows(docx)
    let row = try #require(rows.first { WordTest.text($0[0]).contains("利用者の認証") })
    #expect(WordTest.text(row[0], underlined: true) == inserted)
    #expect(WordTest.text(row[1], underlined: true) == deleted)
    // The chapter heading stands at the top of the row of the first unit under it.
    #expect(WordTest.text(row[0]) == "第1章 総則(2)　認証利用者の認証には多要素認証を用いる。")
    #expect(WordTest.text(row[1]) == "第1章 総則(2)　認証利用者の認証にはパスワードを用いる。")
  }

  @Test func addedRemovedRenumberedAndGaps() throws {
    let (_, docx) = try TableFixture.make()
    let (_, rows) = try Self.rows(docx)
    let texts = rows.map { ($0.map { WordTest.text($0) }, $0.map { WordTest.text($0, underlined: true) }) }
    // Added: all of it underlined on the left, （新設） on the right.
    let added = try #require(texts.first { $0.0[0].contains("アクセスの記録") })
    #expect(added.1[0] == added.0[0])
    #expect(added.0[1] == "（新設）")
    // Removed: （削除） on the left, all of it underlined on the right.
    let removed = try #require(texts.first { $0.0[1].contains("持ち帰る") })
    #expect(removed.0[0] == "（削除）")
    #expect(removed.1[1] == removed.0[1])
    // Renumbered: both numbers underlined, the text not.
    let renumbered = try #require(texts.first { $0.0[0].contains("教育を行う") })
    #expect(renumbered.1 == ["(4)", "(5)"])
    // Unchanged clauses are shortened to （略） in both columns.
    #expect(texts.contains { $0.0 == ["（略）", "（略）"] })
    #expect(!texts.contains { $0.0[0].contains("この指針の目的") })
    // The chapter heading stands once, unchanged, on both sides.
    #expect(texts.filter { $0.0[0].hasPrefix("第1章 総則") && $0.0[1].hasPrefix("第1章 総則") }.count == 1)
    #expect(texts.filter { $0.0.joined().contains("総則") }.count == 1)
  }

  @Test func titleNoteAndLandscapeByDefault() throws {
    let (_, docx) = try TableFixture.make()
    let document = try WordTest.part(docx, "word/document.xml")
    let paragraphs = WordTest.all(document, "p").map { WordTest.text($0) }
    #expect(paragraphs.first == "テスト用ガイドライン 新旧対照表")
    #expect(paragraphs.contains("（傍線部分は改正部分）"))
    let size = try #require(WordTest.all(document, "pgSz").first)
    #expect(WordTest.attribute(size, "orient") == "landscape")
    #expect(Int(WordTest.attribute(size, "w") ?? "") == 16838)
  }

  @Test func portraitOnRequest() throws {
    let (_, docx) = try TableFixture.make(parameters: ["paper": "portrait"])
    let document = try WordTest.part(docx, "word/document.xml")
    let size = try #require(WordTest.all(document, "pgSz").first)
    #expect(WordTest.attribute(size, "orient") == nil)
    #expect(Int(WordTest.attribute(size, "w") ?? "") == 11906)
    let (table, _) = try Self.rows(docx)
    let grid = WordTest.all(table, "gridCol").compactMap { Int(WordTest.attribute($0, "w") ?? "") }
    #expect(grid.count == 2 && grid[0] == grid[1] && grid[0] * 2 <= 11906 - 2 * 1134)
  }

  /// 明朝 for the body, ゴシック for headings, declared for East Asian text; page numbers below.
  @Test func japaneseFontsAndPageNumbers() throws {
    let (_, docx) = try TableFixture.make()
    let styles = try WordTest.part(docx, "word/styles.xml")
    let defaults = try #require(WordTest.all(styles, "rPrDefault").first)
    #expect(WordTest.all(defaults, "rFonts").first.flatMap { WordTest.attribute($0, "eastAsia") } == "ＭＳ 明朝")
    let title = try #require(WordTest.all(styles, "style").first { WordTest.attribute($0, "styleId") == "Title" })
    #expect(WordTest.all(title, "rFonts").first.flatMap { WordTest.attribute($0, "eastAsia") } == "ＭＳ ゴシック")
    let footer = try WordTest.part(docx, "word/footer1.xml")
    #expect(WordTest.all(footer, "instrText").map(\.textContent).joined().contains("PAGE"))
    let fonts = try WordTest.part(
      try WordExport.table(
        delta: WordTest.delta(
          WordTest.edition("telework-security/4.0.xml"), WordTest.edition("telework-security/5.0.xml")),
        parameters: ["font-serif": "游明朝"]),
      "word/fontTable.xml")
    #expect(WordTest.all(fonts, "font").compactMap { WordTest.attribute($0, "name") }.contains("游明朝"))
  }

  /// Every changed unit of the bundled editions has its row, with its number on its side.
  @Test(arguments: WordTest.bundledPairs.map { "\($0.0)|\($0.1)" })
  func bundledEditionsHaveARowPerChange(pair: String) throws {
    let names = pair.split(separator: "|").map(String.init)
    let deltaText = try WordTest.delta(WordTest.edition(names[0]), WordTest.edition(names[1]))
    let delta = try XMLDocument.parse(data: Data(deltaText.utf8), fileName: "delta.xml").rootElement()
    let docx = try WordExport.table(delta: deltaText)
    let (_, rows) = try Self.rows(docx)
    let units = delta.elements(named: "unit", namespace: Self.d)
    let gaps = delta.elements(named: "gap", namespace: Self.d)
    #expect(!units.isEmpty)
    let ryaku = rows.filter { $0.map { WordTest.text($0) } == ["（略）", "（略）"] }
    #expect(ryaku.count == gaps.count)
    let cells = rows.map { $0.map { WordTest.text($0) } }
    for unit in units {
      let side = unit[attribute: "change"] == "removed" ? 1 : 0
      let line =
        (unit.firstElement(named: side == 1 ? "old" : "new", namespace: Self.d)?
          .elements(named: "line", namespace: Self.d).first?.textContent ?? "")
      #expect(cells.contains { $0[side].contains(line) }, "\(unit[attribute: "id"] ?? "")")
    }
    // Every inserted and deleted span is underlined somewhere in its column.
    let underlined = rows.map { $0.map { WordTest.text($0, underlined: true) } }
    for unit in units where unit[attribute: "change"] == "modified" {
      for span in unit.descendants(where: { $0.name == "ins" }).map(\.textContent) {
        #expect(underlined.contains { $0[0].contains(span) }, "\(span)")
      }
      for span in unit.descendants(where: { $0.name == "del" }).map(\.textContent) {
        #expect(underlined.contains { $0[1].contains(span) }, "\(span)")
      }
    }
  }
}

import Foundation
import GuideKit
import GuideKitTestSupport
import GuideKitWord
import GuideKitXML
import Testing

/// Reads an imported edition back as the readers do.
func readEdition(_ xml: String, file: String = "imported.xml") throws -> ClauseTree {
  let document = try XMLDocument.parse(data: Data(xml.utf8), fileName: file)
  return GuidelineReader.read(document.rootElement(), file: file)
}

/// Validates an imported edition (schema and rules), with the edition it supersedes beside it:
/// the errors found in the imported one.
func validationErrors(_ xml: String, file: String = "1.0.xml", previous: String? = nil) throws -> [String] {
  var inputs: [(file: String, data: Data)] = []
  var name = file
  if let previous {
    inputs.append((previous, try Data(contentsOf: URL(fileURLWithPath: previous))))
    name = URL(fileURLWithPath: previous).deletingLastPathComponent().appendingPathComponent(file).path
  }
  inputs.append((name, Data(xml.utf8)))
  let report = Validator.validate(inputs: inputs)
  return report.diagnostics.filter { $0.severity == .error && $0.file == name }.map { DiagnosticFormatter.line($0) }
}

func units(_ tree: ClauseTree) -> [String: GuideKit.Unit] {
  var out: [String: GuideKit.Unit] = [:]
  tree.forEachUnit { out[$0.id] = $0 }
  return out
}

@Suite struct WordImportTests {
  /// The Word version of 第5版 written by python-docx (Fixtures/make-fixture.py), imported with
  /// the bundled 第5版 as the previous edition.
  @Test func aDocumentWrittenWithoutGuidekitKeepsThePreviousEditionsIDs() throws {
    let previous = try DocumentLoader.load(file: DocxMaker.edition("telework-security", "5.0"))
    let result = try WordImporter.importDocument(
      file: DocxMaker.fixture("security-5.0-word.docx"),
      options: WordImportOptions(guidelineID: "telework-security", version: "6.0", previous: previous))
    #expect(
      try validationErrors(result.xml, file: "6.0.xml", previous: DocxMaker.edition("telework-security", "5.0")) == [])
    let tree = try readEdition(result.xml)
    #expect(tree.info.title == "テレワークセキュリティガイドライン（第5版）")
    #expect(tree.info.issuer == "総務省")
    #expect(tree.info.issued == "2021-05-31")
    #expect(tree.info.supersedes == "5.0")
    let new = units(tree)
    let old = units(previous)
    // Every clause of 第5版 the fixture keeps has its id, number and title back.
    var kept = 0
    previous.forEachUnit { unit in
      guard unit.kind == .clause, unit.id != "intro-related-docs" else { return }
      kept += 1
      #expect(new[unit.id]?.title == unit.title, "\(unit.id)")
      if unit.id != "intro-levels" { #expect(new[unit.id]?.num == unit.num, "\(unit.id)") }
    }
    #expect(kept > 70)
    // The chapters and sections too.
    for id in ["ch-1", "ch-2", "ch-2-1", "ch-2-2", "ch-3", "ch-4", "ch-5"] {
      #expect(new[id]?.num == old[id]?.num, "\(id)")
    }
    // Reworded clauses keep their ids; the renumbered one has its new number.
    #expect(new["basics-rules"]?.ownText.contains("定期的に点検する") == true)
    #expect(new["intro-levels"]?.num == "(5)")
    #expect(new["intro-levels"]?.ownText.contains("基本対策と発展対策の二つに区分") == true)
    // The removed clause is gone and named in a note; the added one has a new id from its number path.
    #expect(new["intro-related-docs"] == nil)
    #expect(result.notes.contains { $0.contains("intro-related-docs") })
    let added = try #require(tree.allUnits().first { $0.unit.title == "生成AIの利用" }?.unit)
    #expect(added.id == "c-2-1-7")
    #expect(added.num == "(7)")
    #expect(old[added.id] == nil)
    // A table came back as a table, its rows with 第5版's ids.
    #expect(new["t-methods"]?.kind == .table)
    #expect(new["t-methods-vpn"]?.kind == .row)
    #expect(result.alignedIDs > 80)
    #expect(result.newIDs == 1)
    // The diff sees the edit the fixture made, and nothing else on the clauses.
    let diff = try DocumentDiffer.diff(old: previous, new: tree)
    let added2 = diff.changes.filter { $0.kind == .added }.map(\.id)
    #expect(added2 == ["c-2-1-7"])
    #expect(diff.changes.filter { $0.kind == .removed }.map(\.id).contains("intro-related-docs"))
  }

  @Test func importingTwiceGivesTheSameEdition() throws {
    let previous = try DocumentLoader.load(file: DocxMaker.edition("telework-security", "5.0"))
    let options = WordImportOptions(guidelineID: "telework-security", version: "6.0", previous: previous)
    let first = try WordImporter.importDocument(file: DocxMaker.fixture("security-5.0-word.docx"), options: options)
    let second = try WordImporter.importDocument(file: DocxMaker.fixture("security-5.0-word.docx"), options: options)
    #expect(first.xml == second.xml)
  }

  @Test func withoutAPreviousEditionIDsComeFromTheNumberPath() throws {
    let result = try WordImporter.importDocument(
      file: DocxMaker.fixture("security-5.0-word.docx"),
      options: WordImportOptions(guidelineID: "telework-security", version: "5.1", issued: "2026-04-01"))
    #expect(try validationErrors(result.xml, file: "5.1.xml") == [])
    let tree = try readEdition(result.xml)
    let new = units(tree)
    #expect(new["ch-2"]?.num == "第2章")
    #expect(new["ch-2-1"]?.num == "2-1")
    #expect(new["c-2-1-3"]?.title == "人")
    #expect(new["c-1-1"]?.title == "テレワークの意義と現状")
    #expect(tree.info.issued == "2026-04-01")
  }

  /// Numbers made by Word's numbering (numbering.xml), not typed: 第%1章, %1-%2, (%3), ①, ア.
  @Test func numberingDefinitionsGiveChaptersSectionsClausesAndItems() throws {
    let numbering = """
      <?xml version="1.0" encoding="UTF-8"?>
      <w:numbering xmlns:w="\(DocxMaker.w)">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalFullWidth"/><w:lvlText w:val="第%1章"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-%2"/><w:isLgl/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%3）"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="aiueoFullWidth"/><w:lvlText w:val="%1"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="3">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="・"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>
      </w:numbering>
      """
    let P = DocxMaker.p
    let body = [
      P("試験ガイドライン", "Title", nil, 0, ""), P("令和8年4月1日", nil, nil, 0, ""), P("総務省", nil, nil, 0, ""),
      P("総則", "1", 1, 0, ""), P("目的", "3", 1, 2, ""), P("この指針は目的を定める。", nil, nil, 0, ""),
      P("用語", "3", 1, 2, ""), P("VPN方式", nil, 2, 0, ""), P("リモートデスクトップ方式", nil, 2, 0, ""),
      P("対策", "1", 1, 0, ""), P("認証", "2", 1, 1, ""), P("多要素認証", "MyClause", 1, 2, ""),
      P("管理者が設定する。", nil, 3, 0, ""), P("勤務者が利用する。", nil, 3, 0, ""), P("端末", nil, 4, 0, ""),
      P("（注）例外は設けない。", nil, nil, 0, ""),
    ].joined()
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("numbered.docx")
    try DocxMaker.docx(body: body, numbering: numbering, at: path)
    let result = try WordImporter.importDocument(
      file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
    #expect(try validationErrors(result.xml) == [])
    let tree = try readEdition(result.xml)
    #expect(tree.info.issued == "2026-04-01")
    #expect(tree.units.map(\.num) == ["第１章", "第２章"])
    #expect(tree.units.map(\.title) == ["総則", "対策"])
    let first = tree.units[0]
    #expect(first.children.map(\.kind) == [.clause, .clause])
    #expect(first.children.map(\.num) == ["（1）", "（2）"])
    #expect(first.children[1].blocks.map(\.displayText) == ["①　VPN方式", "②　リモートデスクトップ方式"])
    let section = tree.units[1].children[0]
    #expect(section.kind == .section)
    #expect(section.num == "2-1")
    #expect(section.id == "ch-2-1")
    let clause = section.children[0]
    #expect(clause.num == "（1）")
    #expect(clause.id == "c-2-1-1")
    #expect(clause.title == "多要素認証")
    #expect(clause.blocks.map(\.displayText) == ["ア　管理者が設定する。", "イ　勤務者が利用する。", "・　端末", "例外は設けない。"])
    #expect(clause.blocks.map(\.kind) == [.item, .item, .item, .note])
  }

  /// A subsection styled like the clauses around it (Heading 3) is told by its number 1-1-1.
  @Test func aSubsectionStyledLikeItsClausesIsToldByItsNumber() throws {
    let P = DocxMaker.p
    let body = [
      P("試験", "Title", nil, 0, ""), P("総務省", nil, nil, 0, ""), P("第1章　総則", "1", nil, 0, ""),
      P("1-1　体制", "2", nil, 0, ""), P("(1)　責任者", "3", nil, 0, ""), P("責任者を置く。", nil, nil, 0, ""),
      P("1-1-1　体制の細目", "3", nil, 0, ""), P("(1)　代理者", "3", nil, 0, ""), P("代理者を置く。", nil, nil, 0, ""),
      P("1-2　教育", "2", nil, 0, ""), P("(1)　研修", "3", nil, 0, ""), P("研修を行う。", nil, nil, 0, ""),
    ].joined()
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("nested.docx")
    try DocxMaker.docx(body: body, at: path)
    let result = try WordImporter.importDocument(
      file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
    #expect(try validationErrors(result.xml) == [])
    let chapter = try readEdition(result.xml).units[0]
    #expect(chapter.children.map(\.num) == ["1-1", "1-2"])
    let section = chapter.children[0]
    #expect(section.children.map(\.kind) == [.clause, .section])
    #expect(section.children[1].id == "ch-1-1-1")
    #expect(section.children[1].children.map(\.id) == ["c-1-1-1-1"])
    #expect(section.children[1].children.first?.title == "代理者")
  }

  private func simpleDocument(_ clauseBody: String, more: [(String, String)] = []) throws -> (TempFolder, String) {
    let P = DocxMaker.p
    let body = [
      P("試験ガイドライン", "Title", nil, 0, ""), P("総務省", nil, nil, 0, ""), P("第1章　総則", "1", nil, 0, ""),
      P("(1)　目的", "3", nil, 0, ""), clauseBody,
    ].joined()
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("doc.docx")
    try DocxMaker.docx(body: body, more: more, at: path)
    return (folder, path)
  }

  @Test func trackedChangesAreRefusedWithTheirPlaceUnlessAccepted() throws {
    let paragraph = """
      <w:p><w:r><w:t>テレワークを</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>安全に</w:t></w:r></w:ins>\
      <w:del w:id="2" w:author="a"><w:r><w:delText>速やかに</w:delText></w:r></w:del><w:r><w:t>導入する。</w:t></w:r></w:p>
      """
    let (folder, path) = try simpleDocument(paragraph)
    _ = folder
    do {
      _ = try WordImporter.importDocument(file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
      Issue.record("tracked changes were not refused")
    } catch let refusal as WordImportRefusal {
      guard case .trackedChanges(_, let changes) = refusal else {
        Issue.record("expected trackedChanges, got \(refusal)")
        return
      }
      #expect(changes.count == 2)
      #expect(changes[0].contains("第1章 (1)「テレワークを安全に導入する。」"), "\(changes)")
      #expect(changes[0].contains("挿入 (w:ins)「安全に」"))
      #expect(changes[1].contains("削除 (w:del)「速やかに」"))
      #expect(refusal.description.contains("--accept-changes"))
    }
    let accepted = try WordImporter.importDocument(
      file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0", acceptChanges: true))
    let tree = try readEdition(accepted.xml)
    #expect(tree.units[0].children[0].blocks.map(\.text) == ["テレワークを安全に導入する。"])
    #expect(accepted.notes.contains { $0.contains("2 tracked changes accepted") })
  }

  @Test func commentsAreDroppedWithAWarning() throws {
    let paragraph = """
      <w:p><w:commentRangeStart w:id="0"/><w:r><w:t>多要素認証を用いる。</w:t></w:r><w:commentRangeEnd w:id="0"/>\
      <w:r><w:commentReference w:id="0"/></w:r></w:p>
      """
    let comments = """
      <?xml version="1.0" encoding="UTF-8"?>
      <w:comments xmlns:w="\(DocxMaker.w)"><w:comment w:id="0" w:author="課長"><w:p><w:r><w:t>要確認</w:t></w:r></w:p></w:comment></w:comments>
      """
    let (folder, path) = try simpleDocument(paragraph, more: [("word/comments.xml", comments)])
    _ = folder
    let result = try WordImporter.importDocument(
      file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
    let warning = try #require(result.warnings.first { $0.contains("comments dropped") })
    #expect(warning.contains("第1章 (1)「多要素認証を用いる。」"), "\(warning)")
    #expect(!result.xml.contains("要確認"))
    #expect(try readEdition(result.xml).units[0].children[0].blocks.map(\.text) == ["多要素認証を用いる。"])
  }

  @Test func aTableInAClauseBecomesATableAndOneInAChapterIsReported() throws {
    func cell(_ text: String, extra: String = "") -> String {
      "<w:tc><w:tcPr>\(extra)</w:tcPr>\(DocxMaker.p(text))</w:tc>"
    }
    let table = """
      <w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>\(cell("方式"))\(cell("留意点"))</w:tr>\
      <w:tr>\(cell("VPN方式"))\(cell("脆弱性対策"))</w:tr>\
      <w:tr>\(cell("全方式共通", extra: "<w:gridSpan w:val=\"2\"/>"))</w:tr></w:tbl>
      """
    let body =
      DocxMaker.p("本文。") + DocxMaker.p("表1-1　方式の比較") + table
      + DocxMaker.p("第2章　補足", style: "1") + table + DocxMaker.p("(1)　補足事項", style: "3") + DocxMaker.p("以上。")
    let (folder, path) = try simpleDocument(body)
    _ = folder
    let result = try WordImporter.importDocument(
      file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
    #expect(try validationErrors(result.xml) == [])
    #expect(result.xml.contains("<table id=\"c-1-1-table\" num=\"表1-1\">"), "\(result.xml)")
    #expect(result.xml.contains("<caption>方式の比較</caption>"))
    let tree = try readEdition(result.xml)
    let imported = try #require(tree.units[0].children[0].children.first)
    #expect(imported.kind == .table)
    #expect(imported.children.map(\.id) == ["c-1-1-table-head", "c-1-1-table-r1", "c-1-1-table-r2"])
    #expect(result.xml.contains("<thead>\n          <row id=\"c-1-1-table-head\">\n            <cell>方式</cell>"))
    #expect(result.xml.contains("<cell colspan=\"2\">全方式共通</cell>"))
    let warning = try #require(result.warnings.first { $0.contains("table") })
    #expect(warning.contains("第2章"), "\(warning)")
    #expect(warning.contains("not imported"))
  }

  @Test func imagesAreReportedWithTheirPlace() throws {
    let paragraph = "<w:p><w:r><w:t>構成図</w:t></w:r><w:r><w:drawing/></w:r></w:p>"
    let (folder, path) = try simpleDocument(paragraph)
    _ = folder
    let result = try WordImporter.importDocument(
      file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
    let warning = try #require(result.warnings.first { $0.contains("image") })
    #expect(warning.contains("第1章 (1)「構成図」"), "\(warning)")
    #expect(warning.contains("<figure>"))
  }

  @Test func emphasisFootnotesAndBookmarkedIDsAreKept() throws {
    let paragraph = """
      <w:p><w:bookmarkStart w:id="9" w:name="\(BookmarkName.encode("mfa-basic"))"/><w:r><w:t>必ず</w:t></w:r>\
      <w:r><w:rPr><w:b/></w:rPr><w:t>多要素認証</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>を</w:t></w:r>\
      <w:r><w:t xml:space="preserve">用いる。  </w:t></w:r></w:p>
      """
    let P = DocxMaker.p
    let body = [
      P("試験ガイドライン", "Title", nil, 0, ""), P("総務省", nil, nil, 0, ""),
      P("第1章　総則", "1", nil, 0, "<w:bookmarkStart w:id=\"1\" w:name=\"\(BookmarkName.encode("general"))\"/>"),
      "<w:bookmarkStart w:id=\"2\" w:name=\"\(BookmarkName.encode("mfa"))\"/>", P("(1)　認証", "3", nil, 0, ""),
      paragraph,
    ].joined()
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("marked.docx")
    try DocxMaker.docx(body: body, at: path)
    let result = try WordImporter.importDocument(
      file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
    #expect(try validationErrors(result.xml) == [])
    #expect(result.xml.contains("<chapter id=\"general\" num=\"第1章\">"), "\(result.xml)")
    #expect(result.xml.contains("<clause id=\"mfa\" num=\"(1)\">"))
    #expect(result.xml.contains("<p>必ず<em>多要素認証を</em>用いる。</p>"), "\(result.xml)")
    #expect(result.bookmarkedIDs == 2)
  }

  @Test func aDocumentWithoutChaptersIsRefused() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("flat.docx")
    try DocxMaker.docx(body: DocxMaker.p("ただの文章です。") + DocxMaker.p("もう一つの文章です。"), at: path)
    #expect(throws: WordImportRefusal.self) {
      try WordImporter.importDocument(file: path, options: WordImportOptions(guidelineID: "sample", version: "1.0"))
    }
  }
}

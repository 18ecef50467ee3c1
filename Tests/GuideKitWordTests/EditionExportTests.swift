import Foundation
import GuideKit
import GuideKitWord
import GuideKitXML
import Testing

@Suite struct EditionExportTests {
  static let g = "urn:guidekit:guideline:1"

  /// The units that carry a bookmark: chapters, sections, clauses, appendices, tables, their
  /// rows, figures.
  static func units(_ file: String) throws -> [XMLElement] {
    let root = try XMLDocument.parse(file: file).rootElement()
    let kinds: Set<String> = ["chapter", "section", "clause", "appendix", "table", "row", "figure"]
    return root.descendants { $0.namespaceURI == g && kinds.contains($0.name) }
  }

  @Test(arguments: [
    "telework-security/4.0.xml", "telework-security/5.0.xml", "telework-labor/2018.xml", "telework-labor/2021.xml",
  ])
  func everyUnitIdIsABookmark(edition: String) throws {
    let file = WordTest.edition(edition)
    let document = try WordTest.part(try WordExport.edition(file: file), "word/document.xml")
    let starts = WordTest.all(document, "bookmarkStart")
    let names = starts.compactMap { WordTest.attribute($0, "name") }
    let ids = try Self.units(file).compactMap { $0[attribute: "id"] }
    #expect(!ids.isEmpty)
    #expect(names.compactMap(BookmarkName.decode) == ids)
    // Numeric ids unique, each start with its end.
    let numbers = starts.compactMap { WordTest.attribute($0, "id") }
    #expect(Set(numbers).count == numbers.count)
    #expect(Set(WordTest.all(document, "bookmarkEnd").compactMap { WordTest.attribute($0, "id") }) == Set(numbers))
    // Cross-references point at bookmarks that exist.
    for link in WordTest.all(document, "hyperlink") {
      #expect(names.contains(WordTest.attribute(link, "anchor") ?? ""))
    }
  }

  /// Chapters, sections and clauses are headings whose level is their depth, with the number in
  /// its own run (ClauseNumber) and the title after a full-width space.
  @Test func headingsCarryLevelNumberAndTitle() throws {
    let file = WordTest.edition("telework-security/5.0.xml")
    let document = try WordTest.part(try WordExport.edition(file: file), "word/document.xml")
    let headings = WordTest.all(document, "p").filter { !WordTest.all($0, "bookmarkStart").isEmpty }
    var byID: [String: XMLElement] = [:]
    for heading in headings {
      if let name = WordTest.all(heading, "bookmarkStart").first.flatMap({ WordTest.attribute($0, "name") }),
        let id = BookmarkName.decode(name)
      {
        byID[id] = heading
      }
    }
    for unit in try Self.units(file) where ["chapter", "section", "clause"].contains(unit.name) {
      let id = try #require(unit[attribute: "id"])
      let heading = try #require(byID[id], "\(id)")
      let style = WordTest.all(heading, "pStyle").first.flatMap { WordTest.attribute($0, "val") } ?? ""
      #expect(style.hasPrefix("Heading"), "\(id)")
      let number = WordTest.all(heading, "r").first {
        WordTest.all($0, "rStyle").first.flatMap { WordTest.attribute($0, "val") } == "ClauseNumber"
      }
      #expect(number.map { WordTest.text($0) } == unit[attribute: "num"], "\(id)")
      let title = unit.firstElement(named: "title", namespace: Self.g)?.textContent ?? ""
      #expect(
        WordTest.text(heading)
          == [unit[attribute: "num"], title].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "　"))
    }
    let chapter = try #require(byID["ch-1"])
    #expect(WordTest.all(chapter, "pStyle").first.flatMap { WordTest.attribute($0, "val") } == "Heading1")
    // The heading styles declare their outline levels.
    let styles = try WordTest.part(try WordExport.edition(file: file), "word/styles.xml")
    for level in 1...4 {
      let style = try #require(
        WordTest.all(styles, "style").first { WordTest.attribute($0, "styleId") == "Heading\(level)" })
      #expect(WordTest.all(style, "outlineLvl").first.flatMap { WordTest.attribute($0, "val") } == String(level - 1))
    }
  }

  /// The date at the top right, in 和暦 and 西暦; footnotes as Word footnotes; lists numbered.
  @Test func dateFootnotesAndLists() throws {
    let bytes = try WordExport.edition(file: WordTest.edition("telework-labor/2021.xml"))
    let document = try WordTest.part(bytes, "word/document.xml")
    let first = try #require(WordTest.all(document, "p").first)
    #expect(WordTest.all(first, "pStyle").first.flatMap { WordTest.attribute($0, "val") } == "Right")
    #expect(WordTest.text(first).contains("令和"))
    #expect(WordTest.text(first).contains("（2021-"))
    let references = WordTest.all(document, "footnoteReference")
    #expect(!references.isEmpty)
    let footnotes = try WordTest.part(bytes, "word/footnotes.xml")
    #expect(WordTest.all(footnotes, "footnote").count == references.count + 2)
    #expect(!WordTest.all(document, "numPr").isEmpty)
  }

  @Test func otherDocumentsAreRefused() throws {
    let (old, _) = WordTest.bundledPairs[0]
    let delta = try WordTest.delta(WordTest.edition(old), WordTest.edition(old))
    #expect(throws: GuideKitError.self) { try WordExport.edition(file: "delta.xml", data: Data(delta.utf8)) }
    #expect(throws: GuideKitError.self) { try WordExport.table(delta: "<x/>") }
  }

  @Test func noticeHasDateTitleAndSections() throws {
    let new = try DocumentLoader.load(file: WordTest.edition("telework-security/5.0.xml"))
    let old = try DocumentLoader.load(file: WordTest.edition("telework-security/4.0.xml"))
    let xml = NoticeBuilder.xml(
      edition: new, previous: (old, try DocumentDiffer.diff(old: old, new: new)),
      links: NoticeBuilder.Links(edition: "5.0.html", table: "5.0-table.html"))
    let document = try WordTest.part(try WordExport.notice(xml: xml), "word/document.xml")
    let paragraphs = WordTest.all(document, "p").map { WordTest.text($0) }
    #expect(paragraphs.first == "令和3年5月31日（2021-05-31）")
    #expect(paragraphs.contains("「テレワークセキュリティガイドライン（第5版）」の公表"))
    for section in ["１　概要", "２　主な改定内容", "３　公表資料", "４　適用日", "５　問い合わせ先"] {
      #expect(paragraphs.contains(section), "\(section)")
    }
    #expect(WordTest.all(document, "tbl").count == 1)
  }
}

import Foundation
import Testing

@testable import GuideKit

@Suite("Citation recogniser")
struct CitationRecognizerTests {
  private func cited(_ text: String) throws -> [String] {
    try repositoryRecognizer().citations(in: text).map(CitationCorpus.label)
  }

  @Test("the words a citation stands in are the title, the anaphor and the provision")
  func ranges() throws {
    let text = "労働基準法第34条及び第35条、同法第36条第1項（NIST SP 800-53 AC-17(2)）"
    let found = try repositoryRecognizer().citations(in: text)
    #expect(found.map { String(text[$0.range]) } == ["労働基準法第34条", "第35条", "同法第36条第1項", "NIST SP 800-53 AC-17(2)"])
  }

  @Test("every numeral form gives the same provision")
  func numeralForms() throws {
    for text in ["労働基準法第38条の2第1項第3号", "労働基準法第３８条の２第１項第３号", "労働基準法第三十八条の二第一項第三号"] {
      #expect(try cited(text) == ["322AC0000000049:Art38_2/Para1/Item3"], "\(text)")
    }
  }

  @Test("a range is expanded to each provision; those between the ends are implied")
  func rangeExpansion() throws {
    let found = try repositoryRecognizer().citations(in: "労働基準法第32条から第32条の5までの規定")
    #expect(found.filter { !$0.impliedByRange }.map(\.provision) == ["Art32", "Art32_5"])
    #expect(found.count == 7)
    // Without the law's article list, the articles are counted through by number.
    let bare = CitationRecognizer(titles: try repositoryRecognizer().titles)
    #expect(bare.citations(in: "労働基準法第34条から第36条まで").compactMap(\.provision) == ["Art34", "Art35", "Art36"])
  }

  @Test("前条 needs the article list; without it, only a branch article's is certain")
  func previousArticle() throws {
    let bare = CitationRecognizer(titles: try repositoryRecognizer().titles)
    #expect(
      bare.citations(in: "労働基準法第32条の3の前条").map(CitationCorpus.label) == [
        "322AC0000000049:Art32_3", "322AC0000000049:Art32_2",
      ])
    let unknown = bare.citations(in: "労働基準法第33条の前条")
    #expect(unknown.map(CitationCorpus.label) == ["322AC0000000049:Art33", "!unresolved"])
    #expect(unknown.last?.problemDescription?.contains("sources fetch") == true)
  }

  @Test("an unknown title is reported with its words, never given another law's id")
  func unknownTitle() throws {
    let found = try repositoryRecognizer().citations(in: "労働基準法第32条のほか、職業安定法第5条の3及び第4条を参照する。")
    #expect(found.map(CitationCorpus.label) == ["322AC0000000049:Art32", "!unknown", "!unknown"])
    #expect(found[1].problem == .unknownTitle("職業安定法"))
    #expect(found.allSatisfy { $0.source != "322AC0000000049" || $0.provision == "Art32" })
  }

  @Test("附則 is flagged with its law and not linked")
  func supplementary() throws {
    let found = try repositoryRecognizer().citations(in: "労働基準法附則第137条")
    #expect(found.count == 1)
    #expect(found.first?.problem == .supplementary)
    #expect(found.first?.source == "322AC0000000049")
    #expect(found.first?.isResolved == false)
  }

  @Test("text already inside a <ref> sets the context and is not recognised again")
  func linkedSpans() throws {
    let text = "労働基準法第34条及び第35条"
    let end = try #require(text.firstRange(of: "第34条")).upperBound
    let linked = CitationRecognizer.LinkedSpan(
      range: text.startIndex..<end, source: "322AC0000000049", provision: "Art34")
    let found = try repositoryRecognizer().citations(in: text, linked: [linked])
    #expect(found.map(CitationCorpus.label) == ["322AC0000000049:Art35"])
  }

  @Test("a name two laws claim is dropped, not guessed")
  func ambiguousAbbreviation() {
    let table = LawTitleTable(laws: [
      .init(lawId: "347AC0000000057", title: "労働安全衛生法", abbreviations: ["保安四法"]),
      .init(lawId: "324AC0000000070", title: "鉱山保安法", abbreviations: ["保安四法"]),
    ])
    #expect(table.lawID(for: "保安四法") == nil)
    #expect(table.lawID(for: "労働安全衛生法") == "347AC0000000057")
  }

  @Test(
    "the e-Gov files of a store give titles and abbreviations",
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func storeTitles() throws {
    let table = try LawTitleTable.store(folders: [SharedData.path("egov/laws")])
    #expect(table.lawID(for: "労基法") == "322AC0000000049")
    #expect(table.lawID(for: "育児・介護休業法") == "403AC0000000076")
    #expect(table.lawID(for: "個人情報の保護に関する法律") == "415AC0000000057")
    let recognizer = CitationRecognizer(titles: table)
    #expect(recognizer.citations(in: "労契法第7条").map(CitationCorpus.label) == ["419AC0000000128:Art7"])
  }

  @Test("kanji numerals: every value 1…9999 round-trips, and digit-by-digit kanji reads as its digits")
  func kanjiNumeralsAgainstTheirInverse() {
    for value in 1...9999 {
      let kanji = JapaneseNumeral.format(value, style: .kanji)
      #expect(JapaneseNumeral.value(of: kanji) == value)
      #expect(JapaneseNumeral.format(JapaneseNumeral.value(of: kanji) ?? 0, style: .kanji) == kanji)
    }
    let digits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let value = Int.random(in: 1...9999, using: &generator)
      let written = String(String(value).map { digits[Int(String($0)) ?? 0] })
      #expect(JapaneseNumeral.value(of: written) == value, "\(written)")
    }
  }

  @Test("citations round-trip through text and provision path in every numeral style")
  func citationRoundTrip() throws {
    var generator = SystemRandomNumberGenerator()
    let recognizer = try repositoryRecognizer()
    for _ in 0..<500 {
      let article = [Int.random(in: 1...999, using: &generator)] + (Bool.random() ? [Int.random(in: 2...9)] : [])
      let paragraph = Bool.random() ? Int.random(in: 1...20, using: &generator) : nil
      let item = Bool.random() ? [Int.random(in: 1...30, using: &generator)] : nil
      for style in NumeralStyle.allCases {
        let citation = ProvisionCitation(article: article, paragraph: paragraph, item: item, style: style)
        let found = recognizer.citations(in: "労働基準法" + citation.text + "を参照。")
        #expect(found.map(\.provision) == [citation.provisionPath], "\(citation.text)")
        #expect(
          ProvisionCitation(provisionPath: citation.provisionPath, style: style)?.provisionPath
            == citation.provisionPath)
      }
    }
  }
}

import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// The path of a fixture under `Tests/GuideKitTests/Fixtures/egov/`.
private func egovFixture(_ name: String) -> String {
  RepoPaths.root.appendingPathComponent("Tests/GuideKitTests")
    .appendingPathComponent("Fixtures/egov/\(name)").path
}

private func readLaw(_ path: String) throws -> ClauseTree {
  let document = try GuideKitXML.XMLDocument.parse(file: path)
  return LawReader.read(document.rootElement(), file: path)
}

/// What must agree between two readings of one law: everything but line numbers.
private struct UnitSignature: Hashable, CustomStringConvertible {
  var kind: UnitKind
  var id: String
  var num: String?
  var title: String?
  var fullText: String
  var properties: [String: String]

  init(_ unit: GuideKit.Unit) {
    kind = unit.kind
    id = unit.id
    num = unit.num
    title = unit.title
    fullText = unit.fullText
    properties = unit.properties
  }

  var description: String { "\(id) [\(num ?? "-")] \(title ?? "-"): \(fullText.prefix(40))" }
}

private func signatures(_ units: [GuideKit.Unit]) -> [UnitSignature] {
  var out: [UnitSignature] = []
  func walk(_ units: [GuideKit.Unit]) {
    for unit in units {
      out.append(UnitSignature(unit))
      walk(unit.children)
    }
  }
  walk(units)
  return out
}

private func allUnits(_ tree: ClauseTree) -> [GuideKit.Unit] {
  tree.allUnits().map(\.unit)
}

private func unit(_ id: String, in tree: ClauseTree) -> GuideKit.Unit? {
  tree.unitsByID()[id]?.unit
}

/// Occurrences of an element's start tag (`<Article ` or `<Article>`) in raw XML.
private func countStartTags(_ name: String, in text: Substring) -> Int {
  text.components(separatedBy: "<\(name) ").count - 1 + text.components(separatedBy: "<\(name)>").count - 1
}

@Suite("LawReader: fixtures")
struct LawReaderFixtureTests {
  let tree: ClauseTree

  init() throws {
    tree = try readLaw(egovFixture("999AC0000000001_20240401_505AC0000000010.xml"))
  }

  @Test func infoFromFileName() {
    #expect(tree.info.kind == .law)
    #expect(tree.info.id == "999AC0000000001")
    #expect(tree.info.version == "20240401_505AC0000000010")
    #expect(tree.info.effective == "2024-04-01")
    #expect(tree.info.title == "試験法")
    #expect(tree.info.issuer == nil)
    #expect(tree.info.language == "ja")
    #expect(tree.info.line == 2)
  }

  @Test func structureUnits() throws {
    #expect(tree.units.map(\.id) == ["Part1", "Part2"])
    let part = try #require(tree.units.first)
    #expect(part.kind == .part)
    #expect(part.num == "第一編")
    #expect(part.title == "総則")
    #expect(part.heading == "第一編 総則")
    let chapter = try #require(unit("Part1/Chap1", in: tree))
    #expect(chapter.kind == .lawChapter)
    #expect(chapter.title == "通則")
    let section = try #require(unit("Part1/Chap1/Sec2", in: tree))
    #expect(section.kind == .lawSection)
    #expect(section.num == "第二節")
    #expect(section.children.map(\.id) == ["Art2", "Art2_2"])
    // The second part's first chapter has its own id.
    #expect(unit("Part2/Chap1", in: tree)?.title == "補則")
  }

  @Test func articleParagraphsItemsSubitems() throws {
    let article = try #require(unit("Art1", in: tree))
    #expect(article.kind == .article)
    #expect(article.num == "第一条")
    #expect(article.title == "（目的）")
    #expect(article.children.map(\.id) == ["Art1/Para1", "Art1/Para2"])

    let para1 = try #require(unit("Art1/Para1", in: tree))
    #expect(para1.kind == .paragraph)
    #expect(para1.num == "")
    // 本文 and ただし書 join directly.
    #expect(para1.ownText == "この法律は、試験を目的とする。ただし、例外がある。")

    let para2 = try #require(unit("Art1/Para2", in: tree))
    #expect(para2.num == "２")
    #expect(para2.children.map(\.id) == ["Art1/Para2/Item1", "Art1/Para2/Item2"])

    let item1 = try #require(unit("Art1/Para2/Item1", in: tree))
    #expect(item1.kind == .item)
    #expect(item1.num == "一")
    // Columns are separated by a full-width space.
    #expect(item1.ownText == "労働者　使用される者をいう。")

    let item2 = try #require(unit("Art1/Para2/Item2", in: tree))
    #expect(item2.children.map(\.id) == ["Art1/Para2/Item2/Sub1_1", "Art1/Para2/Item2/Sub1_2"])
    let sub = try #require(unit("Art1/Para2/Item2/Sub1_1", in: tree))
    #expect(sub.kind == .subitem)
    #expect(sub.num == "イ")
    #expect(sub.ownText == "役員")
    let subsub = try #require(unit("Art1/Para2/Item2/Sub1_1/Sub2_1", in: tree))
    #expect(subsub.num == "（１）")
    #expect(subsub.ownText == "取締役")

    #expect(
      article.fullText
        == [
          "この法律は、試験を目的とする。ただし、例外がある。",
          "次に掲げる用語の意義は、当該各号に定めるところによる。",
          "労働者　使用される者をいう。", "次のいずれかに該当する者", "役員", "取締役", "職員",
        ].joined(separator: "\n"))
  }

  @Test func tablesListsRubyAndNotesAreBlocks() throws {
    let para = try #require(unit("Art2/Para1", in: tree))
    #expect(
      para.blocks.map(\.text) == [
        "年次休暇の日数は、次の表のとおりとする。", "休暇表", "一年　一労働日", "二年　二労働日", "備考　日数は暦日による。",
      ])
    #expect(para.blocks[1].kind == .heading)
    #expect(para.blocks.allSatisfy { $0.line > 0 })

    // Ruby readings are left out.
    #expect(unit("Art2_2/Para1", in: tree)?.ownText == "使用者は、妊産婦の哺育を妨げてはならない。")
    // A List belongs to the item that holds it.
    #expect(unit("Art2_2/Para1/Item1", in: tree)?.blocks.map(\.text) == ["次の事項", "第一の事項", "その細目"])
    // A SupplNote is a note of the article.
    let article6 = try #require(unit("Art6", in: tree))
    #expect(article6.blocks.map(\.kind) == [.note])
    #expect(article6.blocks.first?.text == "（令和七年法律第十号により改正）")
  }

  @Test func deletedArticleKeepsItsText() throws {
    let article = try #require(unit("Art3:5", in: tree))
    #expect(article.kind == .article)
    #expect(article.num == "第三条から第五条まで")
    #expect(article.fullText == "削除")
  }

  @Test func supplements() throws {
    #expect(
      tree.supplements.map(\.id) == [
        "Suppl", "Suppl/令和七年三月一日法律第十号", "Suppl/令和七年三月一日法律第十号-2",
      ])
    #expect(tree.supplements.allSatisfy { $0.kind == .supplement && $0.num == "附　則" })
    let original = tree.supplements[0]
    #expect(original.title == nil)
    #expect(original.properties["amendmentLawNum"] == nil)
    #expect(original.children.map(\.id) == ["Suppl/Para1"])
    #expect(original.fullText == "この法律は、令和六年四月一日から施行する。")

    let amendment = tree.supplements[1]
    #expect(amendment.title == "令和七年三月一日法律第十号")
    #expect(amendment.properties["amendmentLawNum"] == "令和七年三月一日法律第十号")
    #expect(amendment.properties["extract"] == "true")
    #expect(
      amendment.children.map(\.id) == [
        "Suppl/令和七年三月一日法律第十号/Art1", "Suppl/令和七年三月一日法律第十号/Art2",
      ])
    #expect(amendment.children.first?.title == "（施行期日）")
    #expect(
      amendment.children.first?.children.first?.id == "Suppl/令和七年三月一日法律第十号/Art1/Para1")

    // The repeated amendment's own text, and its appended table as blocks.
    let repeated = tree.supplements[2]
    #expect(repeated.children.map(\.id) == ["Suppl/令和七年三月一日法律第十号-2/Para1"])
    #expect(repeated.blocks.map(\.text) == ["附則別表", "甲　乙"])
  }

  @Test func appendedTablesAreNotRead() {
    #expect(!allUnits(tree).contains { $0.fullText.contains("読まない別表") })
  }

  @Test func everyUnitHasALineAndAUniqueID() {
    let units = allUnits(tree)
    #expect(units.allSatisfy { $0.line > 0 })
    #expect(Set(units.map(\.id)).count == units.count)
  }

  @Test func dataRootReadsLikeLaw() throws {
    let dataRoot = try readLaw(egovFixture("test-law_DataRoot.xml"))
    #expect(dataRoot.info.id == "999AC0000000001")
    #expect(dataRoot.info.version == "")
    #expect(dataRoot.info.effective == nil)
    #expect(dataRoot.info.title == tree.info.title)
    #expect(signatures(dataRoot.units) == signatures(tree.units))
    #expect(signatures(dataRoot.supplements) == signatures(tree.supplements))
    // The pretty-printed file really is laid out differently.
    #expect(unit("Art1", in: dataRoot)?.line != unit("Art1", in: tree)?.line)
  }

  @Test func articlesDirectlyInMainProvision() throws {
    let law = try readLaw(egovFixture("articles-only.xml"))
    // No e-Gov file name: the LawId is derived from the attributes.
    #expect(law.info.id == "322AC0000000049")
    #expect(law.info.version == "")
    #expect(law.info.effective == nil)
    // A repeated article number gets a unique id; a paragraph without Num is numbered.
    #expect(law.units.map(\.id) == ["Art1", "Art2", "Art2-2"])
    #expect(law.units.map(\.kind) == [.article, .article, .article])
    #expect(law.units[2].children.map(\.id) == ["Art2-2/Para1"])
    #expect(law.units[1].fullText == "削除")
    #expect(law.supplements.map(\.id) == ["Suppl"])
  }

  @Test func paragraphsDirectlyInMainProvision() throws {
    let law = try readLaw(egovFixture("paragraphs-only.xml"))
    #expect(law.info.id == "")  // LawType Misc: not derivable
    #expect(law.units.map(\.id) == ["Para1", "Para2"])
    #expect(law.units.map(\.ownText) == ["第一項の本文。", "第二項の本文。"])
  }

  @Test func emptyDataRoot() {
    let root = XMLElement(name: "DataRoot", line: 1)
    let tree = LawReader.read(root, file: "nothing.xml")
    #expect(tree.info.kind == .law)
    #expect(tree.units.isEmpty && tree.supplements.isEmpty)
  }

  @Test func revisionFileNames() {
    let name = SourceLocator(egovFile: "/refs/laws/322AC0000000049_20250601_504AC0000000068.xml")
    #expect(name?.source == "322AC0000000049")
    #expect(name?.revision == "20250601_504AC0000000068")
    #expect(name?.inForce == "2025-06-01")
    #expect(SourceLocator(egovFile: "322AC0000000049_labor-standards-law_DataRoot.xml") == nil)
    #expect(SourceLocator(egovFile: "322AC0000000049_20251301_504AC0000000068.xml") == nil)
    #expect(SourceLocator(egovFile: "322AC0000000049_20250601_504AC0000000068.txt") == nil)
  }
}

@Suite("ReaderText.normalize, the readers' whitespace normalisation")
struct ReaderTextTests {
  @Test(arguments: [
    ("", ""), ("  ", ""), (" a ", "a"), ("a\n b", "a b"), ("日本\n  語", "日本語"), ("日本 語", "日本 語"),
    ("abc\r\n  日本", "abc 日本"), ("\u{3000}x\u{3000}", "\u{3000}x\u{3000}"), ("a\u{00A0}b", "a b"),
    ("x\u{2028}y", "x y"), ("ｱ\nｲ", "ｱ ｲ"), ("。\n（", "。（"), ("a\t\tb\n", "a b"),
    ("\n\n使用者は、\n    妊産婦の", "使用者は、妊産婦の"), ("Reviews it [x]; and", "Reviews it [x]; and"),
    ("—\u{2003}—", "— —"), ("\u{1680}", ""), ("a\u{85}b", "a b"), ("か\u{3099}\n き", "か\u{3099}き"),
  ])
  func edgeCases(_ raw: String, _ expected: String) {
    #expect(ReaderText.normalize(raw) == expected)
  }

  /// Random mixes of every kind of whitespace, marks, wide and narrow characters: the result has
  /// no whitespace at either end, no two whitespace scalars in a row, keeps every other scalar in
  /// order, and normalising it again changes nothing.
  @Test func randomTexts() {
    var random = SplitMix64(seed: 20261205)
    let alphabet: [String] = [
      " ", "\n", "\r\n", "\t", "\u{3000}", "\u{00A0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{2028}", "\u{205F}",
      "\u{301}", "\u{3099}", "\u{200D}", "\u{FE0F}", "\u{E0100}", "a", "Z", "1", "日", "語", "ｱ", "。", "（", "—", "é",
      "\u{1100}", "👩‍💻",
    ]
    for _ in 0..<3000 {
      let raw = (0..<Int.random(in: 0...14, using: &random)).map { _ in
        alphabet[Int(random.next() % UInt64(alphabet.count))]
      }.joined()
      let out = ReaderText.normalize(raw)
      let scalars = Array(out.unicodeScalars)
      #expect(ReaderText.normalize(out) == out, "\(raw.unicodeScalars.map { String($0.value, radix: 16) })")
      #expect(scalars.first.map { !ReaderText.isWhitespace($0.value) } ?? true)
      #expect(scalars.last.map { !ReaderText.isWhitespace($0.value) } ?? true)
      #expect(
        !zip(scalars, scalars.dropFirst()).contains {
          ReaderText.isWhitespace($0.value) && ReaderText.isWhitespace($1.value)
        })
      let text = { (s: String) in
        s.unicodeScalars.filter { !ReaderText.isWhitespace($0.value) && !ReaderText.isExtending($0.value) }
      }
      #expect(String(String.UnicodeScalarView(text(out))) == String(String.UnicodeScalarView(text(raw))))
    }
  }
}

/// Laws are read while they are parsed (`LawStreamReader`), everything else from the parsed tree:
/// both must give the same tree, line numbers included.
@Suite("Law reading while parsing")
struct LawStreamingTests {
  private static let fixtures = [
    "999AC0000000001_20240401_505AC0000000010.xml", "articles-only.xml", "paragraphs-only.xml",
    "test-law_DataRoot.xml",
  ]

  @Test(arguments: fixtures)
  func streamingEqualsTreeReading(_ name: String) throws {
    let path = egovFixture(name)
    let streamed = try DocumentLoader.load(file: path)
    #expect(streamed == (try readLaw(path)))
    #expect(!streamed.units.isEmpty)
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func streamingEqualsTreeReadingOnEverySharedLaw() throws {
    let files = SharedData.files(in: "egov/laws") + SharedData.files(in: "egov/api-v1")
    #expect(files.count >= 10)
    for file in files {
      let streamed = try DocumentLoader.load(file: file)
      let parsed = try readLaw(file)
      #expect(streamed == parsed, "\(file)")
      #expect(streamed.diffUnits().count > 20, "\(file)")
    }
  }

  @Test func hostileLawIsRefusedWhileStreaming() throws {
    let folder = try TempFolder(prefix: "law-stream")
    let entity = try folder.write(
      "entity.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE Law [<!ENTITY x \"第一条\">]>\n<Law><LawBody><MainProvision>"
        + "<Article Num=\"1\"><ArticleTitle>&x;</ArticleTitle></Article></MainProvision></LawBody></Law>\n")
    let truncated = try folder.write(
      "truncated.xml", "<Law><LawBody><MainProvision><Article Num=\"1\"><ArticleTitle>第一条</ArticleTitle>")
    for file in [entity, truncated] {
      #expect(throws: GuideKitError.self, "\(file)") { try DocumentLoader.load(file: file) }
    }
  }
}

@Suite("LawReader.humanLabel")
struct LawHumanLabelTests {
  @Test(arguments: [
    ("労働安全衛生法", "Art66_8_3", "労働安全衛生法第66条の8の3"),
    ("労働基準法", "Art38_2/Para1", "労働基準法第38条の2第1項"),
    ("労働基準法", "Art15/Para1/Item2", "労働基準法第15条第1項第2号"),
    ("労働基準法", "Art32", "労働基準法第32条"),
    ("法", "Art2/Para1/Item3_2", "法第2条第1項第3号の2"),
    ("法", "Art10/Para1/Item2/Sub1_3", "法第10条第1項第2号ハ"),
    ("法", "Art10/Para1/Item2/Sub1_1/Sub2_4", "法第10条第1項第2号イ(4)"),
    ("法", "Art10/Para1/Item2/Sub1_1/Sub2_1/Sub3_2", "法第10条第1項第2号イ(1)(ii)"),
    ("労働基準法", "Art29:31", "労働基準法第29条から第31条まで"),
    ("労働基準法", "Chap6_2", "労働基準法第6章の2"),
    ("法", "Part1/Chap2/Sec3/Subsec4/Div5", "法第1編第2章第3節第4款第5目"),
    ("法", "Suppl/Art2", "法附則第2条"),
    ("法", "Suppl/令和七年三月一日法律第十号/Art1/Para2", "法附則（令和七年三月一日法律第十号）第1条第2項"),
    ("法", "Para2", "法第2項"),
    ("", "Art1", "第1条"),
    ("法", "Art2-2", "法Art2-2"),
  ])
  func label(lawTitle: String, provision: String, expected: String) {
    #expect(LawReader.humanLabel(lawTitle: lawTitle, provision: provision) == expected)
  }

  @Test func romanNumerals() {
    #expect(LawNumbering.romanLowercase(4) == "iv")
    #expect(LawNumbering.romanLowercase(19) == "xix")
    #expect(LawNumbering.romanLowercase(0) == "0")
  }
}

@Suite("LawReader: e-Gov data in ../shared/data")
struct LawReaderSharedDataTests {
  static let laborStandardsLaw = "egov/laws/322AC0000000049_20250601_504AC0000000068.xml"
  static let laborStandardsDataRoot = "egov/api-v1/322AC0000000049_labor-standards-law_DataRoot.xml"

  static var allLawFiles: [String] {
    SharedData.files(in: "egov/laws") + SharedData.files(in: "egov/api-v1")
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func countsMatchTheRawXML() throws {
    let files = Self.allLawFiles
    #expect(files.count >= 13)
    for file in files {
      let tree = try readLaw(file)
      let raw = try String(contentsOfFile: file, encoding: .utf8)
      let mainStart = try #require(raw.range(of: "<MainProvision"), "\(file)")
      let mainEnd = try #require(raw.range(of: "</MainProvision>"), "\(file)")
      let main = raw[mainStart.lowerBound..<mainEnd.upperBound]

      let mainUnits = signatures(tree.units).map(\.kind)
      #expect(
        mainUnits.count { $0 == .article } == countStartTags("Article", in: main), "\(file)")
      #expect(
        mainUnits.count { $0 == .paragraph } == countStartTags("Paragraph", in: main), "\(file)")
      #expect(mainUnits.count { $0 == .item } == countStartTags("Item", in: main), "\(file)")
      #expect(
        mainUnits.count { $0 == .lawChapter } == countStartTags("Chapter", in: main), "\(file)")
      #expect(
        tree.supplements.count == countStartTags("SupplProvision", in: raw[...]), "\(file)")

      let units = allUnits(tree)
      #expect(Set(units.map(\.id)).count == units.count, "ids not unique in \(file)")
      #expect(units.allSatisfy { $0.line > 0 }, "\(file)")
      #expect(!tree.info.title.isEmpty, "\(file)")
      #expect(tree.info.id == String(file.split(separator: "/").last?.prefix(15) ?? ""))
      // Every main-provision article has text (some paragraphs hold only an empty sentence).
      let articles = tree.allUnits().filter {
        $0.unit.kind == .article && $0.ancestorIDs.first?.hasPrefix("Suppl") != true
      }
      #expect(articles.allSatisfy { !$0.unit.fullText.isEmpty }, "\(file)")
      #expect(units.allSatisfy { $0.blocks.allSatisfy { !$0.text.isEmpty } }, "\(file)")
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func laborStandardsLaw() throws {
    let tree = try readLaw(SharedData.path(Self.laborStandardsLaw))
    #expect(tree.info.id == "322AC0000000049")
    #expect(tree.info.version == "20250601_504AC0000000068")
    #expect(tree.info.effective == "2025-06-01")
    #expect(tree.info.title == "労働基準法")

    let article = try #require(unit("Art38_2", in: tree))
    #expect(article.num == "第三十八条の二")
    #expect(article.children.count == 3)
    let paragraph = try #require(unit("Art38_2/Para1", in: tree))
    #expect(paragraph.ownText.hasPrefix("労働者が労働時間の全部又は一部について事業場外で業務に従事した場合において"))
    #expect(paragraph.ownText.contains("みなす。ただし、当該業務を遂行するためには"))

    let article15 = try #require(unit("Art15", in: tree))
    #expect(article15.title == "（労働条件の明示）")
    #expect(article15.num == "第十五条")

    // The ruby reading of 哺 is left out.
    #expect(allUnits(tree).contains { $0.ownText.contains("出産、哺育等に有害な業務") })

    let deleted = try #require(unit("Art29:31", in: tree))
    #expect(deleted.fullText == "削除")

    let chapter = try #require(tree.units.first)
    #expect(chapter.id == "Chap1")
    #expect(chapter.num == "第一章")
    #expect(chapter.title == "総則")
    #expect(tree.units.map(\.id).contains("Chap6_2"))

    // Tables inside paragraphs count as the paragraph's text.
    #expect(unit("Art39/Para2", in: tree)?.blocks.contains { $0.text == "一年　一労働日" } == true)

    let supplementIDs = tree.supplements.map(\.id)
    #expect(supplementIDs.first == "Suppl")
    #expect(Set(supplementIDs).count == supplementIDs.count)
    #expect(supplementIDs.dropFirst().allSatisfy { $0.hasPrefix("Suppl/") })
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func dataRootEqualsLaw() throws {
    let law = try readLaw(SharedData.path(Self.laborStandardsLaw))
    let dataRoot = try readLaw(SharedData.path(Self.laborStandardsDataRoot))
    #expect(dataRoot.info.id == "322AC0000000049")
    #expect(dataRoot.info.title == law.info.title)
    let lawUnits = signatures(law.units)
    let dataRootUnits = signatures(dataRoot.units)
    #expect(lawUnits.count == dataRootUnits.count)
    for (a, b) in zip(lawUnits, dataRootUnits) where a != b {
      Issue.record("differs: \(a) / \(b)")
      break
    }
    #expect(lawUnits == dataRootUnits)
    #expect(signatures(law.supplements) == signatures(dataRoot.supplements))
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func industrialSafetyAndHealthAct() throws {
    let tree = try readLaw(
      SharedData.path("egov/laws/347AC0000000057_20260101_507AC0000000033.xml"))
    #expect(tree.info.title == "労働安全衛生法")
    let article = try #require(unit("Art66_8_3", in: tree))
    #expect(article.num == "第六十六条の八の三")
    #expect(article.fullText.hasPrefix("事業者は、第六十六条の八第一項又は前条第一項の規定による面接指導を実施するため"))
    // Items made of columns: term and definition.
    #expect(unit("Art2/Para1/Item1", in: tree)?.ownText.hasPrefix("労働災害　労働者の就業に係る") == true)
    #expect(
      LawReader.humanLabel(lawTitle: tree.info.title, provision: article.id) == "労働安全衛生法第66条の8の3")
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func originalSupplementWithoutAmendLawNum() throws {
    // 労働契約法: its original 附則 is an extract without AmendLawNum.
    let tree = try readLaw(SharedData.path("egov/laws/419AC0000000128_20200401_430AC0000000071.xml"))
    #expect(tree.supplements.map(\.id).first == "Suppl")
    #expect(tree.supplements.count == 4)
    #expect(tree.supplements.dropFirst().allSatisfy { $0.properties["amendmentLawNum"] != nil })
  }
}

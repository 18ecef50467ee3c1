import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

// MARK: - Widths

@Suite("East Asian width")
struct EastAsianWidthTests {
  @Test(
    "characters of the Japanese repertoire",
    arguments: [
      ("ａ", 2), ("a", 1), ("ｱ", 1), ("ﾞ", 1), ("漢", 2), ("あ", 2), ("ア", 2), ("ー", 2),
      ("、", 2), ("。", 2), ("「", 2), ("　", 2), ("１", 2), ("￥", 2), ("～", 2), ("｡", 1),
      ("한", 2), ("𠮷", 2), ("👍", 2), ("🇯🇵", 2), ("❤️", 2), ("1️⃣", 2), ("é", 1), ("e\u{301}", 1),
      ("\u{301}", 0), ("\u{200B}", 0), ("\u{3099}", 0), ("\t", 0), ("①", 1), ("※", 1), ("α", 1),
      ("䷀", 1), ("ｶﾞ", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("각", 2),
      ("\u{1100}\u{1161}\u{11A8}", 2), ("\u{200D}", 0), ("\u{FE0F}", 0), ("क्\u{200D}ष", 2),
      ("🏽", 2),
      ("☺︎", 1),
    ] as [(String, Int)])
  func narrowAmbiguous(text: String, columns: Int) throws {
    let c = try #require(text.first)
    #expect(text.count == 1, "fixture must be one grapheme cluster")
    #expect(EastAsianWidth.columns(of: c) == columns)
  }

  @Test func theInputSizeLimitDoesNotApplyToAStylesheetsOutput() throws {
    // 54 MB of output (54,000 elements of 1,000 characters the layout ignores) from a stylesheet: more than the
    // 50 MB an input may have, and not an input.
    let padding = String(repeating: "a", count: 1_000)
    let xml =
      "<text xmlns=\"\(TextLayoutDocument.namespace)\">"
      + String(repeating: "<x>\(padding)</x>\n", count: 54_000) + "<block>本文</block></text>"
    #expect(xml.utf8.count > XMLParseLimits().maxBytes)
    let blocks = try TextLayoutDocument.blocks(xml: xml, fileName: "guideline-text.xsl")
    #expect(blocks.compactMap { $0?.text } == ["本文"])
  }

  @Test func ambiguousCharactersFollowTheOption() {
    for c: Character in ["①", "※", "○", "α", "Ж", "→", "…", "“", "°"] {
      #expect(EastAsianWidth.columns(of: c, ambiguous: .narrow) == 1, "\(c)")
      #expect(EastAsianWidth.columns(of: c, ambiguous: .wide) == 2, "\(c)")
    }
    // Not ambiguous: unaffected.
    for (c, n): (Character, Int) in [("a", 1), ("ｱ", 1), ("漢", 2), ("\u{301}", 0)] {
      #expect(EastAsianWidth.columns(of: c, ambiguous: .wide) == n, "\(c)")
    }
  }

  @Test func strings() {
    #expect(EastAsianWidth.columns(of: "日本語abc") == 9)
    #expect(EastAsianWidth.columns(of: "ﾃﾚﾜｰｸ") == 5)
    #expect(EastAsianWidth.columns(of: "テレワーク"[...]) == 10)
    #expect(EastAsianWidth.columns(of: "") == 0)
    #expect(EastAsianWidth.columns(of: "①②", ambiguous: .wide) == 4)
  }

  @Test func blockBoundaries() {
    // U+303F HALF FILL SPACE and U+4DC0 hexagrams are N; U+3000 and U+FF01…FF60, FFE0…FFE6 are F.
    let cases: [(UInt32, Int)] = [
      (0x3000, 2), (0x303E, 2), (0x303F, 1), (0x3041, 2), (0x4DBF, 2), (0x4DC0, 1), (0x4E00, 2),
      (0x9FFF, 2), (0xFF01, 2), (0xFF60, 2), (0xFF61, 1), (0xFF9F, 1), (0xFFA0, 1), (0xFFE0, 2),
      (0xFFE6, 2), (0xFFE8, 1), (0xAC00, 2), (0xD7A3, 2), (0x1100, 2), (0x1F600, 2), (0x20000, 2),
    ]
    for (v, n) in cases {
      guard let s = Unicode.Scalar(v) else {
        Issue.record("bad scalar \(v)")
        continue
      }
      #expect(EastAsianWidth.columns(of: Character(s)) == n, "U+\(String(v, radix: 16))")
    }
  }
}

// MARK: - Layout: unit cases

@Suite("Text layout")
struct TextLayoutTests {
  private func lines(_ text: String, width: Int, indent: Int = 0, hanging: String = "") -> [String] {
    let block = TextBlock(text: text, indent: indent, hanging: hanging)
    let options = TextLayoutOptions(width: width)
    let result = TextLayout.lines(for: block, options: options)
    LayoutProperties.check(block, options, result)
    return result
  }

  @Test func aHugeLabelOrIndentKeepsTheOutputLinearInTheInput() {
    let options = TextLayoutOptions(width: 40)
    let label = String(repeating: "１", count: 20_000)  // 40,000 columns
    let text = String(repeating: "テレワークを導入する。", count: 200)
    for block in [
      TextBlock(text: text, hanging: label), TextBlock(text: text, indent: 1_000_000),
      TextBlock(text: text, indent: 10, hanging: "（１）"),
    ] {
      let lines = TextLayout.lines(for: block, options: options)
      let output = lines.reduce(0) { $0 + $1.count }
      // Each line of about 20 columns of text (10 characters) carries at most 20 columns of indent.
      #expect(output < block.hanging.count + text.count * 4, "\(output) characters")
      // Only the label may pass the width; every other line keeps to it.
      for line in lines where !line.contains("１１") {
        #expect(EastAsianWidth.columns(of: line) <= 40, "\(line.prefix(60))")
      }
      #expect(lines.joined().filter { $0 != " " }.hasSuffix(text), "the text is kept")
    }
  }

  @Test func breaksBetweenCJKCharacters() {
    #expect(lines("あいうえおかきくけこ", width: 8) == ["あいうえ", "おかきく", "けこ"])
  }

  @Test func pushesOutBeforeFullStop() {
    // 「お」 fits, 。 would start the next line: お moves down with it.
    #expect(lines("あいうえお。", width: 10) == ["あいうえ", "お。"])
  }

  @Test func pushesOutOpeningBracket() {
    #expect(lines("あいうえ「お」", width: 10) == ["あいうえ", "「お」"])
  }

  /// A run the rules cannot break within the width is cut with the rules relaxed (issue 21.14),
  /// after the legal break before it.
  @Test func longRunOfClosingPunctuationIsCutWhenNothingElseFits() {
    #expect(lines("あいう」」」」」」」", width: 6) == ["あい", "う」」", "」」」", "」」"])
    #expect(lines("」」」」」", width: 2) == ["」", "」", "」", "」", "」"])
    #expect(lines("あいう」」", width: 6) == ["あい", "う」」"])
  }

  @Test func smallKanaAndProlongedSoundMarkNeverStartALine() {
    #expect(lines("アップデート", width: 4) == ["アッ", "プ", "デー", "ト"])
  }

  @Test func latinBreaksOnlyAtSpaces() {
    #expect(lines("The quick brown fox", width: 10) == ["The quick", "brown fox"])
    #expect(lines("supercalifragilistic word", width: 10) == ["supercalifragilistic", "word"])
  }

  @Test func mixedText() {
    #expect(lines("テレワークではVPNを使う。", width: 12) == ["テレワークで", "はVPNを使", "う。"])
  }

  @Test func urlStandsAloneUnbroken() {
    let url = "https://www.soumu.go.jp/main_sosiki/cybersecurity/telework/index.html"
    #expect(lines("詳細は\(url)を参照。", width: 20) == ["詳細は", url, "を参照。"])
    #expect(lines("see \(url) now", width: 20) == ["see", url, "now"])
    // A URL may start a line after punctuation, and keeps the punctuation that follows it.
    #expect(
      lines("参考:https://www.nisc.go.jp/、以上", width: 20) == [
        "参考:", "https://www.nisc.go.jp/、", "以上",
      ])
    #expect(lines("xhttps://a.jp/b", width: 4) == ["xhttps://a.jp/b"])
  }

  @Test func numbersStayTogether() {
    #expect(lines("合計１２，３４５台", width: 8) == ["合計", "１２，３４５", "台"])
    #expect(lines("価格は￥1,000です", width: 8) == ["価格は", "￥1,000", "です"])
    #expect(lines("約3.5倍", width: 3) == ["約", "3.5", "倍"])
    #expect(lines("番号ＰＣ－００１２３", width: 8) == ["番号", "ＰＣ－００１２３"])
  }

  @Test func hangingIndentation() {
    let result = lines("テレワーク端末には多要素認証を導入すること。", width: 20, indent: 2, hanging: "(1)")
    #expect(result == ["  (1) テレワーク端末", "      には多要素認証", "      を導入するこ", "      と。"])
    #expect(lines("", width: 20, hanging: "第1条") == ["第1条"])
    #expect(lines("", width: 20) == [])
    #expect(lines("   ", width: 20) == [])
  }

  @Test func fullWidthLabelUsesItsColumns() {
    #expect(lines("あいうえおかきくけこ", width: 16, hanging: "第1条") == ["第1条 あいうえお", "      かきくけこ"])
  }

  @Test func newlineForcesABreak() {
    #expect(lines("あい\nうえ", width: 20) == ["あい", "うえ"])
    #expect(lines("あい\n\nうえ", width: 20) == ["あい", "", "うえ"])
    #expect(lines("あい  \nうえ\n", width: 20) == ["あい", "うえ"])
  }

  @Test func leadingIdeographicSpaceIsKept() {
    #expect(lines("　本ガイドラインは", width: 10) == ["　本ガイド", "ラインは"])
  }

  @Test func spacesAreNotBreaksBeforeClosingPunctuation() {
    #expect(lines("aaaa bbbb )", width: 9) == ["aaaa", "bbbb )"])
  }

  @Test func noBreakSpaceAndWordJoinerGlue() {
    #expect(lines("aaaa\u{00A0}bbbb cc", width: 6) == ["aaaa\u{00A0}bbbb", "cc"])
    #expect(lines("あい\u{2060}うえ", width: 4) == ["あ", "い\u{2060}う", "え"])
  }

  @Test func zeroWidthSpaceIsABreakOpportunity() {
    #expect(lines("abcd\u{200B}efgh", width: 5) == ["abcd\u{200B}", "efgh"])
  }

  @Test func renderSeparatesBlocksWithABlankLine() {
    let blocks = [
      TextBlock(text: "令和3年5月31日", alignment: .trailing),
      TextBlock(text: "お知らせ", alignment: .center),
      TextBlock(text: ""),
      TextBlock(text: "本文です。", indent: 2),
    ]
    let text = TextLayout.render(blocks, options: TextLayoutOptions(width: 20))
    #expect(text == "      令和3年5月31日\n\n      お知らせ\n\n  本文です。\n")
    #expect(TextLayout.render([], options: TextLayoutOptions()) == "")
    let tight = TextLayout.render(
      [TextBlock(text: "あ"), TextBlock(text: "い")],
      options: TextLayoutOptions(blankLinesBetweenBlocks: 0))
    #expect(tight == "あ\nい\n")
  }

  @Test func ambiguousWideChangesTheWrapping() {
    let block = TextBlock(text: "①②③④⑤⑥")
    #expect(TextLayout.lines(for: block, options: TextLayoutOptions(width: 6)) == ["①②③④⑤⑥"])
    #expect(
      TextLayout.lines(for: block, options: TextLayoutOptions(width: 6, ambiguous: .wide)) == [
        "①②③", "④⑤⑥",
      ])
  }

  @Test func kinsokuClassification() {
    for c in "」）』】〕］｝〉》‐〜゠–！？‼⁇・：；。．、，ゝゞ々ヽヾーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶｧｯｰ｡､｣" {
      #expect(Kinsoku.isProhibitedAtLineStart(c), "\(c)")
    }
    for c in "「（『【〔［｛〈《｢" {
      #expect(Kinsoku.isProhibitedAtLineEnd(c), "\(c)")
      #expect(!Kinsoku.isProhibitedAtLineStart(c), "\(c)")
    }
    for c in "あア漢aＡ1" {
      #expect(!Kinsoku.isProhibitedAtLineStart(c), "\(c)")
      #expect(!Kinsoku.isProhibitedAtLineEnd(c), "\(c)")
    }
  }
}

// MARK: - Properties on random text

@Suite("Text layout properties")
struct TextLayoutPropertyTests {
  private static let pieces: [String] = [
    "あ", "い", "漢", "字", "テ", "レ", "ワ", "ク", "。", "、", "」", "「", "（", "）", "』", "【", "】",
    "ー", "っ", "ャ", "ゅ", "ッ", "ヶ", "々", "ゝ", "・", "：", "！", "？", "〜", "ｶ", "ﾞ", "ｧ", "ｰ", "｡",
    "Ａ", "１", "２", "，", "．", "％", "￥", "…", "―", " ", " ", "  ", "　", "word", "Latin", "(", ")",
    ",", ".", "12,345", "3.5", "https://www.example.go.jp/a/very/long/path/to/some/page.html?q=1",
    "e\u{301}", "\u{301}", "①", "※", "α", "👍", "❤️", "\"", "'", "\u{00A0}", "\u{200B}", "\u{2060}",
    "\n",
  ]

  @Test func randomParagraphsKeepEveryProperty() {
    var rng = SplitMix64(seed: 0x5EED)
    for _ in 0..<3000 {
      var text = ""
      for _ in 0..<Int(rng.next() % 80) {
        text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
      }
      let labels = ["", "(1)", "第1条", "ア", "1.", "①"]
      let block = TextBlock(
        text: text, indent: Int(rng.next() % 5),
        hanging: labels[Int(rng.next() % UInt64(labels.count))])
      let options = TextLayoutOptions(
        width: 1 + Int(rng.next() % 50), ambiguous: rng.next() % 2 == 0 ? .narrow : .wide)
      LayoutProperties.check(block, options, TextLayout.lines(for: block, options: options))
    }
  }
}

/// Where the rules leave no break point within the width.
@Suite("Kinsoku relaxed where nothing else fits")
struct KinsokuRelaxationTests {
  private func lines(_ text: String, width: Int) -> [String] {
    let block = TextBlock(text: text)
    let options = TextLayoutOptions(width: width)
    let lines = TextLayout.lines(for: block, options: options)
    LayoutProperties.check(block, options, lines)
    return lines
  }

  private func columns(_ line: String) -> Int { EastAsianWidth.columns(of: line, ambiguous: .narrow) }

  @Test("a run of small kana longer than the line is cut between small kana")
  func smallKanaRun() {
    let text = "あ" + String(repeating: "ぁ", count: 30)
    let out = lines(text, width: 40)
    #expect(out.allSatisfy { columns($0) <= 40 }, "\(out)")
    #expect(out.joined() == text)
    #expect(out.count == 2)
  }

  @Test("small kana are relaxed first: ー still never starts a line when that is enough")
  func smallKanaBeforeTheRest() {
    let out = lines(String(repeating: "ぁ", count: 12) + String(repeating: "ー", count: 5), width: 20)
    #expect(out == [String(repeating: "ぁ", count: 10), "ぁぁーーーーー"])
  }

  @Test("then ー and iteration marks, then every rule")
  func theRest() {
    let long = lines("カ" + String(repeating: "ー", count: 30), width: 20)
    #expect(long.allSatisfy { columns($0) <= 20 }, "\(long)")
    let brackets = lines("字" + String(repeating: "」", count: 30), width: 20)
    #expect(brackets.allSatisfy { columns($0) <= 20 }, "\(brackets)")
    #expect(brackets.joined() == "字" + String(repeating: "」", count: 30))
  }

  @Test("the legal break before the run is taken first")
  func legalBreakFirst() {
    let out = lines("あいうえおかきくけこ" + String(repeating: "ぁ", count: 25), width: 20)
    #expect(out.first == "あいうえおかきくけ")
    #expect(out.dropFirst().first?.hasPrefix("こぁ") == true)
    #expect(out.allSatisfy { columns($0) <= 20 })
  }

  @Test("a single unbreakable token (a URL) still stands alone, wider than the line")
  func urlOverflows() {
    let url = "https://example.com/a/very/long/path/that/is/longer/than/the/line"
    let out = lines("参照：" + url + "。", width: 20)
    #expect(out.contains { $0.hasPrefix(url) && columns($0) > 20 })
  }
}

/// The checker itself must catch what it looks for.
@Suite("Text layout property checker")
struct LayoutPropertyCheckerTests {
  @Test func acceptsAValidLayout() {
    LayoutProperties.check(TextBlock(text: "あいうえお。"), TextLayoutOptions(width: 10), ["あいうえ", "お。"])
  }

  @Test(
    "catches a broken layout",
    arguments: [
      ("あいうえお。", ["あいうえお", "。"]),  // line starts with 。
      ("あいうえ「お」", ["あいうえ「", "お」"]),  // line ends with 「
      ("あいうえお。", ["あいうえ", "お"]),  // characters dropped
      ("あいうえお。", ["あいうえお。"]),  // breakable line wider than 10 columns
      ("あいうえお。", ["あいうえ ", "お。"]),  // trailing space
      ("あいうえお。", ["あいうお", "え。"]),  // characters reordered
    ] as [(String, [String])])
  func catches(text: String, lines: [String]) {
    withKnownIssue {
      LayoutProperties.check(TextBlock(text: text), TextLayoutOptions(width: 10), lines)
    }
  }
}

// MARK: - Golden files

@Suite("Text layout golden files")
struct TextLayoutGoldenTests {
  static let directory = RepoPaths.root.appendingPathComponent("Tests/GuideKitTests")
    .appendingPathComponent("Golden/layout")

  /// The cases: every `NAME.in.txt` of `Golden/layout`.
  static func cases() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".in.txt") }.map { String($0.dropLast(".in.txt".count)) }
      .sorted()
  }

  @Test func casesArePresent() {
    #expect(Self.cases().count >= 8, "golden inputs missing in \(Self.directory.path)")
  }

  /// Renders `NAME.in.txt` at each of its widths and compares with `NAME.wWIDTH.txt`.
  /// GUIDEKIT_UPDATE_GOLDEN=1 rewrites the expected files (``Golden``; then review them).
  @Test(arguments: cases())
  func golden(name: String) throws {
    let input = try String(
      contentsOf: Self.directory.appendingPathComponent("\(name).in.txt"), encoding: .utf8)
    let golden = try GoldenLayoutInput(parsing: input)
    for width in golden.widths {
      let options = TextLayoutOptions(width: width, ambiguous: golden.ambiguous)
      for block in golden.blocks {
        LayoutProperties.check(block, options, TextLayout.lines(for: block, options: options))
      }
      let actual = TextLayout.render(golden.blocks, options: options)
      let result = Golden.check(actual, "layout/\(name).w\(width).txt")
      #expect(result.matches, "\(name) at width \(width): \(result.expected.prefix(200))")
    }
  }
}

/// A golden input file:
/// ```
/// # comment
/// @options widths=20,40,70 ambiguous=narrow
/// @block indent=2 hanging=(1) align=leading
/// the block's text on one line; \n is a newline, \\ a backslash, \u{200B} a scalar
/// ```
private struct GoldenLayoutInput {
  var widths: [Int] = [20, 40, 70]
  var ambiguous: AmbiguousWidth = .narrow
  var blocks: [TextBlock] = []

  struct FormatError: Error, CustomStringConvertible {
    var description: String
  }

  init(parsing input: String) throws {
    var pending: TextBlock?
    for line in input.split(separator: "\n", omittingEmptySubsequences: false) {
      if var block = pending {
        block.text = try Self.unescape(String(line))
        blocks.append(block)
        pending = nil
      } else if line.hasPrefix("@options") {
        for (key, value) in Self.attributes(line) {
          switch key {
          case "widths": widths = value.split(separator: ",").compactMap { Int($0) }
          case "ambiguous": ambiguous = value == "wide" ? .wide : .narrow
          default: throw FormatError(description: "unknown option \(key)")
          }
        }
      } else if line.hasPrefix("@block") {
        var block = TextBlock(text: "")
        for (key, value) in Self.attributes(line) {
          switch key {
          case "indent": block.indent = Int(value) ?? 0
          case "hanging": block.hanging = value
          case "align":
            block.alignment =
              value == "trailing" ? .trailing : value == "center" ? .center : .leading
          default: throw FormatError(description: "unknown block attribute \(key)")
          }
        }
        pending = block
      } else if !(line.isEmpty || line.hasPrefix("#")) {
        throw FormatError(description: "text outside a block: \(line)")
      }
    }
    if pending != nil { throw FormatError(description: "block without text at the end") }
  }

  private static func attributes(_ line: Substring) -> [(String, String)] {
    line.split(separator: " ").dropFirst().map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1)
      return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }
  }

  private static func unescape(_ s: String) throws -> String {
    var out = ""
    var chars = s.unicodeScalars.makeIterator()
    while let c = chars.next() {
      guard c == "\\" else {
        out.unicodeScalars.append(c)
        continue
      }
      switch chars.next() {
      case "n": out += "\n"
      case "\\": out += "\\"
      case "u":
        guard chars.next() == "{" else { throw FormatError(description: "bad \\u in \(s)") }
        var hex = ""
        while let h = chars.next(), h != "}" { hex.unicodeScalars.append(h) }
        guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
          throw FormatError(description: "bad \\u{\(hex)} in \(s)")
        }
        out.unicodeScalars.append(scalar)
      default: throw FormatError(description: "bad escape in \(s)")
      }
    }
    return out
  }
}

// MARK: - The properties every layout must have

/// Checks written independently of the layout's own tables where possible: the kinsoku classes are
/// those listed in DESIGN.md (cl-01 … cl-11) with their half-width and ASCII counterparts.
private enum LayoutProperties {
  static let notAtStart = Set(
    ("」）』】〕］｝〉》" + "‐〜゠–" + "！？‼⁇" + "・：；" + "。．" + "、，" + "ゝゞ々ヽヾ" + "ー"
      + "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ" + "｣､｡･ｰｧｨｩｪｫｬｭｮｯ" + ")]},.!?:;").unicodeScalars)
  static let notAtEnd = Set(("「（『【〔［｛〈《" + "｢" + "([{").unicodeScalars)

  static func check(
    _ block: TextBlock, _ options: TextLayoutOptions, _ lines: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if block.alignment != .leading {
      // Alignment only pads lines on the left: check the flush-left lines instead.
      var flush = block
      flush.alignment = .leading
      let flushLines = TextLayout.lines(for: flush, options: options)
      let padded = zip(lines, flushLines).allSatisfy { line, flushLine in
        line.hasSuffix(flushLine) && line.dropLast(flushLine.count).allSatisfy { $0 == " " }
      }
      if lines.count != flushLines.count || !padded {
        Issue.record(
          "aligned lines \(lines) are not \(flushLines) padded", sourceLocation: sourceLocation)
      }
      check(flush, options, flushLines, sourceLocation: sourceLocation)
      return
    }
    let context =
      "text \(block.text.debugDescription) width \(options.width) indent \(block.indent) label \(block.hanging)"
    let labelColumns =
      block.hanging.isEmpty
      ? 0 : EastAsianWidth.columns(of: block.hanging, ambiguous: options.ambiguous) + 1
    let firstPrefix = Array(
      (String(repeating: " ", count: max(0, block.indent))
        + (block.hanging.isEmpty ? "" : block.hanging + " ")).unicodeScalars)
    let restPrefix = Array(
      String(repeating: " ", count: max(0, block.indent) + labelColumns).unicodeScalars)
    let text = Array(block.text.unicodeScalars)
    // Units that break under no rule within the width may be cut against kinsoku (the rules
    // relaxed in JLReq's order): scalar ranges of the text's units wider than the line.
    let available = max(0, options.width - max(0, block.indent) - labelColumns)
    var oversized: [Range<Int>] = []
    var unitStart = 0
    for unit in LineBreak.units(of: block.text) {
      let body = unit.body.unicodeScalars.count
      if EastAsianWidth.columns(of: unit.body, ambiguous: options.ambiguous) > available {
        oversized.append(unitStart..<unitStart + body)
      }
      unitStart += body + unit.space.unicodeScalars.count
      if unit.forcedBreak {
        let crlf = unitStart + 1 < text.count && text[unitStart] == "\r" && text[unitStart + 1] == "\n"
        unitStart += crlf ? 2 : 1
      }
    }
    func relaxedBreak(at offset: Int) -> Bool {
      oversized.contains { $0.lowerBound < offset && offset < $0.upperBound }
    }
    var starts: [Int] = []  // where line k's content starts in the text
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      s.properties.isWhitespace && s != "\u{00A0}" && s != "\u{202F}" && s != "\u{2007}"
    }
    func matches(_ content: [Unicode.Scalar], at start: Int) -> Bool {
      start + content.count <= text.count && Array(text[start..<start + content.count]) == content
    }
    var position = 0
    var gaps: [[Unicode.Scalar]] = []  // what the text has between line k-1 and line k
    var contents: [[Unicode.Scalar]] = []
    for (k, line) in lines.enumerated() {
      if line.contains("\n") {
        Issue.record("newline inside a line: \(context)", sourceLocation: sourceLocation)
      }
      if let last = line.unicodeScalars.last, isSpace(last) {
        Issue.record(
          "trailing whitespace in line \(k) \(line.debugDescription): \(context)",
          sourceLocation: sourceLocation)
      }
      // Strip the indentation and the label.
      let scalars = Array(line.unicodeScalars)
      let prefix = k == 0 ? firstPrefix : restPrefix
      var content: [Unicode.Scalar]
      if scalars.starts(with: prefix) {
        content = Array(scalars[prefix.count...])
      } else if prefix.starts(with: scalars) {
        content = []  // an empty line, or the label alone
      } else {
        Issue.record(
          "line \(k) \(line.debugDescription) lacks its prefix: \(context)",
          sourceLocation: sourceLocation)
        return
      }
      // Text preserved: only whitespace of the text may be skipped between lines (an empty line
      // skips through a newline; another line skips the least whitespace that makes it match).
      var skip = 0
      if k > 0 {
        var limit = 0
        while position + limit < text.count, isSpace(text[position + limit]) { limit += 1 }
        if content.isEmpty {
          guard
            let newline = text[position..<position + limit].firstIndex(where: {
              Character($0).isNewline
            })
          else {
            Issue.record(
              "empty line \(k) not asked for by the text: \(context)",
              sourceLocation: sourceLocation)
            return
          }
          skip = newline - position + 1
        } else {
          while skip < limit && !matches(content, at: position + skip) { skip += 1 }
        }
      }
      let gap = Array(text[position..<position + skip])
      position += skip
      guard matches(content, at: position) else {
        Issue.record(
          "line \(k) \(line.debugDescription) is not the text at \(position): \(context)",
          sourceLocation: sourceLocation)
        return
      }
      starts.append(position)
      position += content.count
      gaps.append(gap)
      contents.append(content)
    }
    if !text[position...].allSatisfy(isSpace) {
      Issue.record("text lost after \(position): \(context)", sourceLocation: sourceLocation)
    }
    for (k, content) in contents.enumerated() {
      let line = lines[k]
      // Width: an over-wide line holds a token wider than the line that breaks under no rule.
      let columns = EastAsianWidth.columns(of: line, ambiguous: options.ambiguous)
      if columns > options.width {
        let string = String(String.UnicodeScalarView(content))
        let tokens = LineBreak.units(of: string, relaxation: .all)
        if tokens.count > 1,
          !tokens.contains(where: { EastAsianWidth.columns(of: $0.body, ambiguous: options.ambiguous) > available })
        {
          Issue.record(
            "line \(k) \(line.debugDescription) is \(columns) columns wide and breakable: \(context)",
            sourceLocation: sourceLocation)
        }
      }
      // Kinsoku, except at a newline of the text.
      let forcedBefore = gaps[k].contains { Character($0).isNewline }
      if k > 0, !forcedBefore, let first = content.first, notAtStart.contains(first), !relaxedBreak(at: starts[k]) {
        Issue.record(
          "line \(k) \(line.debugDescription) starts with \(first): \(context)",
          sourceLocation: sourceLocation)
      }
      let forcedAfter = k + 1 < gaps.count && gaps[k + 1].contains { Character($0).isNewline }
      if k + 1 < lines.count, !forcedAfter, let last = line.last?.unicodeScalars.first,
        notAtEnd.contains(last), k + 1 >= starts.count || !relaxedBreak(at: starts[k + 1])
      {
        Issue.record(
          "line \(k) \(line.debugDescription) ends with \(last): \(context)",
          sourceLocation: sourceLocation)
      }
    }
  }
}

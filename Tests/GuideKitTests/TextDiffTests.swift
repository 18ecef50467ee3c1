import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

// MARK: - Helpers

private func eq(_ text: String, old: String? = nil) -> TextSegment { .equal(text, old: old) }
private func ins(_ text: String) -> TextSegment { .insert(text) }
private func del(_ text: String) -> TextSegment { .delete(text) }

/// Checks the invariants every diff must keep; returns a description of the first broken one.
private func violation(_ segments: [TextSegment], old: String, new: String, options: TextDiffOptions) -> String? {
  if !TextDiff.replayOld(segments).utf8.elementsEqual(old.utf8) { return "replayOld != old" }
  if !TextDiff.replayNew(segments).utf8.elementsEqual(new.utf8) { return "replayNew != new" }
  let ignoring = options.ignoreWidth || options.ignoreWhitespace
  if !ignoring {
    // Without ignore options, the plain texts replay: equal+delete = old, equal+insert = new.
    if segments.contains(where: { $0.oldText != nil }) { return "oldText without ignore options" }
    let plainOld = segments.filter { $0.op != .insert }.map(\.text).joined()
    let plainNew = segments.filter { $0.op != .delete }.map(\.text).joined()
    if !plainOld.utf8.elementsEqual(old.utf8) || !plainNew.utf8.elementsEqual(new.utf8) { return "plain replay" }
  }
  for (i, segment) in segments.enumerated() {
    if segment.text.isEmpty && (segment.oldText ?? "").isEmpty { return "empty segment at \(i)" }
    if segment.op != .equal && segment.oldText != nil { return "oldText on \(segment.op) at \(i)" }
    if let oldText = segment.oldText, oldText.utf8.elementsEqual(segment.text.utf8) {
      return "redundant oldText at \(i)"
    }
    if i > 0 && segments[i - 1].op == segment.op { return "adjacent \(segment.op) at \(i)" }
    if i > 0 && segments[i - 1].op == .insert && segment.op == .delete { return "insert before delete at \(i)" }
  }
  let onlyEqual = segments.allSatisfy { $0.op == .equal }
  if onlyEqual != TextDiff.isEquivalent(old, new, options: options) { return "isEquivalent disagrees" }
  return nil
}

/// Pieces random texts are made of: CJK text, punctuation, Latin words, numbers, whitespace,
/// width variants, combining sequences and emoji.
private let pieces: [String] = [
  "労", "働", "時", "間", "の", "把", "握", "を", "行", "う", "適", "正", "な", "情", "報", "管", "理",
  "テ", "レ", "ワ", "ー", "ク", "セ", "キ", "ュ", "リ", "ティ", "々", "、", "。", "「", "」", "（", "）",
  "『", "』", "・", "VPN", "ISO", "the", "data", "a", "b", "27001", "1,000", "2.5", "3", " ", "  ", "\n",
  "\n\n", "　", "\t", "ＶＰＮ", "１", "ＡＢ", "ｶﾞ", "ｲ", "ﾄﾞ", "e\u{301}", "é", "が", "か\u{3099}", "👩‍💻", ".",
  ",", "-", ":", "\r\n",
]

private func randomText(_ rng: inout SplitMix64, length: Int) -> String {
  var text = ""
  for _ in 0..<length {
    text += pieces[Int(rng.next() % UInt64(pieces.count))]
  }
  return text
}

/// A copy of `text` with a few random pieces inserted, deleted or replaced.
private func mutate(_ text: String, _ rng: inout SplitMix64, edits: Int) -> String {
  var characters = Array(text)
  for _ in 0..<edits {
    let position = characters.isEmpty ? 0 : Int(rng.next() % UInt64(characters.count + 1))
    switch rng.next() % 3 {
    case 0:
      characters.insert(contentsOf: randomText(&rng, length: 1 + Int(rng.next() % 4)), at: position)
    case 1:
      let end = min(characters.count, position + 1 + Int(rng.next() % 4))
      if position < end { characters.removeSubrange(position..<end) }
    default:
      let end = min(characters.count, position + 1 + Int(rng.next() % 3))
      if position < end {
        characters.replaceSubrange(position..<end, with: randomText(&rng, length: 1 + Int(rng.next() % 3)))
      }
    }
  }
  return String(characters)
}

/// A Japanese document of `count` sentences built from a fixed vocabulary.
private func japaneseDocument(_ rng: inout SplitMix64, sentences count: Int) -> [String] {
  let subjects = ["事業者は、", "労働者は、", "管理者は、", "テレワーク勤務者は、", "システム管理者は、", "使用者は、"]
  let objects = [
    "労働時間を", "端末の設定を", "VPN装置のソフトウェアを", "アクセス権限を", "パスワードを", "通信の暗号化を",
    "情報資産の分類を", "ISO/IEC 27001の管理策を", "業務の記録を", "個人情報の取扱いを",
  ]
  let verbs = ["適切に把握する", "定期的に確認する", "速やかに更新する", "文書で定める", "見直す", "管理する"]
  let endings = ["。", "ものとする。", "よう努める。", "ことが望ましい。"]
  return (0..<count).map { i in
    func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
    let lead = i % 7 == 0 ? "\n（\(i / 7 + 1)）" : ""
    return lead + pick(subjects) + pick(objects) + pick(verbs) + pick(endings)
  }
}

/// Checks that runs are contiguous, cover both arrays, and pair equal keys.
private func runsAreValid(_ runs: [TextDiff.Run], _ a: [Int32], _ b: [Int32]) -> Bool {
  var x = 0
  var y = 0
  for run in runs {
    guard run.oldLo == x, run.newLo == y else { return false }
    switch run.op {
    case .equal:
      guard run.oldHi - run.oldLo == run.newHi - run.newLo,
        a[run.oldLo..<run.oldHi].elementsEqual(b[run.newLo..<run.newHi])
      else { return false }
    case .delete: guard run.newLo == run.newHi else { return false }
    case .insert: guard run.oldLo == run.oldHi else { return false }
    }
    x = run.oldHi
    y = run.newHi
  }
  return x == a.count && y == b.count
}

private func tokenStrings(_ text: String, _ options: TextDiffOptions = .init()) -> [String] {
  var interner = TextDiff.KeyInterner()
  let t = TextDiff.tokenize(text, options: options, interner: &interner)
  return (0..<t.count).map { t.string($0..<($0 + 1)) }
}

@Suite struct TextDiffTests {
  // MARK: - Examples

  @Test func insertionInJapaneseSentence() {
    let segments = TextDiff.segments(old: "労働時間の把握を行う。", new: "労働時間の適正な把握を行う。")
    #expect(segments == [eq("労働時間の"), ins("適正な"), eq("把握を行う。")])
  }

  @Test func deletionInJapaneseSentence() {
    let segments = TextDiff.segments(old: "労働時間の適正な把握を行う。", new: "労働時間の把握を行う。")
    #expect(segments == [eq("労働時間の"), del("適正な"), eq("把握を行う。")])
  }

  @Test func latinWordIsReplacedWhole() {
    let segments = TextDiff.segments(old: "Use strong passwords.", new: "Use strong passphrases.")
    #expect(segments == [eq("Use strong "), del("passwords"), ins("passphrases"), eq(".")])
  }

  @Test func latinWordsAndSpacesMergeIntoOneReplacement() {
    let segments = TextDiff.segments(old: "the quick brown fox", new: "the slow red fox")
    #expect(segments == [eq("the "), del("quick brown"), ins("slow red"), eq(" fox")])
  }

  @Test func kanjiReplacementAfterLatinWord() {
    let segments = TextDiff.segments(old: "VPN装置を更新する", new: "VPN機器を更新する")
    #expect(segments == [eq("VPN"), del("装置"), ins("機器"), eq("を更新する")])
  }

  @Test func numbersAreReplacedWhole() {
    #expect(TextDiff.segments(old: "第3条", new: "第13条") == [eq("第"), del("3"), ins("13"), eq("条")])
    #expect(TextDiff.segments(old: "1,000人以上", new: "1,500人以上") == [del("1,000"), ins("1,500"), eq("人以上")])
    #expect(TextDiff.segments(old: "2.5倍", new: "3.0倍") == [del("2.5"), ins("3.0"), eq("倍")])
  }

  @Test func insertionSlidesToSentenceBoundary() {
    // Myers places the insertion after the common prefix 「記録を」; clean-up slides it to the
    // text start, so that the inserted clause ends at 「、」.
    let segments = TextDiff.segments(old: "記録を保存する。", new: "記録を確認し、記録を保存する。")
    #expect(segments == [ins("記録を確認し、"), eq("記録を保存する。")])
  }

  @Test func insertedSentenceEndsAtFullStop() {
    let segments = TextDiff.segments(old: "規程を定める。", new: "規程を見直す。規程を定める。")
    #expect(segments == [ins("規程を見直す。"), eq("規程を定める。")])
  }

  @Test func insertionSlidesToPhraseStart() {
    // 「の暗号化」 and 「暗号化の」 are both minimal; the phrase 「暗号化の」 starts at a kanji after
    // hiragana and ends before one, which reads better than cutting before a particle.
    let segments = TextDiff.segments(old: "データの保護", new: "データの暗号化の保護")
    #expect(segments == [eq("データの"), ins("暗号化の"), eq("保護")])
    let deletion = TextDiff.segments(old: "ログの分析の記録", new: "ログの記録")
    #expect(deletion == [eq("ログの"), del("分析の"), eq("記録")])
  }

  @Test func smallEqualityBetweenEditsIsAbsorbed() {
    // Myers keeps the shared 「の」; a redline reads better as one replacement.
    let segments = TextDiff.segments(old: "端末の管理", new: "機器の運用")
    #expect(segments == [del("端末の管理"), ins("機器の運用")])
  }

  @Test func largeEqualityBetweenEditsStays() {
    let segments = TextDiff.segments(old: "甲は労働時間の把握を行う乙", new: "丙は労働時間の把握を行う丁")
    #expect(segments == [del("甲"), ins("丙"), eq("は労働時間の把握を行う"), del("乙"), ins("丁")])
  }

  @Test func replacementEndsAtPunctuationNotInsideAWord() {
    // Myers keeps the common 「る」 of 「ある」/「有する」 apart from the replacement; clean-up
    // takes it in, so the replacement ends before 「。」.
    let segments = TextDiff.segments(
      old: "テレワークを行う労働者の労働時間の管理を適切に行う必要がある。",
      new: "テレワークを行う労働者についても、使用者は労働時間を適正に把握する責務を有する。")
    #expect(
      segments == [
        eq("テレワークを行う労働者"), del("の労働時間の管理を適切に行う必要がある"),
        ins("についても、使用者は労働時間を適正に把握する責務を有する"), eq("。"),
      ])
  }

  @Test func kanjiEqualityWeighsByDisplayWidth() {
    // 「を利用した」 (five wide characters) outweighs the inserted 「（ICT）」, so it stays equal.
    let segments = TextDiff.segments(
      old: "「テレワーク」とは、情報通信技術を利用した場所にとらわれない働き方をいう。",
      new: "「テレワーク」とは、情報通信技術（ICT）を利用した、時間や場所を有効に活用できる柔軟な働き方をいう。")
    #expect(
      segments == [
        eq("「テレワーク」とは、情報通信技術"), ins("（ICT）"), eq("を利用した"), del("場所にとらわれない"),
        ins("、時間や場所を有効に活用できる柔軟な"), eq("働き方をいう。"),
      ])
  }

  @Test func punctuationChangeIsItsOwnEdit() {
    let segments = TextDiff.segments(old: "情報を管理し、保護する。", new: "情報を管理し、及び保護する。")
    #expect(segments == [eq("情報を管理し、"), ins("及び"), eq("保護する。")])
  }

  @Test func emptyAndIdenticalTexts() {
    #expect(TextDiff.segments(old: "", new: "") == [])
    #expect(TextDiff.segments(old: "", new: "新設") == [ins("新設")])
    #expect(TextDiff.segments(old: "削除", new: "") == [del("削除")])
    #expect(TextDiff.segments(old: "同じ", new: "同じ") == [eq("同じ")])
  }

  @Test func canonicallyEquivalentTextsDifferInBytes() {
    // Swift's == says these are equal; the diff keeps bytes exact, so replay gives OLD back.
    let old = "か\u{3099}"
    let new = "が"
    #expect(!TextDiff.isEquivalent(old, new))
    let segments = TextDiff.segments(old: old, new: new)
    #expect(segments == [del(old), ins(new)])
    #expect(TextDiff.replayOld(segments).unicodeScalars.elementsEqual(old.unicodeScalars))
  }

  // MARK: - Options

  @Test func ignoreWidthEquivalence() {
    let options = TextDiffOptions(ignoreWidth: true)
    #expect(TextDiff.isEquivalent("ＡＢ１２３", "AB123", options: options))
    #expect(TextDiff.isEquivalent("ｶﾞｲﾄﾞﾗｲﾝ（第５版）", "ガイドライン(第5版)", options: options))
    #expect(TextDiff.isEquivalent("ﾊﾟｽﾜｰﾄﾞ｡", "パスワード。", options: options))
    #expect(TextDiff.isEquivalent("全角　空白", "全角 空白", options: options))
    #expect(!TextDiff.isEquivalent("ＡＢ１２３", "AB123"))
    #expect(!TextDiff.isEquivalent("①", "1", options: options))
    #expect(!TextDiff.isEquivalent("ガイド", "カイド", options: options))
    #expect(TextDiff.segments(old: "ｶﾞｲﾄﾞ", new: "ガイド", options: options) == [eq("ガイド", old: "ｶﾞｲﾄﾞ")])
  }

  @Test func ignoreWidthKeepsOldTextOfEqualSpans() {
    let options = TextDiffOptions(ignoreWidth: true)
    let old = "ＶＰＮ装置を更新する"
    let new = "VPN機器を更新する"
    let segments = TextDiff.segments(old: old, new: new, options: options)
    #expect(segments == [eq("VPN", old: "ＶＰＮ"), del("装置"), ins("機器"), eq("を更新する")])
    #expect(TextDiff.replayOld(segments) == old)
    #expect(TextDiff.replayNew(segments) == new)
    // Without the option the width change is an edit.
    let plain = TextDiff.segments(old: old, new: new)
    #expect(plain == [del("ＶＰＮ装置"), ins("VPN機器"), eq("を更新する")])
  }

  @Test func ignoreWhitespaceEquivalence() {
    let options = TextDiffOptions(ignoreWhitespace: true)
    #expect(TextDiff.isEquivalent("労働 時間", "労働時間", options: options))
    #expect(TextDiff.isEquivalent("　本文。\n  次の文。", "本文。次の文。", options: options))
    #expect(TextDiff.isEquivalent("a  b\tc", "a b\nc", options: options))
    #expect(!TextDiff.isEquivalent("a b", "ab", options: options))
    #expect(!TextDiff.isEquivalent("労働 時間", "労働時間"))
    #expect(TextDiff.isEquivalent("  ", "", options: options))
  }

  @Test func ignoreWhitespaceSegments() {
    let options = TextDiffOptions(ignoreWhitespace: true)
    let segments = TextDiff.segments(old: "労働 時間の把握", new: "労働時間の適正な把握", options: options)
    #expect(segments == [eq("労働時間の", old: "労働 時間の"), ins("適正な"), eq("把握")])
    #expect(TextDiff.segments(old: "  ", new: "", options: options) == [eq("", old: "  ")])
    #expect(TextDiff.segments(old: " \n", new: "\u{3000}", options: options) == [eq("\u{3000}", old: " \n")])
    #expect(TextDiff.segments(old: " ", new: "本文", options: options) == [del(" "), ins("本文")])
  }

  @Test func bothIgnoreOptions() {
    let options = TextDiffOptions(ignoreWidth: true, ignoreWhitespace: true)
    let old = "　第１条　ＶＰＮ を使う。"
    let new = "第1条 VPNを必ず使う。"
    let segments = TextDiff.segments(old: old, new: new, options: options)
    #expect(violation(segments, old: old, new: new, options: options) == nil)
    #expect(segments.filter { $0.op != .equal } == [ins("必ず")])
  }

  // MARK: - Budget

  @Test func exhaustedBudgetReplacesTheMiddle() {
    let old = "前文。甲乙丙丁戊。後文。"
    let new = "前文。己庚辛壬癸。後文。"
    let result = TextDiff.diff(old: old, new: new, options: TextDiffOptions(budget: 0), allowancePerToken: 0)
    #expect(result.precision == .replacement)
    #expect(result.segments == [eq("前文。"), del("甲乙丙丁戊"), ins("己庚辛壬癸"), eq("。後文。")])
  }

  @Test func zeroBudgetStillFindsSmallEdits() {
    // Trimming the common prefix and suffix solves this one without search: still exact.
    let trimmed = TextDiff.diff(
      old: "労働時間の把握を行う。", new: "労働時間の適正な把握を行う。", options: TextDiffOptions(budget: 0))
    #expect(trimmed.precision == .exact)
    #expect(trimmed.segments == [eq("労働時間の"), ins("適正な"), eq("把握を行う。")])
    // This one needs a search, which the approximate diff does within its per-token allowance.
    let searched = TextDiff.diff(
      old: "甲は労働時間の把握を行う乙", new: "丙は労働時間の把握を行う丁", options: TextDiffOptions(budget: 0))
    #expect(searched.precision == .approximate)
    #expect(searched.segments == [del("甲"), ins("丙"), eq("は労働時間の把握を行う"), del("乙"), ins("丁")])
  }

  @Test func smallBudgetDegradesAndStillReplays() {
    var rng = SplitMix64(seed: 7)
    let sentences = japaneseDocument(&rng, sentences: 400)
    var changed = sentences
    for i in 0..<changed.count {
      changed[i] = mutate(changed[i], &rng, edits: 1)
    }
    let old = sentences.joined()
    let new = changed.joined()
    let options = TextDiffOptions(budget: 20_000)
    let result = TextDiff.diff(old: old, new: new, options: options)
    #expect(result.precision == .approximate)
    #expect(violation(result.segments, old: old, new: new, options: options) == nil)
    // The approximate diff stays close to the exact one.
    let exact = TextDiff.diff(old: old, new: new, options: TextDiffOptions(budget: .max))
    #expect(exact.precision == .exact)
    #expect(violation(exact.segments, old: old, new: new, options: .init()) == nil)
    func edited(_ segments: [TextSegment]) -> Int {
      segments.filter { $0.op != .equal }.map(\.text.count).reduce(0, +)
    }
    #expect(Double(edited(result.segments)) < 1.5 * Double(edited(exact.segments)))
    #expect(edited(exact.segments) < new.count / 5)
  }

  @Test func bigRandomInputDegradesAndReplays() {
    var rng = SplitMix64(seed: 42)
    let old = randomText(&rng, length: 20_000)
    let new = randomText(&rng, length: 20_000)
    for (budget, allowance) in [(0, 0), (1_000, 8), (100_000, 128)] {
      let options = TextDiffOptions(budget: budget)
      let result = TextDiff.diff(old: old, new: new, options: options, allowancePerToken: allowance)
      #expect(result.precision != .exact)
      #expect(violation(result.segments, old: old, new: new, options: options) == nil)
    }
  }

  @Test func longDocumentWithScatteredEdits() {
    var rng = SplitMix64(seed: 2024)
    let sentences = japaneseDocument(&rng, sentences: 2_500)
    var changed = sentences
    for i in stride(from: 0, to: changed.count, by: 10) {
      changed[i] = mutate(changed[i], &rng, edits: 1)
    }
    let old = sentences.joined()
    let new = changed.joined()
    #expect(old.count > 50_000)
    let result = TextDiff.diff(old: old, new: new)
    #expect(violation(result.segments, old: old, new: new, options: .init()) == nil)
    let edited = result.segments.filter { $0.op != .equal }.map(\.text.count).reduce(0, +)
    #expect(edited < old.count / 10)
  }

  // MARK: - Properties

  @Test func propertiesOverRandomTexts() {
    var rng = SplitMix64(seed: 0x5EED)
    let optionSets = [
      TextDiffOptions(), TextDiffOptions(ignoreWidth: true), TextDiffOptions(ignoreWhitespace: true),
      TextDiffOptions(ignoreWidth: true, ignoreWhitespace: true), TextDiffOptions(budget: 50),
    ]
    for iteration in 0..<1_500 {
      let a = randomText(&rng, length: Int(rng.next() % 40))
      let b =
        iteration % 4 == 0
        ? randomText(&rng, length: Int(rng.next() % 40)) : mutate(a, &rng, edits: 1 + Int(rng.next() % 5))
      let options = optionSets[iteration % optionSets.count]
      let same = TextDiff.segments(old: a, new: a, options: options)
      #expect(same == (a.isEmpty ? [] : [eq(a)]), "diff(A, A) for \(a.debugDescription)")
      #expect(TextDiff.isEquivalent(a, a, options: options))
      let segments = TextDiff.segments(old: a, new: b, options: options)
      let problem = violation(segments, old: a, new: b, options: options)
      #expect(problem == nil, "\(problem ?? ""): \(a.debugDescription) → \(b.debugDescription) \(options)")
      let reverse = TextDiff.segments(old: b, new: a, options: options)
      #expect(violation(reverse, old: b, new: a, options: options) == nil)
    }
  }

  @Test func myersIsMinimal() {
    // The core against a textbook O(NM) LCS on small alphabets (many repeats, many ties).
    var rng = SplitMix64(seed: 99)
    for _ in 0..<800 {
      let n = Int(rng.next() % 30)
      let m = Int(rng.next() % 30)
      let alphabet = UInt64(2 + rng.next() % 4)
      let a = (0..<n).map { _ in Int32(rng.next() % alphabet) }
      let b = (0..<m).map { _ in Int32(rng.next() % alphabet) }
      var budget = Int.max / 2
      guard let runs = TextDiff.Myers.diff(a, 0..<n, b, 0..<m, budget: &budget) else {
        Issue.record("over budget")
        continue
      }
      var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
      }
      let matched = runs.filter { $0.op == .equal }.map { $0.oldHi - $0.oldLo }.reduce(0, +)
      #expect(matched == lcs[0][0])
      #expect(runsAreValid(runs, a, b))
    }
  }

  @Test func approximateMyersIsValidAndNearMinimal() {
    var rng = SplitMix64(seed: 5)
    for iteration in 0..<600 {
      let n = Int(rng.next() % 200)
      let a = (0..<n).map { _ in Int32(rng.next() % 6) }
      // B is A with a few edits, or unrelated.
      var b = a
      if iteration % 3 == 0 {
        b = (0..<Int(rng.next() % 200)).map { _ in Int32(rng.next() % 6) }
      } else {
        for _ in 0..<(1 + rng.next() % 8) {
          let position = Int(rng.next() % UInt64(b.count + 1))
          if rng.next() % 2 == 0 || position == b.count {
            b.insert(Int32(6 + rng.next() % 3), at: position)
          } else {
            b.remove(at: position)
          }
        }
      }
      var exactBudget = Int.max / 2
      let exact = TextDiff.Myers.diff(a, 0..<a.count, b, 0..<b.count, budget: &exactBudget) ?? []
      let optimal = exact.filter { $0.op == .equal }.map { $0.oldHi - $0.oldLo }.reduce(0, +)
      for limit in [1, 2, 3, 8] {
        var budget = Int.max / 2
        var exhausted = false
        let runs = TextDiff.Myers.approximateDiff(
          a, 0..<a.count, b, 0..<b.count, editLimit: limit, budget: &budget, exhausted: &exhausted)
        #expect(!exhausted)
        #expect(runsAreValid(runs, a, b))
        let matched = runs.filter { $0.op == .equal }.map { $0.oldHi - $0.oldLo }.reduce(0, +)
        #expect(matched <= optimal)
        // With a few scattered edits, the approximate diff finds nearly all the common tokens.
        if iteration % 3 != 0 && limit == 8 {
          #expect(Double(matched) >= 0.9 * Double(optimal), "\(a) → \(b)")
        }
      }
      let limit = 2
      // A tiny budget replaces what is left, and stays valid.
      var tiny = 10
      var ranOut = false
      let cut = TextDiff.Myers.approximateDiff(
        a, 0..<a.count, b, 0..<b.count, editLimit: limit, budget: &tiny, exhausted: &ranOut)
      #expect(runsAreValid(cut, a, b))
    }
  }

  @Test func anchorsAreUniqueRunsInOrder() {
    typealias Anchor = TextDiff.Anchors.Anchor
    let a = (0..<30).map { Int32($0) }
    let b: [Int32] = [99] + (0..<10).map { Int32($0) } + [98] + (10..<30).map { Int32($0) }
    #expect(
      TextDiff.Anchors.find(a, 0..<a.count, b, 0..<b.count, length: 6) == [
        Anchor(old: 0..<10, new: 1..<11), Anchor(old: 10..<30, new: 12..<32),
      ])
    // Swapped halves: only one of them can be kept in order.
    let swapped = (10..<20).map { Int32($0) } + (0..<10).map { Int32($0) }
    let anchors = TextDiff.Anchors.find(a, 0..<20, swapped, 0..<20, length: 6)
    #expect(anchors.count == 1 && anchors[0].old.count == 10)
    // Repeated runs are no anchors.
    let repeated = [[Int32]](repeating: [1, 2, 3], count: 6).flatMap { $0 }
    #expect(TextDiff.Anchors.find(repeated, 0..<18, repeated, 0..<18, length: 6).isEmpty)
  }

  @Test func myersStopsAtBudget() {
    let a = (0..<2_000).map { Int32($0) }
    let b = (0..<2_000).map { Int32($0 + 5_000) }
    var budget = 10_000
    #expect(TextDiff.Myers.diff(a, 0..<a.count, b, 0..<b.count, budget: &budget) == nil)
    #expect(budget < 0)
  }

  // MARK: - Tokens and normalisation

  @Test func tokenization() {
    #expect(tokenStrings("VPN装置、ISO 27001:2022。") == ["VPN", "装", "置", "、", "ISO", " ", "27001", ":", "2022", "。"])
    #expect(tokenStrings("1,000人と3.と2,") == ["1,000", "人", "と", "3", ".", "と", "2", ","])
    #expect(tokenStrings("ＡＢ１ｶﾞ  \n") == ["ＡＢ１", "ｶﾞ", "  \n"])
    #expect(tokenStrings("  本 文 ", TextDiffOptions(ignoreWhitespace: true)) == ["  本 ", "文 "])
    #expect(tokenStrings("   ", TextDiffOptions(ignoreWhitespace: true)) == [])
    #expect(tokenStrings("café naïve e\u{301}") == ["café", " ", "naïve", " ", "e\u{301}"])
  }

  @Test func widthFoldingAgreesWithCompatibilityDecomposition() {
    var folded = 0
    for value in [UInt32(0x3000)] + Array(0xFF00...0xFFEF) {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let target = TextNormalization.foldWidth(scalar)
      guard target != scalar else { continue }
      folded += 1
      let expected = String(scalar).decomposedStringWithCompatibilityMapping
      let actual = String(target).decomposedStringWithCompatibilityMapping
      #expect(expected.unicodeScalars.elementsEqual(actual.unicodeScalars), "U+\(String(value, radix: 16))")
    }
    #expect(folded == 1 + 94 + 2 + 63 + 52 + 14)
    // Every half-width kana with a (semi-)voiced mark folds to one precomposed scalar.
    var composed = 0
    for value in UInt32(0xFF66)...0xFF9D {
      for mark in ["\u{FF9E}", "\u{FF9F}"] {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let source = String(scalar) + mark
        let result = TextNormalization.foldingWidth(source)
        let expected = source.decomposedStringWithCompatibilityMapping
        #expect(result.decomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual(expected.unicodeScalars))
        if result.unicodeScalars.count == 1 { composed += 1 }
      }
    }
    // ｳﾞ ｶﾞ…ｺﾞ ｻﾞ…ｿﾞ ﾀﾞ…ﾄﾞ ﾊﾞ…ﾎﾞ ﾜﾞ ｦﾞ, and ﾊﾟ…ﾎﾟ.
    #expect(composed == 1 + 5 + 5 + 5 + 5 + 2 + 5)
    #expect(TextNormalization.foldingWidth("ｶﾞｲﾄﾞﾗｲﾝ（第５版）") == "ガイドライン(第5版)")
    #expect(TextNormalization.foldingWidth("①㈱ﬁ") == "①㈱ﬁ")
  }

  // MARK: - Similarity

  @Test func similarityScores() {
    #expect(TextDiff.similarity("労働時間の把握", "労働時間の把握") == 1)
    #expect(TextDiff.similarity("", "") == 1)
    #expect(TextDiff.similarity("本文", "") == 0)
    #expect(TextDiff.similarity("ＶＰＮ 装置", "VPN装置") == 1)
    let close = TextDiff.similarity("労働時間の把握を行う。", "労働時間の適正な把握を行う。")
    let far = TextDiff.similarity("労働時間の把握を行う。", "端末の設定を確認する。")
    #expect(close > 0.7 && far < 0.3 && far >= 0)
    #expect(TextDiff.similarity("a", "a b") > 0)
    let exact = TextDiff.exactSimilarity("労働時間の把握を行う。", "労働時間の適正な把握を行う。")
    #expect(abs(exact - 22.0 / 25.0) < 1e-9)
    #expect(TextDiff.exactSimilarity("", "") == 1)
    #expect(TextDiff.exactSimilarity("甲", "乙") == 0)
  }

  /// The Dice coefficient against an independent count: folded bigrams tallied in a dictionary.
  @Test func similarityIsTheDiceCoefficientOfFoldedBigrams() {
    func tally(_ text: String) -> [String: Int] {
      let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        .map { String(TextNormalization.foldWidth($0)) }
      var out: [String: Int] = [:]
      for index in scalars.indices.dropFirst() { out[scalars[index - 1] + scalars[index], default: 0] += 1 }
      return out
    }
    var rng = SplitMix64(seed: 20261205)
    for round in 0..<200 {
      let a = randomText(&rng, length: Int.random(in: 2...120, using: &rng))
      let b = round % 3 == 0 ? a : mutate(a, &rng, edits: Int.random(in: 1...6, using: &rng))
      let x = tally(a)
      let y = tally(b)
      let shared = x.reduce(0) { $0 + min($1.value, y[$1.key] ?? 0) }
      let total = x.values.reduce(0, +) + y.values.reduce(0, +)
      guard total > 0 else { continue }
      let expected = Double(2 * shared) / Double(total)
      #expect(abs(TextDiff.similarity(a, b) - expected) < 1e-12)
    }
  }

  /// Tokens follow grapheme clusters: every token is made of whole characters, and a character
  /// outside words and whitespace (kana, kanji, punctuation, emoji, combined marks) is one token.
  @Test func tokensAreWholeCharacters() {
    var rng = SplitMix64(seed: 42)
    for _ in 0..<300 {
      let text = randomText(&rng, length: Int.random(in: 1...60, using: &rng))
      let tokens = tokenStrings(text)
      #expect(tokens.joined() == text)
      for token in tokens {
        // A token cut inside a cluster would not survive a round trip through Character.
        let roundTrip = String(Array(token))
        #expect(roundTrip == token && !token.isEmpty)
      }
      var boundaries = Set<Int>()
      var offset = 0
      for character in text {
        boundaries.insert(offset)
        offset += character.utf8.count
      }
      var start = 0
      for token in tokens {
        #expect(boundaries.contains(start), "token at byte \(start) of \(text.debugDescription)")
        start += token.utf8.count
      }
    }
    #expect(tokenStrings("か\u{3099}き") == ["か\u{3099}", "き"])
    #expect(tokenStrings("e\u{301}X") == ["e\u{301}X"])
    #expect(tokenStrings("「👩‍💻」") == ["「", "👩‍💻", "」"])
    #expect(tokenStrings("ｶﾞｲ") == ["ｶﾞ", "ｲ"])
    #expect(tokenStrings("a\r\nb") == ["a", "\r\n", "b"])
  }

  /// The postings index of `ContainerIndex` (used for many queries) answers as its scan of every
  /// candidate (used for a few) does.
  @Test func containerIndexAnswersAsAScan() {
    var rng = SplitMix64(seed: 11)
    func snapshot(_ id: String, _ text: String) -> UnitSnapshot {
      UnitSnapshot(
        id: id, num: nil, title: nil, path: [], ancestorIDs: [], lines: [text], line: 1, kind: .clause,
        status: nil, links: [])
    }
    var agreed = 0
    for round in 0..<40 {
      let texts = (0..<12).map { _ in randomText(&rng, length: Int.random(in: 20...80, using: &rng)) }
      let candidates = texts.enumerated().map { index, text in
        let counterpart = mutate(text, &rng, edits: Int.random(in: 2...20, using: &rng))
        return (unit: snapshot("c\(index)", text), grams: Bigrams(text), counterpart: Bigrams(counterpart))
      }
      let indexed = ContainerIndex(candidates, queries: .max)
      let scanned = ContainerIndex(candidates, queries: 1)
      for query in 0..<10 {
        // Pieces of candidates, with some edits, and unrelated texts.
        let source = texts[(round + query) % texts.count]
        let piece =
          query % 3 == 0
          ? randomText(&rng, length: 30) : mutate(String(source.prefix(40)), &rng, edits: query % 4)
        let a = indexed.bestContainer(of: piece)?.id
        #expect(a == scanned.bestContainer(of: piece)?.id, "\(piece)")
        if a != nil { agreed += 1 }
      }
    }
    #expect(agreed > 50)
  }

  @Test func radixSortSortsLikeSort() {
    var rng = SplitMix64(seed: 7)
    for count in [0, 1, 2, 63, 64, 65, 1000, 4097] {
      // Random keys, bigram-shaped keys (four bytes always zero) and keys with many repeats.
      for shape in 0..<3 {
        var keys: [UInt64] = []
        for _ in 0..<count {
          switch shape {
          case 0: keys.append(rng.next())
          case 1: keys.append(UInt64(0x3000 + rng.next() % 0x6000) << 32 | (0x3000 + rng.next() % 0x6000))
          default: keys.append(rng.next() % 5)
          }
        }
        let expected = keys.sorted()
        RadixSort.sort(&keys)
        #expect(keys == expected, "\(count) keys")
      }
    }
  }

  // MARK: - Encoding

  @Test func segmentJSON() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let plain = String(decoding: try encoder.encode(TextSegment.insert("適正な")), as: UTF8.self)
    #expect(plain == #"{"op":"insert","text":"適正な"}"#)
    let folded = String(decoding: try encoder.encode(TextSegment.equal("VPN", old: "ＶＰＮ")), as: UTF8.self)
    #expect(folded == #"{"oldText":"ＶＰＮ","op":"equal","text":"VPN"}"#)
    let decoded = try JSONDecoder().decode(TextSegment.self, from: Data(#"{"op":"delete","text":"旧"}"#.utf8))
    #expect(decoded == .delete("旧"))
  }
}

import GuideKit

/// The numbers ministries write before headings and items: 第1章, 2-1, (1)/（1）, ア/イ/ウ, ①,
/// 別紙1, and list bullets.
struct NumberLabel: Equatable {
  enum Kind: Equatable {
    /// 第N章
    case chapter
    /// 2-1, 2-1-1: `parts` numbers.
    case section(parts: Int)
    /// (1), （1）
    case clause
    /// 別紙N (attachment), 別添N (enclosure), 様式第N号 (form)
    case appendix(kind: String)
    /// ア, ①, 1., a): an item of an ordered list.
    case item
    /// ・, •, ●: a bullet.
    case bullet
  }

  var kind: Kind
  /// The label as written (`（1）`, `第２章`).
  var text: String
  /// The numbers it holds (`2-1` → [2, 1]; `ア` → [1]; `①` → [1]).
  var values: [Int]

  /// The label at the start of `text` and the text after it (separating spaces removed).
  static func split(_ text: String) -> (label: NumberLabel, rest: String)? {
    // A label is short: only the start of the text is looked at (the rest is copied once).
    let chars = Array(text.prefix(32))
    let tail = text.dropFirst(chars.count)
    guard !chars.isEmpty else { return nil }
    func rest(from index: Int, requireSeparator: Bool = false) -> String? {
      var i = index
      var separated = false
      while i < chars.count,
        chars[i] == " " || chars[i] == "\u{3000}" || chars[i] == "\t" || chars[i] == "．"
          || chars[i] == "."
      {
        i += 1
        separated = true
      }
      if requireSeparator, !separated, i < chars.count || !tail.isEmpty { return nil }
      return String(chars[i...]) + tail
    }
    func number(at start: Int) -> (value: Int, end: Int)? {
      var end = start
      while end < chars.count, JapaneseNumeral.style(of: chars[end]) != nil { end += 1 }
      guard end > start, let value = JapaneseNumeral.value(of: String(chars[start..<end])) else { return nil }
      return (value, end)
    }
    // 第N章
    if chars[0] == "第", case let (value, end)? = number(at: 1), end < chars.count, chars[end] == "章",
      let after = rest(from: end + 1)
    {
      return (NumberLabel(kind: .chapter, text: String(chars[0...end]), values: [value]), after)
    }
    // 別紙N, 別添N, 様式第N(号)
    for (word, kind) in [("別紙", "attachment"), ("別添", "enclosure"), ("様式", "form")] where text.hasPrefix(word) {
      var i = 2
      if i < chars.count, chars[i] == "第" { i += 1 }
      var values: [Int] = []
      if case let (value, end)? = number(at: i) {
        values = [value]
        i = end
        if i < chars.count, chars[i] == "号" { i += 1 }
      } else {
        i = 2
      }
      guard let after = rest(from: i, requireSeparator: values.isEmpty) else { continue }
      return (NumberLabel(kind: .appendix(kind: kind), text: String(chars[0..<i]), values: values), after)
    }
    // (N) （N）
    if chars[0] == "(" || chars[0] == "（", case let (value, end)? = number(at: 1), end < chars.count,
      chars[end] == ")" || chars[end] == "）", let after = rest(from: end + 1)
    {
      return (NumberLabel(kind: .clause, text: String(chars[0...end]), values: [value]), after)
    }
    // N-M(-K) with ASCII or full-width digits and hyphens
    if case let (first, end)? = number(at: 0), JapaneseNumeral.style(of: chars[0]) != .kanji {
      var values = [first]
      var i = end
      while i + 1 < chars.count, "-－‐−―ー".contains(chars[i]), case let (value, next)? = number(at: i + 1) {
        values.append(value)
        i = next
      }
      if values.count >= 2, let after = rest(from: i, requireSeparator: true) {
        return (NumberLabel(kind: .section(parts: values.count), text: String(chars[0..<i]), values: values), after)
      }
      // 1. 1．
      if values.count == 1, i < chars.count, chars[i] == "." || chars[i] == "．", let after = rest(from: i + 1) {
        return (NumberLabel(kind: .item, text: String(chars[0...i]), values: values), after)
      }
    }
    // ①…⑳
    if let scalar = chars[0].unicodeScalars.first, (0x2460...0x2473).contains(scalar.value),
      let after = rest(from: 1)
    {
      return (NumberLabel(kind: .item, text: String(chars[0]), values: [Int(scalar.value - 0x2460 + 1)]), after)
    }
    // ア イ ウ (followed by a space or a full stop)
    if let index = WordNumbering.aiueo.firstIndex(of: chars[0]), chars.count > 1,
      let after = rest(from: 1, requireSeparator: true)
    {
      return (NumberLabel(kind: .item, text: String(chars[0]), values: [index + 1]), after)
    }
    // Bullets
    if "・•●○◆◇■□▪‐-".contains(chars[0]), let after = rest(from: 1), chars.count > 1 {
      return (NumberLabel(kind: .bullet, text: String(chars[0]), values: []), after)
    }
    return nil
  }

  /// The kind of a label Word's numbering wrote (no text after it to split).
  static func classify(_ label: String) -> NumberLabel? {
    let trimmed = trimmedSpaces(label)
    guard case let (found, rest)? = split(trimmed + " x"), rest == "x" else { return nil }
    return found
  }
}

/// `text` without leading and trailing spaces, full-width spaces and tabs.
func trimmedSpaces(_ text: some StringProtocol) -> String {
  var rest = Substring(text)
  while let first = rest.first, first == " " || first == "\u{3000}" || first == "\t" || first == "\n" {
    rest.removeFirst()
  }
  while let last = rest.last, last == " " || last == "\u{3000}" || last == "\t" || last == "\n" { rest.removeLast() }
  return String(rest)
}

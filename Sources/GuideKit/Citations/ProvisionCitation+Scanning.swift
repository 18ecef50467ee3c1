extension ProvisionCitation {
  /// A citation found in running text.
  public struct Match: Sendable, Hashable {
    public var citation: ProvisionCitation
    /// Where the citation stands in the text it was found in (from 第 to the last 条, 項, 号 or
    /// branch number).
    public var range: Range<String.Index>
  }

  /// Every citation that starts with an article (第N条) in `text`, left to right, each as long as
  /// it goes: 「第38条の2第1項」 is one citation, not 第38条 followed by more text. A citation
  /// without an article (「同条第2項」, 「第3号」) is not found: the article it belongs to is not in
  /// the text. A branch is only a number after の from 2 on (「第5条の一部」 is 第5条).
  /// - Complexity: O(n) in the length of `text`.
  public static func matches(in text: String) -> [Match] {
    var out: [Match] = []
    var index = text.startIndex
    while let open = text[index...].firstIndex(of: "第") {
      if let match = scan(text, from: open) {
        out.append(match)
        index = match.range.upperBound
      } else {
        index = text.index(after: open)
      }
    }
    return out
  }

  /// The citation starting at `start` (a 第), if one does.
  private static func scan(_ text: String, from start: String.Index) -> Match? {
    var cursor = start
    guard let (articleNumber, style) = numbered(text, &cursor, mark: "条") else { return nil }
    var article = [articleNumber]
    article += branches(text, &cursor)
    var end = cursor
    var paragraph: Int?
    var item: [Int]?
    var probe = cursor
    if let (value, _) = numbered(text, &probe, mark: "項") {
      paragraph = value
      cursor = probe
      end = cursor
    }
    probe = cursor
    if let (value, _) = numbered(text, &probe, mark: "号") {
      cursor = probe
      item = [value] + branches(text, &cursor)
      end = cursor
    }
    return Match(
      citation: ProvisionCitation(article: article, paragraph: paragraph, item: item, style: style),
      range: start..<end)
  }

  /// Reads 「第」 numeral `mark` at `cursor`, advancing past it on success.
  private static func numbered(_ text: String, _ cursor: inout String.Index, mark: Character)
    -> (Int, NumeralStyle)?
  {
    guard cursor < text.endIndex, text[cursor] == "第" else { return nil }
    var probe = text.index(after: cursor)
    guard let (value, style) = numeral(text, &probe), probe < text.endIndex, text[probe] == mark else {
      return nil
    }
    cursor = text.index(after: probe)
    return (value, style)
  }

  /// Branch numbers 「の二の三」 at `cursor`; stops before an の that is not followed by a number
  /// of 2 or more.
  private static func branches(_ text: String, _ cursor: inout String.Index) -> [Int] {
    var out: [Int] = []
    while cursor < text.endIndex, text[cursor] == "の" {
      var probe = text.index(after: cursor)
      guard let (value, _) = numeral(text, &probe), value >= 2 else { break }
      out.append(value)
      cursor = probe
    }
    return out
  }

  /// The longest numeral in one style at `cursor`, advancing past it.
  private static func numeral(_ text: String, _ cursor: inout String.Index) -> (Int, NumeralStyle)? {
    guard cursor < text.endIndex, let style = JapaneseNumeral.style(of: text[cursor]) else { return nil }
    var end = cursor
    while end < text.endIndex, JapaneseNumeral.style(of: text[end]) == style { end = text.index(after: end) }
    guard let value = JapaneseNumeral.value(of: text[cursor..<end]) else { return nil }
    cursor = end
    return (value, style)
  }
}

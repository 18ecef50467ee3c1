extension ProvisionCitation {
  /// A provision as a list or an anaphor continues it: 「第35条」, 「第2項」, 「第3号」 — each part
  /// optional, at least one stated. The parts not stated come from the citation before it.
  struct Partial: Sendable, Hashable {
    var article: [Int]?
    var paragraph: Int?
    var item: [Int]?
    /// Index after the last character read.
    var end: Int

    /// This partial completed from `base` (article, paragraph, item of the citation before):
    /// 「第2項」 after 第36条第1項 is 第36条第2項; 「第7号」 after 第89条第5号 is 第89条第7号.
    func completed(from base: (article: [Int], paragraph: Int?, item: [Int]?)?) -> ProvisionCitation? {
      if let article { return ProvisionCitation(article: article, paragraph: paragraph, item: item) }
      guard let base else { return nil }
      if let paragraph { return ProvisionCitation(article: base.article, paragraph: paragraph, item: item) }
      return ProvisionCitation(article: base.article, paragraph: base.paragraph, item: item)
    }
  }

  /// Reads 「第38条の2第1項第3号」, 「第2項」, 「第3号の2」 at `start` of `text` (Unicode scalars).
  /// With `bareArticle`, the article may also be written without 第 (「労基法32条」).
  /// - Complexity: O(k) in the characters read.
  static func partial(in text: [Unicode.Scalar], at start: Int, bareArticle: Bool = false) -> Partial? {
    var cursor = start
    var out = Partial(end: start)
    if let value = numbered(text, &cursor, mark: "条", bare: bareArticle) {
      out.article = [value] + branches(text, &cursor)
      out.end = cursor
    }
    if let value = numbered(text, &cursor, mark: "項", bare: false) {
      out.paragraph = value
      out.end = cursor
    }
    if let value = numbered(text, &cursor, mark: "号", bare: false) {
      out.item = [value] + branches(text, &cursor)
      out.end = cursor
    }
    return out.end > start ? out : nil
  }

  private static func numbered(_ text: [Unicode.Scalar], _ cursor: inout Int, mark: Unicode.Scalar, bare: Bool) -> Int?
  {
    var probe = cursor
    if probe < text.count, text[probe] == "第" {
      probe += 1
    } else if !bare {
      return nil
    }
    guard let value = numeral(text, &probe), probe < text.count, text[probe] == mark else { return nil }
    cursor = probe + 1
    return value
  }

  private static func branches(_ text: [Unicode.Scalar], _ cursor: inout Int) -> [Int] {
    var out: [Int] = []
    while cursor < text.count, text[cursor] == "の" {
      var probe = cursor + 1
      guard let value = numeral(text, &probe), value >= 2 else { break }
      out.append(value)
      cursor = probe
    }
    return out
  }

  private static func numeral(_ text: [Unicode.Scalar], _ cursor: inout Int) -> Int? {
    guard cursor < text.count, let style = JapaneseNumeral.style(of: Character(text[cursor])) else { return nil }
    var end = cursor
    while end < text.count, JapaneseNumeral.style(of: Character(text[end])) == style { end += 1 }
    var digits = String.UnicodeScalarView()
    digits.append(contentsOf: text[cursor..<end])
    guard let value = JapaneseNumeral.value(of: String(digits)) else { return nil }
    cursor = end
    return value
  }

  /// Every provision from `self` to `last` inclusive, as a range 「から…まで」 cites them:
  /// paragraphs or items of one article counted through; articles taken from `articles` (the
  /// law's article numbers in order) when given, else counted through by number (第34条から第36条
  /// まで; 第32条から第32条の5まで gives 第32条, 第32条の2 … 第32条の5; articles with a second
  /// branch, 第32条の3の2, are only known from `articles`). Nil when the two ends do not make a
  /// range (different levels, or the end before the start), or it holds more than `limit`.
  func range(to last: ProvisionCitation, articles: [[Int]]? = nil, limit: Int = 200) -> [ProvisionCitation]? {
    if article == last.article {
      if item == nil, last.item == nil, let p = paragraph, let q = last.paragraph, p < q, q - p < limit {
        return (p...q).map { ProvisionCitation(article: article, paragraph: $0) }
      }
      if paragraph == last.paragraph, let i = item, let j = last.item, i.count == 1, j.count == 1, i[0] < j[0],
        j[0] - i[0] < limit
      {
        return (i[0]...j[0]).map { ProvisionCitation(article: article, paragraph: paragraph, item: [$0]) }
      }
      return nil
    }
    guard paragraph == nil, item == nil, last.paragraph == nil, last.item == nil else { return nil }
    if let articles, let from = articles.firstIndex(of: article), let to = articles.firstIndex(of: last.article) {
      guard from < to, to - from < limit else { return nil }
      return articles[from...to].map { ProvisionCitation(article: $0) }
    }
    let a = article
    let b = last.article
    guard a.count <= 2, b.count <= 2 else { return nil }
    if a[0] == b[0] {
      let from = a.count == 2 ? a[1] : 1
      guard b.count == 2, from < b[1], b[1] - from < limit else { return nil }
      return (from...b[1]).map { ProvisionCitation(article: $0 == 1 ? [a[0]] : [a[0], $0]) }
    }
    guard a[0] < b[0], b[0] - a[0] < limit else { return nil }
    var out = [ProvisionCitation(article: a)]
    out += ((a[0] + 1)...b[0]).map { ProvisionCitation(article: [$0]) }
    if b.count == 2 { out += (2...b[1]).map { ProvisionCitation(article: [b[0], $0]) } }
    return out
  }
}

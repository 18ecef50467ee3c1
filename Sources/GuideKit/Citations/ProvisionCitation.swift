/// A citation of a statute provision as Japanese text writes it — 「第三十八条の二第一項第三号」,
/// 「第38条の2第1項」, 「第４１条第２号」 — and as an e-Gov provision path (`Art38_2/Para1/Item3`).
///
/// The citation keeps what the text states and nothing more: 「第41条第2号」 states no paragraph
/// (the statute's sole or first paragraph is meant), 「第32条」 no paragraph or item. Parse one with
/// `init?(_:)`, find them in running text with `matches(in:)`, make one from an e-Gov path with
/// `init?(provisionPath:style:)`, and write it back with `text`, in the numeral style it was read in.
public struct ProvisionCitation: Sendable, Hashable {
  /// The article number and its branch numbers: 第38条の2 is `[38, 2]`.
  public var article: [Int]
  /// The paragraph (第1項), when stated.
  public var paragraph: Int?
  /// The item number and its branch numbers (第3号の2 is `[3, 2]`), when stated.
  public var item: [Int]?
  /// The numerals the citation is written in (taken from its article number).
  public var style: NumeralStyle

  public init(article: [Int], paragraph: Int? = nil, item: [Int]? = nil, style: NumeralStyle = .arabic) {
    self.article = article
    self.paragraph = paragraph
    self.item = item
    self.style = style
  }

  /// A citation from an e-Gov provision path: `Art38_2`, `Art38_2/Para1`, `Art38_2/Para1/Item3_2`.
  /// Nil for any other id (sub-items `…/Sub1`, OSCAL control ids, clause ids).
  public init?(provisionPath: String, style: NumeralStyle = .arabic) {
    let parts = provisionPath.split(separator: "/", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), let article = Self.numbers(parts[0], prefix: "Art") else { return nil }
    var paragraph: Int?
    var item: [Int]?
    if parts.count >= 2 {
      guard let para = Self.numbers(parts[1], prefix: "Para"), para.count == 1 else { return nil }
      paragraph = para[0]
    }
    if parts.count == 3 {
      guard let numbers = Self.numbers(parts[2], prefix: "Item") else { return nil }
      item = numbers
    }
    self.init(article: article, paragraph: paragraph, item: item, style: style)
  }

  /// Parses `text` when it is exactly one citation (「第三十八条の二第一項」), else nil.
  public init?(_ text: some StringProtocol) {
    let string = String(text)
    guard let match = Self.matches(in: string).first, match.range == string.startIndex..<string.endIndex
    else { return nil }
    self = match.citation
  }

  /// The e-Gov provision path: `Art38_2/Para1/Item3`. An item cited without its paragraph
  /// (第41条第2号) is an item of the first paragraph (`Art41/Para1/Item2`).
  public var provisionPath: String {
    var path = "Art" + article.map(String.init).joined(separator: "_")
    if let paragraph {
      path += "/Para\(paragraph)"
    } else if item != nil {
      path += "/Para1"
    }
    if let item { path += "/Item" + item.map(String.init).joined(separator: "_") }
    return path
  }

  /// The citation as text in its numeral style: 「第三十八条の二第一項第三号」.
  public var text: String {
    func number(_ n: Int) -> String { JapaneseNumeral.format(n, style: style) }
    func branches(_ numbers: [Int]) -> String { numbers.dropFirst().map { "の" + number($0) }.joined() }
    var out = "第" + number(article[0]) + "条" + branches(article)
    if let paragraph { out += "第" + number(paragraph) + "項" }
    if let item, let first = item.first { out += "第" + number(first) + "号" + branches(item) }
    return out
  }

  /// True when everything this citation states agrees with `provision` (typically read from a
  /// `<ref provision>`): the same article; the same paragraph when both state one; the same item
  /// when both state one; and for an item cited without a paragraph, a provision in paragraph 1.
  /// A citation less precise than the provision (「第32条」 for `Art32/Para2`) names it.
  public func names(_ provision: ProvisionCitation) -> Bool {
    guard article == provision.article else { return false }
    if let paragraph, let other = provision.paragraph, paragraph != other { return false }
    if let item {
      if let other = provision.item, item != other { return false }
      if paragraph == nil, let other = provision.paragraph, other != 1 { return false }
    }
    return true
  }

  /// This citation rewritten to cite `provision` instead, stating the same parts it stated (a
  /// paragraph is added when an item moves out of paragraph 1), in the same numeral style. A part
  /// the text states and `provision` does not (「第18条第1項」 for `Art18`) is kept as written.
  /// Nil when the rewritten text could not name `provision`.
  public func retargeted(to provision: ProvisionCitation) -> ProvisionCitation? {
    var out = self
    out.article = provision.article
    out.item = item == nil ? nil : provision.item ?? item
    if paragraph != nil {
      out.paragraph = provision.paragraph ?? paragraph
    } else if out.item != nil, let other = provision.paragraph, other != 1 {
      out.paragraph = other
    } else {
      out.paragraph = nil
    }
    return out.names(provision) ? out : nil
  }

  /// `Art38_2` → [38, 2] with prefix `Art`; nil unless every group is a positive decimal number.
  private static func numbers(_ part: Substring, prefix: String) -> [Int]? {
    guard part.hasPrefix(prefix) else { return nil }
    let groups = part.dropFirst(prefix.count).split(separator: "_", omittingEmptySubsequences: false)
    let values = groups.map { group in
      group.allSatisfy { $0.isASCII && $0.isNumber } ? Int(group).flatMap { $0 >= 1 ? $0 : nil } : nil
    }
    guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
    return values.compactMap { $0 }
  }
}

/// Finds Japanese legal citations and control ids in prose, the way a 法制執務 reader does.
///
/// It recognises law titles and abbreviations from a `LawTitleTable` followed by 第N条, 第N条のM,
/// 第N項 and 第N号 in Arabic, full-width or kanji numerals (「労働基準法第三十八条の二第一項第三号」,
/// 「安衛法66条の8」) or by a name the text defines (「以下「法」という」, then 「法第32条」); lists
/// and ranges continued from the citation before (「第34条及び第35条」,
/// 「第32条から第32条の5まで」, each provision of a range expanded); anaphora resolved from the
/// context (同法, 同令, 同規則, 同法施行規則, 同条, 同項, 同号, 前条, 次条, 前項, 次項, 前各項, 本条);
/// 附則 (flagged, not
/// linked); a bare 第N条 when a law was named before it in the same context; OSCAL control ids
/// (「AC-17」, 「AC-17(2)」, 「NIST SP 800-53 Rev.5 SI-4」, 「SP 800-53 の AC-2」); and clause ids of
/// a clause set the text names (「ICT対策 im-auth-01」). A title-like word that is not in the table
/// (「最低賃金法第4条」 without 最低賃金法) gives a citation with `Problem.unknownTitle`, never a guess.
///
/// Not citations: 「第1章」, 「第2版」, 「第三者」, dates, 「32条の協定」 with no law named, and a bare
/// 第N条 with no law before it in the context.
public struct CitationRecognizer: Sendable {
  /// A span of the text already marked up as a `<ref>`: not recognised again, but its law and
  /// provision become the context (「<ref>労働基準法第34条</ref>及び第35条」).
  public struct LinkedSpan: Sendable, Hashable {
    public var range: Range<String.Index>
    public var source: String
    public var provision: String

    public init(range: Range<String.Index>, source: String, provision: String) {
      self.range = range
      self.source = source
      self.provision = provision
    }
  }

  public var titles: LawTitleTable
  /// The article numbers of a law in order (`[[32], [32, 2], [32, 3], [32, 3, 2], …]`), when a
  /// store holds it: 前条, 次条 and ranges of articles need it to be exact.
  public var articles: @Sendable (String) -> [[Int]]?

  public init(titles: LawTitleTable, articles: @escaping @Sendable (String) -> [[Int]]? = { _ in nil }) {
    self.titles = titles
    self.articles = articles
  }

  /// The citations in `text`, left to right, starting from an empty context.
  public func citations(in text: String, linked: [LinkedSpan] = []) -> [Citation] {
    var context = CitationContext()
    return citations(in: text, linked: linked, context: &context)
  }

  /// The citations in `text`, left to right; `context` is read for anaphora and left as the
  /// text's end leaves it, for the next block of the same unit.
  /// - Complexity: O(n · k) in the characters of `text`, k the longest name in the table.
  public func citations(in text: String, linked: [LinkedSpan] = [], context: inout CitationContext) -> [Citation] {
    var scan = CitationScan(recognizer: self, text: text, context: context, linked: linked)
    scan.run()
    context = scan.context
    return scan.found
  }
}

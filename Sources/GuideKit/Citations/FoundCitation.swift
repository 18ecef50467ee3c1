/// A citation recognised in a guideline file, with where it stands in the file.
public struct FoundCitation: Sendable, Hashable {
  public var citation: Citation
  /// The words cited (「労働基準法第32条」); for a provision implied by a range, the range's words.
  public var text: String
  /// 1-based line of the words' first character.
  public var line: Int
  /// The id of the unit (clause, section, chapter) the words stand in.
  public var clause: String?
  /// UTF-8 byte offsets of the words in the file, when they lie in one run of text of an element
  /// a `<ref>` may stand in (p, note, item, title) and outside any `<ref>`.
  public var byteRange: Range<Int>?
  /// The qualified-name prefix of the guideline namespace where the words stand (`g:`), usually "".
  public var prefix: String

  public init(citation: Citation, text: String, line: Int, clause: String?, byteRange: Range<Int>?, prefix: String = "")
  {
    self.citation = citation
    self.text = text
    self.line = line
    self.clause = clause
    self.byteRange = byteRange
    self.prefix = prefix
  }

  /// True when a `<ref>` can be wrapped around the words: resolved, not implied by a range, and in
  /// one run of text.
  public var isLinkable: Bool { citation.isResolved && !citation.impliedByRange && byteRange != nil }
}

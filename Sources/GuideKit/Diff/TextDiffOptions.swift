/// How ``TextDiff`` compares two texts.
public struct TextDiffOptions: Sendable, Hashable {
  /// Full-width and half-width forms compare equal: 「１」=「1」, 「ＡＢ」=「AB」, 「ｶﾞ」=「ガ」,
  /// U+3000 = U+0020. Only the `<wide>` and `<narrow>` mappings of Unicode (the width part of
  /// NFKC) apply; other compatibility characters (①, ㈱, ﬁ) stay distinct.
  public var ignoreWidth: Bool
  /// Whitespace is insignificant: any run of whitespace (including U+3000 and line breaks) compares
  /// equal to any other run and to none at all. Whitespace still separates Latin words, so
  /// 「a b」 and 「ab」 differ, while 「労働 時間」 and 「労働時間」 do not.
  public var ignoreWhitespace: Bool
  /// The most work, in edit-graph units (diagonals visited plus token comparisons, roughly the
  /// *N*·*D* of Myers' algorithm), that the exact diff may take. When it would need more, the
  /// diff degrades to an approximate one: the texts are cut at anchors (runs of tokens found
  /// once in each text) and the stretches between them diffed exactly where affordable, with a
  /// budget of this figure plus 32 units per token; stretches left when that runs out are
  /// replaced whole. So one call costs O(`budget` + *n*) time for *n* tokens.
  public var budget: Int

  /// Creates options.
  /// - Parameters:
  ///   - ignoreWidth: compare full-width and half-width forms as equal.
  ///   - ignoreWhitespace: compare whitespace runs as insignificant.
  ///   - budget: edit-graph work units before degrading (default 4,000,000: some milliseconds).
  public init(ignoreWidth: Bool = false, ignoreWhitespace: Bool = false, budget: Int = 4_000_000) {
    self.ignoreWidth = ignoreWidth
    self.ignoreWhitespace = ignoreWhitespace
    self.budget = budget
  }
}

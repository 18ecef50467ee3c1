/// How closely a ``TextDiffResult`` follows the minimal diff.
public enum TextDiffPrecision: String, Sendable, Codable {
  /// A minimal token-level diff (then cleaned up for reading).
  case exact
  /// The budget ran out for the exact diff: the texts were cut at anchors (runs of tokens found
  /// once in each) and the stretches between them diffed exactly where affordable, otherwise
  /// with a cap on the edits per search. Near-minimal where edits are sparse.
  case approximate
  /// The budget ran out even for the approximate diff: some differing stretches are one
  /// deletion plus one insertion each.
  case replacement
}

/// Segments and how they were obtained.
public struct TextDiffResult: Sendable, Hashable {
  /// The segments that turn OLD into NEW; see ``TextDiff/segments(old:new:options:)``.
  public var segments: [TextSegment]
  /// Whether the budget allowed an exact diff.
  public var precision: TextDiffPrecision

  /// Creates a result.
  public init(segments: [TextSegment], precision: TextDiffPrecision) {
    self.segments = segments
    self.precision = precision
  }
}

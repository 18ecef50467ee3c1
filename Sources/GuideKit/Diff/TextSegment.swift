/// What a ``TextSegment`` does to turn OLD into NEW.
public enum SegmentOperation: String, Sendable, Codable {
  /// The span stands in both texts.
  case equal
  /// The span stands in NEW only.
  case insert
  /// The span stands in OLD only.
  case delete
}

/// One span of an inline text diff (a redline).
///
/// Replay: concatenating ``oldSideText`` over all segments gives OLD exactly, and concatenating
/// ``newSideText`` gives NEW exactly (byte for byte). Without ignore options ``oldText`` is always
/// `nil`, so the texts of the equal and delete segments alone give OLD, and those of the equal
/// and insert segments give NEW.
///
/// With `ignoreWidth` or `ignoreWhitespace`, two spans can compare equal although their bytes
/// differ (「１」 and 「1」). Such a span is one `.equal` segment whose ``text`` is the NEW text and
/// whose ``oldText`` keeps the OLD text, so that nothing is underlined and OLD stays recoverable.
public struct TextSegment: Sendable, Hashable, Codable {
  /// What the span does.
  public var op: SegmentOperation
  /// The span's text: taken from NEW for `.equal` and `.insert`, from OLD for `.delete`.
  public var text: String
  /// For an `.equal` segment only: the OLD text of the span when it differs from ``text`` in its
  /// bytes (possible only with ignore options); `nil` when OLD has the same bytes.
  ///
  /// Encoded as the JSON key `oldText` only when present.
  public var oldText: String?

  /// Creates a segment.
  /// - Parameters:
  ///   - op: what the span does.
  ///   - text: the NEW text for `.equal` and `.insert`, the OLD text for `.delete`.
  ///   - oldText: for `.equal`, OLD's text when its bytes differ from `text`; otherwise `nil`.
  public init(op: SegmentOperation, text: String, oldText: String? = nil) {
    self.op = op
    self.text = text
    self.oldText = oldText
  }

  /// An equal span; `old` is OLD's text when its bytes differ from `text`.
  public static func equal(_ text: String, old: String? = nil) -> TextSegment {
    TextSegment(op: .equal, text: text, oldText: old)
  }

  /// A span that stands in NEW only.
  public static func insert(_ text: String) -> TextSegment {
    TextSegment(op: .insert, text: text)
  }

  /// A span that stands in OLD only.
  public static func delete(_ text: String) -> TextSegment {
    TextSegment(op: .delete, text: text)
  }

  /// The segment's share of OLD: `oldText ?? text` for `.equal`, `text` for `.delete`, `""` for
  /// `.insert`.
  public var oldSideText: String {
    switch op {
    case .equal: oldText ?? text
    case .delete: text
    case .insert: ""
    }
  }

  /// The segment's share of NEW: `text` for `.equal` and `.insert`, `""` for `.delete`.
  public var newSideText: String {
    op == .delete ? "" : text
  }
}

extension TextDiff {
  /// Rebuilds OLD from segments.
  /// - Complexity: O(*n*) in the total UTF-8 length of the segments.
  public static func replayOld(_ segments: some Sequence<TextSegment>) -> String {
    var result = ""
    for segment in segments where segment.op != .insert {
      result += segment.oldSideText
    }
    return result
  }

  /// Rebuilds NEW from segments.
  /// - Complexity: O(*n*) in the total UTF-8 length of the segments.
  public static func replayNew(_ segments: some Sequence<TextSegment>) -> String {
    var result = ""
    for segment in segments where segment.op != .delete {
      result += segment.text
    }
    return result
  }
}

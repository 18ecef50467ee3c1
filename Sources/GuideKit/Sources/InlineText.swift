import GuideKitXML

/// Flattens mixed content to plain text, normalising the whitespace that pretty-printing adds.
enum InlineText {
  /// The text of `element` and its descendants, with whitespace normalised:
  /// a whitespace run that contains a line break joins its neighbours directly when both are
  /// wide (CJK) characters and becomes one space otherwise; other whitespace runs become one space;
  /// leading and trailing whitespace is removed.
  /// - Complexity: O(n) in characters.
  static func flatten<Element: XMLElementReading>(_ element: Element) -> String {
    // The byte-level twin of `normalize` (same result, tested to agree); `normalize` stays the
    // readable reference.
    element.withTextContentBytes(ReaderText.normalize(utf8:))
  }

  static func normalize(_ raw: String) -> String {
    var out = ""
    out.reserveCapacity(raw.utf8.count)
    var pendingSpace = false
    var pendingBreak = false
    var previous: Character?
    for character in raw {
      if character.isWhitespace && character != "\u{3000}" {
        pendingSpace = true
        if character.isNewline { pendingBreak = true }
        continue
      }
      if pendingSpace, let previous {
        let joinDirectly = pendingBreak && isWide(previous) && isWide(character)
        if !joinDirectly { out.append(" ") }
      }
      pendingSpace = false
      pendingBreak = false
      out.append(character)
      previous = character
    }
    return out
  }

  /// Wide characters: CJK ideographs, kana, full-width forms and CJK punctuation.
  static func isWide(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}

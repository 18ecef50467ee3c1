/// How many columns a character of East_Asian_Width "A" (ambiguous: ①, ○, ※, Greek and Cyrillic
/// letters, …) takes: one in a Western context (the default), two in an East Asian one.
public enum AmbiguousWidth: Sendable {
  case narrow
  case wide
}

/// Display width in terminal columns, after Unicode Standard Annex #11 (East Asian Width).
///
/// A `Character` (an extended grapheme cluster) takes the columns of its scalars: combining marks,
/// format characters and Hangul medial/final jamo add nothing, W and F take two, A one or two per
/// `AmbiguousWidth`, everything else one (so ｶﾞ, two half-width scalars, takes two, as in a
/// terminal). An emoji sequence (with U+FE0F, U+200D, a skin tone or a flag) takes two.
public enum EastAsianWidth {
  /// Display columns of one character.
  /// - Parameters:
  ///   - c: the character (one grapheme cluster).
  ///   - ambiguous: the width of East_Asian_Width A characters.
  /// - Returns: 0 for a combining mark, zero-width or control character standing alone; 2 for W
  ///   and F (and emoji); 1 or 2 for A, per `ambiguous`; 1 otherwise; the sum of these for a
  ///   cluster of several spacing scalars.
  public static func columns(of c: Character, ambiguous: AmbiguousWidth = .narrow) -> Int {
    let scalars = c.unicodeScalars
    // Fast path: a lone printable ASCII scalar (not the base of a keycap such as 1️⃣).
    if let first = scalars.first, first.value >= 0x20, first.value < 0x7F,
      scalars.index(after: scalars.startIndex) == scalars.endIndex
    {
      return 1
    }
    // An emoji sequence (keycap, ZWJ sequence, presentation selector, skin tone, flag) is one
    // two-column picture whatever it is made of.
    if let first = scalars.first, scalars.index(after: scalars.startIndex) != scalars.endIndex,
      first.properties.isEmoji,
      scalars.contains(where: {
        $0.value == 0x200D || $0.value == 0xFE0F || $0.properties.isEmojiModifier
      })
        || (0x1F1E6...0x1F1FF).contains(first.value)
    {
      return 2
    }
    var total = 0
    for s in scalars where !isZeroWidth(s) {
      total += columns(of: s, ambiguous: ambiguous)
    }
    return total
  }

  /// Display columns of a string: the sum of the columns of its characters.
  /// - Complexity: O(*n*) in the number of characters.
  public static func columns(of s: some StringProtocol, ambiguous: AmbiguousWidth = .narrow) -> Int {
    var total = 0
    for c in s {
      total += columns(of: c, ambiguous: ambiguous)
    }
    return total
  }

  /// Display columns of one scalar that is not zero-width.
  static func columns(of s: Unicode.Scalar, ambiguous: AmbiguousWidth) -> Int {
    if isWide(s) { return 2 }
    if ambiguous == .wide && isAmbiguous(s) { return 2 }
    return 1
  }

  /// True for East_Asian_Width W and F, and for emoji presented as emoji by default: the one answer
  /// to "is this a wide character" for layout, the diff's column weights and the readers' rule that
  /// a line break between two wide characters is no space.
  package static func isWide(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x1100 { return false }
    // The bulk of Japanese text, answered without the search: hiragana, katakana, the CJK unified
    // ideographs and the full-width forms are all W or F.
    if (0x3041...0x3096).contains(v) || (0x30A0...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v)
      || (0xFF01...0xFF60).contains(v)
    {
      return true
    }
    return contains(wideRanges, v) || s.properties.isEmojiPresentation
  }

  /// True for a scalar value that is a wide scalar (see `isWide(_:)`); false for a non-scalar value.
  package static func isWide(_ value: UInt32) -> Bool {
    guard let s = Unicode.Scalar(value) else { return false }
    return isWide(s)
  }

  /// True for East_Asian_Width A.
  package static func isAmbiguous(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0xA1 { return false }
    return contains(ambiguousRanges, s.value)
  }

  /// True for scalars that take no column of their own: controls, nonspacing and enclosing marks,
  /// format characters (ZWSP, ZWJ, word joiner, soft hyphen, variation selectors) and the Hangul
  /// jamo that combine into a syllable (medial vowels and final consonants).
  static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format:
      return true
    default:
      return false
    }
  }

  /// Binary search in a flat `lo, hi, lo, hi, ...` table of inclusive ranges.
  static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
    var low = 0
    var high = table.count / 2 - 1
    while low <= high {
      let mid = (low + high) / 2
      if value < table[2 * mid] {
        high = mid - 1
      } else if value > table[2 * mid + 1] {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}

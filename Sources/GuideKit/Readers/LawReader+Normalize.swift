/// The one whitespace normalisation of every reader (guideline, law, catalog), computed on
/// Unicode scalars, not grapheme clusters: walking `Character`s and asking
/// `Character.isWhitespace` costs a Unicode property lookup per character, which on the 3.5 MB
/// NIST catalog was most of the reading time. Text without whitespace is returned unchanged after
/// a byte scan; otherwise the UTF-8 bytes are walked, scalars classified with the fixed list of
/// Unicode `White_Space` code points. A combining mark after a line break or tab is taken with
/// the whitespace run (grapheme rules would start a character with it).
enum ReaderText {
  /// A whitespace run that contains a line break joins its neighbours
  /// directly when both are wide characters and becomes one space otherwise; other whitespace
  /// runs become one space; leading and trailing whitespace is removed. U+3000 (ideographic
  /// space) is text, not whitespace.
  /// - Complexity: O(n) in UTF-8 bytes, one allocation.
  static func normalize(_ raw: String) -> String {
    var contiguous = raw
    return contiguous.withUTF8 { utf8 in mayContainWhitespace(utf8) ? normalize(utf8: utf8) : raw }
  }

  /// `normalize` on valid UTF-8 bytes, writing the result straight into a new string (it is
  /// never longer than the input: a whitespace run becomes at most one space). Text between
  /// bytes that may start whitespace is copied in bulk; only whitespace runs are decoded.
  static func normalize(utf8 input: UnsafeBufferPointer<UInt8>) -> String {
    guard let source = input.baseAddress, !input.isEmpty else { return "" }
    let count = input.count
    return String(unsafeUninitializedCapacity: count) { out in
      guard let target = out.baseAddress else { return 0 }
      var written = 0
      var index = 0
      while index < count {
        var end = index
        while end < count && !mayStartWhitespace(source[end]) { end += 1 }
        if end > index {
          (target + written).update(from: source + index, count: end - index)
          written += end - index
          index = end
        }
        guard index < count else { break }
        let (value, length) = UTF8Scalar.decode(input, at: index)
        guard isWhitespace(value) else {
          (target + written).update(from: source + index, count: length)
          written += length
          index += length
          continue
        }
        // A whitespace run, with the marks that extend its characters (`Character.isWhitespace`
        // looks at a character's first scalar only, so they go with it).
        var pendingBreak = false
        while index < count {
          let (scalar, size) = UTF8Scalar.decode(input, at: index)
          if isWhitespace(scalar) {
            if isNewline(scalar) { pendingBreak = true }
          } else if !isExtending(scalar) {
            break
          }
          index += size
        }
        // Nothing written yet (leading whitespace) or nothing after (trailing): no space.
        guard index < count, let previous = lastBaseScalar(UnsafeBufferPointer(start: target, count: written))
        else { continue }
        let next = UTF8Scalar.decode(input, at: index).0
        if !(pendingBreak && EastAsianWidth.isWide(previous) && EastAsianWidth.isWide(next)) {
          target[written] = 0x20
          written += 1
        }
      }
      return written
    }
  }

  /// A byte that can start a whitespace scalar (see `mayContainWhitespace`).
  @inline(__always)
  private static func mayStartWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0xC2 || byte == 0xE1 || byte == 0xE2
  }

  /// The last scalar of `text` that is not a mark extending the one before it (the first scalar
  /// when all are marks), nil for empty text: the character a whitespace run follows.
  private static func lastBaseScalar(_ text: UnsafeBufferPointer<UInt8>) -> UInt32? {
    var end = text.count
    var earliest: UInt32?
    while end > 0 {
      let start = UTF8Scalar.start(before: end, in: text)
      let value = UTF8Scalar.decode(text, at: start).0
      if !isExtending(value) { return value }
      earliest = value
      end = start
    }
    return earliest
  }

  /// False when no byte of `utf8` can start a whitespace scalar (other than U+3000): ASCII
  /// whitespace, or the lead bytes of U+0085/U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2).
  static func mayContainWhitespace(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    utf8.contains(where: mayStartWhitespace)
  }

  /// Unicode `White_Space`, except U+3000.
  static func isWhitespace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F:
      return true
    default:
      return false
    }
  }

  /// The scalars that make `Character.isNewline` true.
  static func isNewline(_ value: UInt32) -> Bool {
    switch value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// Combining marks, joiners and variation selectors: scalars that continue a character.
  static func isExtending(_ value: UInt32) -> Bool {
    switch value {
    case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200C, 0x200D, 0x20D0...0x20FF,
      0x3099, 0x309A, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xE0100...0xE01EF:
      return true
    default:
      return false
    }
  }
}

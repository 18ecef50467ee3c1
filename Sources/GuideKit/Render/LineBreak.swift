/// Break opportunities for mixed Japanese and Latin text, in the spirit of UAX #14 with the
/// kinsoku rules of JIS X 4051 / JLReq.
///
/// A paragraph is cut into `Unit`s, the pieces that are never broken: a break is possible only
/// between two units. The rules, between two adjacent characters `a` and `b`:
/// - a line may break after a run of spaces (which the break then consumes), and directly between
///   two characters when either is ideographic (kanji, kana, full-width punctuation, emoji);
/// - never between two characters of a Latin word, a number (ASCII or full-width digits) or a URL:
///   runs of non-ideographic characters break only at spaces, so `https://…` is one unit; a
///   URL (`http://` or `https://`) may also start a line after punctuation, as in 参考:https://…;
/// - never before a character of `Kinsoku.isProhibitedAtLineStart` nor after one of
///   `Kinsoku.isProhibitedAtLineEnd`, not even at a space; never inside ……／――;
/// - never next to a word joiner or no-break space, nor on either side of an ASCII quote `"` `'`
///   touching a CJK character (it could open or close); always after U+200B ZERO WIDTH SPACE;
/// - a newline in the text is a forced break.
enum LineBreak {
  /// A piece of a paragraph that is never broken, followed by a break opportunity.
  struct Unit: Equatable {
    /// The characters of the unit; never ends with breakable whitespace.
    var body: String
    /// The breakable whitespace after `body`: kept inside a line, dropped where the line breaks.
    var space: String = ""
    /// True if a newline of the text follows: the next unit starts a new line.
    var forcedBreak: Bool = false
  }

  /// Cuts `text` into units.
  /// - Parameter relaxation: how far kinsoku is relaxed (`TextLayout` relaxes it only inside a
  ///   unit wider than the line).
  /// - Complexity: O(*n*) in the number of characters.
  static func units(of text: String, relaxation: Kinsoku.Relaxation = .none) -> [Unit] {
    let chars = Array(text)
    var units: [Unit] = []
    var body = ""
    // The last character of `body` if it is not whitespace (the left side of an adjacent pair).
    var previous: Character?
    // The last non-whitespace character of `body`.
    var lastVisible: Character?
    let urlStarts = urlStartIndices(chars)
    var i = 0
    func finish(space: String, forced: Bool) {
      if !body.isEmpty || forced {
        units.append(Unit(body: body, space: space, forcedBreak: forced))
      }
      body = ""
      previous = nil
      lastVisible = nil
    }
    while i < chars.count {
      let c = chars[i]
      if c.isNewline {
        finish(space: "", forced: true)
        i += 1
        continue
      }
      if isBreakableSpace(c) {
        var j = i
        while j < chars.count && isBreakableSpace(chars[j]) { j += 1 }
        let run = String(chars[i..<j])
        if j == chars.count || chars[j].isNewline {
          // Whitespace before the end or a newline: dropped with the break.
          finish(space: run, forced: j < chars.count)
          i = j + 1
          continue
        }
        if let before = lastVisible, canBreakAtSpace(after: before, before: chars[j], relaxation: relaxation) {
          finish(space: run, forced: false)
        } else {
          // Leading whitespace (a paragraph indent such as "　"), or a space that may not break.
          body += run
          previous = nil
        }
        i = j
        continue
      }
      if let a = previous,
        canBreak(between: a, and: c, relaxation: relaxation)
          || (urlStarts.contains(i) && canBreak(beforeURLAfter: a, relaxation: relaxation))
      {
        finish(space: "", forced: false)
      }
      body.append(c)
      previous = c
      lastVisible = c
      i += 1
    }
    finish(space: "", forced: false)
    return units
  }

  /// True for whitespace at which a line may break (ASCII space, tab, U+3000 IDEOGRAPHIC SPACE, …),
  /// standing alone as a character, excluding newlines and the no-break spaces.
  static func isBreakableSpace(_ c: Character) -> Bool {
    // A space that carries a combining mark (" \u{301}") is a visible character, not a space.
    let scalars = c.unicodeScalars
    guard let s = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
      return false
    }
    return s.properties.isWhitespace && !c.isNewline && !isGlue(s)
  }

  /// May a line break at whitespace between `a` and `b` (both not whitespace)?
  static func canBreakAtSpace(after a: Character, before b: Character, relaxation: Kinsoku.Relaxation = .none)
    -> Bool
  {
    !Kinsoku.isProhibitedAtLineEnd(a, relaxation: relaxation)
      && !Kinsoku.isProhibitedAtLineStart(b, relaxation: relaxation)
  }

  /// May a line break directly between the adjacent characters `a` and `b` (both not whitespace)?
  static func canBreak(between a: Character, and b: Character, relaxation: Kinsoku.Relaxation = .none) -> Bool {
    guard let sa = a.unicodeScalars.first, let sb = b.unicodeScalars.first else { return false }
    if isGlue(sa) || isGlue(sb) { return false }
    if Kinsoku.isProhibitedAtLineStart(b, relaxation: relaxation)
      || Kinsoku.isProhibitedAtLineEnd(a, relaxation: relaxation)
    {
      return false
    }
    if relaxation != .all && Kinsoku.isInseparable(a) && Kinsoku.isInseparable(b) { return false }
    if sb.value == 0x200B { return false }
    if sa.value == 0x200B { return true }
    if sa == "\"" || sa == "'" || sb == "\"" || sb == "'" { return false }
    // A decimal or thousands separator inside a number: １，０００, 3.5, １０：３０.
    if numericSeparators.contains(sa) && isDigit(sb) { return false }
    // With kinsoku relaxed, a separator still stays with the digits before it: １２，３４５.
    if relaxation == .all && isDigit(sa) && numericSeparators.contains(sb) { return false }
    return isIdeographic(sa) || isIdeographic(sb)
  }

  /// May a line break between `a` and the URL that follows it?
  static func canBreak(beforeURLAfter a: Character, relaxation: Kinsoku.Relaxation = .none) -> Bool {
    guard let s = a.unicodeScalars.first else { return false }
    return !isGlue(s) && !Kinsoku.isProhibitedAtLineEnd(a, relaxation: relaxation) && s != "\"" && s != "'"
      && s.value != 0x200B
  }

  /// Indices of the characters that start a URL (`http://` or `https://` not preceded by an ASCII
  /// letter or digit).
  static func urlStartIndices(_ chars: [Character]) -> Set<Int> {
    var starts = Set<Int>()
    var i = 0
    while i + 7 <= chars.count {
      if chars[i] == "h", i == 0 || !isASCIIAlphanumeric(chars[i - 1]),
        hasPrefix(chars, at: i, "http://") || hasPrefix(chars, at: i, "https://")
      {
        starts.insert(i)
      }
      i += 1
    }
    return starts
  }

  private static func hasPrefix(_ chars: [Character], at i: Int, _ prefix: String) -> Bool {
    var j = i
    for p in prefix {
      guard j < chars.count, chars[j] == p else { return false }
      j += 1
    }
    return true
  }

  private static func isASCIIAlphanumeric(_ c: Character) -> Bool {
    c.isASCII && (c.isLetter || c.isNumber)
  }

  /// True for characters around which a line may break in Japanese text: East_Asian_Width W and F
  /// (except the full-width letters, digits and word symbols such as －／＠, which form words like
  /// ASCII ones), the half-width katakana block, emoji, and ambiguous-width symbols from U+2000 on
  /// (※, ○, ①, →, “ ”, …).
  static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    if v < 0x1100 { return false }
    if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v)
      || (0xFF41...0xFF5A).contains(v) || fullWidthWordSymbols.contains(s)
    {
      return false
    }
    if (0xFF61...0xFF9F).contains(v) { return true }
    if EastAsianWidth.isWide(s) { return true }
    return v >= 0x2000 && EastAsianWidth.isAmbiguous(s)
  }

  /// Full-width symbols that join letters and digits into one word, like their ASCII forms:
  /// ＰＣ－００１２, ＩＣＴ／ＩｏＴ, ｕｓｅｒ＠ｅｘａｍｐｌｅ, １０＋２０.
  private static let fullWidthWordSymbols: Set<Unicode.Scalar> = Set("＃＄％＆＊＋－／＝＠＿".unicodeScalars)

  /// Separators that stay with a following digit.
  private static let numericSeparators: Set<Unicode.Scalar> = Set(",.:，．：".unicodeScalars)

  private static func isDigit(_ s: Unicode.Scalar) -> Bool {
    (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
  }

  /// No-break characters: NO-BREAK SPACE, FIGURE SPACE, NARROW NO-BREAK SPACE, WORD JOINER,
  /// ZERO WIDTH NO-BREAK SPACE.
  private static func isGlue(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x00A0, 0x2007, 0x202F, 0x2060, 0xFEFF: return true
    default: return false
    }
  }
}

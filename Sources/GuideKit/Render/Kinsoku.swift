/// Line-breaking prohibitions (禁則処理) after JIS X 4051 and W3C JLReq, with the ASCII and
/// half-width counterparts that occur in Japanese government text.
///
/// A character is classified by the first scalar of its grapheme cluster.
public enum Kinsoku {
  /// Characters that may not begin a line (行頭禁則).
  static let notAtLineStart: Set<Unicode.Scalar> = {
    let classes = [
      // cl-02 closing brackets
      "’”）〕］｝〉》」』】〙〗〟｠｣)]}",
      // cl-03 hyphens (with the fullwidth tilde ～ that Windows IMEs type for 〜)
      hyphens,
      // cl-04 dividing punctuation
      "？！‼⁇⁈⁉?!",
      // cl-05 middle dots
      "・：；･:;",
      // cl-06 full stops
      "。．｡.",
      // cl-07 commas
      "、，､,",
      // cl-09 iteration marks
      iterationMarks,
      // cl-10 prolonged sound mark
      prolongedSoundMarks,
      // cl-11 small kana
      smallKana,
      // spacing and half-width sound marks
      "゛゜ﾞﾟ",
      // cl-20 postfixed abbreviations (units after a number)
      "％%‰℃°′″￠¢",
    ]
    return Set(classes.joined().unicodeScalars)
  }()

  static let hyphens = "‐〜゠–～"
  static let iterationMarks = "ヽヾゝゞ々〻"
  static let prolongedSoundMarks = "ーｰ"
  /// cl-11, including Katakana Phonetic Extensions and Kana Extended/Small Kana Extension.
  static let smallKana =
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ" + "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" + "ｧｨｩｪｫｬｭｮｯ"
    + "\u{1B132}\u{1B150}\u{1B151}\u{1B152}\u{1B155}\u{1B164}\u{1B165}\u{1B166}\u{1B167}"

  /// How far the rules are relaxed where they leave no break point within the line width, in the
  /// order of JLReq (and CSS `line-break`: strict, normal, loose, anywhere).
  enum Relaxation: Int, Comparable, CaseIterable, Sendable {
    /// Every rule holds.
    case none
    /// Small kana (cl-11) may start a line.
    case smallKana
    /// Also the prolonged sound mark (cl-10), iteration marks (cl-09) and hyphens (cl-03).
    case loose
    /// No kinsoku at all: a line may break between any two characters where a break would be
    /// allowed without it (never inside a Latin word, a number or a URL).
    case all

    static func < (a: Relaxation, b: Relaxation) -> Bool { a.rawValue < b.rawValue }

    /// The next level, or nil after `all`.
    var next: Relaxation? { Relaxation(rawValue: rawValue + 1) }

    /// The characters this level lets start a line (besides those of lower levels).
    fileprivate static let allowedAtStart: [Relaxation: Set<Unicode.Scalar>] = [
      .smallKana: Set(Kinsoku.smallKana.unicodeScalars),
      .loose: Set((Kinsoku.prolongedSoundMarks + Kinsoku.iterationMarks + Kinsoku.hyphens).unicodeScalars),
    ]
  }

  /// True if `c` may not start a line under `relaxation`.
  static func isProhibitedAtLineStart(_ c: Character, relaxation: Relaxation) -> Bool {
    guard let s = c.unicodeScalars.first, notAtLineStart.contains(s) else { return false }
    switch relaxation {
    case .none: return true
    case .all: return false
    case .smallKana, .loose:
      return !Relaxation.allCases.contains { level in
        level <= relaxation && Relaxation.allowedAtStart[level]?.contains(s) == true
      }
    }
  }

  /// True if `c` may not end a line under `relaxation`.
  static func isProhibitedAtLineEnd(_ c: Character, relaxation: Relaxation) -> Bool {
    relaxation != .all && isProhibitedAtLineEnd(c)
  }

  /// Characters that may not end a line (行末禁則).
  static let notAtLineEnd: Set<Unicode.Scalar> = {
    let classes = [
      // cl-01 opening brackets
      "‘“（〔［｛〈《「『【〘〖〝｟｢([{",
      // cl-19 prefixed abbreviations (currency and number signs before a number)
      "￥＄￡＃¥£€$№",
    ]
    return Set(classes.joined().unicodeScalars)
  }()

  /// Characters that may not be separated from a neighbour of the same class (cl-08: ―…‥).
  static let inseparable: Set<Unicode.Scalar> = Set("—―…‥〳〴〵⸺⸻".unicodeScalars)

  /// True if `c` may not stand at the start of a line (closing brackets, hyphens, ！？, middle dots,
  /// full stops, commas, iteration marks, ー, small kana, postfixed units such as ％).
  public static func isProhibitedAtLineStart(_ c: Character) -> Bool {
    guard let s = c.unicodeScalars.first else { return false }
    return notAtLineStart.contains(s)
  }

  /// True if `c` may not stand at the end of a line (opening brackets, prefixed signs such as ￥).
  public static func isProhibitedAtLineEnd(_ c: Character) -> Bool {
    guard let s = c.unicodeScalars.first else { return false }
    return notAtLineEnd.contains(s)
  }

  /// True if `c` belongs to cl-08 (inseparable characters such as …… and ――).
  static func isInseparable(_ c: Character) -> Bool {
    guard let s = c.unicodeScalars.first else { return false }
    return inseparable.contains(s)
  }
}

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
      "‐〜゠–～",
      // cl-04 dividing punctuation
      "？！‼⁇⁈⁉?!",
      // cl-05 middle dots
      "・：；･:;",
      // cl-06 full stops
      "。．｡.",
      // cl-07 commas
      "、，､,",
      // cl-09 iteration marks
      "ヽヾゝゞ々〻",
      // cl-10 prolonged sound mark
      "ーｰ",
      // cl-11 small kana (including Katakana Phonetic Extensions and Kana Extended/Small Kana Extension)
      "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ",
      "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
      "ｧｨｩｪｫｬｭｮｯ",
      "\u{1B132}\u{1B150}\u{1B151}\u{1B152}\u{1B155}\u{1B164}\u{1B165}\u{1B166}\u{1B167}",
      // spacing and half-width sound marks
      "゛゜ﾞﾟ",
      // cl-20 postfixed abbreviations (units after a number)
      "％%‰℃°′″￠¢",
    ]
    return Set(classes.joined().unicodeScalars)
  }()

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

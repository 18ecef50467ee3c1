/// How the numbers of a citation are written: 38, ３８ or 三十八.
public enum NumeralStyle: String, Sendable, Hashable, CaseIterable {
  /// ASCII digits: 第38条.
  case arabic
  /// Full-width digits (U+FF10…U+FF19): 第３８条.
  case fullWidth
  /// Kanji numerals in the statute style: 第三十八条, 第百六条, 第千二百条.
  case kanji
}

/// Whole numbers as Japanese texts write them in citations (1…9999).
public enum JapaneseNumeral {
  private static let kanjiDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
  private static let multipliers: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

  /// The style a character belongs to, or nil when it is no numeral character.
  public static func style(of character: Character) -> NumeralStyle? {
    if character.isASCII, character.isNumber { return .arabic }
    if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
      (0xFF10...0xFF19).contains(scalar.value)
    {
      return .fullWidth
    }
    if kanjiDigits.contains(character) || multipliers[character] != nil { return .kanji }
    return nil
  }

  /// The value of `text`, which must be one numeral in one style (三十八, ３８, 38; a kanji numeral
  /// may also be written digit by digit, 一〇六). Nil for anything else, zero, or values above 9999.
  public static func value(of text: some StringProtocol) -> Int? {
    guard let first = text.first, let style = style(of: first),
      text.allSatisfy({ Self.style(of: $0) == style })
    else { return nil }
    let value: Int?
    switch style {
    case .arabic, .fullWidth:
      value = text.reduce(0) { total, c in
        guard let digit = digitValue(c), total <= 9999 else { return 10_000 }
        return total * 10 + digit
      }
    case .kanji:
      value = kanjiValue(text)
    }
    guard let value, value >= 1, value <= 9999 else { return nil }
    return value
  }

  /// `value` written in `style`: 38, ３８ or 三十八 (十 not 一十, 百六 not 一百〇六).
  /// - Precondition: `value` is 1…9999.
  public static func format(_ value: Int, style: NumeralStyle) -> String {
    switch style {
    case .arabic:
      return String(value)
    case .fullWidth:
      return String(
        String(value).unicodeScalars.compactMap { Unicode.Scalar($0.value - 0x30 + 0xFF10) }.map(Character.init))
    case .kanji:
      var out = ""
      var rest = value
      for (unit, mark) in [(1000, "千"), (100, "百"), (10, "十")] {
        let digit = rest / unit
        rest %= unit
        if digit == 0 { continue }
        if digit > 1 { out.append(kanjiDigits[digit]) }
        out += mark
      }
      if rest > 0 { out.append(kanjiDigits[rest]) }
      return out
    }
  }

  private static func digitValue(_ c: Character) -> Int? {
    if c.isASCII, let v = c.wholeNumberValue { return v }
    guard let scalar = c.unicodeScalars.first, (0xFF10...0xFF19).contains(scalar.value) else { return nil }
    return Int(scalar.value - 0xFF10)
  }

  /// 三十八 = 38, 百六 = 106, 千二百 = 1200; without 十百千, digit by digit (一〇六 = 106).
  private static func kanjiValue(_ text: some StringProtocol) -> Int? {
    if !text.contains(where: { multipliers[$0] != nil }) {
      return text.reduce(0) { total, c in (kanjiDigits.firstIndex(of: c)).map { total * 10 + $0 } ?? 10_000 }
    }
    var total = 0
    var pending: Int?
    var lastMultiplier = Int.max
    for c in text {
      if let multiplier = multipliers[c] {
        guard multiplier < lastMultiplier, pending != 0 else { return nil }
        total += (pending ?? 1) * multiplier
        pending = nil
        lastMultiplier = multiplier
      } else if let digit = kanjiDigits.firstIndex(of: c), digit > 0, pending == nil {
        pending = digit
      } else {
        return nil
      }
    }
    return total + (pending ?? 0)
  }
}

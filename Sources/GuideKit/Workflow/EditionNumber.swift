/// The edition number a guideline's title names (テレワークセキュリティガイドライン（第5版）), as
/// ASCII digits, full-width digits (第５版) or kanji numerals (第五版, 第十二版).
public struct EditionNumber: Sendable, Equatable {
  public enum Style: Sendable, Equatable { case ascii, fullWidth, kanji }

  public var value: Int
  public var style: Style
  /// Where `第…版` stands in the title.
  public var range: Range<String.Index>

  /// The first `第N版` of `title`, nil when it names none (or a number beyond 99 in kanji).
  public static func find(in title: String) -> EditionNumber? {
    var search = title.startIndex
    while let start = title[search...].firstIndex(of: "第") {
      let digits = title[title.index(after: start)...].prefix { isDigit($0) }
      let end = digits.endIndex
      if !digits.isEmpty, end < title.endIndex, title[end] == "版",
        let (value, style) = parse(digits)
      {
        return EditionNumber(value: value, style: style, range: start..<title.index(after: end))
      }
      search = title.index(after: start)
    }
    return nil
  }

  /// `第N版` written in `style` (kanji up to 99; beyond, ASCII digits).
  public static func label(_ value: Int, style: Style) -> String {
    "第" + digits(value, style: style) + "版"
  }

  /// The edition a version stands for: its leading number (`6.0` → 6, `6` → 6); nil for a
  /// version that counts years (2021) rather than editions, or that is not numeric.
  public static func edition(ofVersion version: String) -> Int? {
    let lead = version.prefix { $0.isASCII && $0.isNumber }
    guard let value = Int(lead), value > 0, value < 1000 else { return nil }
    return value
  }

  private static let kanjiDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
  private static let fullWidthDigits: [Character] = ["０", "１", "２", "３", "４", "５", "６", "７", "８", "９"]
  private static let asciiDigits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]

  private static func isDigit(_ c: Character) -> Bool {
    asciiDigits.contains(c) || fullWidthDigits.contains(c) || c == "十" || kanjiDigits.contains(c)
  }

  /// The number of a run of digits, all of one style.
  private static func parse(_ text: Substring) -> (Int, Style)? {
    for (digits, style) in [(asciiDigits, Style.ascii), (fullWidthDigits, .fullWidth)] {
      let values = text.map { digits.firstIndex(of: $0) }
      if values.allSatisfy({ $0 != nil }) {
        let value = values.reduce(0) { total, digit in total > 100_000 ? total : total * 10 + (digit ?? 0) }
        return (value, style)
      }
    }
    // Kanji: 五, 十, 十二, 二十, 二十三 (1 to 99).
    let parts = text.split(separator: "十", omittingEmptySubsequences: false)
    func digit(_ s: Substring) -> Int? {
      guard s.count == 1, let first = s.first, let d = kanjiDigits.firstIndex(of: first), d > 0 else { return nil }
      return d
    }
    switch parts.count {
    case 1: return digit(parts[0]).map { ($0, .kanji) }
    case 2:
      let tens = parts[0].isEmpty ? 1 : digit(parts[0])
      let ones = parts[1].isEmpty ? 0 : digit(parts[1])
      guard let tens, let ones else { return nil }
      return (tens * 10 + ones, .kanji)
    default: return nil
    }
  }

  private static func digits(_ value: Int, style: Style) -> String {
    switch style {
    case .ascii: return String(value)
    case .fullWidth:
      return String(String(value).compactMap { c in asciiDigits.firstIndex(of: c).map { fullWidthDigits[$0] } })
    case .kanji:
      guard value > 0, value < 100 else { return String(value) }
      let tens = value / 10
      let ones = value % 10
      let tensText = tens == 0 ? "" : (tens == 1 ? "十" : String(kanjiDigits[tens]) + "十")
      return tensText + (ones == 0 ? "" : String(kanjiDigits[ones]))
    }
  }
}

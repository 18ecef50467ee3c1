/// A day of the (proleptic) Gregorian calendar, as every date in guidekit is written: pins,
/// `issued`, `effective` and `planned`, `--as-of`, the in-force date of an e-Gov file name, the
/// dates of notices. The one check of a date: `YYYY-MM-DD` with ASCII digits, a month of 1 to 12,
/// a day that exists in that month, and a year from 1868 (明治元年, where Japanese law begins)
/// to 9999.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  public static let years = 1868...9999

  public let year: Int
  public let month: Int
  public let day: Int

  /// A real day, or nil.
  public init?(year: Int, month: Int, day: Int) {
    guard Self.years.contains(year), (1...12).contains(month), day >= 1,
      day <= Self.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// `YYYY-MM-DD`, or nil when the text is not exactly that form or names no real day.
  public init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    guard let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
      let day = Self.number(bytes[8..<10])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// `YYYYMMDD` (e-Gov file names and revision ids), or nil.
  public init?(compact text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard bytes.count == 8, let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[4..<6]),
      let day = Self.number(bytes[6..<8])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// Days of a month in the Gregorian calendar.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11:
      return 30
    default:
      return 31
    }
  }

  private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for b in digits {
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(b - UInt8(ascii: "0"))
    }
    return value
  }
}

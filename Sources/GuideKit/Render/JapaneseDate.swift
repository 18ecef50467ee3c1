/// Japanese era dates (和暦) as written in notices: 令和3年5月31日.
///
/// Eras covered: 令和 from 2019-05-01, 平成 1989-01-08 … 2019-04-30, 昭和 1926-12-25 … 1989-01-07.
/// An earlier date is written with the Western year (1926年12月24日). The first year of an era is
/// 元年 (令和元年5月1日). Numbers are ASCII digits, without padding. Dates are in the proleptic
/// Gregorian calendar, as written in Japan (no time zone is involved).
public enum JapaneseDate {
  /// An era and the year within it (1 for 元年).
  public struct EraYear: Sendable, Equatable {
    /// The era's name, e.g. "令和".
    public var era: String
    /// The year of the era, from 1.
    public var year: Int
  }

  private struct Era: Sendable {
    var name: String
    var startYear: Int
    var startMonth: Int
    var startDay: Int
  }

  /// The eras, newest first.
  private static let eras: [Era] = [
    Era(name: "令和", startYear: 2019, startMonth: 5, startDay: 1),
    Era(name: "平成", startYear: 1989, startMonth: 1, startDay: 8),
    Era(name: "昭和", startYear: 1926, startMonth: 12, startDay: 25),
  ]

  /// The era and era year of a date, or nil before 昭和 (1926-12-25). Does not validate the date.
  public static func eraYear(year: Int, month: Int, day: Int) -> EraYear? {
    for era in eras
    where (year, month, day) >= (era.startYear, era.startMonth, era.startDay) {
      return EraYear(era: era.name, year: year - era.startYear + 1)
    }
    return nil
  }

  /// The date in 和暦: "令和3年5月31日", "令和元年5月1日"; before 昭和 "1926年12月24日".
  /// The numbers are written as given: the date is not validated (see `wareki(iso:)`).
  public static func wareki(year: Int, month: Int, day: Int) -> String {
    guard let e = eraYear(year: year, month: month, day: day) else {
      return "\(year)年\(month)月\(day)日"
    }
    let y = e.year == 1 ? "元" : String(e.year)
    return "\(e.era)\(y)年\(month)月\(day)日"
  }

  /// The date of a "YYYY-MM-DD" string in 和暦, or nil if the string is not a valid date of that
  /// exact form (`CalendarDay`: ASCII digits, years 1868 to 9999).
  public static func wareki(iso: String) -> String? {
    guard let d = parse(iso: iso) else { return nil }
    return wareki(year: d.year, month: d.month, day: d.day)
  }

  /// Both forms, as notices carry them: "令和3年5月31日 (2021-05-31)"; nil if `iso` is not a valid
  /// "YYYY-MM-DD" date.
  public static func both(iso: String) -> String? {
    guard let d = parse(iso: iso) else { return nil }
    return wareki(year: d.year, month: d.month, day: d.day) + " (" + iso + ")"
  }

  /// Parses a strict "YYYY-MM-DD" date and checks that the day exists (`CalendarDay`).
  /// - Returns: year, month and day, or nil.
  public static func parse(iso: String) -> (year: Int, month: Int, day: Int)? {
    CalendarDay(iso).map { ($0.year, $0.month, $0.day) }
  }
}

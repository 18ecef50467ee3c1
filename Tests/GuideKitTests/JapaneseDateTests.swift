import Foundation
import Testing

@testable import GuideKit

@Suite("Japanese era dates")
struct JapaneseDateTests {
  @Test(
    "era boundaries",
    arguments: [
      ("2019-04-30", "平成31年4月30日"),
      ("2019-05-01", "令和元年5月1日"),
      ("1989-01-07", "昭和64年1月7日"),
      ("1989-01-08", "平成元年1月8日"),
      ("2021-05-31", "令和3年5月31日"),
      ("2019-12-31", "令和元年12月31日"),
      ("2020-01-01", "令和2年1月1日"),
      ("1926-12-25", "昭和元年12月25日"),
      ("1926-12-24", "1926年12月24日"),
      ("1900-01-01", "1900年1月1日"),
      ("1989-12-31", "平成元年12月31日"),
      ("1990-01-01", "平成2年1月1日"),
      ("2020-02-29", "令和2年2月29日"),
      ("2000-02-29", "平成12年2月29日"),
      ("2118-05-01", "令和100年5月1日"),
    ])
  func wareki(iso: String, expected: String) {
    #expect(JapaneseDate.wareki(iso: iso) == expected)
    if let d = JapaneseDate.parse(iso: iso) {
      #expect(JapaneseDate.wareki(year: d.year, month: d.month, day: d.day) == expected)
    } else {
      Issue.record("\(iso) did not parse")
    }
  }

  @Test func bothForms() {
    #expect(JapaneseDate.both(iso: "2021-05-31") == "令和3年5月31日 (2021-05-31)")
    #expect(JapaneseDate.both(iso: "2019-05-01") == "令和元年5月1日 (2019-05-01)")
    #expect(JapaneseDate.both(iso: "2021-5-31") == nil)
  }

  @Test func eraYear() {
    #expect(JapaneseDate.eraYear(year: 2019, month: 5, day: 1) == .init(era: "令和", year: 1))
    #expect(JapaneseDate.eraYear(year: 2019, month: 4, day: 30) == .init(era: "平成", year: 31))
    #expect(JapaneseDate.eraYear(year: 1926, month: 12, day: 24) == nil)
  }

  @Test(
    "invalid dates",
    arguments: [
      "", "2021-5-31", "2021-05-1", "2021/05/31", "２０２１-05-31", "2021-02-29", "1900-02-29",
      "2021-13-01", "2021-00-10", "2021-04-31", "2021-04-00", "0000-01-01", "2021-05-31T00:00",
      " 2021-05-31", "abcd-ef-gh", "+021-05-31",
    ])
  func invalid(iso: String) {
    #expect(JapaneseDate.wareki(iso: iso) == nil)
    #expect(JapaneseDate.both(iso: iso) == nil)
  }

  @Test func daysInMonth() {
    #expect(CalendarDay.daysIn(month: 2, year: 2024) == 29)
    #expect(CalendarDay.daysIn(month: 2, year: 2100) == 28)
    #expect(CalendarDay.daysIn(month: 2, year: 2000) == 29)
    #expect(CalendarDay.daysIn(month: 6, year: 2021) == 30)
    #expect(CalendarDay.daysIn(month: 12, year: 2021) == 31)
  }

  /// Pins and attributes, notices' dates and e-Gov file names accept the same days: before
  /// CalendarDay, a file named for 2025-02-31 was a revision in force on that day, and a notice
  /// wrote a date of the year 1 that no pin could name.
  @Test(
    "one calendar for every date",
    arguments: [
      ("2025-02-28", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-02-31", false),
      ("2025-04-31", false), ("1868-01-01", true), ("1867-12-31", false), ("0001-01-01", false),
      ("9999-12-31", true), ("2025-13-01", false),
    ])
  func oneCalendar(iso: String, real: Bool) {
    #expect((CalendarDay(iso) != nil) == real)
    #expect(PinDate.isRealDate(iso) == real)
    #expect((JapaneseDate.parse(iso: iso) != nil) == real)
    let compact = iso.replacingOccurrences(of: "-", with: "")
    let file = SourceLocator(egovFile: "322AC0000000049_\(compact)_504AC0000000068.xml")
    #expect((file != nil) == real, "\(compact)")
    if real { #expect(file?.inForce == iso) }
  }
}

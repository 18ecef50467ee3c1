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
    #expect(JapaneseDate.daysIn(month: 2, year: 2024) == 29)
    #expect(JapaneseDate.daysIn(month: 2, year: 2100) == 28)
    #expect(JapaneseDate.daysIn(month: 2, year: 2000) == 29)
    #expect(JapaneseDate.daysIn(month: 6, year: 2021) == 30)
    #expect(JapaneseDate.daysIn(month: 12, year: 2021) == 31)
  }
}

import Testing

@testable import GuideKit

@Suite("Provision citations")
struct ProvisionCitationTests {
  @Test(
    "Japanese numerals in three styles",
    arguments: [
      ("38", 38, NumeralStyle.arabic), ("３８", 38, .fullWidth), ("三十八", 38, .kanji), ("十", 10, .kanji),
      ("百六", 106, .kanji), ("千二百三十四", 1234, .kanji), ("二千", 2000, .kanji), ("一〇六", 106, .kanji),
      ("九十九", 99, .kanji),
    ])
  func numerals(text: String, value: Int, style: NumeralStyle) {
    #expect(JapaneseNumeral.value(of: text) == value)
    #expect(JapaneseNumeral.style(of: text.first ?? " ") == style)
  }

  @Test("malformed numerals are refused", arguments: ["", "0", "十十", "三十三十", "百千", "3三", "〇", "10000"])
  func malformedNumerals(text: String) {
    #expect(JapaneseNumeral.value(of: text) == nil)
  }

  @Test("formatting round-trips every value in every style")
  func numeralRoundTrip() {
    for style in NumeralStyle.allCases {
      for value in 1...2100 {
        #expect(JapaneseNumeral.value(of: JapaneseNumeral.format(value, style: style)) == value)
      }
    }
    #expect(JapaneseNumeral.format(110, style: .kanji) == "百十")
    #expect(JapaneseNumeral.format(38, style: .fullWidth) == "３８")
  }

  @Test(
    "text ↔ e-Gov provision path",
    arguments: [
      ("第三十八条の二第一項第三号", "Art38_2/Para1/Item3"), ("第38条の2第1項", "Art38_2/Para1"),
      ("第２３条", "Art23"), ("第41条第2号", "Art41/Para1/Item2"), ("第66条の8の3", "Art66_8_3"),
      ("第百六条第一項", "Art106/Para1"), ("第5条第2項第3号の2", "Art5/Para2/Item3_2"),
    ])
  func parse(text: String, path: String) throws {
    let citation = try #require(ProvisionCitation(text))
    #expect(citation.provisionPath == path)
    #expect(citation.text == text)
  }

  @Test(
    "paths that are no e-Gov provision", arguments: ["ac-17", "Art", "Art3/Item2", "Art3/Para1/Item2/Sub1", "Art0"])
  func foreignPaths(path: String) {
    #expect(ProvisionCitation(provisionPath: path) == nil)
  }

  @Test("citations in running text, longest first, branches only from 2")
  func scanning() {
    let text = "同法第38条の2第1項及び第五条の一部、同条第2項、第３２条の規定"
    let found = ProvisionCitation.matches(in: text)
    #expect(found.map(\.citation.provisionPath) == ["Art38_2/Para1", "Art5", "Art32"])
    #expect(found.map { String(text[$0.range]) } == ["第38条の2第1項", "第五条", "第３２条"])
    #expect(found.map(\.citation.style) == [.arabic, .kanji, .fullWidth])
    #expect(ProvisionCitation.matches(in: "第3号、第二章、第条、ICT対策 im-access-01").isEmpty)
  }

  @Test("a citation names the provisions it agrees with")
  func naming() throws {
    func names(_ text: String, _ path: String) throws -> Bool {
      try #require(ProvisionCitation(text)).names(try #require(ProvisionCitation(provisionPath: path)))
    }
    #expect(try names("第32条", "Art32"))
    #expect(try names("第32条", "Art32/Para2"))
    #expect(try names("第41条第2号", "Art41/Para1/Item2"))
    #expect(try !names("第32条", "Art33"))
    #expect(try !names("第32条", "Art32_2"))
    #expect(try !names("第36条第6項", "Art36/Para7"))
    #expect(try !names("第41条第2号", "Art41/Para2/Item2"))
    #expect(try !names("第41条第2号", "Art41/Para1/Item3"))
  }

  @Test("retargeting keeps the parts the text stated and its numerals")
  func retargeting() throws {
    func retarget(_ text: String, _ path: String) throws -> String? {
      try #require(ProvisionCitation(text)).retargeted(to: try #require(ProvisionCitation(provisionPath: path)))?.text
    }
    #expect(try retarget("第23条", "Art22") == "第22条")
    #expect(try retarget("第二十三条", "Art22_2") == "第二十二条の二")
    #expect(try retarget("第３６条第６項", "Art36/Para7") == "第３６条第７項")
    #expect(try retarget("第41条第2号", "Art40/Para1/Item2") == "第40条第2号")
    #expect(try retarget("第41条第2号", "Art40/Para2/Item2") == "第40条第2項第2号")
    #expect(try retarget("第32条", "Art31/Para2") == "第31条")
    #expect(try retarget("第32条第1項", "Art31") == "第31条第1項")
    #expect(try retarget("第32条第1項第2号", "Art31/Para2") == "第31条第2項第2号")
  }
}

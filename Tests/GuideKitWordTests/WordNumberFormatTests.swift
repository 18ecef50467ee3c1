import Testing

@testable import GuideKitWord

/// The counters Word writes for list levels, as the importer reads them back.
@Suite struct WordNumberFormatTests {
  @Test func romanCountersUseTheLawReadersRomanNumerals() {
    #expect(WordNumbering.format(4, "upperRoman") == "IV")
    #expect(WordNumbering.format(19, "lowerRoman") == "xix")
    #expect(WordNumbering.format(1994, "upperRoman") == "MCMXCIV")
  }

  @Test func otherCounters() {
    #expect(WordNumbering.format(3, "decimalEnclosedCircle") == "③")
    #expect(WordNumbering.format(2, "aiueoFullWidth") == "イ")
    #expect(WordNumbering.format(12, "decimalFullWidth") == "１２")
  }
}

import GuideKitWord
import Testing

@Suite struct BookmarkNameTests {
  @Test(arguments: ["sec-1-2", "s4.c2_a", "第1章", "a", "x--_y", "𠮷1"])
  func idsRoundTrip(id: String) {
    let name = BookmarkName.encode(id)
    #expect(name.hasPrefix("gk_"))
    #expect(
      name.utf8.allSatisfy { $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
    #expect(BookmarkName.decode(name) == id)
  }

  @Test func escapesAreExplicit() {
    #expect(BookmarkName.encode("sec-1") == "gk_sec_002D1")
    #expect(BookmarkName.encode("a_b") == "gk_a_005Fb")
  }

  @Test(arguments: ["_GoBack", "gk_", "gk_a_12", "gk_a_zzzz", "gk_é", "other"])
  func foreignNamesAreNotClauseIds(name: String) {
    #expect(BookmarkName.decode(name) == nil)
  }
}

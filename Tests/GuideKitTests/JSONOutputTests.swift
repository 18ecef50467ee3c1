import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// `JSONOutput` must write exactly what JSONSerialization writes with the same options, so that
/// the JSON of every command keeps its bytes.
@Suite("JSON output")
struct JSONOutputTests {
  private func reference(_ object: Any) -> String {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "JSONSerialization failed" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  @Test func matchesJSONSerializationOnEdgeCases() {
    let object: [String: Any] = [
      "empty object": [String: Any](), "empty array": [Any](),
      "numbers": [0, -42, Int.max, 0.5, 1.0, 0.1, 2.5e-7, 1e20, -3.25, 123456.789, 1e15, 5e15, 9.5e15, 1e16, -0.0]
        as [Any],
      "strings": [
        "", "a/b", "quote \" backslash \\", "\u{0}\u{1}\u{8}\u{C}\n\r\t\u{1F}\u{7F}", "\u{2028}\u{2029}",
        "テレワーク「第6条」（改正）", "e\u{301}", "👩‍💻",
      ],
      "bools": [true, false], "null": NSNull(),
      "nested": ["x": [["y": 1, "z": ["w": []]]]] as [String: Any],
      "typed": ["a": "b"] as [String: String], "ints": [1, 2, 3] as [Int],
    ]
    #expect(JSONOutput.string(object) == reference(object))
  }

  /// Keys of letters only (guidekit's own) are ordered without the locale's collation; the
  /// order must still be JSONSerialization's, also for keys that differ only in case.
  @Test func lettersOnlyKeysSortLikeJSONSerialization() {
    var random = SplitMix64(seed: 5)
    let letters = Array("aAbBcCoOlLdDiIzZ")
    for _ in 0..<300 {
      var object: [String: Any] = [:]
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        let length = Int.random(in: 1...6, using: &random)
        let key = String((0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
        object[key] = Int(random.next() % 100)
      }
      #expect(JSONOutput.string(object) == reference(object))
    }
    let keys = ["summary", "oldNum", "newNum", "kind", "id", "oldId", "path", "segments", "movedPlace"]
    let object = Dictionary(uniqueKeysWithValues: keys.map { ($0, 1 as Any) })
    #expect(JSONOutput.string(object) == reference(object))
  }

  @Test func matchesJSONSerializationOnRandomTrees() {
    var random = SplitMix64(seed: 20261125)
    let alphabet = Array("ab/\\\"\n\t\u{1}テレワーク第条。、（）€😀 ")
    func text() -> String {
      String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }
    func value(depth: Int) -> Any {
      switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
      case 0: return text()
      case 1: return Int.random(in: -1_000_000...1_000_000, using: &random)
      case 2: return Double(Int.random(in: -1000...1000, using: &random)) / 8
      case 3: return Bool.random(using: &random)
      case 4: return NSNull()
      case 5:
        return (0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) }
      default:
        var object: [String: Any] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &random) { object[text()] = value(depth: depth + 1) }
        return object
      }
    }
    for _ in 0..<300 {
      let object: [String: Any] = ["root": value(depth: 0)]
      #expect(JSONOutput.string(object) == reference(object))
    }
  }

  @Test func fallsBackForUnknownTypes() {
    let object: [String: Any] = ["date": NSNumber(value: 3)]
    #expect(JSONOutput.string(object) == reference(object))
  }
}

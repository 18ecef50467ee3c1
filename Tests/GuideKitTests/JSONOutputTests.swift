import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// `JSONOutput` must write what JSONSerialization writes with the same options (byte for byte
/// for guidekit's own keys, which are ASCII letters), so that the JSON of every command keeps its
/// bytes; other keys follow its own locale-free order.
@Suite("JSON output")
struct JSONOutputTests {
  private func reference(_ object: Any) -> String {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: foundationValue(object), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "JSONSerialization failed" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The value with `JSONOutput.null` spelt as Foundation's `NSNull`.
  private func foundationValue(_ value: Any) -> Any {
    switch value {
    case is JSONNull: NSNull()
    case let object as [String: Any]: object.mapValues(foundationValue)
    case let array as [Any]: array.map(foundationValue)
    default: value
    }
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
      "bools": [true, false], "null": JSONOutput.null,
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
    let keyLetters = Array("abcdefgxyzKLM")
    func text() -> String {
      String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }
    func key() -> String {
      String((0..<Int.random(in: 1...6, using: &random)).map { _ in keyLetters.randomElement(using: &random)! })
    }
    func value(depth: Int) -> Any {
      switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
      case 0: return text()
      case 1: return Int.random(in: -1_000_000...1_000_000, using: &random)
      case 2: return Double(Int.random(in: -1000...1000, using: &random)) / 8
      case 3: return Bool.random(using: &random)
      case 4: return JSONOutput.null
      case 5:
        return (0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) }
      default:
        var object: [String: Any] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &random) { object[key()] = value(depth: depth + 1) }
        return object
      }
    }
    for _ in 0..<300 {
      let object: [String: Any] = ["root": value(depth: 0)]
      #expect(JSONOutput.string(object) == reference(object))
    }
  }

  /// Keys beyond letters (digits, Japanese, punctuation, case pairs): digit runs compare as
  /// numbers, letters ignoring case, ties by code points — checked against an order written
  /// here from that rule, and the values must read back unchanged.
  @Test func otherKeysFollowTheNaturalCaseInsensitiveOrder() throws {
    var random = SplitMix64(seed: 42)
    let alphabet = Array("aAbB019-_./テレワーク第条ｱ")
    for _ in 0..<300 {
      var object: [String: Any] = [:]
      for index in 0..<Int.random(in: 1...8, using: &random) {
        let key = String(
          (0..<Int.random(in: 1...7, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        object[key] = index
      }
      let output = JSONOutput.string(object)
      let keys = output.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("  \""), let end = line.dropFirst(3).firstIndex(of: "\"") else { return nil }
        return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
      }
      #expect(keys == object.keys.sorted(by: Self.naturalCaseInsensitive))
      let back = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Int])
      #expect(back == object.mapValues { $0 as? Int ?? -1 })
    }
  }

  /// The documented order as a sort key, a formulation of its own: each run of the lower-cased
  /// key becomes one string, "0" + its value padded to 20 digits + the digits for a digit run,
  /// "1" + the text otherwise; keys compare by these lists, then by case.
  private static func naturalCaseInsensitive(_ a: String, _ b: String) -> Bool {
    func sortKey(_ key: String) -> [String] {
      var runs: [String] = []
      var current = ""
      var currentIsDigits = false
      func flush() {
        guard !current.isEmpty else { return }
        if currentIsDigits {
          let value = String(current.drop { $0 == "0" })
          runs.append("0" + String(repeating: "0", count: max(0, 20 - value.count)) + value + current)
        } else {
          runs.append("1" + current)
        }
        current = ""
      }
      for character in key.lowercased() {
        let isDigit = ("0"..."9").contains(character)
        if isDigit != currentIsDigits { flush() }
        currentIsDigits = isDigit
        current.append(character)
      }
      flush()
      return runs
    }
    let x = sortKey(a)
    let y = sortKey(b)
    if x != y { return x.lexicographicallyPrecedes(y) }
    // Same letters but for case: the lower-case one first where they first differ.
    for (p, q) in zip(a, b) where p != q {
      return p.isLowercase == q.isLowercase ? p < q : p.isLowercase
    }
    return a < b
  }
}

import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// `JSONOutput` (JSONEncoder with sorted keys, pretty printing and no escaped slashes) must write
/// what JSONSerialization writes with the same options for the values reports hold (strings,
/// integers, booleans, null, arrays and objects with letter keys), so that the JSON of every
/// command keeps the bytes it had before the reports became `Encodable`.
@Suite("JSON output")
struct JSONOutputTests {
  /// A JSON value, encodable, and convertible to what JSONSerialization takes.
  indirect enum Value: Encodable {
    case string(String), int(Int), bool(Bool), null
    case array([Value])
    case object([String: Value])

    private struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
      switch self {
      case .string(let s):
        var c = encoder.singleValueContainer()
        try c.encode(s)
      case .int(let i):
        var c = encoder.singleValueContainer()
        try c.encode(i)
      case .bool(let b):
        var c = encoder.singleValueContainer()
        try c.encode(b)
      case .null:
        var c = encoder.singleValueContainer()
        try c.encodeNil()
      case .array(let values):
        var c = encoder.unkeyedContainer()
        for value in values { try c.encode(value) }
      case .object(let members):
        var c = encoder.container(keyedBy: Key.self)
        for (key, value) in members { try c.encode(value, forKey: Key(stringValue: key)) }
      }
    }

    var foundation: Any {
      switch self {
      case .string(let s): s
      case .int(let i): i
      case .bool(let b): b
      case .null: NSNull()
      case .array(let values): values.map(\.foundation)
      case .object(let members): members.mapValues(\.foundation)
      }
    }
  }

  private func reference(_ value: Value) -> String {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: value.foundation, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "JSONSerialization failed" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  @Test func matchesJSONSerializationOnEdgeCases() {
    let value = Value.object([
      "emptyObject": .object([:]), "emptyArray": .array([]),
      "numbers": .array([0, -42, Int.max, Int.min].map(Value.int)),
      "strings": .array(
        [
          "", "a/b", "quote \" backslash \\", "\u{0}\u{1}\u{8}\u{C}\n\r\t\u{1F}\u{7F}", "\u{2028}\u{2029}",
          "テレワーク「第6条」（改正）", "e\u{301}", "👩‍💻",
        ].map(Value.string)),
      "bools": .array([.bool(true), .bool(false)]), "null": .null,
      "nested": .object(["x": .array([.object(["y": .int(1), "z": .object(["w": .array([])])])])]),
    ])
    #expect(JSONOutput.string(value) == reference(value))
  }

  /// JSONEncoder sorts keys by code point, JSONSerialization ignoring case: the two agree on
  /// keys whose first difference is not an upper- against a lower-case letter, which holds for
  /// every key set of guidekit's reports (see `reportKeysSortTheSameEitherWay`).
  @Test func keysThatAgreeOnCaseSortLikeJSONSerialization() {
    var random = SplitMix64(seed: 5)
    let letters = Array("abcdilnoz")
    for _ in 0..<300 {
      var members: [String: Value] = [:]
      for _ in 0..<Int.random(in: 1...8, using: &random) {
        let length = Int.random(in: 1...6, using: &random)
        let key = String((0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
        members[key] = .int(Int(random.next() % 100))
      }
      #expect(JSONOutput.string(Value.object(members)) == reference(.object(members)))
    }
    let keys = [
      "summary", "oldNum", "newNum", "kind", "id", "oldId", "oldPath", "oldPin", "path", "segments", "movedPlace",
      "$schema", "pin", "pinDate", "pinRevision", "latest", "latestDate", "latestProvision", "notFetched", "new",
    ]
    let object = Value.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, Value.int(1)) }))
    #expect(JSONOutput.string(object) == reference(object))
  }

  /// Every object of the reports of the bundled editions (validation, diff, impact, history,
  /// SARIF) has keys that sort the same by code point and ignoring case, so their JSON is what
  /// JSONSerialization wrote before the reports became `Encodable`.
  @Test func reportKeysSortTheSameEitherWay() throws {
    let security = RepoPaths.path("guidelines/telework-security")
    let trees = try GuidelineSet.load(paths: [security])
    let old = try #require(trees.first { $0.info.version == "4.0" })
    let new = try #require(trees.first { $0.info.version == "5.0" })
    let diff = try DocumentDiffer.diff(old: old, new: new)
    let registry = ReferenceRegistry(folders: [RepoPaths.path("references")])
    let impact = ImpactChecker(registry: registry, options: ImpactOptions(asOf: "2026-11-25"), guidelines: trees)
      .check(trees)
    let validation = Validator.validate(paths: [security])
    let history = try #require(try ClauseHistory.build(editions: trees, clause: "m-auth-mfa"))
    let diagnostics = [
      Diagnostic(file: "a.xml", line: 3, severity: .error, rule: "empty-clause", message: "m", clause: "c-1")
    ]
    let documents = [
      JSONOutput.string(diff), JSONOutput.string(impact), JSONOutput.string(validation),
      JSONOutput.string(history), JSONOutput.string(SARIF.document(diagnostics: diagnostics, rules: [])),
    ]
    var objects = 0
    func walk(_ value: Any) {
      if let object = value as? [String: Any] {
        objects += 1
        let keys = Array(object.keys)
        let ignoringCase = keys.sorted {
          $0.lowercased() != $1.lowercased() ? $0.lowercased() < $1.lowercased() : $0 < $1
        }
        #expect(keys.sorted() == ignoringCase)
        object.values.forEach(walk)
      } else if let array = value as? [Any] {
        array.forEach(walk)
      }
    }
    for document in documents {
      walk(try JSONSerialization.jsonObject(with: Data(document.utf8)))
    }
    #expect(objects > 100)
  }

  @Test func matchesJSONSerializationOnRandomTrees() {
    var random = SplitMix64(seed: 20261125)
    let alphabet = Array("ab/\\\"\n\t\u{1}テレワーク第条。、（）€😀 ")
    let keyLetters = Array("abcdefgxyz")
    func text() -> String {
      String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }
    func key() -> String {
      String((0..<Int.random(in: 1...6, using: &random)).map { _ in keyLetters.randomElement(using: &random)! })
    }
    func value(depth: Int) -> Value {
      switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &random) {
      case 0: return .string(text())
      case 1: return .int(Int.random(in: -1_000_000...1_000_000, using: &random))
      case 2: return .bool(Bool.random(using: &random))
      case 3: return .null
      case 4:
        return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in value(depth: depth + 1) })
      default:
        var members: [String: Value] = [:]
        for _ in 0..<Int.random(in: 0...4, using: &random) { members[key()] = value(depth: depth + 1) }
        return .object(members)
      }
    }
    for _ in 0..<300 {
      let object = Value.object(["root": value(depth: 0)])
      #expect(JSONOutput.string(object) == reference(object))
    }
  }
}

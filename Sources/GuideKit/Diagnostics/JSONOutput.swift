import FoundationEssentials

/// Serialises JSON with sorted keys, no escaped slashes, 2-space indentation and a final newline,
/// as `JSONSerialization` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`
/// (byte for byte for guidekit's own keys, which are ASCII letters), without the bridging casts
/// that made `JSONSerialization` 12–22 % of a diff's time (Benchmarks/README.md) and without
/// linking Foundation. Other keys are ordered by `keyPrecedes`, which needs no locale, so the
/// order is the same on every system. It writes strings, booleans, integers, finite doubles,
/// `JSONOutput.null`, and arrays and string-keyed dictionaries of these; anything else is a
/// programming error.
public enum JSONOutput {
  /// JSON's `null`, as a dictionary or array element.
  public static let null = JSONNull()

  /// The key order: the lower-cased keys compared run by run, a run of ASCII digits by its
  /// value (and before any other run), other runs as strings; keys that differ only in case put
  /// the lower-case letter first at their first difference (as `.sortedKeys` does). Not
  /// `NaturalOrder`, which orders revision ids and passes over `.`, `-` and `_`: keys that
  /// differ only there must still differ.
  static func keyPrecedes(_ a: String, _ b: String) -> Bool {
    let x = keyRuns(a)
    let y = keyRuns(b)
    for (p, q) in zip(x, y) where p.text != q.text {
      switch (p.digits, q.digits) {
      case (true, true):
        let m = p.text.drop { $0 == "0" }
        let n = q.text.drop { $0 == "0" }
        if m.count != n.count { return m.count < n.count }
        if m != n { return m < n }
        return p.text < q.text
      case (true, false): return true
      case (false, true): return false
      case (false, false): return p.text < q.text
      }
    }
    if x.count != y.count { return x.count < y.count }
    for (p, q) in zip(a, b) where p != q {
      return p.isLowercase == q.isLowercase ? p < q : p.isLowercase
    }
    return a < b
  }

  private static func keyRuns(_ key: String) -> [(digits: Bool, text: String)] {
    var runs: [(digits: Bool, text: String)] = []
    for character in key.lowercased() {
      let digit = character.isASCII && character.isNumber
      if let last = runs.last, last.digits == digit {
        runs[runs.count - 1].text.append(character)
      } else {
        runs.append((digit, String(character)))
      }
    }
    return runs
  }

  public static func string(_ object: Any) -> String {
    var writer = Writer()
    guard writer.write(object, indent: 0) else {
      assertionFailure("JSONOutput: a value that JSON cannot hold in \(type(of: object))")
      return "{}\n"
    }
    writer.out.append(0x0A)
    return String(decoding: writer.out, as: UTF8.self)
  }

  public static func string<T: Encodable>(encodable value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private struct Writer {
    var out: [UInt8] = []

    mutating func emit(_ text: String) { out.append(contentsOf: text.utf8) }
    /// Key orders already worked out, by the keys in code-point order: the objects of one
    /// document mostly share a few key sets.
    private var orders: [[String]: [String]] = [:]

    /// The keys in `keyPrecedes` order.
    mutating func sortedKeys(_ keys: Dictionary<String, Any>.Keys) -> [String] {
      let plain = keys.sorted()
      if let known = orders[plain] { return known }
      let sorted = plain.sorted(by: JSONOutput.keyPrecedes)
      orders[plain] = sorted
      return sorted
    }

    /// False when `value` holds a type this writer does not serialise.
    mutating func write(_ value: Any, indent: Int) -> Bool {
      // The common types by identity first: a failing `as?` cast of a Swift collection tries
      // Objective-C bridging, which costs more than writing the value.
      let type = ObjectIdentifier(Swift.type(of: value))
      if type == ObjectIdentifier(String.self), let string = value as? String {
        writeString(string)
        return true
      }
      if type == ObjectIdentifier(Int.self), let int = value as? Int {
        emit(String(int))
        return true
      }
      if type == ObjectIdentifier([String: Any].self), let object = value as? [String: Any] {
        return writeObject(object, indent: indent)
      }
      if type == ObjectIdentifier([[String: Any]].self), let array = value as? [[String: Any]] {
        return writeArray(array, indent: indent)
      }
      if type == ObjectIdentifier([Any].self), let array = value as? [Any] {
        return writeArray(array, indent: indent)
      }
      if type == ObjectIdentifier([String].self), let array = value as? [String] {
        return writeArray(array, indent: indent)
      }
      switch value {
      case let string as String:
        writeString(string)
      case let bool as Bool:
        emit(bool ? "true" : "false")
      case let int as Int:
        emit(String(int))
      case let integer as any BinaryInteger:
        emit(String(describing: integer))
      case let double as Double:
        guard double.isFinite else { return false }
        if double == 0, double.sign == .minus {
          emit("-0")
        } else if double == double.rounded(), abs(double) < 9_007_199_254_740_992 {
          // Integral values below 2^53 are written as integers.
          emit(String(Int(double)))
        } else {
          emit(String(describing: double))
        }
      case is JSONNull:
        emit("null")
      case let object as [String: Any]:
        return writeObject(object, indent: indent)
      case let array as [Any]:
        return writeArray(array, indent: indent)
      default:
        return false
      }
      return true
    }

    private mutating func writeObject(_ object: [String: Any], indent: Int) -> Bool {
      guard !object.isEmpty else {
        emit("{\n\n")
        spaces(indent)
        emit("}")
        return true
      }
      emit("{\n")
      for (index, key) in sortedKeys(object.keys).enumerated() {
        if index > 0 { emit(",\n") }
        spaces(indent + 2)
        writeString(key)
        emit(" : ")
        guard let member = object[key], write(member, indent: indent + 2) else { return false }
      }
      emit("\n")
      spaces(indent)
      emit("}")
      return true
    }

    private mutating func writeArray<Element>(_ array: [Element], indent: Int) -> Bool {
      guard !array.isEmpty else {
        emit("[\n\n")
        spaces(indent)
        emit("]")
        return true
      }
      emit("[\n")
      for (index, element) in array.enumerated() {
        if index > 0 { emit(",\n") }
        spaces(indent + 2)
        guard write(element, indent: indent + 2) else { return false }
      }
      emit("\n")
      spaces(indent)
      emit("]")
      return true
    }

    private mutating func spaces(_ count: Int) { out.append(contentsOf: repeatElement(0x20, count: count)) }

    private mutating func writeString(_ string: String) {
      out.append(0x22)
      var text = string
      text.withUTF8 { bytes in
        var start = 0
        for index in bytes.indices {
          let byte = bytes[index]
          guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
          out.append(contentsOf: bytes[start..<index])
          switch byte {
          case 0x22: emit("\\\"")
          case 0x5C: emit("\\\\")
          case 0x0A: emit("\\n")
          case 0x0D: emit("\\r")
          case 0x09: emit("\\t")
          case 0x08: emit("\\b")
          case 0x0C: emit("\\f")
          default:
            let hex = String(byte, radix: 16)
            emit("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
          }
          start = index + 1
        }
        out.append(contentsOf: bytes[start...])
      }
      out.append(0x22)
    }
  }
}

/// The type of `JSONOutput.null`.
public struct JSONNull: Sendable, Equatable {
  public init() {}
}

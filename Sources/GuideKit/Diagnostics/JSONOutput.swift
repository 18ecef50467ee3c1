import Foundation

/// Serialises JSON with sorted keys, no escaped slashes, 2-space indentation and a final newline:
/// byte for byte what `JSONSerialization` writes with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]`, about ten times faster on large trees (it needs no bridging casts).
/// A value of a type it does not know is handed to `JSONSerialization`.
public enum JSONOutput {
  public static func string(_ object: Any) -> String {
    var writer = Writer()
    if writer.write(object, indent: 0) {
      writer.out.append("\n")
      return writer.out
    }
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  public static func string<T: Encodable>(encodable value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  private struct Writer {
    var out = ""
    /// Key orders already worked out, by the keys in code-point order: the objects of one
    /// document mostly share a few key sets.
    private var orders: [[String]: [String]] = [:]

    /// The keys in JSONSerialization's `.sortedKeys` order (a numeric, case-insensitive
    /// comparison in the system locale, ties broken by code points).
    mutating func sortedKeys(_ keys: Dictionary<String, Any>.Keys) -> [String] {
      let plain = keys.sorted()
      if let known = orders[plain] { return known }
      let sorted = plain.sorted { a, b in
        a.compare(
          b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
          locale: Locale(identifier: "")) == .orderedAscending
      }
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
        out += String(int)
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
        out += bool ? "true" : "false"
      case let int as Int:
        out += String(int)
      case let integer as any BinaryInteger:
        out += String(describing: integer)
      case let double as Double:
        guard double.isFinite else { return false }
        if double == 0, double.sign == .minus {
          out += "-0"
        } else if double == double.rounded(), abs(double) < 9_007_199_254_740_992 {
          // Integral values below 2^53 are written as integers.
          out += String(Int(double))
        } else {
          out += String(describing: double)
        }
      case is NSNull:
        out += "null"
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
        out += "{\n\n" + spaces(indent) + "}"
        return true
      }
      out += "{\n"
      for (index, key) in sortedKeys(object.keys).enumerated() {
        if index > 0 { out += ",\n" }
        out += spaces(indent + 2)
        writeString(key)
        out += " : "
        guard let member = object[key], write(member, indent: indent + 2) else { return false }
      }
      out += "\n" + spaces(indent) + "}"
      return true
    }

    private mutating func writeArray<Element>(_ array: [Element], indent: Int) -> Bool {
      guard !array.isEmpty else {
        out += "[\n\n" + spaces(indent) + "]"
        return true
      }
      out += "[\n"
      for (index, element) in array.enumerated() {
        if index > 0 { out += ",\n" }
        out += spaces(indent + 2)
        guard write(element, indent: indent + 2) else { return false }
      }
      out += "\n" + spaces(indent) + "]"
      return true
    }

    private func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    private mutating func writeString(_ string: String) {
      out += "\""
      if !string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
        out += string
        out += "\""
        return
      }
      var start = string.startIndex
      for index in string.unicodeScalars.indices {
        let scalar = string.unicodeScalars[index]
        let escape: String?
        switch scalar {
        case "\"": escape = "\\\""
        case "\\": escape = "\\\\"
        case "\n": escape = "\\n"
        case "\r": escape = "\\r"
        case "\t": escape = "\\t"
        case "\u{8}": escape = "\\b"
        case "\u{C}": escape = "\\f"
        case "\u{0}"..."\u{1F}":
          let hex = String(scalar.value, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: escape = nil
        }
        guard let escape else { continue }
        out.unicodeScalars.append(contentsOf: string.unicodeScalars[start..<index])
        out += escape
        start = string.unicodeScalars.index(after: index)
      }
      out.unicodeScalars.append(contentsOf: string.unicodeScalars[start...])
      out += "\""
    }
  }
}

/// Writes well-formed, indented XML; text and attribute values are always escaped.
struct XMLWriter {
  private(set) var output = ""
  private var depth = 0
  private var inline = false

  mutating func declaration() {
    output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  }

  private mutating func indent() {
    output += String(repeating: "  ", count: depth)
  }

  private static func attributes(_ list: [(String, String)]) -> String {
    list.map { " \($0.0)=\"\(escapeAttribute($0.1))\"" }.joined()
  }

  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    indent()
    output += "<\(name)\(Self.attributes(attributes))>\n"
    depth += 1
  }

  mutating func close(_ name: String) {
    depth -= 1
    indent()
    output += "</\(name)>\n"
  }

  mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
    indent()
    output += "<\(name)\(Self.attributes(attributes))/>\n"
  }

  mutating func element(_ name: String, _ text: String, _ attributes: [(String, String)] = []) {
    indent()
    output += "<\(name)\(Self.attributes(attributes))>\(Self.escapeText(text))</\(name)>\n"
  }

  /// Mixed content: an element whose children stay on one line.
  mutating func openInline(_ name: String, _ attributes: [(String, String)] = []) {
    indent()
    output += "<\(name)\(Self.attributes(attributes))>"
  }

  mutating func closeInline(_ name: String) {
    output += "</\(name)>\n"
  }

  mutating func inlineElement(_ name: String, _ text: String) {
    output += "<\(name)>\(Self.escapeText(text))</\(name)>"
  }

  mutating func text(_ text: String) {
    output += Self.escapeText(text)
  }

  static func escapeText(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\r": out += "&#13;"
      default:
        if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  static func escapeAttribute(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\t": out += "&#9;"
      case "\r": out += "&#13;"
      default:
        if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }

  /// XML 1.0 Char production: characters outside it are dropped.
  static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
    default: false
    }
  }
}

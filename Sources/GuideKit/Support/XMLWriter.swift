import GuideKitXML

/// Writes well-formed, indented XML; text and attribute values are always escaped.
///
/// A writer either writes text (`output`, for `--format xml` and fingerprints) or builds the same
/// document with libxml2's tree API (`document`, for the stylesheets): the same calls give a
/// tree equal to what parsing `output` would give, white space between elements included, so
/// no document is written only to be parsed again.
struct XMLWriter {
  private(set) var output = ""
  private var depth = 0
  private let builder: XMLTreeBuilder?

  /// A writer of text (`output`), or with `tree`, a builder of a tree (`document(fileName:)`)
  /// that writes no text.
  init(tree: Bool = false) {
    builder = tree ? XMLTreeBuilder() : nil
  }

  /// The built tree (a tree-building writer's), named `fileName`.
  /// - Throws: `GuideKitError.xml` when there is none (a text writer, or libxml2 out of memory).
  func document(fileName: String) throws(GuideKitError) -> XMLDocument {
    guard let document = builder?.finish(fileName: fileName) else {
      throw .xml(.internalFailure("cannot build \(fileName)"))
    }
    return document
  }

  mutating func declaration() {
    guard builder == nil else { return }
    output += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  }

  /// Character data between tags: indentation, line ends and text, written as given (`raw`,
  /// escaped) or added to the tree (`text`, as parsing `raw` would give it).
  private mutating func characters(_ raw: String, _ text: String) {
    if let builder { builder.text(text) } else { output += raw }
  }

  private mutating func indent() {
    let spaces = String(repeating: "  ", count: depth)
    characters(spaces, spaces)
  }

  private mutating func newline() { characters("\n", "\n") }

  private mutating func startTag(_ name: String, _ attributes: [(String, String)], empty: Bool = false) {
    if let builder {
      builder.start(name, attributes: attributes.map { ($0.0, Self.allowedOnly($0.1)) })
      if empty { builder.end() }
    } else {
      output += "<\(name)\(attributes.map { " \($0.0)=\"\(Self.escapeAttribute($0.1))\"" }.joined())"
      output += empty ? "/>" : ">"
    }
  }

  private mutating func endTag(_ name: String) {
    if let builder { builder.end() } else { output += "</\(name)>" }
  }

  private mutating func content(_ text: String) {
    // Only what the mode needs: the escaped text for a string, the checked text for a tree.
    if let builder { builder.text(Self.allowedOnly(text)) } else { output += Self.escapeText(text) }
  }

  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    indent()
    startTag(name, attributes)
    newline()
    depth += 1
  }

  mutating func close(_ name: String) {
    depth -= 1
    indent()
    endTag(name)
    newline()
  }

  mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
    indent()
    startTag(name, attributes, empty: true)
    newline()
  }

  mutating func element(_ name: String, _ text: String, _ attributes: [(String, String)] = []) {
    indent()
    startTag(name, attributes)
    content(text)
    endTag(name)
    newline()
  }

  /// Mixed content: an element whose children stay on one line.
  mutating func openInline(_ name: String, _ attributes: [(String, String)] = []) {
    indent()
    startTag(name, attributes)
  }

  mutating func closeInline(_ name: String) {
    endTag(name)
    newline()
  }

  mutating func inlineElement(_ name: String, _ text: String) {
    startTag(name, [])
    content(text)
    endTag(name)
  }

  mutating func text(_ text: String) {
    content(text)
  }

  /// The text without the characters XML cannot hold (what `escapeText` drops).
  static func allowedOnly(_ s: String) -> String {
    // Nearly every text is allowed whole: checked by bytes first (no byte below 0x20 but tab, LF
    // and CR; no U+FFFE/U+FFFF, which are EF BF BE/BF; surrogates cannot occur in a String).
    var clean = true
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in s.utf8 {
      if (byte < 0x20 && byte != 0x9 && byte != 0xA && byte != 0xD)
        || (previous == (0xEF, 0xBF) && (byte == 0xBE || byte == 0xBF))
      {
        clean = false
        break
      }
      previous = (previous.1, byte)
    }
    if clean { return s }
    var out = ""
    out.unicodeScalars.append(contentsOf: s.unicodeScalars.filter(isAllowed))
    return out
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

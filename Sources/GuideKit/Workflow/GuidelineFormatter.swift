import GuideKitXML

/// The canonical layout of a guideline file (`guidekit fmt`), so that a git diff of a guideline
/// shows only real changes.
///
/// - XML declaration `<?xml version="1.0" encoding="UTF-8"?>`, two-space indentation.
/// - Attributes in a fixed order: namespace declarations, `xml:lang`, `id`, `version`,
///   `supersedes`, `issued`, `effective`, `status`, `planned`, `num`, `level`, `audience`, `source`, `provision`,
///   `pin`, `type`, `into`, then the others alphabetically.
/// - An element that holds only elements (and comments or processing instructions) puts each
///   child on a line of its own. Mixed-content elements (`p`, `note`, `item`, `title`, `ref`,
///   `em`, `term`, `issuer`, `contact`, `removed`, `fn`, `caption`, `cell`), and any element holding non-blank text, are
///   written inline exactly as their content is: their text is never re-wrapped or trimmed.
/// - Comments and processing instructions stay at their place; text is escaped minimally.
///
/// The layout is a pure function of the tree, so `format(parse(format(x))) == format(x)`.
public enum GuidelineFormatter {
  /// The attribute order; names not listed follow, alphabetically.
  public static let attributeOrder = [
    "xml:lang", "id", "version", "supersedes", "issued", "effective", "status", "planned", "num", "level",
    "audience", "source", "provision", "pin", "type", "into",
  ]

  /// Elements whose content is text with inline markup, written exactly as they are.
  public static let mixedContent: Set<String> = [
    "p", "note", "item", "title", "ref", "em", "term", "issuer", "contact", "removed", "fn",
    "caption", "cell",
  ]

  /// True when the tree is a document in the guideline vocabulary (the only kind `fmt` touches).
  public static func isGuideline(_ tree: XMLTree) -> Bool {
    tree.root.name == "guideline" && tree.root.namespaceURI == GuidelineReader.namespace
  }

  /// The canonical text of a document (UTF-8, ends with a newline).
  public static func format(_ tree: XMLTree) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    for node in tree.prolog {
      writeMisc(node, into: &out)
      out += "\n"
    }
    writeBlock(tree.root, depth: 0, into: &out)
    for node in tree.epilog {
      writeMisc(node, into: &out)
      out += "\n"
    }
    return out
  }

  // MARK: - Elements

  private static func isMixed(_ element: XMLElement) -> Bool {
    if mixedContent.contains(element.name) { return true }
    return element.children.contains { node in
      if case .text(let text) = node { return !isBlank(text) }
      return false
    }
  }

  private static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
  }

  /// Writes an element starting at the indentation of `depth`, ending with a newline.
  private static func writeBlock(_ element: XMLElement, depth: Int, into out: inout String) {
    let indent = String(repeating: "  ", count: depth)
    out += indent
    if isMixed(element) {
      writeInline(element, into: &out)
      out += "\n"
      return
    }
    let children = element.children.filter { node in
      if case .text = node { return false }
      return true
    }
    if children.isEmpty {
      out += startTag(element, empty: true) + "\n"
      return
    }
    out += (depth == 0 ? rootStartTag(element) : startTag(element, empty: false)) + "\n"
    for child in children {
      switch child {
      case .element(let e):
        // A blank line before each chapter sets the chapters apart.
        if depth == 0 && e.name == "chapter" { out += "\n" }
        writeBlock(e, depth: depth + 1, into: &out)
      case .comment, .processingInstruction:
        out += indent + "  "
        writeMisc(child, into: &out)
        out += "\n"
      case .text:
        break
      }
    }
    out += indent + "</\(qualifiedName(element))>\n"
  }

  /// Writes an element and its content exactly, on the current line.
  private static func writeInline(_ element: XMLElement, into out: inout String) {
    if element.children.isEmpty {
      out += startTag(element, empty: true)
      return
    }
    out += startTag(element, empty: false)
    for child in element.children {
      switch child {
      case .text(let text): out += escapeText(text)
      case .element(let e): writeInline(e, into: &out)
      case .comment, .processingInstruction: writeMisc(child, into: &out)
      }
    }
    out += "</\(qualifiedName(element))>"
  }

  private static func writeMisc(_ node: XMLNode, into out: inout String) {
    switch node {
    case .comment(let text):
      out += "<!--\(text)-->"
    case .processingInstruction(let target, let data):
      out += data.isEmpty ? "<?\(target)?>" : "<?\(target) \(data)?>"
    case .text(let text):
      out += escapeText(text)
    case .element(let e):
      writeInline(e, into: &out)
    }
  }

  private static func qualifiedName(_ element: XMLElement) -> String {
    element.prefix.map { "\($0):\(element.name)" } ?? element.name
  }

  private static func startTag(_ element: XMLElement, empty: Bool) -> String {
    var tag = "<" + qualifiedName(element)
    for (name, value) in orderedAttributes(element) {
      tag += " \(name)=\"\(escapeAttribute(value))\""
    }
    return tag + (empty ? "/>" : ">")
  }

  /// The root's start tag on up to four lines, attributes aligned under the first: namespaces and
  /// `xml:lang`; `id`, `version`, `supersedes`; `issued`, `effective`, `status`, `planned`; the others.
  private static func rootStartTag(_ element: XMLElement) -> String {
    let name = "<" + qualifiedName(element)
    let attributes = orderedAttributes(element)
    func group(_ name: String) -> Int {
      switch name {
      case "id", "version", "supersedes": 1
      case "issued", "effective", "status", "planned": 2
      case "xml:lang": 0
      default: name == "xmlns" || name.hasPrefix("xmlns:") ? 0 : 3
      }
    }
    var lines: [[String]] = [[], [], [], []]
    for (key, value) in attributes {
      lines[group(key)].append("\(key)=\"\(escapeAttribute(value))\"")
    }
    let filled = lines.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
    guard !filled.isEmpty else { return name + ">" }
    let pad = String(repeating: " ", count: name.count + 1)
    return name + " " + filled.joined(separator: "\n" + pad) + ">"
  }

  /// Namespace declarations (default first), then attributes in `attributeOrder`, then the rest
  /// alphabetically by qualified name.
  static func orderedAttributes(_ element: XMLElement) -> [(String, String)] {
    let declarations = element.namespaceDeclarations.sorted { a, b in
      switch (a.prefix, b.prefix) {
      case (nil, _): return b.prefix != nil
      case (_, nil): return false
      case (let p?, let q?): return p < q
      }
    }.map { declaration in
      (declaration.prefix.map { "xmlns:\($0)" } ?? "xmlns", declaration.uri)
    }
    let attributes = element.attributes.map { attribute in
      (attribute.prefix.map { "\($0):\(attribute.name)" } ?? attribute.name, attribute.value)
    }
    let rank = Dictionary(uniqueKeysWithValues: attributeOrder.enumerated().map { ($1, $0) })
    let sorted = attributes.sorted { a, b in
      switch (rank[a.0], rank[b.0]) {
      case (let x?, let y?): return x < y
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a.0 < b.0
      }
    }
    return declarations + sorted
  }

  // MARK: - Escaping

  /// Text as XML character data: `&`, `<`, `>` and CR escaped (parsed input holds only XML
  /// characters, so `XMLWriter`'s escaping keeps every character).
  static func escapeText(_ s: String) -> String { XMLWriter.escapeText(s) }

  /// As `escapeText`, plus `"`, and tab and newline as character references (attribute value
  /// normalisation would turn them into spaces).
  static func escapeAttribute(_ s: String) -> String { XMLWriter.escapeAttribute(s) }
}

@preconcurrency import CLibXML2
import FoundationEssentials

/// Limits applied while reading an input document.
public struct XMLParseLimits: Sendable, Hashable {
  /// The largest input accepted, in bytes (default 50 MB).
  public var maxBytes: Int
  public init(maxBytes: Int = 50 * 1024 * 1024) {
    self.maxBytes = maxBytes
  }
}

/// A parsed libxml2 document. One owner of the C tree: `deinit` frees it.
///
/// Parsing applies guidekit's security defaults: no network, no DTD loading, no entity
/// substitution, no XInclude, libxml2's default size and depth limits. A document that declares
/// entities or an external DTD is refused, since its text could not be read faithfully without
/// expanding them. Use `tree()` to get an immutable Swift copy and let the document go.
public final class XMLDocument {
  let pointer: xmlDocPtr
  /// The file name given at parse time (used in diagnostics).
  public let fileName: String
  /// Warnings libxml2 raised while parsing a document that is still well-formed.
  public let warnings: [XMLDiagnostic]

  init(pointer: xmlDocPtr, fileName: String, warnings: [XMLDiagnostic]) {
    self.pointer = pointer
    self.fileName = fileName
    self.warnings = warnings
  }

  deinit {
    xmlFreeDoc(pointer)
  }

  static let parseOptions: Int32 = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_COMPACT.rawValue)

  /// Parses a file.
  /// - Parameters:
  ///   - path: the file to read; it is named in diagnostics as given.
  ///   - limits: size limit in bytes.
  /// - Throws: `XMLError.unreadable` for a missing file, a folder or an I/O failure,
  ///   `XMLError.tooLarge`, or `XMLError.malformed` with every diagnostic libxml2 raised.
  public static func parse(file path: String, limits: XMLParseLimits = .init()) throws(XMLError)
    -> XMLDocument
  {
    // The parser reads the file in chunks through its descriptor: no copy of the whole file is
    // held, and what was checked (a regular file, its size) is what is read.
    XMLLibrary.ensureInitialized()
    let input = try InputFile(path: path, limits: limits)
    defer { input.close() }
    let reader = Unmanaged.passUnretained(input).toOpaque()
    let baseURL = absoluteURLString(path)
    return try parse(fileName: path, inputError: input.error) { context in
      xmlCtxtReadIO(context, inputFileRead, nil, reader, baseURL, nil, parseOptions)
    }
  }

  /// Parses bytes held in memory.
  /// - Parameters:
  ///   - data: the document's bytes; the encoding comes from the BOM or the XML declaration.
  ///   - fileName: the name used in diagnostics.
  ///   - baseURL: the document's URL for relative references (defaults to `fileName`).
  /// - Throws: `XMLError.tooLarge` or `XMLError.malformed`.
  public static func parse(
    data: Data, fileName: String, baseURL: String? = nil, limits: XMLParseLimits = .init()
  ) throws(XMLError) -> XMLDocument {
    XMLLibrary.ensureInitialized()
    if data.count > limits.maxBytes {
      throw .tooLarge(file: fileName, size: data.count, limit: limits.maxBytes)
    }
    if data.isEmpty { throw emptyFile(fileName) }
    // Handed to the parser in chunks, as a file is: libxml2 given the whole buffer at once
    // refuses a document past 10 MB ("Huge input lookup") unless its limits are lifted.
    let input = MemoryInput(data)
    let reader = Unmanaged.passUnretained(input).toOpaque()
    return try parse(fileName: fileName, inputError: { nil }) { context in
      withExtendedLifetime(input) {
        xmlCtxtReadIO(context, memoryInputRead, nil, reader, baseURL ?? fileName, nil, parseOptions)
      }
    }
  }

  static func emptyFile(_ fileName: String) -> XMLError {
    .malformed([XMLDiagnostic(file: fileName, line: 0, severity: .error, message: "the file is empty")])
  }

  /// The checks every parse shares, around `read`, which parses with the prepared context.
  /// - Parameter inputError: what went wrong reading the input, if anything (it comes before
  ///   the parser's own complaints about the input it did not get).
  static func parse(
    fileName: String, inputError: () -> XMLError?,
    read: (xmlParserCtxtPtr) -> xmlDocPtr?
  ) throws(XMLError) -> XMLDocument {
    let collector = DiagnosticCollector(file: fileName)
    let result: xmlDocPtr? = collector.capturing {
      guard let context = xmlNewParserCtxt() else { return nil }
      defer { xmlFreeParserCtxt(context) }
      context.pointee._private = inputParserMarker
      return read(context)
    }
    if let error = inputError() {
      if let result { xmlFreeDoc(result) }
      throw error
    }
    guard let document = result, !collector.hasErrors else {
      if let result { xmlFreeDoc(result) }
      var diagnostics = collector.diagnostics
      if diagnostics.isEmpty {
        diagnostics.append(
          XMLDiagnostic(file: fileName, line: 0, severity: .error, message: "not an XML document"))
      }
      throw .malformed(diagnostics)
    }
    if let refusal = refusedDoctype(document, fileName: fileName) {
      xmlFreeDoc(document)
      throw .malformed([refusal])
    }
    if xmlDocGetRootElement(document) == nil {
      xmlFreeDoc(document)
      throw .malformed([
        XMLDiagnostic(file: fileName, line: 0, severity: .error, message: "no root element")
      ])
    }
    return XMLDocument(pointer: document, fileName: fileName, warnings: collector.diagnostics)
  }

  /// The absolute, standardised path of `path`: the base URL a parsed file's relative references
  /// (and the XSLT read policy) resolve against.
  static func absoluteURLString(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// The root element's local name and namespace URI, without converting the tree.
  public var rootName: (name: String, namespaceURI: String?) {
    guard let root = xmlDocGetRootElement(pointer) else { return ("", nil) }
    return (
      root.pointee.name.map { String(cString: $0) } ?? "",
      root.pointee.ns?.pointee.href.map { String(cString: $0) }
    )
  }

  // MARK: - Conversion

  /// The root element and its subtree as immutable Swift values.
  /// - Complexity: O(n) in the number of nodes.
  public func rootElement() -> XMLElement {
    guard let root = xmlDocGetRootElement(pointer), let element = Self.convert(root) else {
      return XMLElement(name: "")
    }
    return element
  }

  /// The whole document as Swift values: prolog nodes, root, epilog nodes.
  public func tree() -> XMLTree {
    var prolog: [XMLNode] = []
    var epilog: [XMLNode] = []
    var root: XMLElement?
    var node = pointer.pointee.children
    while let current = node {
      if current.pointee.type == XML_ELEMENT_NODE {
        root = Self.convert(current)
      } else if let converted = Self.convertNode(current) {
        if root == nil { prolog.append(converted) } else { epilog.append(converted) }
      }
      node = current.pointee.next
    }
    let encoding = pointer.pointee.encoding.map { String(cString: $0) }
    return XMLTree(
      root: root ?? XMLElement(name: ""), prolog: prolog, epilog: epilog, encoding: encoding)
  }

  static func convertNode(_ node: xmlNodePtr) -> XMLNode? {
    switch node.pointee.type {
    case XML_ELEMENT_NODE:
      return convert(node).map(XMLNode.element)
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      return .text(node.pointee.content.map { String(cString: $0) } ?? "")
    case XML_COMMENT_NODE:
      return .comment(node.pointee.content.map { String(cString: $0) } ?? "")
    case XML_PI_NODE:
      return .processingInstruction(
        target: node.pointee.name.map { String(cString: $0) } ?? "",
        data: node.pointee.content.map { String(cString: $0) } ?? "")
    default:
      return nil
    }
  }

  static func convert(_ node: xmlNodePtr) -> XMLElement? {
    guard node.pointee.type == XML_ELEMENT_NODE else { return nil }
    let name = node.pointee.name.map { String(cString: $0) } ?? ""
    let ns = node.pointee.ns
    var element = XMLElement(
      name: name,
      namespaceURI: ns?.pointee.href.map { String(cString: $0) },
      prefix: ns?.pointee.prefix.map { String(cString: $0) },
      line: lineNumber(node))
    var attribute = node.pointee.properties
    while let current = attribute {
      let attrNS = current.pointee.ns
      element.attributes.append(
        XMLAttribute(
          name: current.pointee.name.map { String(cString: $0) } ?? "",
          namespaceURI: attrNS?.pointee.href.map { String(cString: $0) },
          prefix: attrNS?.pointee.prefix.map { String(cString: $0) },
          value: attributeValue(current)))
      attribute = current.pointee.next
    }
    var declaration = node.pointee.nsDef
    while let current = declaration {
      element.namespaceDeclarations.append(
        XMLElement.NamespaceDeclaration(
          prefix: current.pointee.prefix.map { String(cString: $0) },
          uri: current.pointee.href.map { String(cString: $0) } ?? ""))
      declaration = current.pointee.next
    }
    var child = node.pointee.children
    while let current = child {
      if let converted = convertNode(current) {
        // Adjacent text and CDATA nodes read as one text.
        if case .text(let text) = converted, case .text(let previous)? = element.children.last {
          element.children[element.children.count - 1] = .text(previous + text)
        } else {
          element.children.append(converted)
        }
      }
      child = current.pointee.next
    }
    return element
  }

  /// The element's line. libxml2 stores lines up to 65,534 in the node; beyond that
  /// `xmlGetLineNo` walks back over every previous sibling, which is quadratic in a large
  /// document. The text node before an element (its indentation) carries the real line
  /// directly (XML_PARSE_BIG_LINES), so it is used when there is one.
  static func lineNumber(_ node: xmlNodePtr) -> Int {
    let stored = Int(node.pointee.line)
    if stored < 65535 { return stored }
    if let previous = node.pointee.prev, previous.pointee.type == XML_TEXT_NODE {
      return Int(xmlGetLineNo(previous))
    }
    return Int(xmlGetLineNo(node))
  }

  static func attributeValue(_ attribute: xmlAttrPtr) -> String {
    guard let children = attribute.pointee.children else { return "" }
    if children.pointee.next == nil, children.pointee.type == XML_TEXT_NODE,
      let content = children.pointee.content
    {
      return String(cString: content)
    }
    guard let value = xmlNodeListGetString(attribute.pointee.doc, children, 1) else { return "" }
    defer { gk_xml_free(value) }
    return String(cString: value)
  }

  // MARK: - XPath

  /// Evaluates an XPath 1.0 expression and returns the matched elements as Swift values.
  /// - Parameters:
  ///   - expression: the XPath expression.
  ///   - namespaces: prefix → namespace URI bindings usable in the expression.
  /// - Throws: `XMLError.xpath` when the expression does not compile or evaluate.
  public func select(_ expression: String, namespaces: [String: String] = [:]) throws(XMLError)
    -> [XMLElement]
  {
    try evaluate(expression, namespaces: namespaces) { object in
      guard object.pointee.type == XPATH_NODESET, let set = object.pointee.nodesetval else {
        return []
      }
      var out: [XMLElement] = []
      for index in 0..<Int(set.pointee.nodeNr) {
        if let node = set.pointee.nodeTab[index], let element = Self.convert(node) {
          out.append(element)
        }
      }
      return out
    }
  }

  /// Evaluates an XPath 1.0 expression and returns its string value (`string(...)` semantics).
  public func string(_ expression: String, namespaces: [String: String] = [:]) throws(XMLError)
    -> String
  {
    try evaluate(expression, namespaces: namespaces) { object in
      guard let value = xmlXPathCastToString(object) else { return "" }
      defer { gk_xml_free(value) }
      return String(cString: value)
    }
  }

  /// Evaluates an XPath 1.0 expression and returns its number value (`number(...)` semantics).
  public func number(_ expression: String, namespaces: [String: String] = [:]) throws(XMLError)
    -> Double
  {
    try evaluate(expression, namespaces: namespaces) { object in xmlXPathCastToNumber(object) }
  }

  private func evaluate<T>(
    _ expression: String, namespaces: [String: String],
    _ body: (xmlXPathObjectPtr) -> T
  ) throws(XMLError) -> T {
    let collector = DiagnosticCollector(file: fileName)
    let result: Result<T, XMLError> = collector.capturing {
      guard let context = xmlXPathNewContext(pointer) else {
        return .failure(.internalFailure("cannot allocate an XPath context"))
      }
      defer { xmlXPathFreeContext(context) }
      for (prefix, uri) in namespaces {
        xmlXPathRegisterNs(context, prefix, uri)
      }
      guard let object = xmlXPathEvalExpression(expression, context) else {
        let message = collector.diagnostics.map(\.message).joined(separator: "; ")
        return .failure(.xpath(expression: expression, message: message.isEmpty ? "invalid" : message))
      }
      defer { xmlXPathFreeObject(object) }
      return .success(body(object))
    }
    return try result.get()
  }
}

/// A whole document as Swift values.
public struct XMLTree: Sendable, Hashable {
  public var root: XMLElement
  /// Comments and processing instructions before the root element.
  public var prolog: [XMLNode]
  /// Comments and processing instructions after the root element.
  public var epilog: [XMLNode]
  /// The encoding named in the XML declaration, if any.
  public var encoding: String?
}

/// Bytes in memory read by the parser in the chunks it asks for.
final class MemoryInput {
  private let data: Data
  private var offset = 0

  init(_ data: Data) { self.data = data }

  /// Copies up to `length` bytes into `buffer`: the count, 0 at the end.
  func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
    let count = min(length, data.count - offset)
    guard count > 0 else { return 0 }
    data.withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      UnsafeMutableRawPointer(buffer).copyMemory(from: base + offset, byteCount: count)
    }
    offset += count
    return Int32(count)
  }
}

/// libxml2's read callback over a `MemoryInput`.
let memoryInputRead: xmlInputReadCallback = { context, buffer, length in
  guard let context, let buffer else { return -1 }
  return Unmanaged<MemoryInput>.fromOpaque(context).takeUnretainedValue().read(into: buffer, length: Int(length))
}

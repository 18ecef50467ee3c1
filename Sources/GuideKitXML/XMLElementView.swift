import CLibXML2

/// What a reader needs of an element: names, attributes, line, child elements and text.
///
/// Both the Swift value `XMLElement` and the zero-copy `XMLElementView` conform, so a reader
/// written once against this protocol runs on either.
public protocol XMLElementReading {
  /// Local name, without prefix.
  var name: String { get }
  var namespaceURI: String? { get }
  /// 1-based line of the start tag.
  var line: Int { get }
  /// The value of the attribute `name` without namespace, or in `namespaceURI`.
  func attributeValue(_ name: String, namespace namespaceURI: String?) -> String?
  /// True when the element's namespace URI is `namespaceURI`.
  func isInNamespace(_ namespaceURI: String) -> Bool
  /// Calls `body` with each child element, in document order.
  func forEachElement(_ body: (Self) -> Void)
  /// Calls `body` with each child element and text (comments and processing instructions are
  /// skipped), in document order. Adjacent text may come in more than one piece.
  func forEachChild(_ body: (XMLContent<Self>) -> Void)
  /// The concatenated text of all descendant text nodes, in document order.
  var textContent: String { get }
  /// Calls `body` with the UTF-8 bytes of `textContent`, without building a String when the
  /// element holds a single text node.
  func withTextContentBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
}

/// A child of an element read through `XMLElementReading.forEachChild`.
public enum XMLContent<Element> {
  case element(Element)
  case text(String)
}

extension XMLElementReading {
  public subscript(attribute name: String, namespace namespaceURI: String? = nil) -> String? {
    attributeValue(name, namespace: namespaceURI)
  }

  /// True when the element's local name is `name` and, unless `namespaceURI` is nil, its
  /// namespace is `namespaceURI`.
  public func hasName(_ name: String, namespace namespaceURI: String?) -> Bool {
    self.name == name && (namespaceURI.map(isInNamespace) ?? true)
  }

  /// Child elements, in document order.
  public var elements: [Self] {
    var out: [Self] = []
    forEachElement { out.append($0) }
    return out
  }

  /// Child elements with the given local name (any namespace when `namespaceURI` is nil).
  public func elements(named name: String, namespace namespaceURI: String? = nil) -> [Self] {
    var out: [Self] = []
    forEachElement { if $0.hasName(name, namespace: namespaceURI) { out.append($0) } }
    return out
  }

  /// Every descendant element (not self), depth first, in document order.
  public func descendants(where predicate: (Self) -> Bool = { _ in true }) -> [Self] {
    var out: [Self] = []
    func collect(_ element: Self) {
      element.forEachElement { child in
        if predicate(child) { out.append(child) }
        collect(child)
      }
    }
    collect(self)
    return out
  }

  /// The first child element with the given local name.
  public func firstElement(named name: String, namespace namespaceURI: String? = nil) -> Self? {
    var found: Self?
    forEachElement { if found == nil, $0.hasName(name, namespace: namespaceURI) { found = $0 } }
    return found
  }
}

extension XMLElement: XMLElementReading {
  public func attributeValue(_ name: String, namespace namespaceURI: String?) -> String? {
    attributes.first { $0.name == name && $0.namespaceURI == namespaceURI }?.value
  }

  public func isInNamespace(_ namespaceURI: String) -> Bool { self.namespaceURI == namespaceURI }

  public func forEachElement(_ body: (XMLElement) -> Void) {
    for case .element(let e) in children { body(e) }
  }

  public func forEachChild(_ body: (XMLContent<XMLElement>) -> Void) {
    for child in children {
      switch child {
      case .element(let e): body(.element(e))
      case .text(let t): body(.text(t))
      case .comment, .processingInstruction: break
      }
    }
  }

  public func withTextContentBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var text = textContent
    return text.withUTF8(body)
  }
}

/// An element of a parsed document read in place: names, attributes and text are copied out of
/// libxml2's tree only when asked for, and no Swift tree is built.
///
/// A view is valid only inside `XMLDocument.withRootElement` or a stream handler's call, while
/// its node is alive; it must not be stored beyond that call. It carries a libxml2 pointer, so it
/// is `package`: no client of the library can hold one. Reading a large document through views
/// instead of converting it to `XMLElement` values saves most of the allocation of a read.
package struct XMLElementView: XMLElementReading {
  let node: xmlNodePtr
  /// The start tag's line when the node cannot tell it (past line 65,534, its text neighbour
  /// already freed by a streaming parse); nil to read it from the node.
  let knownLine: Int?

  init(node: xmlNodePtr, line: Int? = nil) {
    self.node = node
    self.knownLine = line
  }

  package var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

  package var namespaceURI: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

  package var line: Int { knownLine ?? XMLDocument.lineNumber(node) }

  package func attributeValue(_ name: String, namespace namespaceURI: String?) -> String? {
    var attribute = node.pointee.properties
    while let current = attribute {
      if Self.equal(current.pointee.name, name) {
        let href = current.pointee.ns?.pointee.href
        let matches =
          if let namespaceURI { href.map { Self.equal($0, namespaceURI) } ?? false } else { href == nil }
        if matches { return XMLDocument.attributeValue(current) }
      }
      attribute = current.pointee.next
    }
    return nil
  }

  package func isInNamespace(_ namespaceURI: String) -> Bool {
    guard let href = node.pointee.ns?.pointee.href else { return false }
    return Self.equal(href, namespaceURI)
  }

  package func hasName(_ name: String, namespace namespaceURI: String?) -> Bool {
    Self.equal(node.pointee.name, name) && (namespaceURI.map(isInNamespace) ?? true)
  }

  package func forEachElement(_ body: (XMLElementView) -> Void) {
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_ELEMENT_NODE { body(XMLElementView(node: current)) }
      child = current.pointee.next
    }
  }

  package func forEachChild(_ body: (XMLContent<XMLElementView>) -> Void) {
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        body(.element(XMLElementView(node: current)))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        body(.text(current.pointee.content.map { String(cString: $0) } ?? ""))
      default:
        break
      }
      child = current.pointee.next
    }
  }

  package var textContent: String {
    var bytes: [UInt8] = []
    Self.appendText(of: node, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  package func withTextContentBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    // A p without inline markup holds one text node: its bytes are used in place.
    if let only = node.pointee.children, only.pointee.next == nil,
      only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE
    {
      guard let content = only.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
      return body(UnsafeBufferPointer(start: content, count: strlen(content)))
    }
    var bytes: [UInt8] = []
    Self.appendText(of: node, to: &bytes)
    return bytes.withUnsafeBufferPointer(body)
  }

  /// The element as a Swift value (its whole subtree converted).
  package func converted() -> XMLElement {
    var element = XMLDocument.convert(node) ?? XMLElement(name: "")
    if let knownLine { element.line = knownLine }
    return element
  }

  private static func appendText(of node: xmlNodePtr, to bytes: inout [UInt8]) {
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content {
          bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
        }
      case XML_ELEMENT_NODE:
        appendText(of: current, to: &bytes)
      default:
        break
      }
      child = current.pointee.next
    }
  }

  /// Byte equality of a NUL-terminated libxml2 string and a Swift string.
  private static func equal(_ c: UnsafePointer<xmlChar>?, _ string: String) -> Bool {
    guard let c else { return false }
    var string = string
    return string.withUTF8 { utf8 in
      for index in 0..<utf8.count where c[index] != utf8[index] { return false }
      return c[utf8.count] == 0
    }
  }
}

extension XMLDocument {
  /// Calls `body` with a view of the root element; the view must not escape the call.
  /// - Returns: nil when the document has no root element.
  package func withRootElement<R, E: Error>(_ body: (XMLElementView) throws(E) -> R) throws(E) -> R? {
    guard let root = xmlDocGetRootElement(pointer) else { return nil }
    return try withExtendedLifetime(self) { () throws(E) -> R in try body(XMLElementView(node: root)) }
  }
}

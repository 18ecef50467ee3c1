/// A node of an XML document as an immutable Swift value; no C pointer survives in it.
public enum XMLNode: Sendable, Hashable {
  case element(XMLElement)
  case text(String)
  case comment(String)
  case processingInstruction(target: String, data: String)

  public var element: XMLElement? {
    if case .element(let e) = self { return e }
    return nil
  }
}

/// An attribute of an element.
public struct XMLAttribute: Sendable, Hashable {
  public var name: String
  /// Namespace URI, nil for an unprefixed attribute.
  public var namespaceURI: String?
  /// Prefix as written, nil when none (kept so that a formatter can write the document back).
  public var prefix: String?
  public var value: String

  public init(name: String, namespaceURI: String? = nil, prefix: String? = nil, value: String) {
    self.name = name
    self.namespaceURI = namespaceURI
    self.prefix = prefix
    self.value = value
  }
}

/// An element and its subtree, as an immutable Swift value.
public struct XMLElement: Sendable, Hashable {
  /// Local name, without prefix.
  public var name: String
  public var namespaceURI: String?
  public var prefix: String?
  public var attributes: [XMLAttribute]
  /// Namespace declarations made on this element: (prefix or nil for the default, URI).
  public var namespaceDeclarations: [NamespaceDeclaration]
  public var children: [XMLNode]
  /// 1-based line of the start tag in the source document.
  public var line: Int

  public struct NamespaceDeclaration: Sendable, Hashable {
    public var prefix: String?
    public var uri: String
    public init(prefix: String?, uri: String) {
      self.prefix = prefix
      self.uri = uri
    }
  }

  public init(
    name: String, namespaceURI: String? = nil, prefix: String? = nil,
    attributes: [XMLAttribute] = [], namespaceDeclarations: [NamespaceDeclaration] = [],
    children: [XMLNode] = [], line: Int = 0
  ) {
    self.name = name
    self.namespaceURI = namespaceURI
    self.prefix = prefix
    self.attributes = attributes
    self.namespaceDeclarations = namespaceDeclarations
    self.children = children
    self.line = line
  }

  /// The concatenated text of all descendant text nodes, in document order.
  public var textContent: String {
    var out = ""
    appendText(to: &out)
    return out
  }

  func appendText(to out: inout String) {
    for child in children {
      switch child {
      case .text(let t): out += t
      case .element(let e): e.appendText(to: &out)
      case .comment, .processingInstruction: break
      }
    }
  }
}

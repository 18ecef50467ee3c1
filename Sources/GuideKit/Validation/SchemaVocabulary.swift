import GuideKitXML

/// What a W3C XML Schema allows, element by element: the child elements and attributes each
/// declared element may have, read from the schema's own declarations (`xs:element ref`,
/// `xs:group ref`, `xs:attribute`, `xs:attributeGroup ref`, named types and extensions).
/// Used to explain libxml2's schema messages (`SchemaMessages`).
public struct SchemaVocabulary: Sendable {
  /// Child element names by element name, in declaration order.
  public var children: [String: [String]]
  /// Attribute names by element name, in declaration order.
  public var attributes: [String: [String]]
  /// Every declared element name.
  public var elements: Set<String> { Set(children.keys) }

  /// Reads the declarations of the schema at `path`.
  /// - Throws: `XMLError` when the schema cannot be parsed.
  public init(schemaPath path: String) throws(XMLError) {
    let document = try XMLDocument.parse(file: path)
    self.init(schema: document.tree().root)
  }

  init(schema root: XMLElement) {
    let xs = "http://www.w3.org/2001/XMLSchema"
    func named(_ kind: String) -> [String: XMLElement] {
      var out: [String: XMLElement] = [:]
      for element in root.elements(named: kind, namespace: xs) {
        if let name = element[attribute: "name"] { out[name] = element }
      }
      return out
    }
    let groups = named("group")
    let attributeGroups = named("attributeGroup")
    let types = named("complexType")
    func local(_ qualified: String) -> String { String(qualified.split(separator: ":").last ?? "") }

    // Walks a declaration's content, following group, attribute group, type and base references.
    func collect(_ element: XMLElement, _ out: inout (children: [String], attributes: [String]), depth: Int) {
      guard depth < 32 else { return }
      for child in element.elements where child.namespaceURI == xs {
        switch child.name {
        case "annotation": continue
        case "element":
          if let ref = child[attribute: "ref"] ?? child[attribute: "name"], !out.children.contains(local(ref)) {
            out.children.append(local(ref))
          }
        case "attribute":
          if let name = child[attribute: "name"] ?? child[attribute: "ref"], !out.attributes.contains(local(name)) {
            out.attributes.append(local(name))
          }
        case "group":
          if let ref = child[attribute: "ref"], let group = groups[local(ref)] {
            collect(group, &out, depth: depth + 1)
          }
        case "attributeGroup":
          if let ref = child[attribute: "ref"], let group = attributeGroups[local(ref)] {
            collect(group, &out, depth: depth + 1)
          }
        case "extension", "restriction":
          if let base = child[attribute: "base"], let type = types[local(base)] {
            collect(type, &out, depth: depth + 1)
          }
          collect(child, &out, depth: depth + 1)
        default:
          collect(child, &out, depth: depth + 1)
        }
      }
    }

    var children: [String: [String]] = [:]
    var attributes: [String: [String]] = [:]
    for element in root.elements(named: "element", namespace: xs) {
      guard let name = element[attribute: "name"] else { continue }
      var out: (children: [String], attributes: [String]) = ([], [])
      if let type = element[attribute: "type"], let declared = types[local(type)] {
        collect(declared, &out, depth: 0)
      }
      collect(element, &out, depth: 0)
      children[name] = out.children
      attributes[name] = out.attributes
    }
    self.children = children
    self.attributes = attributes
  }

  /// The vocabulary of the bundled guideline schema, read once.
  static let guideline: SchemaVocabulary? = BundledSchema.resourcePath("schemas/guideline.xsd").flatMap {
    try? SchemaVocabulary(schemaPath: $0)
  }
}

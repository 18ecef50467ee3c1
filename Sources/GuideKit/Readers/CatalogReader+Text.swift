import GuideKitXML

/// The params visible at one level of a catalog (catalog, group, control), chained to the
/// enclosing level's.
final class ParamScope<Element: XMLElementReading> {
  private let parent: ParamScope?
  private let params: [String: Element]

  /// - Parameters:
  ///   - parent: the enclosing scope.
  ///   - params: the params declared at this level, by id.
  init(parent: ParamScope?, params: [String: Element]) {
    self.parent = parent
    self.params = params
  }

  /// The param with `id`, from this level outwards.
  func param(_ id: String) -> Element? {
    var scope: ParamScope? = self
    while let current = scope {
      if let param = current.params[id] { return param }
      scope = current.parent
    }
    return nil
  }
}

/// Text of OSCAL markup (`p`, `li`, `title`, `choice` …) with params rendered.
enum CatalogText {
  /// How deep a param's choices may insert further params before rendering stops.
  static let maxParamDepth = 8

  /// The text of `element`, inline markup flattened, `insert type="param"` rendered (see
  /// `CatalogReader`), whitespace normalised.
  /// - Complexity: O(n) in the size of the subtree, plus the params it inserts.
  static func text<Element: XMLElementReading>(of element: Element, scope: ParamScope<Element>) -> String {
    var raw = ""
    append(element, scope: scope, depth: 0, to: &raw)
    return ReaderText.normalize(raw)
  }

  private static func append<Element: XMLElementReading>(
    _ element: Element, scope: ParamScope<Element>, depth: Int, to out: inout String
  ) {
    element.forEachChild { child in
      switch child {
      case .text(let text):
        out += text
      case .element(let e) where e.name == "insert":
        if e[attribute: "type"] == "param", let id = e[attribute: "id-ref"] {
          out += renderParam(id, scope: scope, depth: depth)
        }
      case .element(let e):
        append(e, scope: scope, depth: depth, to: &out)
      }
    }
  }

  /// `[Assignment: label]`, `[Selection (one or more): a; b]`, or `[id]`.
  static func renderParam<Element: XMLElementReading>(_ id: String, scope: ParamScope<Element>, depth: Int) -> String {
    guard depth < maxParamDepth, let param = scope.param(id) else { return "[\(id)]" }
    let ns = CatalogReader.namespace
    if let select = param.firstElement(named: "select", namespace: ns) {
      let choices = select.elements(named: "choice", namespace: ns).map { choice in
        var raw = ""
        append(choice, scope: scope, depth: depth + 1, to: &raw)
        return ReaderText.normalize(raw)
      }
      let head = select[attribute: "how-many"] == "one-or-more" ? "Selection (one or more)" : "Selection"
      return "[\(head): \(choices.joined(separator: "; "))]"
    }
    if let label = param.firstElement(named: "label", namespace: ns) {
      var raw = ""
      append(label, scope: scope, depth: depth + 1, to: &raw)
      return "[Assignment: \(ReaderText.normalize(raw))]"
    }
    let values = param.elements(named: "value", namespace: ns).map { CatalogReader.flatten($0) }
    if !values.isEmpty { return "[\(values.joined(separator: ", "))]" }
    return "[\(id)]"
  }
}

import GuideKitXML

/// Reads an OSCAL catalog (XML, namespace `http://csrc.nist.gov/ns/oscal/1.0`) into a
/// `ClauseTree`.
///
/// - Groups become `.group` units (id = the group's id, num = its `label` prop, title), and
///   controls `.control` units (id = the control id such as `ac-17`, num = its `label` prop such
///   as `AC-17`, title). Enhancements (`ac-17.2`) are child `.control` units of their control.
/// - A control's blocks are, in document order: its `statement` part (paragraphs, and one `.item`
///   block per labelled `item` part, labelled `a.`, `1.` …), its `overview` parts (paragraphs),
///   and its `guidance` part (`.note` blocks). Assessment parts (`objective`, `assessment`, …)
///   are not read.
/// - Parameters (`<insert type="param" id-ref=…/>`) are rendered as NIST SP 800-53 prints them:
///   `[Assignment: organization-defined frequency]` for a param with a label,
///   `[Selection (one or more): a; b]` for a param with a `select` (choices rendered in turn), and
///   `[<param id>]` for a param that has neither or is not declared. Params are looked up in the
///   control, its enclosing controls and groups, and the catalog.
/// - `properties["status"]` is the `status` prop in lower case (`withdrawn`; rev4 writes
///   `Withdrawn`).
/// - `links` are the `incorporated-into`, `moved-to`, `related` and `required` links to other
///   controls (`href="#sc-8"` → target `sc-8`), made by the control or by the parts read.
///
/// Info: id = the source id and version = the revision when the file lives at
/// `<source-id>/<revision>.xml` with a revision-like name (`rev4`, `rev5.0.1`, `v2`, `1.1`);
/// otherwise id = "" and version = `metadata/version`.
public enum CatalogReader {
  public static let namespace = "http://csrc.nist.gov/ns/oscal/1.0"

  /// Reads a `<catalog>` element.
  /// - Parameters:
  ///   - root: the `<catalog>` element.
  ///   - file: the file name, from which the source id and revision are taken (see above).
  /// - Complexity: O(n) in the size of the document.
  public static func read<Element: XMLElementReading>(_ root: Element, file: String) -> ClauseTree {
    let metadata = root.firstElement(named: "metadata", namespace: namespace)
    let location = RegistryLocation(path: file)
    let info = DocumentInfo(
      kind: .catalog,
      id: location?.sourceID ?? "",
      version: location?.revision
        ?? metadata?.firstElement(named: "version", namespace: namespace).map { flatten($0) } ?? "",
      title: metadata?.firstElement(named: "title", namespace: namespace).map { flatten($0) } ?? "",
      file: file,
      line: root.line)
    var params: [String: Element] = [:]
    var members: [Element] = []
    for child in root.elements where child.isInNamespace(namespace) {
      switch child.name {
      case "param": addParam(child, to: &params)
      case "group", "control": members.append(child)
      default: break
      }
    }
    let scope = ParamScope<Element>(parent: nil, params: params)
    var groupCounter = 0
    let units = members.map { member($0, scope: scope, groupCounter: &groupCounter) }
    return ClauseTree(info: info, units: units)
  }

  /// A `<group>` or `<control>` with its nested groups and controls, read in one pass over its
  /// children.
  /// - Parameter groupCounter: groups met so far, to name a group that has no id (`group-2`).
  private static func member<Element: XMLElementReading>(
    _ element: Element, scope parentScope: ParamScope<Element>, groupCounter: inout Int
  ) -> Unit {
    let isGroup = element.name == "group"
    if isGroup { groupCounter += 1 }
    let ordinal = groupCounter
    var title: String?
    var num: String?
    var params: [String: Element] = [:]
    var properties: [String: String] = [:]
    var links: [UnitLink] = []
    var parts: [Element] = []
    var members: [Element] = []
    for child in element.elements where child.isInNamespace(namespace) {
      switch child.name {
      case "title" where title == nil:
        title = flatten(child)
      case "param":
        addParam(child, to: &params)
      case "prop" where child[attribute: "ns"] == nil:
        switch child[attribute: "name"] {
        case "label" where num == nil:
          num = child[attribute: "value"]
        case "status" where !isGroup:
          if let value = child[attribute: "value"] { properties["status"] = value.lowercased() }
        default:
          break
        }
      case "link":
        appendLink(child, to: &links)
      case "part":
        parts.append(child)
      case "group", "control":
        members.append(child)
      default:
        break
      }
    }
    let scope = params.isEmpty ? parentScope : ParamScope(parent: parentScope, params: params)
    var blocks: [Block] = []
    for part in parts {
      appendTopPart(part, scope: scope, blocks: &blocks, links: &links)
    }
    let children = members.map { member($0, scope: scope, groupCounter: &groupCounter) }
    let id: String
    if isGroup {
      id = element[attribute: "id"].flatMap { $0.isEmpty ? nil : $0 } ?? "group-\(ordinal)"
    } else {
      id = element[attribute: "id"] ?? ""
    }
    return Unit(
      kind: isGroup ? .group : .control,
      id: id,
      num: num,
      title: title,
      blocks: blocks,
      children: children,
      line: element.line,
      properties: properties,
      links: links)
  }

  private static func addParam<Element: XMLElementReading>(_ param: Element, to params: inout [String: Element]) {
    if let id = param[attribute: "id"], params[id] == nil { params[id] = param }
  }

  /// A part directly inside a control or group: statement, overview and guidance are read.
  private static func appendTopPart<Element: XMLElementReading>(
    _ part: Element, scope: ParamScope<Element>, blocks: inout [Block], links: inout [UnitLink]
  ) {
    switch part[attribute: "name"] {
    case "statement":
      appendProse(of: part, kind: .paragraph, labelledKind: .item, scope: scope, blocks: &blocks, links: &links)
    case "overview":
      appendProse(of: part, kind: .paragraph, labelledKind: .paragraph, scope: scope, blocks: &blocks, links: &links)
    case "guidance":
      appendProse(of: part, kind: .note, labelledKind: .note, scope: scope, blocks: &blocks, links: &links)
    default:
      break
    }
  }

  /// The prose of a part and of its sub-parts, depth first. The part's label (its `label` prop)
  /// goes on its first block, which is then of `labelledKind`.
  private static func appendProse<Element: XMLElementReading>(
    of part: Element, kind: Block.Kind, labelledKind: Block.Kind, scope: ParamScope<Element>,
    blocks: inout [Block], links: inout [UnitLink]
  ) {
    var pendingLabel = label(of: part)
    func add(_ text: String, line: Int, listLabel: String? = nil) {
      guard !text.isEmpty else { return }
      if let label = pendingLabel {
        blocks.append(Block(kind: labelledKind, label: label, text: text, line: line))
        pendingLabel = nil
      } else if let listLabel {
        blocks.append(Block(kind: kind == .note ? .note : .item, label: listLabel, text: text, line: line))
      } else {
        blocks.append(Block(kind: kind, text: text, line: line))
      }
    }
    for child in part.elements where child.isInNamespace(namespace) {
      switch child.name {
      case "title":
        let text = CatalogText.text(of: child, scope: scope)
        if !text.isEmpty { blocks.append(Block(kind: .heading, text: text, line: child.line)) }
      case "p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote":
        add(CatalogText.text(of: child, scope: scope), line: child.line)
      case "ol", "ul":
        for (index, item) in listItems(child).enumerated() {
          add(
            CatalogText.text(of: item, scope: scope), line: item.line,
            listLabel: child.name == "ol" ? "\(index + 1)." : "・")
        }
      case "table":
        for row in child.descendants(where: { $0.name == "tr" }) {
          let cells = row.elements.map { CatalogText.text(of: $0, scope: scope) }
          add(cells.filter { !$0.isEmpty }.joined(separator: " | "), line: row.line)
        }
      case "link":
        appendLink(child, to: &links)
      case "part":
        if let label = pendingLabel {
          // A labelled part with no prose of its own still shows its label.
          blocks.append(Block(kind: labelledKind, label: label, text: "", line: part.line))
          pendingLabel = nil
        }
        appendProse(of: child, kind: kind, labelledKind: labelledKind, scope: scope, blocks: &blocks, links: &links)
      default:
        break
      }
    }
    if let label = pendingLabel {
      blocks.append(Block(kind: labelledKind, label: label, text: "", line: part.line))
    }
  }

  /// The `li` of a list; nested lists are part of their item's text.
  private static func listItems<Element: XMLElementReading>(_ list: Element) -> [Element] {
    list.elements.filter { $0.name == "li" }
  }

  /// The link kinds that name another control.
  static let controlLinkRelations: Set<String> = ["incorporated-into", "moved-to", "related", "required"]

  private static func appendLink<Element: XMLElementReading>(_ link: Element, to links: inout [UnitLink]) {
    guard let rel = link[attribute: "rel"], controlLinkRelations.contains(rel),
      let href = link[attribute: "href"], href.hasPrefix("#"), href.count > 1
    else { return }
    let unitLink = UnitLink(rel: rel, target: String(href.dropFirst()))
    if !links.contains(unitLink) { links.append(unitLink) }
  }

  /// The value of the element's `label` prop (without a prop namespace), if any.
  static func label<Element: XMLElementReading>(of element: Element) -> String? {
    for prop in element.elements
    where prop.hasName("prop", namespace: namespace) && prop[attribute: "name"] == "label"
      && prop[attribute: "ns"] == nil
    {
      return prop[attribute: "value"]
    }
    return nil
  }

  /// The element's text, markup flattened, whitespace normalised.
  static func flatten<Element: XMLElementReading>(_ element: Element) -> String {
    InlineText.flatten(element)
  }
}

/// Where a catalog file lives in a reference registry: `<source-id>/<revision>.xml`.
struct RegistryLocation: Hashable, Sendable {
  var sourceID: String
  var revision: String

  /// - Returns: nil unless the path has a parent folder and a revision-like base name
  ///   (`rev4`, `rev5.0.1`, `r5`, `v1.1`, `1.1`: an optional `rev`, `r` or `v`, then a digit).
  init?(path: String) {
    let components = path.split(separator: "/").map(String.init)
    guard components.count >= 2, let name = components.last, name.hasSuffix(".xml") else {
      return nil
    }
    let folder = components[components.count - 2]
    let stem = String(name.dropLast(4))
    let lowered = stem.lowercased()
    var rest = Substring(lowered)
    for prefix in ["rev", "r", "v"] where rest.hasPrefix(prefix) {
      rest = rest.dropFirst(prefix.count)
      break
    }
    rest = rest.drop(while: { $0 == "-" || $0 == "_" })
    guard let first = rest.first, first.isASCII, first.isNumber, !folder.isEmpty, folder != ".",
      folder != ".."
    else { return nil }
    self.sourceID = folder
    self.revision = stem
  }
}

import GuideKitXML

/// Reads the guideline vocabulary (`urn:guidekit:guideline:1`) into a `ClauseTree`.
///
/// Generic over the element type: `XMLElementView` reads a parsed document in place (the fast
/// path of `DocumentLoader` and `validate`), `XMLElement` reads Swift values.
public enum GuidelineReader {
  public static let namespace = "urn:guidekit:guideline:1"

  /// - Parameters:
  ///   - root: the `<guideline>` element.
  ///   - file: the file name, kept in the tree's info for diagnostics.
  public static func read<Element: XMLElementReading>(_ root: Element, file: String) -> ClauseTree {
    var title = ""
    var issuer: String?
    var contact: String?
    var summary: [String] = []
    var removals: [Removal] = []
    var units: [Unit] = []
    root.forEachElement { child in
      guard child.isInNamespace(namespace) else { return }
      switch child.name {
      case "title": title = InlineText.flatten(child)
      case "issuer": issuer = InlineText.flatten(child)
      case "contact": contact = InlineText.flatten(child)
      case "summary": summary = blocks(of: child).map(\.displayText)
      case "removals":
        child.forEachElement { removed in
          guard removed.hasName("removed", namespace: namespace) else { return }
          removals.append(
            Removal(
              id: removed[attribute: "id"] ?? "", into: removed[attribute: "into"],
              reason: InlineText.flatten(removed), line: removed.line))
        }
      default:
        if let unit = unit(child) { units.append(unit) }
      }
    }
    var info = DocumentInfo(
      kind: .guideline,
      id: root[attribute: "id"] ?? "",
      version: root[attribute: "version"] ?? "",
      title: title,
      issuer: issuer,
      contact: contact,
      supersedes: root[attribute: "supersedes"],
      issued: root[attribute: "issued"],
      effective: root[attribute: "effective"],
      language: root[attribute: "lang", namespace: xmlNamespace],
      summary: summary,
      file: file,
      line: root.line)
    info.removals = removals
    return ClauseTree(info: info, units: units)
  }

  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  /// A chapter, section or clause (`element` is known to be in the guideline namespace).
  private static func unit<Element: XMLElementReading>(_ element: Element) -> Unit? {
    let kind: UnitKind
    switch element.name {
    case "chapter": kind = .chapter
    case "section": kind = .section
    case "clause": kind = .clause
    default: return nil
    }
    var properties: [String: String] = [:]
    if let level = element[attribute: "level"] { properties["level"] = level }
    if let audience = element[attribute: "audience"] { properties["audience"] = audience }
    var title: String?
    var blocks: [Block] = []
    var children: [Unit] = []
    var references: [Reference] = []
    element.forEachElement { child in
      guard child.isInNamespace(namespace) else { return }
      let name = child.name
      if name == "title", title == nil { title = InlineText.flatten(child) }
      if let nested = unit(child) {
        children.append(nested)
        return
      }
      appendBlock(child, named: name, to: &blocks)
      collectReferences(child, named: name, into: &references)
    }
    return Unit(
      kind: kind,
      id: element[attribute: "id"] ?? "",
      num: element[attribute: "num"],
      title: title,
      blocks: blocks,
      children: children,
      references: references,
      line: element.line,
      properties: properties)
  }

  /// The p, list items and notes directly inside `element`.
  static func blocks<Element: XMLElementReading>(of element: Element) -> [Block] {
    var out: [Block] = []
    element.forEachElement { child in
      guard child.isInNamespace(namespace) else { return }
      appendBlock(child, named: child.name, to: &out)
    }
    return out
  }

  /// Appends the block(s) `child` makes when it is a p, a note or a list.
  private static func appendBlock<Element: XMLElementReading>(
    _ child: Element, named name: String, to out: inout [Block]
  ) {
    switch name {
    case "p":
      out.append(Block(kind: .paragraph, text: InlineText.flatten(child), line: child.line))
    case "note":
      out.append(Block(kind: .note, text: InlineText.flatten(child), line: child.line))
    case "list":
      let ordered = child[attribute: "type"] == "ordered"
      var index = 0
      child.forEachElement { item in
        guard item.hasName("item", namespace: namespace) else { return }
        index += 1
        let label = item[attribute: "num"] ?? (ordered ? "\(index)." : "・")
        out.append(Block(kind: .item, label: label, text: InlineText.flatten(item), line: item.line))
      }
    default:
      break
    }
  }

  /// Citations in `element` (a child of a unit, named `name`) and its descendants, not descending
  /// into nested units.
  private static func collectReferences<Element: XMLElementReading>(
    _ element: Element, named name: String, into out: inout [Reference]
  ) {
    switch name {
    case "ref":
      out.append(
        Reference(
          source: element[attribute: "source"] ?? "",
          provision: element[attribute: "provision"] ?? "",
          pin: element[attribute: "pin"],
          label: InlineText.flatten(element),
          line: element.line))
    case "chapter", "section", "clause":
      return
    default:
      element.forEachElement { child in
        guard child.isInNamespace(namespace) else { return }
        collectReferences(child, named: child.name, into: &out)
      }
    }
  }
}

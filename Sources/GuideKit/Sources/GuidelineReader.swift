import GuideKitXML

/// Reads the guideline vocabulary (`urn:guidekit:guideline:1`) into a `ClauseTree`.
public enum GuidelineReader {
  public static let namespace = "urn:guidekit:guideline:1"

  /// - Parameters:
  ///   - root: the `<guideline>` element.
  ///   - file: the file name, kept in the tree's info for diagnostics.
  public static func read(_ root: XMLElement, file: String) -> ClauseTree {
    let summary =
      root.firstElement(named: "summary", namespace: namespace).map { summary in
        blocks(of: summary).map(\.displayText)
      } ?? []
    let info = DocumentInfo(
      kind: .guideline,
      id: root[attribute: "id"] ?? "",
      version: root[attribute: "version"] ?? "",
      title: root.firstElement(named: "title", namespace: namespace).map(InlineText.flatten) ?? "",
      issuer: root.firstElement(named: "issuer", namespace: namespace).map(InlineText.flatten),
      contact: root.firstElement(named: "contact", namespace: namespace).map(InlineText.flatten),
      supersedes: root[attribute: "supersedes"],
      issued: root[attribute: "issued"],
      effective: root[attribute: "effective"],
      language: root[attribute: "lang", namespace: xmlNamespace],
      summary: summary,
      file: file,
      line: root.line)
    var withRemovals = info
    withRemovals.removals =
      root.firstElement(named: "removals", namespace: namespace)?.elements(
        named: "removed", namespace: namespace
      ).map { removed in
        Removal(
          id: removed[attribute: "id"] ?? "", into: removed[attribute: "into"],
          reason: InlineText.flatten(removed), line: removed.line)
      } ?? []
    let units = root.elements.compactMap(unit)
    return ClauseTree(info: withRemovals, units: units)
  }

  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  private static func unit(_ element: XMLElement) -> Unit? {
    guard element.namespaceURI == namespace else { return nil }
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
    return Unit(
      kind: kind,
      id: element[attribute: "id"] ?? "",
      num: element[attribute: "num"],
      title: element.firstElement(named: "title", namespace: namespace).map(InlineText.flatten),
      blocks: blocks(of: element),
      children: element.elements.compactMap(unit),
      references: references(in: element),
      line: element.line,
      properties: properties)
  }

  /// The p, list items and notes directly inside `element`.
  static func blocks(of element: XMLElement) -> [Block] {
    var out: [Block] = []
    for child in element.elements where child.namespaceURI == namespace {
      switch child.name {
      case "p":
        out.append(Block(kind: .paragraph, text: InlineText.flatten(child), line: child.line))
      case "note":
        out.append(Block(kind: .note, text: InlineText.flatten(child), line: child.line))
      case "list":
        let ordered = child[attribute: "type"] == "ordered"
        for (index, item) in child.elements(named: "item", namespace: namespace).enumerated() {
          let label = item[attribute: "num"] ?? (ordered ? "\(index + 1)." : "・")
          out.append(
            Block(kind: .item, label: label, text: InlineText.flatten(item), line: item.line))
        }
      default:
        break
      }
    }
    return out
  }

  /// Citations in the unit's own title and blocks (not in nested units).
  private static func references(in element: XMLElement) -> [Reference] {
    var out: [Reference] = []
    func collect(_ e: XMLElement) {
      for child in e.elements where child.namespaceURI == namespace {
        switch child.name {
        case "ref":
          out.append(
            Reference(
              source: child[attribute: "source"] ?? "",
              provision: child[attribute: "provision"] ?? "",
              pin: child[attribute: "pin"],
              label: InlineText.flatten(child),
              line: child.line))
        case "chapter", "section", "clause":
          continue
        default:
          collect(child)
        }
      }
    }
    collect(element)
    return out
  }
}

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
    var edition = EditionBuilder(root: root, file: file)
    root.forEachElement { edition.add($0) }
    return edition.tree()
  }

  /// An edition being read: the root's attributes first, then its children one by one (by
  /// `read` from a parsed tree, or by `GuidelineStreamReader` while parsing).
  struct EditionBuilder {
    private var info: DocumentInfo
    private var units: [Unit] = []

    init<Element: XMLElementReading>(root: Element, file: String) {
      info = DocumentInfo(
        kind: .guideline,
        id: root[attribute: "id"] ?? "",
        version: root[attribute: "version"] ?? "",
        title: "",
        issuer: nil,
        contact: nil,
        supersedes: root[attribute: "supersedes"],
        issued: root[attribute: "issued"],
        effective: root[attribute: "effective"],
        language: root[attribute: "lang", namespace: xmlNamespace],
        summary: [],
        file: file,
        line: root.line)
      info.status = root[attribute: "status"]
      info.planned = root[attribute: "planned"]
    }

    /// A child of `<guideline>`, complete.
    mutating func add<Element: XMLElementReading>(_ child: Element) {
      guard child.isInNamespace(namespace) else { return }
      switch child.name {
      case "title": info.title = InlineText.flatten(child)
      case "issuer": info.issuer = InlineText.flatten(child)
      case "contact": info.contact = InlineText.flatten(child)
      case "summary":
        info.summary = blocks(of: child).map(\.displayText)
        info.summaryLine = child.line
      case "removals":
        info.removalsLine = child.line
        child.forEachElement { removed in
          guard removed.hasName("removed", namespace: namespace) else { return }
          info.removals.append(
            Removal(
              id: removed[attribute: "id"] ?? "", into: removed[attribute: "into"],
              reason: InlineText.flatten(removed), line: removed.line))
        }
      default:
        if let unit = unit(child) { add(unit) }
      }
    }

    /// A chapter, section or clause directly under `<guideline>`.
    mutating func add(_ unit: Unit) { units.append(unit) }

    /// The edition, its cross-references labelled.
    func tree() -> ClauseTree {
      var tree = ClauseTree(info: info, units: units)
      CrossReferences.resolve(&tree)
      GuidelineReader.hashFigures(&tree)
      return tree
    }
  }

  static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

  /// Gives each figure a line naming its image and the image's SHA-256, so that the diff reports
  /// a replaced image; an image that cannot be used (`FigureFiles.resolve`) reads as such.
  static func hashFigures(_ tree: inout ClauseTree) {
    let file = tree.info.file
    func walk(_ units: inout [Unit]) {
      for index in units.indices {
        if units[index].kind == .figure {
          let src = units[index].properties["src"] ?? ""
          let hash = FigureFiles.hash(src, edition: file)
          units[index].properties["sha256"] = hash
          let terms = Terms.shared
          let state = hash.map { "sha256:" + $0 } ?? terms["figure.unreadable"]
          units[index].blocks.append(
            Block(kind: .paragraph, label: terms["figure.image"], text: "\(src)（\(state)）", line: units[index].line))
        }
        if !units[index].children.isEmpty { walk(&units[index].children) }
      }
    }
    walk(&tree.units)
  }

  /// A chapter, section or clause (`element` is known to be in the guideline namespace).
  static func unit<Element: XMLElementReading>(_ element: Element) -> Unit? {
    guard var builder = UnitBuilder(element) else { return nil }
    element.forEachElement { builder.add($0) }
    return builder.unit()
  }

  /// A chapter, section or clause being read: its attributes first, then its children.
  struct UnitBuilder {
    private var value: Unit

    /// Nil unless `element` is a chapter, section, clause or appendix.
    init?<Element: XMLElementReading>(_ element: Element) {
      let kind: UnitKind
      switch element.name {
      case "chapter": kind = .chapter
      case "section": kind = .section
      case "clause": kind = .clause
      case "appendix": kind = .appendix
      default: return nil
      }
      var properties: [String: String] = [:]
      if kind == .appendix, let appendixKind = element[attribute: "kind"] { properties["kind"] = appendixKind }
      if let level = element[attribute: "level"] { properties["level"] = level }
      if let audience = element[attribute: "audience"] { properties["audience"] = audience }
      value = Unit(
        kind: kind, id: element[attribute: "id"] ?? "", num: element[attribute: "num"], title: nil, blocks: [],
        children: [], references: [], line: element.line, properties: properties)
    }

    /// A child element, complete: the title, a block of text, citations, or a nested unit.
    mutating func add<Element: XMLElementReading>(_ child: Element) {
      guard child.isInNamespace(namespace) else { return }
      let name = child.name
      if name == "title", value.title == nil { value.title = InlineText.flatten(child) }
      if name == "figure" {
        value.children.append(figure(child))
        return
      }
      if name == "table" {
        value.children.append(TableReader.unit(child))
        collectReferences(child, named: name, into: &value.references)
        CrossReferences.collect(child, into: &value.crossReferences)
        return
      }
      if let nested = GuidelineReader.unit(child) {
        value.children.append(nested)
        return
      }
      appendBlock(child, named: name, to: &value.blocks)
      collectReferences(child, named: name, into: &value.references)
      CrossReferences.collect(child, into: &value.crossReferences)
    }

    /// A figure: its caption the title, its alt text a block; the image's hash is added once the
    /// edition's file is known (`EditionBuilder.tree`).
    private func figure<Element: XMLElementReading>(_ element: Element) -> Unit {
      var caption: String?
      element.forEachElement { child in
        if child.hasName("caption", namespace: namespace) { caption = InlineText.flatten(child) }
      }
      let alt = element[attribute: "alt"] ?? ""
      return Unit(
        kind: .figure, id: element[attribute: "id"] ?? "", num: element[attribute: "num"], title: caption,
        blocks: [Block(kind: .paragraph, label: Terms.shared["figure.alt"], text: alt, line: element.line)],
        line: element.line, properties: ["src": element[attribute: "src"] ?? "", "alt": alt])
    }

    /// A nested unit read on its own (streaming).
    mutating func add(_ nested: Unit) { value.children.append(nested) }

    func unit() -> Unit { value }
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
      out.append(textBlock(.paragraph, child))
    case "note":
      out.append(textBlock(.note, child))
    case "list":
      let ordered = child[attribute: "type"] == "ordered"
      var index = 0
      child.forEachElement { item in
        guard item.hasName("item", namespace: namespace) else { return }
        index += 1
        let label = item[attribute: "num"] ?? (ordered ? "\(index)." : "・")
        out.append(textBlock(.item, item, label: label))
      }
    default:
      break
    }
  }

  /// A block of `element`'s text, footnotes in place as ［注：…］; one holding a cross-reference
  /// keeps its template, and its text is labelled once the edition is read.
  static func textBlock<Element: XMLElementReading>(
    _ kind: Block.Kind, _ element: Element, label: String? = nil
  ) -> Block {
    guard CrossReferences.contains(element) else {
      return Block(kind: kind, label: label, text: InlineText.flatten(element), line: element.line)
    }
    let template = CrossReferences.flatten(element)
    var block = Block(kind: kind, label: label, text: template, line: element.line)
    if template.contains("\u{E000}") { block.template = template }
    return block
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
    case "chapter", "section", "clause", "appendix":
      return
    default:
      element.forEachElement { child in
        guard child.isInNamespace(namespace) else { return }
        collectReferences(child, named: child.name, into: &out)
      }
    }
  }
}

/// Reads a guideline while it is parsed: chapters and sections are descended into, every other
/// child (a clause with what it holds, a title, a paragraph) is read whole and freed, so a
/// parse never holds more than one clause of the document. Gives what `GuidelineReader.read`
/// gives on the parsed tree (tested on every bundled edition and in the load fuzzer).
final class GuidelineStreamReader {
  private var edition: GuidelineReader.EditionBuilder?
  /// The chapters and sections open, outermost first.
  private var open: [GuidelineReader.UnitBuilder] = []

  init() {}

  func start(_ element: XMLElementView, file: String) -> XMLStreamChoice {
    guard edition != nil else {
      edition = GuidelineReader.EditionBuilder(root: element, file: file)
      return .descend
    }
    if element.isInNamespace(GuidelineReader.namespace), element.name == "chapter" || element.name == "section",
      let builder = GuidelineReader.UnitBuilder(element)
    {
      open.append(builder)
      return .descend
    }
    return .whole
  }

  func element(_ element: XMLElementView) {
    if open.isEmpty {
      edition?.add(element)
    } else {
      open[open.count - 1].add(element)
    }
  }

  func end() {
    guard let closed = open.popLast() else { return }
    if open.isEmpty {
      edition?.add(closed.unit())
    } else {
      open[open.count - 1].add(closed.unit())
    }
  }

  func tree() -> ClauseTree? { edition?.tree() }
}

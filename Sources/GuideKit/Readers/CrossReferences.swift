import GuideKitXML

/// Internal cross-references (`<xref target="ID"/>`): read as tokens, then given the target's
/// current label once the whole edition is known, so that renumbering never leaves one stale.
///
/// A label is the target's number as a reader cites it: a number that stands alone (`2-1`, `4`,
/// `第2章`) as it is, one read after its parent's (`(3)`, `ア`) after the label of the nearest
/// numbered chapter or section — `2-1(3)`, `4(3)ア`; a unit without a number is named by its
/// title. Guideline stylesheets make the same label (xref.xsl).
public enum CrossReferences {
  static let namespace = GuidelineReader.namespace

  /// The token standing for a cross-reference in `Block.template` (private-use delimiters).
  static func token(_ target: String) -> String { "\u{E000}\(target)\u{E001}" }

  /// The text of a cross-reference whose target is not in the edition.
  static func missing(_ target: String) -> String {
    "〔\(Terms.shared["xref.missing"])：\(target)〕"
  }

  /// True when `element` holds an `<xref>` or an `<fn>` (at any depth).
  static func contains<Element: XMLElementReading>(_ element: Element) -> Bool {
    var found = false
    element.forEachElement { child in
      guard !found else { return }
      found = ((child.name == "xref" || child.name == "fn") && child.isInNamespace(namespace)) || contains(child)
    }
    return found
  }

  /// `InlineText.flatten`, with each `<xref>` as its token and each footnote (`<fn>`) in place as
  /// ［注：…］, unnumbered, so that a note added before another never changes the other's text.
  static func flatten<Element: XMLElementReading>(_ element: Element) -> String {
    var raw = ""
    func walk(_ element: Element) {
      element.forEachChild { content in
        switch content {
        case .text(let text): raw += text
        case .element(let child):
          if child.name == "xref", child.isInNamespace(namespace) {
            raw += token(child[attribute: "target"] ?? "")
          } else if child.name == "fn", child.isInNamespace(namespace) {
            raw += "［\(Terms.shared["fn.label"])："
            walk(child)
            raw += "］"
          } else {
            walk(child)
          }
        }
      }
    }
    walk(element)
    return ReaderText.normalize(raw)
  }

  /// The `<xref>` elements in `element` and its descendants (not inside nested units).
  static func collect<Element: XMLElementReading>(_ element: Element, into out: inout [CrossReference]) {
    guard element.isInNamespace(namespace) else { return }
    switch element.name {
    case "xref": out.append(CrossReference(target: element[attribute: "target"] ?? "", line: element.line))
    case "chapter", "section", "clause", "appendix": return
    default: element.forEachElement { collect($0, into: &out) }
    }
  }

  /// The label of every chapter, section and clause of `tree`, by id.
  public static func labels(_ tree: ClauseTree) -> [String: String] {
    var out: [String: String] = [:]
    func walk(_ units: [Unit], prefix: String) {
      for unit in units {
        let own = unit.num.flatMap { $0.isEmpty ? nil : $0 }
        // A table's number (表1) stands alone wherever the table is.
        let full = own.map { isAbsolute($0) || unit.kind == .table || unit.kind == .figure ? $0 : prefix + $0 }
        if out[unit.id] == nil {
          out[unit.id] = full ?? unit.title.flatMap { $0.isEmpty ? nil : $0 } ?? unit.id
        }
        walk(unit.children, prefix: full ?? prefix)
      }
    }
    walk(tree.units, prefix: "")
    return out
  }

  /// True for a number that stands alone (`2-1`, `4`, `第2章`); false for one read after its
  /// parent's (`(3)`, `ア`, `①`).
  static func isAbsolute(_ num: String) -> Bool {
    guard let first = num.unicodeScalars.first else { return false }
    return ("0"..."9").contains(first) || ("０"..."９").contains(first) || first == "第"
  }

  /// `template` with each token replaced by its target's label.
  static func render(_ template: String, labels: [String: String]) -> String {
    var out = ""
    var rest = template[...]
    while let start = rest.firstIndex(of: "\u{E000}") {
      out += rest[..<start]
      let afterStart = rest.index(after: start)
      guard let end = rest[afterStart...].firstIndex(of: "\u{E001}") else {
        rest = rest[afterStart...]
        continue
      }
      let target = String(rest[afterStart..<end])
      out += labels[target] ?? missing(target)
      rest = rest[rest.index(after: end)...]
    }
    out += rest
    return out
  }

  /// Gives every cross-reference of `tree` (blocks and summary) its text from `labels` (default:
  /// the tree's own).
  static func resolve(_ tree: inout ClauseTree, labels given: [String: String]? = nil) {
    guard hasCrossReferences(tree) || tree.info.summary.contains(where: { $0.contains("\u{E000}") }) else { return }
    let labels = given ?? Self.labels(tree)
    func resolve(_ unit: inout Unit) {
      for index in unit.blocks.indices {
        if let template = unit.blocks[index].template {
          unit.blocks[index].text = render(template, labels: labels)
        }
      }
      for index in unit.children.indices { resolve(&unit.children[index]) }
    }
    for index in tree.units.indices { resolve(&tree.units[index]) }
    tree.info.summary = tree.info.summary.map { $0.contains("\u{E000}") ? render($0, labels: labels) : $0 }
  }

  /// True when a block of `tree` holds a cross-reference.
  static func hasCrossReferences(_ tree: ClauseTree) -> Bool {
    func any(_ units: [Unit]) -> Bool {
      units.contains { unit in unit.blocks.contains { $0.template != nil } || any(unit.children) }
    }
    return any(tree.units)
  }

  /// OLD with its cross-references labelled as in NEW wherever the target is in both, so that
  /// a reference whose text changed only because its target was renumbered is no change.
  public static func relabeled(_ old: ClauseTree, like new: ClauseTree) -> ClauseTree {
    guard hasCrossReferences(old) else { return old }
    var labels = Self.labels(old)
    for (id, label) in Self.labels(new) where labels[id] != nil { labels[id] = label }
    var copy = old
    resolve(&copy, labels: labels)
    return copy
  }
}

/// The display lines of a unit as the diff compares and shows them.
enum DiffText {
  /// Title first, then the unit's blocks, then its non-diff-unit children (law paragraphs and
  /// items), each child's first line prefixed with its number. Nested diff units (OSCAL
  /// enhancements) are left to their own entries; a law supplement keeps its articles.
  static func lines(of unit: Unit) -> [String] {
    var out: [String] = []
    if let title = unit.title, !title.isEmpty { out.append(title) }
    for block in unit.blocks { out.append(block.displayText) }
    for child in unit.children where unit.kind == .supplement || !child.kind.isDiffUnit {
      appendChild(child, to: &out)
    }
    return out
  }

  private static func appendChild(_ unit: Unit, to out: inout [String]) {
    var first = true
    let label = [unit.num, unit.title].compactMap { $0 }.filter { !$0.isEmpty }.joined(
      separator: "　")
    if unit.blocks.isEmpty, !label.isEmpty {
      out.append(label)
      first = false
    }
    for block in unit.blocks {
      if first && !label.isEmpty {
        out.append(label + "　" + block.displayText)
      } else {
        out.append(block.displayText)
      }
      first = false
    }
    for child in unit.children where !child.kind.isDiffUnit { appendChild(child, to: &out) }
  }

  static func snapshot(_ located: LocatedUnit) -> UnitSnapshot {
    let unit = located.unit
    return UnitSnapshot(
      id: unit.id, num: unit.num, title: unit.title, path: located.path,
      ancestorIDs: located.ancestorIDs, lines: lines(of: unit), line: unit.line, kind: unit.kind,
      status: unit.properties["status"], links: unit.links,
      references: unit.references)
  }
}

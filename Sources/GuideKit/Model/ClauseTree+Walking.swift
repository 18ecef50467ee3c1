/// A unit found by walking a tree, with where it stands.
public struct LocatedUnit: Sendable, Hashable {
  public var unit: Unit
  /// Ancestors from the top, each as its number and title (`第2章 テレワークにおいて検討すべきこと`).
  public var path: [String]
  /// Ancestor ids from the top.
  public var ancestorIDs: [String]
  /// Position among all diff units of the document, in document order (0-based).
  public var order: Int
}

extension Unit {
  /// `num title`, or whichever of them exists, or the id.
  public var heading: String {
    let parts = [num, title].compactMap { $0 }.filter { !$0.isEmpty }
    return parts.isEmpty ? id : parts.joined(separator: " ")
  }
}

extension ClauseTree {
  /// Every unit, depth first in document order, with its path (supplements last).
  public func allUnits() -> [LocatedUnit] {
    var out: [LocatedUnit] = []
    var order = 0
    func walk(_ units: [Unit], path: [String], ids: [String]) {
      for unit in units {
        out.append(LocatedUnit(unit: unit, path: path, ancestorIDs: ids, order: order))
        if unit.kind.isDiffUnit { order += 1 }
        if !unit.children.isEmpty {
          walk(unit.children, path: path + [unit.heading], ids: ids + [unit.id])
        }
      }
    }
    walk(units, path: [], ids: [])
    walk(supplements, path: [], ids: [])
    return out
  }

  /// Calls `body` with every unit, depth first in document order (supplements last). Unlike
  /// `allUnits()` it builds no paths: the walk for checks that need the units only.
  public func forEachUnit(_ body: (Unit) -> Void) {
    func walk(_ units: [Unit]) {
      for unit in units {
        body(unit)
        walk(unit.children)
      }
    }
    walk(units)
    walk(supplements)
  }

  /// Calls `body` with every citation and the unit that makes it, in document order.
  public func forEachReference(_ body: (Reference, Unit) -> Void) {
    forEachUnit { unit in
      for reference in unit.references { body(reference, unit) }
    }
  }

  /// The ids of every unit.
  public func unitIDs() -> Set<String> {
    var ids = Set<String>()
    forEachUnit { ids.insert($0.id) }
    return ids
  }

  /// The tree without its blocks of text: units, numbers, titles, references and the edition's
  /// metadata. What `validate` keeps of each edition for the checks across editions.
  public func outline() -> ClauseTree {
    func strip(_ units: [Unit]) -> [Unit] {
      units.map { unit in
        var stripped = unit
        stripped.blocks = []
        stripped.children = strip(unit.children)
        return stripped
      }
    }
    var tree = self
    tree.units = strip(units)
    tree.supplements = strip(supplements)
    return tree
  }

  /// The units a diff aligns (clauses, articles, controls), in document order.
  public func diffUnits() -> [LocatedUnit] {
    // `allUnits()` filtered, without a LocatedUnit (nor a path) for the paragraphs and items
    // inside the diff units.
    var out: [LocatedUnit] = []
    func walk(_ units: [Unit], path: [String], ids: [String]) {
      for unit in units {
        if unit.kind.isDiffUnit {
          out.append(LocatedUnit(unit: unit, path: path, ancestorIDs: ids, order: out.count))
        }
        if unit.children.contains(where: { $0.kind.isDiffUnit || !$0.children.isEmpty }) {
          walk(unit.children, path: path + [unit.heading], ids: ids + [unit.id])
        }
      }
    }
    walk(units, path: [], ids: [])
    walk(supplements, path: [], ids: [])
    return out
  }

  /// Every unit by id. Later duplicates do not replace earlier ones.
  public func unitsByID() -> [String: LocatedUnit] {
    var index: [String: LocatedUnit] = [:]
    for located in allUnits() where index[located.unit.id] == nil {
      index[located.unit.id] = located
    }
    return index
  }

  /// Every citation with the unit (innermost diff unit or container) that makes it.
  public func allReferences() -> [(reference: Reference, unit: LocatedUnit)] {
    allUnits().flatMap { located in located.unit.references.map { ($0, located) } }
  }
}

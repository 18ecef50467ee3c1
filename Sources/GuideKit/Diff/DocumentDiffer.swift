import Foundation
import Synchronization

/// Options of a document diff.
public struct DiffOptions: Sendable {
  public var text: TextDiffOptions
  /// Unmatched units at least this similar (0…1) are taken for one unit that changed id or number.
  public var similarityThreshold: Double

  public init(text: TextDiffOptions = .init(), similarityThreshold: Double = 0.5) {
    self.text = text
    self.similarityThreshold = similarityThreshold
  }
}

/// Compares two documents of one kind, unit by unit (DESIGN.md "diff").
///
/// Alignment first pairs units by id (guideline `id`, OSCAL control id); laws, which renumber
/// articles, are paired by text first: an article whose text stands unchanged under another
/// number is the same article, and only then are articles of the same number paired. Units still
/// unpaired are paired by text similarity, so that a unit whose id or number changed is
/// `renumbered`, `moved` or `modified`, never a removal plus an addition.
public enum DocumentDiffer {
  /// - Throws: `GuideKitError.mixedKinds` when the documents are of different kinds.
  /// - Complexity: O(*n*) to pair units by id or exact text, plus the inline diffs of changed
  ///   units; similarity matching of the leftovers uses an n-gram index, not all pairs.
  public static func diff(old: ClauseTree, new: ClauseTree, options: DiffOptions = .init())
    throws(GuideKitError) -> DocumentDiff
  {
    guard old.info.kind == new.info.kind else {
      throw .mixedKinds(old: old.info.kind, new: new.info.kind)
    }
    let kind = old.info.kind
    let oldUnits = units(of: old).map(DiffText.snapshot)
    let newUnits = units(of: new).map(DiffText.snapshot)
    var aligner = Aligner(old: oldUnits, new: newUnits, options: options)
    aligner.deliberatelyRemoved = Set(new.info.removals.map(\.id))
    aligner.align(textFirst: kind == .law)

    // Inline diffs of matched pairs, in parallel.
    let pairs: [(Int, Int)] = aligner.newToOld.enumerated().compactMap { n, o in o.map { ($0, n) } }
    let results = Mutex<[Int: (changed: Bool, diff: TextDiffResult?)]>([:])
    DispatchQueue.concurrentPerform(iterations: pairs.count) { index in
      let (o, n) = pairs[index]
      let a = oldUnits[o]
      let b = newUnits[n]
      let statusChanged = a.status != b.status || a.links != b.links
      let same = TextDiff.isEquivalent(a.text, b.text, options: options.text)
      let diff =
        same && !statusChanged ? nil : TextDiff.diff(old: a.text, new: b.text, options: options.text)
      results.withLock { $0[n] = (!same || statusChanged, diff) }
    }
    let inline = results.withLock { $0 }

    var changesByNew: [Int: UnitChangeEntry] = [:]
    for (o, n) in pairs {
      let a = oldUnits[o]
      let b = newUnits[n]
      let result = inline[n]
      let textChanged = result?.changed ?? false
      let movedPlace = kind != .law && a.ancestorIDs != b.ancestorIDs
      let changeKind: ChangeKind?
      if textChanged {
        changeKind = .modified
      } else if movedPlace {
        changeKind = .moved
      } else if a.id != b.id || a.num != b.num {
        changeKind = .renumbered
      } else {
        changeKind = nil
      }
      if let changeKind {
        changesByNew[n] = .change(
          UnitChange(
            kind: changeKind, old: a, new: b,
            segments: changeKind == .modified ? (result?.diff?.segments ?? []) : [],
            movedPlace: movedPlace, coarse: (result?.diff?.precision ?? .exact) != .exact))
      } else {
        changesByNew[n] = .unchanged(b)
      }
    }

    // Splits and merges among the unpaired units.
    let declaredMerges = Dictionary(
      new.info.removals.compactMap { r in r.into.map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a })
    let modifiedPairs = pairs.filter { inline[$0.1]?.changed ?? false }
    // Bigrams of the changed units, computed once for the split and merge searches.
    let oldGrams = modifiedPairs.map { Bigrams(oldUnits[$0.0].text) }
    let newGrams = modifiedPairs.map { Bigrams(newUnits[$0.1].text) }
    let splitCandidates = ContainerIndex(
      modifiedPairs.indices.map { (oldUnits[modifiedPairs[$0].0], oldGrams[$0], newGrams[$0]) })
    let mergeCandidates = ContainerIndex(
      modifiedPairs.indices.map { (newUnits[modifiedPairs[$0].1], newGrams[$0], oldGrams[$0]) })
    for n in 0..<newUnits.count where aligner.newToOld[n] == nil {
      var change = UnitChange(
        kind: .added, old: nil, new: newUnits[n], segments: [], movedPlace: false, coarse: false)
      change.splitFrom =
        splitCandidates.bestContainer(of: newUnits[n].text)?.id
      changesByNew[n] = .change(change)
    }
    var removed: [(key: Double, entry: UnitChangeEntry)] = []
    var lastMatchedNew = -1
    for o in 0..<oldUnits.count {
      if let n = aligner.oldToNew[o] {
        lastMatchedNew = n
        continue
      }
      var change = UnitChange(
        kind: .removed, old: oldUnits[o], new: nil, segments: [], movedPlace: false, coarse: false)
      change.mergedInto =
        declaredMerges[oldUnits[o].id]
        ?? mergeCandidates.bestContainer(of: oldUnits[o].text)?.id
      removed.append((Double(lastMatchedNew) + 0.5, .change(change)))
    }

    var ordered: [(key: Double, seq: Int, entry: UnitChangeEntry)] = []
    for n in 0..<newUnits.count {
      if let entry = changesByNew[n] { ordered.append((Double(n), 0, entry)) }
    }
    for (index, item) in removed.enumerated() {
      ordered.append((item.key, index + 1, item.entry))
    }
    ordered.sort { $0.key != $1.key ? $0.key < $1.key : $0.seq < $1.seq }
    return DocumentDiff(kind: kind, old: old.info, new: new.info, entries: ordered.map(\.entry))
  }

  /// The pairing of units without inline diffs: each paired OLD unit id → its NEW unit id.
  /// - Complexity: as the alignment step of ``diff(old:new:options:)``.
  public static func alignment(old: ClauseTree, new: ClauseTree, options: DiffOptions = .init())
    -> [String: String]
  {
    let oldUnits = units(of: old).map(DiffText.snapshot)
    let newUnits = units(of: new).map(DiffText.snapshot)
    var aligner = Aligner(old: oldUnits, new: newUnits, options: options)
    aligner.deliberatelyRemoved = Set(new.info.removals.map(\.id))
    aligner.align(textFirst: old.info.kind == .law)
    var out: [String: String] = [:]
    for (o, n) in aligner.oldToNew.enumerated() {
      if let n { out[oldUnits[o].id] = newUnits[n].id }
    }
    return out
  }

  /// The units a diff aligns: clauses, main-provision articles and supplements, controls.
  static func units(of tree: ClauseTree) -> [LocatedUnit] {
    tree.diffUnits().filter { located in
      !(located.unit.kind == .article && located.unit.id.hasPrefix("Suppl"))
    }
  }
}

import FoundationEssentials

/// Options of a document diff.
public struct DiffOptions: Sendable {
  public var text: TextDiffOptions
  /// Unmatched units at least this similar (0…1) are taken for one unit that changed id or number.
  public var similarityThreshold: Double
  /// The most work, in the edit-graph units of `TextDiffOptions.budget`, that the inline diffs of
  /// one document diff may take together (default 2,000,000,000: a few seconds on one core). It
  /// is shared out among the changed units in proportion to their length before any is diffed,
  /// so the result does not depend on timing; a unit whose exact diff needs more than its share
  /// gets the approximate diff (``TextDiffPrecision``), which costs time linear in its length.
  /// So a document diff costs O(`workBudget` + *n*) for *n* tokens, whatever the input.
  public var workBudget: Int

  public init(
    text: TextDiffOptions = .init(), similarityThreshold: Double = 0.5, workBudget: Int = 2_000_000_000
  ) {
    self.text = text
    self.similarityThreshold = similarityThreshold
    self.workBudget = workBudget
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
      throw .mixedKinds(old: old.info.kind, new: new.info.kind, oldFile: old.info.file, newFile: new.info.file)
    }
    let kind = old.info.kind
    // A cross-reference whose text changed only because its target was renumbered is no change.
    let old = kind == .guideline ? CrossReferences.relabeled(old, like: new) : old
    var aligner = aligned(old, new, options: options)
    let (oldUnits, newUnits) = (aligner.old, aligner.new)

    // Inline diffs of matched pairs, in parallel: first which pairs changed, then the diffs of
    // those, each with its share of the work budget.
    let pairs: [(Int, Int)] = aligner.newToOld.enumerated().compactMap { n, o in o.map { ($0, n) } }
    let same = Parallel.map(pairs.count, work: aligner.parallelWork) { index in
      let (o, n) = pairs[index]
      return TextDiff.isEquivalent(oldUnits[o].text, newUnits[n].text, options: options.text)
    }
    let toDiff = pairs.indices.filter { index in
      let (o, n) = pairs[index]
      return !same[index] || oldUnits[o].status != newUnits[n].status
        || oldUnits[o].links != newUnits[n].links
    }
    let weights = toDiff.map { oldUnits[pairs[$0].0].text.utf8.count + newUnits[pairs[$0].1].text.utf8.count }
    let budgets = Self.shares(of: options.workBudget, cap: options.text.budget, weights: weights)
    // Longest first, so that no long unit is left to one core at the end (the results do not
    // depend on the order: each unit's budget is fixed above).
    let order = toDiff.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
    let diffs = Parallel.map(toDiff.count, work: aligner.parallelWork) { next in
      let job = order[next]
      let (o, n) = pairs[toDiff[job]]
      var textOptions = options.text
      textOptions.budget = budgets[job]
      return (n, TextDiff.diff(old: oldUnits[o].text, new: newUnits[n].text, options: textOptions))
    }
    // The inline diff of every pair whose text changed, by its index in NEW.
    let inline = Dictionary(diffs, uniquingKeysWith: { first, _ in first })

    var changesByNew: [Int: UnitChangeEntry] = [:]
    changesByNew.reserveCapacity(newUnits.count)
    for (o, n) in pairs {
      let a = oldUnits[o]
      let b = newUnits[n]
      let result = inline[n]
      let textChanged = result != nil
      let movedPlace = kind != .law && a.ancestorIDs != b.ancestorIDs
      let references = ReferenceChange.changes(old: a.references, new: b.references)
      let changeKind: ChangeKind?
      if textChanged {
        changeKind = .modified
      } else if movedPlace {
        changeKind = .moved
      } else if a.id != b.id || a.num != b.num {
        changeKind = .renumbered
      } else if !references.isEmpty {
        changeKind = .citation
      } else {
        changeKind = nil
      }
      if let changeKind {
        var change = UnitChange(
          kind: changeKind, old: a, new: b,
          segments: changeKind == .modified ? (result?.segments ?? []) : [],
          movedPlace: movedPlace, coarse: (result?.precision ?? .exact) != .exact)
        change.references = references
        changesByNew[n] = .change(change)
      } else {
        changesByNew[n] = .unchanged(b)
      }
    }

    // Splits and merges among the unpaired units.
    let declaredMerges = Dictionary(
      new.info.removals.compactMap { r in r.into.map { (r.id, $0) } }, uniquingKeysWith: { a, _ in a })
    let modifiedPairs = pairs.filter { inline[$0.1] != nil }
    // Bigrams of the changed units, computed once for the split and merge searches.
    let addedCount = aligner.newToOld.count { $0 == nil }
    let removedCount = aligner.oldToNew.count { $0 == nil }
    let anyAdded = addedCount > 0
    let anyRemoved = removedCount > 0
    if anyAdded || anyRemoved {
      aligner.computeGrams(old: modifiedPairs.map(\.0), new: modifiedPairs.map(\.1))
    }
    let oldGrams = anyAdded || anyRemoved ? modifiedPairs.map { aligner.oldGrams($0.0) } : []
    let newGrams = anyAdded || anyRemoved ? modifiedPairs.map { aligner.newGrams($0.1) } : []
    let splitCandidates = ContainerIndex(
      !anyAdded ? [] : modifiedPairs.indices.map { (oldUnits[modifiedPairs[$0].0], oldGrams[$0], newGrams[$0]) },
      queries: addedCount)
    let mergeCandidates = ContainerIndex(
      !anyRemoved ? [] : modifiedPairs.indices.map { (newUnits[modifiedPairs[$0].1], newGrams[$0], oldGrams[$0]) },
      queries: removedCount)
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
    return DocumentDiff(
      kind: kind, old: old.info, new: new.info, entries: ordered.map(\.entry), oldHeadings: headings(of: old))
  }

  /// The containers of a tree (chapters, sections, law structure, control groups), and the
  /// clauses, appendices and tables that hold table rows: id → heading.
  static func headings(of tree: ClauseTree) -> [String: String] {
    var out: [String: String] = [:]
    func walk(_ units: [Unit]) {
      for unit in units where unit.kind.isContainer || holdsRows(unit) {
        if !unit.id.isEmpty, out[unit.id] == nil { out[unit.id] = unit.heading }
        walk(unit.children)
      }
    }
    func holdsRows(_ unit: Unit) -> Bool {
      unit.kind == .table || unit.children.contains { $0.kind == .table }
    }
    walk(tree.units)
    return out
  }

  /// `total` shared out in proportion to `weights`, each share at most `cap`; what the capped
  /// shares leave goes to the others, so a large budget gives every unit its full `cap`.
  static func shares(of total: Int, cap: Int, weights: [Int]) -> [Int] {
    var shares = [Int](repeating: 0, count: weights.count)
    var open = Array(weights.indices)
    var left = max(total, 0)
    // Each round caps the units whose proportional share reaches `cap`; at most one round per unit.
    while !open.isEmpty {
      let weight = open.reduce(0) { $0 + max(weights[$1], 1) }
      var capped: [Int] = []
      for index in open {
        let share = Double(left) * Double(max(weights[index], 1)) / Double(weight)
        if share >= Double(cap) { capped.append(index) }
      }
      if capped.isEmpty {
        for index in open {
          shares[index] = Int(Double(left) * Double(max(weights[index], 1)) / Double(weight))
        }
        break
      }
      for index in capped { shares[index] = cap }
      left -= cap * capped.count
      let cappedSet = Set(capped)
      open.removeAll { cappedSet.contains($0) }
    }
    return shares
  }

  /// The pairing of units without inline diffs: each paired OLD unit id → its NEW unit id.
  /// - Complexity: as the alignment step of ``diff(old:new:options:)``.
  public static func alignment(old: ClauseTree, new: ClauseTree, options: DiffOptions = .init())
    -> [String: String]
  {
    let aligner = aligned(old, new, options: options)
    var out: [String: String] = [:]
    for (o, n) in aligner.oldToNew.enumerated() {
      if let n { out[aligner.old[o].id] = aligner.new[n].id }
    }
    return out
  }

  /// The units of both documents as the diff compares them (each document on its own core unless
  /// the diff is small), paired.
  static func aligned(_ old: ClauseTree, _ new: ClauseTree, options: DiffOptions) -> Aligner {
    let work = parallelWork(textBytes: textBytes(of: old) + textBytes(of: new))
    let sides = Parallel.map(2, work: work) { side in units(of: side == 0 ? old : new).map(DiffText.snapshot) }
    var aligner = Aligner(old: sides[0], new: sides[1], options: options, parallelWork: work)
    aligner.deliberatelyRemoved = Set(new.info.removals.map(\.id))
    aligner.align(textFirst: old.info.kind == .law)
    return aligner
  }

  /// The bytes of the titles and block texts of every unit of a tree, counted without copying.
  static func textBytes(of tree: ClauseTree) -> Int {
    func bytes(_ unit: Unit) -> Int {
      let own = (unit.title?.utf8.count ?? 0) + unit.blocks.reduce(0) { $0 + $1.text.utf8.count }
      return unit.children.reduce(own) { $0 + bytes($1) }
    }
    return [tree.units, tree.supplements].joined().reduce(0) { $0 + bytes($1) }
  }

  /// A diff's work in the terms of ``Parallel/map(_:work:_:)`` (bytes of XML read), from the
  /// bytes of its units' text: about twice that (a 0.44 MB guideline pair holds 349 KiB of text,
  /// the 1.6 MB 労働安全衛生法 pair 687 KiB). Every step of one diff uses the same figure: once
  /// the worker threads run, waking them again costs little.
  static func parallelWork(textBytes: Int) -> Int { 2 * textBytes }

  /// The units a diff aligns: clauses, main-provision articles and supplements, controls.
  static func units(of tree: ClauseTree) -> [LocatedUnit] {
    tree.diffUnits().filter { located in
      !(located.unit.kind == .article && located.unit.id.hasPrefix("Suppl"))
    }
  }
}

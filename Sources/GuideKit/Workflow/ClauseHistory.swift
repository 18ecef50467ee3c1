import FoundationEssentials

/// One clause through every edition of a guideline (`guidekit history`): its number, its text and
/// what changed each time. Renamed clauses are followed through the diff of consecutive editions.
public struct ClauseHistory: Sendable {
  /// The clause in one edition.
  public struct Entry: Sendable {
    public var edition: DocumentInfo
    /// The clause in this edition; nil in the edition that removed it.
    public var snapshot: UnitSnapshot?
    public var change: Change
    /// The redline of the text since the edition before (`modified` only).
    public var segments: [TextSegment]
    /// The clause's id in the edition before, when it differs.
    public var oldID: String?
    /// The number in the edition before, when it differs.
    public var oldNum: String?
    /// For a removed clause: the clause it was merged into.
    public var mergedInto: String?
    /// The changes of the clause's citations since the edition before.
    public var references: [ReferenceChange] = []
  }

  /// What happened to the clause in an edition.
  public enum Change: String, Sendable, CaseIterable {
    /// The first edition.
    case first
    /// New in this edition.
    case added
    case unchanged
    case modified, moved, renumbered, citation
    /// Removed in this edition.
    case removed

    init(_ kind: ChangeKind) {
      switch kind {
      case .added: self = .added
      case .removed: self = .removed
      case .modified: self = .modified
      case .moved: self = .moved
      case .renumbered: self = .renumbered
      case .citation: self = .citation
      }
    }
  }

  public var guideline: String
  /// The clause id asked for.
  public var clause: String
  /// The editions where the clause exists (plus the one that removed it), oldest first.
  public var entries: [Entry]

  /// Follows `clause` through `editions`, drafts left out.
  /// - Parameters:
  ///   - editions: every edition of one guideline, in any order.
  ///   - clause: a clause id of any edition.
  /// - Returns: nil when no edition has the clause.
  public static func build(editions: [ClauseTree], clause: String, options: DiffOptions = .init())
    throws(GuideKitError) -> ClauseHistory?
  {
    let sorted = EditionInForce.sortedByVersion(editions.filter { !$0.info.isDraft })
    let snapshots = sorted.map { tree in
      Dictionary(tree.diffUnits().map { ($0.unit.id, DiffText.snapshot($0)) }, uniquingKeysWith: { a, _ in a })
    }
    guard let last = snapshots.lastIndex(where: { $0[clause] != nil }) else { return nil }
    var diffs: [DocumentDiff?] = [nil]
    for index in sorted.indices.dropFirst() {
      diffs.append(try DocumentDiffer.diff(old: sorted[index - 1], new: sorted[index], options: options))
    }

    // Backwards from the last edition that has the id.
    var backwards: [Entry] = []
    var current = clause
    var index = last
    while index >= 0, let snapshot = snapshots[index][current] {
      var entry = Entry(
        edition: sorted[index].info, snapshot: snapshot, change: .first, segments: [])
      var previous: String?
      if let diff = diffs[index] {
        switch diff.entries.first(where: { newID(of: $0) == current }) {
        case .unchanged?:
          entry.change = .unchanged
          previous = current
        case .change(let change)?:
          if let old = change.old {
            entry.change = Change(change.kind)
            entry.segments = change.kind == .modified ? change.segments : []
            entry.oldID = change.oldID
            entry.oldNum = change.numChanged ? old.num : nil
            entry.references = change.references
            previous = old.id
          } else {
            entry.change = .added
          }
        case nil:
          entry.change = .added
        }
      }
      backwards.append(entry)
      guard let previous else { break }
      current = previous
      index -= 1
    }
    var entries = Array(backwards.reversed())

    // Forwards after it: renamed later, or removed.
    current = clause
    for next in sorted.indices where next > last {
      guard let diff = diffs[next],
        let change = diff.changes.first(where: { $0.old?.id == current })
      else { break }
      if let new = change.new {
        entries.append(
          Entry(
            edition: sorted[next].info, snapshot: new, change: Change(change.kind),
            segments: change.kind == .modified ? change.segments : [], oldID: change.oldID,
            oldNum: change.numChanged ? change.old?.num : nil, references: change.references))
        current = new.id
      } else {
        entries.append(
          Entry(
            edition: sorted[next].info, snapshot: nil, change: .removed, segments: [],
            mergedInto: change.mergedInto))
        break
      }
    }
    return ClauseHistory(guideline: sorted.last?.info.id ?? "", clause: clause, entries: entries)
  }

  private static func newID(of entry: UnitChangeEntry) -> String? {
    switch entry {
    case .unchanged(let snapshot): snapshot.id
    case .change(let change): change.new?.id
    }
  }
}

/// Which edition of a guideline was in force on a day (`guidekit show --as-of`).
public enum EditionInForce {
  /// Editions in natural version order.
  public static func sortedByVersion(_ editions: [ClauseTree]) -> [ClauseTree] {
    editions.sorted { NaturalOrder.less($0.info.version, $1.info.version) }
  }

  /// The day an edition takes effect: `effective`, else `issued`.
  public static func date(of edition: ClauseTree) -> String? {
    edition.info.effective ?? edition.info.issued
  }

  /// The latest edition whose effective (or issue) date is on or before `date` (`YYYY-MM-DD`);
  /// nil when none was in force yet. A draft is never in force.
  public static func select(_ editions: [ClauseTree], asOf date: String) -> ClauseTree? {
    sortedByVersion(editions).filter { edition in
      guard !edition.info.isDraft, let day = self.date(of: edition) else { return false }
      return day <= date
    }.max { a, b in
      let (x, y) = (self.date(of: a) ?? "", self.date(of: b) ?? "")
      return x != y ? x < y : NaturalOrder.less(a.info.version, b.info.version)
    }
  }

  /// Every edition of a guideline: `<folder>/<id>/*.xml` read as guidelines.
  /// - Throws: `GuideKitError.io` when the folder is missing or holds no edition of `id`.
  public static func load(guideline id: String, folder: String = "guidelines") throws(GuideKitError)
    -> [ClauseTree]
  {
    let directory = folder.joiningPath(id)
    let files = try Editions.list(directory: directory)
    let trees = try GuidelineSet.load(paths: files.map(\.path)).filter { $0.info.id == id }
    guard !trees.isEmpty else {
      throw .io(path: directory, reason: "no editions of guideline '\(id)'")
    }
    return trees
  }
}

/// The kinds of change DESIGN.md names for a unit.
public enum ChangeKind: String, Sendable, Codable, CaseIterable {
  /// The unit is new.
  case added
  /// The unit is gone.
  case removed
  /// The unit's text changed (it may also have moved or been renumbered: `oldID`/`oldNum` say so).
  case modified
  /// Only the unit's place changed (another chapter or section); its text is the same.
  case moved
  /// Only the unit's number or id changed; its text is the same.
  case renumbered
}

/// One side of a compared unit.
public struct UnitSnapshot: Sendable, Hashable {
  public var id: String
  public var num: String?
  public var title: String?
  /// Ancestors' headings, top first.
  public var path: [String]
  /// Ancestor ids, top first.
  public var ancestorIDs: [String]
  /// The unit's display lines: title, then paragraphs, items and notes (children labelled).
  public let lines: [String]
  /// The lines joined by line breaks: the text the diff compares.
  public let text: String
  public var line: Int
  public var kind: UnitKind
  /// OSCAL: `withdrawn` and its successors.
  public var status: String?
  public var links: [UnitLink]

  init(
    id: String, num: String?, title: String?, path: [String], ancestorIDs: [String], lines: [String],
    line: Int, kind: UnitKind, status: String?, links: [UnitLink]
  ) {
    self.id = id
    self.num = num
    self.title = title
    self.path = path
    self.ancestorIDs = ancestorIDs
    self.lines = lines
    self.text = lines.joined(separator: "\n")
    self.line = line
    self.kind = kind
    self.status = status
    self.links = links
  }
}

/// What happened to one unit between OLD and NEW.
public struct UnitChange: Sendable, Hashable {
  public var kind: ChangeKind
  public var old: UnitSnapshot?
  public var new: UnitSnapshot?
  /// Inline diff of the unit's text (`old.text` → `new.text`), for `modified` only.
  public var segments: [TextSegment]
  /// For an added unit that took part of an old unit's text (a split): that unit's id.
  public var splitFrom: String?
  /// For a removed unit whose text went into another (a merge): that unit's id.
  public var mergedInto: String?
  /// True when the unit moved to another chapter or section (also for `modified`).
  public var movedPlace: Bool
  /// The diff ran out of budget for this unit and fell back to a coarser diff.
  public var coarse: Bool

  /// The unit's id in NEW (in OLD for `removed`).
  public var id: String { new?.id ?? old?.id ?? "" }
  /// OLD's id when it differs from NEW's.
  public var oldID: String? {
    guard let old, let new, old.id != new.id else { return nil }
    return old.id
  }
  public var numChanged: Bool { old != nil && new != nil && old?.num != new?.num }
}

/// The diff of two documents of one kind: every unit's change, in NEW's order (removed units at
/// their OLD place).
public struct DocumentDiff: Sendable {
  public var kind: DocumentKind
  public var old: DocumentInfo
  public var new: DocumentInfo
  /// Every unit, changed or not, in reading order.
  public var entries: [UnitChangeEntry]

  /// The changed units only.
  public var changes: [UnitChange] {
    entries.compactMap { if case .change(let c) = $0 { c } else { nil } }
  }

  public var unchangedCount: Int {
    entries.reduce(0) { count, entry in
      if case .unchanged = entry { count + 1 } else { count }
    }
  }

  /// Counts by kind, with `unchanged`.
  public var summary: [String: Int] {
    var counts = Dictionary(uniqueKeysWithValues: ChangeKind.allCases.map { ($0.rawValue, 0) })
    for change in changes { counts[change.kind.rawValue, default: 0] += 1 }
    counts["unchanged"] = unchangedCount
    return counts
  }

  public var isEmpty: Bool { changes.isEmpty }
}

/// A unit in the reading order of a diff: changed, or unchanged (kept for （略） gaps).
public enum UnitChangeEntry: Sendable, Hashable {
  case change(UnitChange)
  case unchanged(UnitSnapshot)
}

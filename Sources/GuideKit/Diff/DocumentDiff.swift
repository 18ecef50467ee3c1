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
  /// Only the unit's citations changed (a `<ref>`'s provision or pin, or a citation added or
  /// dropped around the same text); its text, place and number are the same.
  case citation
}

/// One side of a compared unit.
///
/// A value type over one shared, copy-on-write box: a diff hands each snapshot to the aligner,
/// the change list and the formats, and copying it costs one reference count, not one per field.
public struct UnitSnapshot: Sendable, Hashable {
  private struct Fields: Hashable, Sendable {
    var id: String
    var num: String?
    var title: String?
    var path: [String]
    var ancestorIDs: [String]
    var lines: [String]
    var text: String
    var line: Int
    var kind: UnitKind
    var status: String?
    var links: [UnitLink]
    var references: [Reference]
  }

  /// Written only while uniquely referenced (see `update`), so sharing it is safe.
  private final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  private mutating func update(_ change: (inout Fields) -> Void) {
    if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    change(&box.fields)
  }

  public var id: String {
    get { box.fields.id }
    set { update { $0.id = newValue } }
  }
  public var num: String? {
    get { box.fields.num }
    set { update { $0.num = newValue } }
  }
  public var title: String? {
    get { box.fields.title }
    set { update { $0.title = newValue } }
  }
  /// Ancestors' headings, top first.
  public var path: [String] {
    get { box.fields.path }
    set { update { $0.path = newValue } }
  }
  /// Ancestor ids, top first.
  public var ancestorIDs: [String] {
    get { box.fields.ancestorIDs }
    set { update { $0.ancestorIDs = newValue } }
  }
  /// The unit's display lines: title, then paragraphs, items and notes (children labelled).
  public var lines: [String] { box.fields.lines }
  /// The lines joined by line breaks: the text the diff compares.
  public var text: String { box.fields.text }
  public var line: Int {
    get { box.fields.line }
    set { update { $0.line = newValue } }
  }
  public var kind: UnitKind {
    get { box.fields.kind }
    set { update { $0.kind = newValue } }
  }
  /// OSCAL: `withdrawn` and its successors.
  public var status: String? {
    get { box.fields.status }
    set { update { $0.status = newValue } }
  }
  public var links: [UnitLink] {
    get { box.fields.links }
    set { update { $0.links = newValue } }
  }
  /// Citations made in the unit's own text (a guideline clause's `<ref>`s).
  public var references: [Reference] {
    get { box.fields.references }
    set { update { $0.references = newValue } }
  }

  init(
    id: String, num: String?, title: String?, path: [String], ancestorIDs: [String], lines: [String],
    line: Int, kind: UnitKind, status: String?, links: [UnitLink], references: [Reference] = []
  ) {
    box = Box(
      Fields(
        id: id, num: num, title: title, path: path, ancestorIDs: ancestorIDs, lines: lines,
        text: lines.joined(separator: "\n"), line: line, kind: kind, status: status, links: links,
        references: references))
  }

  public static func == (a: UnitSnapshot, b: UnitSnapshot) -> Bool {
    a.box === b.box || a.box.fields == b.box.fields
  }

  public func hash(into hasher: inout Hasher) {
    box.fields.hash(into: &hasher)
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
  /// The changes of the unit's citations (any kind but `added` and `removed`).
  public var references: [ReferenceChange] = []

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
  /// OLD's chapters, sections and other containers: id → heading (`num title`). Tells a heading
  /// new in NEW, or renamed, from one that only received a moved unit.
  public var oldHeadings: [String: String] = [:]

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
  public var summary: ChangeSummary {
    var counts = ChangeSummary()
    for change in changes { counts[change.kind] += 1 }
    counts.unchanged = unchangedCount
    return counts
  }

  public var isEmpty: Bool { changes.isEmpty }
}

/// A unit in the reading order of a diff: changed, or unchanged (kept for （略） gaps).
public enum UnitChangeEntry: Sendable, Hashable {
  case change(UnitChange)
  case unchanged(UnitSnapshot)
}

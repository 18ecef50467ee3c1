/// Counts of a diff's units by kind of change, with the unchanged ones (JSON `summary`).
public struct ChangeSummary: Sendable, Hashable, Codable {
  public var added = 0
  public var removed = 0
  public var modified = 0
  public var moved = 0
  public var renumbered = 0
  public var citation = 0
  public var unchanged = 0

  public init() {}

  /// The count of one kind of change.
  public subscript(kind: ChangeKind) -> Int {
    get {
      switch kind {
      case .added: added
      case .removed: removed
      case .modified: modified
      case .moved: moved
      case .renumbered: renumbered
      case .citation: citation
      }
    }
    set {
      switch kind {
      case .added: added = newValue
      case .removed: removed = newValue
      case .modified: modified = newValue
      case .moved: moved = newValue
      case .renumbered: renumbered = newValue
      case .citation: citation = newValue
      }
    }
  }

  /// Every changed unit (all kinds but `unchanged`).
  public var changed: Int { ChangeKind.allCases.reduce(0) { $0 + self[$1] } }

  /// The counts as XML attributes: every kind in `ChangeKind` order, then `unchanged`.
  var attributes: [(String, String)] {
    ChangeKind.allCases.map { ($0.rawValue, String(self[$0])) } + [("unchanged", String(unchanged))]
  }

  public static func + (a: ChangeSummary, b: ChangeSummary) -> ChangeSummary {
    var sum = a
    for kind in ChangeKind.allCases { sum[kind] += b[kind] }
    sum.unchanged += b.unchanged
    return sum
  }
}

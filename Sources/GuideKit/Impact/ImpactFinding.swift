import GuideKitXML

/// The state of one citation against its source (DESIGN.md impact statuses).
public enum ImpactStatus: String, Sendable, Codable, CaseIterable {
  /// The cited provision reads the same in the latest revision in force.
  case current
  /// The cited provision's text changed.
  case modified
  /// The cited text now stands under another provision id (`latestProvision`).
  case renumbered
  /// The provision was removed, or reduced to 削除.
  case deleted
  /// The OSCAL control was withdrawn (see `successors`).
  case withdrawn
  /// No such source or provision, or a malformed pin: the reference is broken.
  case unresolved
  /// The pinned revision is not in the registry, so nothing can be compared.
  case unverifiable
  /// Unchanged on the as-of date, but a scheduled (未施行) revision changes it.
  case upcoming

  /// Counted as `stale` in the report.
  public var isStale: Bool { [.modified, .renumbered, .deleted, .withdrawn].contains(self) }
  /// Counted as `broken`.
  public var isBroken: Bool { self == .unresolved }

  var severity: Severity {
    switch self {
    case .current, .upcoming: .note
    case .unverifiable: .warning
    default: .error
    }
  }

  /// Rule id used in SARIF, github and text diagnostics.
  var rule: String {
    switch self {
    case .current: "reference-current"
    case .modified, .renumbered, .deleted, .withdrawn: "stale-reference"
    case .unresolved: "broken-reference"
    case .unverifiable: "unverifiable-pin"
    case .upcoming: "upcoming-change"
    }
  }
}

/// One citation's check.
public struct ImpactFinding: Sendable, Hashable {
  public var file: String
  public var line: Int
  public var clause: String
  public var clauseNum: String?
  public var clauseTitle: String?
  public var guideline: String
  public var source: String
  public var provision: String
  public var pin: String?
  /// The `<ref>`'s own label.
  public var label: String
  /// The provision's human label (労働安全衛生法第66条の8の3, NIST SP 800-53 AC-17).
  public var provisionLabel: String
  public var status: ImpactStatus
  /// The pinned revision's id and date, when resolved.
  public var pinnedRevision: String?
  public var pinnedDate: String?
  /// The latest revision in force on the as-of date.
  public var latest: String?
  public var latestDate: String?
  /// Where the cited text now stands, when its id changed.
  public var latestProvision: String?
  /// The cited provision's redline, pinned → latest (or → upcoming).
  public var segments: [TextSegment]
  /// OSCAL successors of a withdrawn control: (rel, id).
  public var successors: [UnitLink]
  /// For `upcoming`: the revision and its in-force date.
  public var upcomingRevision: String?
  public var upcomingDate: String?
  /// One line saying what was found.
  public var message: String
  /// For `unverifiable`: the source is one `guidekit sources fetch` would fetch, but the store
  /// does not hold it yet (未取得).
  public var notFetched = false

  public init(
    file: String, line: Int, clause: String, clauseNum: String?, clauseTitle: String?,
    guideline: String, reference: Reference, provisionLabel: String, status: ImpactStatus,
    message: String
  ) {
    self.file = file
    self.line = line
    self.clause = clause
    self.clauseNum = clauseNum
    self.clauseTitle = clauseTitle
    self.guideline = guideline
    self.source = reference.source
    self.provision = reference.provision
    self.pin = reference.pin
    self.label = reference.label
    self.provisionLabel = provisionLabel
    self.status = status
    self.segments = []
    self.successors = []
    self.message = message
  }

  /// As a diagnostic, for text, github and SARIF output.
  public var diagnostic: Diagnostic {
    Diagnostic(
      file: file, line: line, severity: status.severity, rule: status.rule,
      message: "\(provisionLabel) (\(source) \(provision)): \(message)", clause: clause)
  }
}

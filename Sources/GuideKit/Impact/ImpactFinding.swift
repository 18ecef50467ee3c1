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
  /// What the check found, with what each finding carries: the one source of `status`,
  /// `latestProvision`, `successors`, `upcomingRevision`, `upcomingDate` and `notFetched`.
  public var outcome: Outcome
  /// The pinned revision's id and date, when resolved.
  public var pinnedRevision: String?
  public var pinnedDate: String?
  /// The latest revision in force on the as-of date.
  public var latest: String?
  public var latestDate: String?
  /// The cited provision's redline, pinned → latest (or → upcoming).
  public var segments: [TextSegment]
  /// One line saying what was found.
  public var message: String

  public init(
    file: String, line: Int, clause: String, clauseNum: String?, clauseTitle: String?,
    guideline: String, reference: Reference, provisionLabel: String, outcome: Outcome,
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
    self.outcome = outcome
    self.segments = []
    self.message = message
  }

  /// As a diagnostic, for text, github and SARIF output.
  public var diagnostic: Diagnostic {
    Diagnostic(
      file: file, line: line, severity: status.severity, rule: status.rule,
      message: "\(provisionLabel) (\(source) \(provision)): \(message)", clause: clause)
  }
}

extension ImpactFinding {
  /// What one citation's check found (DESIGN.md impact statuses), with its payload.
  public enum Outcome: Sendable, Hashable {
    /// The cited provision reads the same in the latest revision in force.
    case current
    /// The cited provision's text changed; `movedTo` when it also stands under another id.
    case modified(movedTo: String?)
    /// The cited text now stands, unchanged, under another provision id.
    case renumbered(to: String)
    /// The provision was removed, or reduced to 削除 (`movedTo`: the id it had become).
    case deleted(movedTo: String?)
    /// The OSCAL control was withdrawn, naming its successors as (rel, id).
    case withdrawn(successors: [UnitLink])
    /// No such source or provision, or a malformed pin: the reference is broken.
    case unresolved
    /// The pinned revision is not in the registry, so nothing can be compared.
    case unverifiable
    /// Unverifiable because the source is one `guidekit sources fetch` would fetch, but the
    /// store does not hold it yet (未取得).
    case notFetched
    /// Unchanged on the as-of date, but the scheduled (未施行) `revision`, in force from `date`,
    /// changes it (`movedTo`: the id it will stand under, when that changes).
    case upcoming(revision: String, date: String?, movedTo: String?)

    public var status: ImpactStatus {
      switch self {
      case .current: .current
      case .modified: .modified
      case .renumbered: .renumbered
      case .deleted: .deleted
      case .withdrawn: .withdrawn
      case .unresolved: .unresolved
      case .unverifiable, .notFetched: .unverifiable
      case .upcoming: .upcoming
      }
    }
  }

  public var status: ImpactStatus { outcome.status }

  /// Where the cited text now stands, when its id changed.
  public var latestProvision: String? {
    switch outcome {
    case .modified(let movedTo), .deleted(let movedTo), .upcoming(_, _, let movedTo): movedTo
    case .renumbered(let to): to
    default: nil
    }
  }

  /// OSCAL successors of a withdrawn control: (rel, id).
  public var successors: [UnitLink] {
    if case .withdrawn(let successors) = outcome { return successors }
    return []
  }

  /// For `upcoming`: the revision and its in-force date.
  public var upcomingRevision: String? {
    if case .upcoming(let revision, _, _) = outcome { return revision }
    return nil
  }

  public var upcomingDate: String? {
    if case .upcoming(_, let date, _) = outcome { return date }
    return nil
  }

  /// For `unverifiable`: the source is not fetched yet.
  public var notFetched: Bool { outcome == .notFetched }
}

import FoundationEssentials

/// The outcome of `guidekit impact`.
public struct ImpactReport: Sendable {
  /// Every citation checked, in file and line order (current ones included).
  public var all: [ImpactFinding]
  public var asOf: String
  /// Sources cited but absent from the registry.
  public var missingSources: [String]

  public var references: Int { all.count }
  public var findings: [ImpactFinding] { all.filter { $0.status != .current } }
  public var current: Int { all.filter { $0.status == .current }.count }
  public var stale: Int { all.filter { $0.status.isStale }.count }
  public var broken: Int { all.filter { $0.status.isBroken }.count }
  /// Citations that could not be compared (source not fetched, pinned revision not held).
  public var unverifiable: Int { all.filter { $0.status == .unverifiable }.count }

  /// 1 when anything is stale or broken.
  public var exitStatus: Int32 { exitStatus(strict: false) }

  /// 1 when anything is stale or broken, or, when `strict`, unverifiable.
  public func exitStatus(strict: Bool) -> Int32 {
    stale + broken + (strict ? unverifiable : 0) > 0 ? 1 : 0
  }

  /// The JSON of DESIGN.md.
  public var json: [String: Any] {
    [
      "asOf": asOf,
      "references": references, "current": current, "stale": stale, "broken": broken,
      "unverifiable": unverifiable,
      "missingSources": missingSources,
      "findings": findings.map(Self.findingJSON),
    ]
  }

  static func findingJSON(_ f: ImpactFinding) -> [String: Any] {
    var o: [String: Any] = [
      "file": f.file, "line": f.line, "clause": f.clause, "source": f.source,
      "provision": f.provision, "status": f.status.rawValue, "label": f.provisionLabel,
      "message": f.message, "guideline": f.guideline,
    ]
    o["pin"] = f.pin ?? JSONOutput.null
    o["latest"] = f.latest ?? JSONOutput.null
    if let num = f.clauseNum { o["clauseNum"] = num }
    if let date = f.pinnedDate { o["pinDate"] = date }
    if let revision = f.pinnedRevision { o["pinRevision"] = revision }
    if let date = f.latestDate { o["latestDate"] = date }
    if let provision = f.latestProvision { o["latestProvision"] = provision }
    if !f.segments.isEmpty {
      o["segments"] = f.segments.map { s -> [String: Any] in
        var segment: [String: Any] = ["op": s.op.rawValue, "text": s.text]
        if let oldText = s.oldText { segment["oldText"] = oldText }
        return segment
      }
    }
    if !f.successors.isEmpty { o["successors"] = f.successors.map { ["rel": $0.rel, "id": $0.target] } }
    if let r = f.upcomingRevision { o["upcomingRevision"] = r }
    if let d = f.upcomingDate { o["upcomingDate"] = d }
    if f.notFetched { o["notFetched"] = true }
    return o
  }
}

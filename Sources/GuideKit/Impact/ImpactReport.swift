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

}

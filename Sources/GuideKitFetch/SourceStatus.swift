import FoundationEssentials
import GuideKit

/// `guidekit sources status`: each cited source, the revisions the store holds, and (online)
/// the revisions upstream that the lock lacks.
public struct SourceStatusReport: Sendable, Codable, Equatable {
  public struct Entry: Sendable, Codable, Equatable {
    public var source: String
    public var kind: String
    public var title: String?
    /// `<ref>`s citing it.
    public var references: Int
    public var pins: [String]
    /// Revisions in the lock, oldest first.
    public var held: [String]
    /// Pins that name no held revision.
    public var unheldPins: [String]
    /// Online: upstream revisions newer than the newest held (e-Gov), or declared revisions not
    /// fetched; oldest first.
    public var newer: [String]
    /// Online: why upstream could not be asked.
    public var error: String?
  }

  public var sources: [Entry]
  /// False with `--offline`: `newer` was not asked for.
  public var online: Bool

  /// Upstream revisions the lock lacks, over all sources.
  public var newerCount: Int { sources.reduce(0) { $0 + $1.newer.count } }
  public var errorCount: Int { sources.filter { $0.error != nil }.count }

  /// 2 when upstream could not be asked, 1 when it has revisions the lock lacks, else 0.
  public var exitStatus: Int32 { errorCount > 0 ? 2 : newerCount > 0 ? 1 : 0 }
}

public enum SourceStatus {
  /// Builds the report; asks upstream only when `fetcher` is given.
  /// - Throws: `GuideKitError` when the store's lock or manifest cannot be read.
  public static func report(
    _ cited: CitedSources, store: String, api: EGovAPI, fetcher: HTTPFetcher?
  ) async throws(GuideKitError) -> SourceStatusReport {
    let lock = try SourceLock.read(store: store)
    let manifest = try SourceManifest.read(store: store)
    let registry = ReferenceRegistry(folders: [store])
    var entries: [SourceStatusReport.Entry] = []
    for source in cited.laws + cited.others {
      let locked = lock.sources[source.id]
      let isLaw = LawID.looksLikeLawID(source.id)
      let kind = locked?.kind.rawValue ?? (isLaw ? "egov" : manifest.source(source.id)?.kind.rawValue ?? "local")
      // What the store holds: the lock's revisions, and for a hand-kept source its files.
      var held = Set(locked?.revisions.keys.map { $0 } ?? [])
      if locked == nil { held.formUnion((registry.sources[source.id] ?? []).map(\.id)) }
      let heldSorted = sortRevisions(Array(held), locked: locked)
      let unheld = source.pins.filter { pin in
        registry.revision(source: source.id, pin: pin) == nil && !held.contains(pin)
      }
      entries.append(
        SourceStatusReport.Entry(
          source: source.id, kind: kind, title: locked?.title ?? manifest.source(source.id)?.title,
          references: source.references, pins: source.pins, held: heldSorted, unheldPins: unheld, newer: [],
          error: nil))
    }
    guard let fetcher else { return SourceStatusReport(sources: entries, online: false) }

    let listings = await api.revisions(of: cited.laws.map(\.id), using: fetcher)
    for index in entries.indices {
      let id = entries[index].source
      if let listing = listings[id] {
        switch listing {
        case .failure(let error): entries[index].error = error.description
        case .success(let law):
          let held = Set(entries[index].held)
          // Newest first: everything above the newest held revision is newer.
          let newestHeld = law.revisions.firstIndex { held.contains($0.revisionID) } ?? law.revisions.count
          entries[index].newer = Array(law.revisions[..<newestHeld].map { $0.revisionID }.reversed())
          if entries[index].title == nil { entries[index].title = law.title }
        }
      } else if let declared = manifest.source(id) {
        let held = Set(entries[index].held)
        entries[index].newer = declared.revisions.map(\.revision).filter { !held.contains($0) }
      }
    }
    return SourceStatusReport(sources: entries, online: true)
  }

  /// Oldest first: by in-force date where the lock knows it, then in natural order.
  static func sortRevisions(_ revisions: [String], locked: LockedSource?) -> [String] {
    revisions.sorted { a, b in
      let x = locked?.revisions[a]?.inForce ?? ""
      let y = locked?.revisions[b]?.inForce ?? ""
      if x != y, !x.isEmpty, !y.isEmpty { return x < y }
      return NaturalOrder.less(a, b)
    }
  }
}

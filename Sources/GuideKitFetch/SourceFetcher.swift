import FoundationEssentials
import GuideKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `guidekit sources fetch` does and how.
public struct FetchOptions: Sendable {
  public var store: String
  public var api: EGovAPI
  /// Re-ask upstream for held files with conditional requests (`If-None-Match`).
  public var refresh: Bool
  /// `YYYY-MM-DD` (Japan): without pins, the revision in force on this day is the earliest held.
  public var today: String
  /// Told, with the holder's pid when known, when another fetch into the store runs and this one
  /// waits for it.
  public var waiting: @Sendable (Int32?) -> Void

  public init(
    store: String, api: EGovAPI = EGovAPI(), refresh: Bool = false, today: String = PinDate.today(),
    waiting: @escaping @Sendable (Int32?) -> Void = { _ in }
  ) {
    self.store = store
    self.api = api
    self.refresh = refresh
    self.today = today
    self.waiting = waiting
  }

  /// The lock file of a store: one fetch into a store at a time.
  public static func lockFile(store: String) -> String { store.joiningPath(".guidekit-lock") }
}

/// What a fetch did.
public struct FetchReport: Sendable {
  /// One file written into the store (new, or changed upstream on `--refresh`).
  public struct Download: Sendable, Equatable {
    public var source: String
    public var revision: String
    public var path: String
    public var size: Int
    public var status: String?
  }

  public var downloads: [Download] = []
  /// Revisions the lock already held (unchanged).
  public var held = 0
  /// Failures, each naming the host, the URL and the reason.
  public var failures: [FetchError] = []
  /// Things worth saying that fail nothing (a pin naming no upstream revision, an undeclared
  /// source).
  public var warnings: [String] = []
  /// HTTP requests sent, retries included.
  public var requests = 0

  /// 2 when anything failed (DESIGN.md: a failed fetch exits 2), else 0.
  public var exitStatus: Int32 { failures.isEmpty ? 0 : 2 }
}

/// Progress of a fetch: revisions done of those known, and bytes received.
public struct FetchProgress: Sendable {
  public var done: Int
  public var total: Int
  public var bytes: Int
}

/// Fetches every cited source into the store: e-Gov laws through the 法令API v2, other sources
/// from the URLs `sources.json` declares. Each download is parsed and checked before it is
/// renamed into the store; the lock is rewritten after each verified file, so an interrupted
/// fetch leaves a store that `verify` accepts and a next fetch completes.
public final class SourceFetcher: Sendable {
  public let options: FetchOptions
  let fetcher: HTTPFetcher
  let store: SourceStore
  let progress: @Sendable (FetchProgress) -> Void

  public init(
    options: FetchOptions, fetcher: HTTPFetcher, progress: @escaping @Sendable (FetchProgress) -> Void = { _ in }
  ) {
    self.options = options
    self.fetcher = fetcher
    self.store = SourceStore(folder: options.store)
    self.progress = progress
  }

  /// One revision to download.
  struct Job: Sendable {
    var source: String
    var kind: SourceKind
    var title: String?
    var revision: String
    var url: String
    var inForce: String?
    var status: String?
    /// The held entry, when this is a conditional re-check.
    var held: LockedRevision?
  }

  /// Fetches what `cited` needs and the lock lacks.
  /// - Throws: `GuideKitError` when the store's own files (lock, manifest) cannot be read.
  public func fetch(_ cited: CitedSources) async throws(GuideKitError) -> FetchReport {
    // Two fetches into one store take turns: each rewrites the whole lock.
    let storeLock = try ExclusiveLock(
      file: FetchOptions.lockFile(store: options.store), folder: options.store, owner: "the store",
      rival: "another fetch into this store", wait: true, waiting: options.waiting)
    defer { storeLock.release() }
    let lock = try SourceLock.read(store: options.store)
    let manifest = try SourceManifest.read(store: options.store)
    let writer = LockWriter(lock: lock, store: options.store)
    var report = FetchReport()
    var jobs: [Job] = []

    let listings = await options.api.revisions(of: cited.laws.map(\.id), using: fetcher)
    for law in cited.laws {
      switch listings[law.id] {
      case .failure(let error): report.failures.append(error)
      case .success(let listing):
        let plan = RevisionPlan(revisions: listing.revisions, pins: law.pins, today: options.today)
        for pin in plan.unmatchedPins {
          report.warnings.append(
            "\(law.firstFile):\(law.firstLine): pin \(pin) of \(law.id) names no revision e-Gov lists; fetching all \(plan.revisions.count) revisions"
          )
        }
        for revision in plan.revisions {
          let held = lock.entry(source: law.id, revision: revision.revisionID)
          let job = Job(
            source: law.id, kind: .egov, title: listing.title, revision: revision.revisionID,
            url: options.api.lawFileURL(revisionID: revision.lawRevisionID), inForce: revision.inForce,
            status: revision.status, held: held)
          if let held, isPresent(held), !options.refresh {
            report.held += 1
            await writer.updateStatus(
              source: law.id, revision: revision.revisionID, status: revision.status, inForce: revision.inForce)
          } else {
            jobs.append(job)
          }
        }
      case nil: break
      }
    }
    for source in cited.others {
      guard let declared = manifest.source(source.id) else {
        if !isLocal(source.id) {
          report.warnings.append(
            "\(source.firstFile):\(source.firstLine): source \(source.id) is cited but not declared in \(options.store.joiningPath(SourceManifest.fileName)); nothing to fetch"
          )
        }
        continue
      }
      for revision in declared.revisions {
        let held = lock.entry(source: declared.id, revision: revision.revision)
        let job = Job(
          source: declared.id, kind: declared.kind, title: declared.title, revision: revision.revision,
          url: revision.url, inForce: revision.inForce, status: nil, held: held)
        if let held, isPresent(held), held.url == revision.url, !options.refresh {
          report.held += 1
        } else {
          jobs.append(job)
        }
      }
    }

    let total = jobs.count
    let counter = ProgressCounter(total: total)
    progress(FetchProgress(done: 0, total: total, bytes: 0))
    let results = await withTaskGroup(of: Result<FetchReport.Download?, FetchError>.self) { group in
      for job in jobs {
        group.addTask { [self] in
          let result = await self.download(job, writer: writer)
          let bytes = (try? result.get())?.size ?? 0
          self.progress(await counter.finished(bytes: bytes))
          return result
        }
      }
      var all: [Result<FetchReport.Download?, FetchError>] = []
      while let result = await group.next() { all.append(result) }
      return all
    }
    for result in results {
      switch result {
      case .success(let download?): report.downloads.append(download)
      case .success(nil): report.held += 1
      case .failure(let error): report.failures.append(error)
      }
    }
    if let error = await writer.failure {
      report.failures.append(FetchError(url: options.store, reason: error.description))
    }
    report.downloads.sort { ($0.source, $0.revision) < ($1.source, $1.revision) }
    report.failures.sort { $0.url < $1.url }
    report.requests = fetcher.requestCount
    return report
  }

  /// Downloads one revision, checks it and installs it.
  /// - Returns: the download, or nil when a conditional request found it unchanged.
  private func download(_ job: Job, writer: LockWriter) async -> Result<FetchReport.Download?, FetchError> {
    var headers = [("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1")]
    if let etag = job.held?.etag, job.held.map(isPresent) == true { headers.append(("If-None-Match", etag)) }
    let response: FetchResponse
    do {
      response = try await fetcher.get(job.url, headers: headers)
    } catch {
      return .failure(error)
    }
    if response.status == 304, let held = job.held {
      await writer.updateStatus(
        source: job.source, revision: job.revision, status: job.status ?? held.status,
        inForce: job.inForce ?? held.inForce)
      return .success(nil)
    }
    guard response.status == 200 else {
      return .failure(
        FetchError(
          url: job.url, reason: "HTTP \(response.status)\(HTTPFetcher.apiMessage(response))", status: response.status))
    }
    do {
      _ = try SourceStore.check(response.body, source: job.source, kind: job.kind, origin: job.url)
    } catch {
      return .failure(FetchError(url: job.url, reason: "refused: \(error.description)"))
    }
    let relative = SourceLocator(source: job.source, kind: job.kind, revision: job.revision).relativePath
    let hash = SourceStore.sha256(response.body)
    if let held = job.held, held.sha256 == hash, isPresent(held) {
      await writer.updateStatus(
        source: job.source, revision: job.revision, status: job.status ?? held.status,
        inForce: job.inForce ?? held.inForce)
      return .success(nil)
    }
    do {
      try store.install(response.body, at: relative)
    } catch {
      return .failure(FetchError(url: job.url, reason: "cannot store: \(error.description)"))
    }
    let entry = LockedRevision(
      path: relative, url: job.url, sha256: hash, size: response.body.count, inForce: job.inForce,
      status: job.status, etag: response.header("ETag"))
    if let error = await writer.record(
      source: job.source, kind: job.kind, title: job.title, revision: job.revision, entry: entry)
    {
      return .failure(FetchError(url: job.url, reason: "cannot update the lock: \(error.description)"))
    }
    return .success(
      FetchReport.Download(
        source: job.source, revision: job.revision, path: store.path(relative), size: response.body.count,
        status: job.status))
  }

  /// True when a held file is there with its locked size (its hash is `verify`'s job).
  func isPresent(_ entry: LockedRevision) -> Bool {
    var info = stat()
    return stat(store.path(entry.path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
      && Int(info.st_size) == entry.size
  }

  /// A source kept in the store by hand (a clause set committed with the guidelines).
  func isLocal(_ id: String) -> Bool {
    var info = stat()
    return stat(options.store.joiningPath(id), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}

/// The lock, rewritten atomically after every change, one change at a time.
actor LockWriter {
  private var lock: SourceLock
  private let store: String
  private(set) var failure: GuideKitError?

  init(lock: SourceLock, store: String) {
    self.lock = lock
    self.store = store
  }

  func record(source: String, kind: SourceKind, title: String?, revision: String, entry: LockedRevision)
    -> GuideKitError?
  {
    var locked = lock.sources[source] ?? LockedSource(kind: kind, title: title)
    locked.kind = kind
    if let title { locked.title = title }
    locked.revisions[revision] = entry
    lock.sources[source] = locked
    return save()
  }

  /// Keeps the lock's status and date of a held revision in step with upstream (未施行 becomes
  /// 施行), without downloading it again.
  func updateStatus(source: String, revision: String, status: String?, inForce: String?) {
    guard var entry = lock.sources[source]?.revisions[revision] else { return }
    let before = entry
    if let status { entry.status = status }
    if let inForce { entry.inForce = inForce }
    guard entry != before else { return }
    lock.sources[source]?.revisions[revision] = entry
    if let error = save() { failure = error }
  }

  private func save() -> GuideKitError? {
    do {
      try lock.write(store: store)
      return nil
    } catch {
      return error
    }
  }
}

actor ProgressCounter {
  private var done = 0
  private var bytes = 0
  private let total: Int

  init(total: Int) { self.total = total }

  func finished(bytes count: Int) -> FetchProgress {
    done += 1
    bytes += count
    return FetchProgress(done: done, total: total, bytes: bytes)
  }
}

import FoundationEssentials

/// `sources.lock`: what the store holds, revision by revision (DESIGN.md "Sources").
///
/// JSON with sorted keys and no timestamps, so that it diffs well in git. A revision enters the
/// lock only after its file was verified and renamed into the store.
public struct SourceLock: Codable, Sendable, Equatable {
  public static let fileName = "sources.lock"

  /// The lock's format; readers refuse a newer one.
  public var lockVersion: Int
  /// Sources by id (an e-Gov LawId, or a declared source id).
  public var sources: [String: LockedSource]

  public init(sources: [String: LockedSource] = [:]) {
    self.lockVersion = 1
    self.sources = sources
  }

  /// The lock of the store at `store`, or an empty one when it has none.
  /// - Throws: `GuideKitError.io` when the file exists but cannot be read or is no lock.
  public static func read(store: String) throws(GuideKitError) -> SourceLock {
    let path = store.joiningPath(fileName)
    guard FileManager.default.fileExists(atPath: path) else { return SourceLock() }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .io(path: path, reason: "cannot read: \(AtomicFile.reason(error))")
    }
    let lock: SourceLock
    do {
      lock = try JSONDecoder().decode(SourceLock.self, from: data)
    } catch {
      throw .io(path: path, reason: "not a sources.lock: \(error)")
    }
    guard lock.lockVersion == 1 else {
      throw .io(path: path, reason: "lockVersion \(lock.lockVersion) is newer than this guidekit reads (1)")
    }
    return lock
  }

  /// The lock as its file holds it: sorted keys, two-space indent, a final newline.
  public func encoded() -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Encoding plain strings and integers cannot fail.
    var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// Replaces the store's lock atomically.
  public func write(store: String) throws(GuideKitError) {
    try AtomicFile.write(encoded(), to: store.joiningPath(Self.fileName))
  }

  /// The locked entry of one revision.
  public func entry(source: String, revision: String) -> LockedRevision? {
    sources[source]?.revisions[revision]
  }
}

/// One source in the lock.
public struct LockedSource: Codable, Sendable, Equatable {
  public var kind: SourceKind
  /// The law's or catalog's title when known (e-Gov `law_title`).
  public var title: String?
  /// Revisions by id: `YYYYMMDD_AmendingLawId` for e-Gov (as pins name them), the declared
  /// revision name otherwise.
  public var revisions: [String: LockedRevision]

  public init(kind: SourceKind, title: String? = nil, revisions: [String: LockedRevision] = [:]) {
    self.kind = kind
    self.title = title
    self.revisions = revisions
  }
}

/// One verified file of the store.
public struct LockedRevision: Codable, Sendable, Equatable {
  /// The file, relative to the store, with `/` separators.
  public var path: String
  /// Where it was fetched from.
  public var url: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public var sha256: String
  /// Size in bytes.
  public var size: Int
  /// `YYYY-MM-DD`: the day this revision comes into force (e-Gov), when known.
  public var inForce: String?
  /// e-Gov `current_revision_status` when fetched: `CurrentEnforced`, `PreviousEnforced`,
  /// `UnEnforced` (未施行) or `Repeal`.
  public var status: String?
  /// The server's entity tag, for conditional requests on `--refresh`.
  public var etag: String?

  public init(
    path: String, url: String, sha256: String, size: Int, inForce: String? = nil, status: String? = nil,
    etag: String? = nil
  ) {
    self.path = path
    self.url = url
    self.sha256 = sha256
    self.size = size
    self.inForce = inForce
    self.status = status
    self.etag = etag
  }
}

/// Where a source is published.
public enum SourceKind: String, Codable, Sendable, CaseIterable {
  /// A law of the e-Gov 法令API Version 2.
  case egov
  /// An OSCAL catalog fetched from a declared URL.
  case oscal
  /// A clause set in the guideline vocabulary fetched from a declared URL.
  case guideline
}

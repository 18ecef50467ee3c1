import FoundationEssentials
import GuideKitXML

/// The folder that `guidekit sources` fills and `impact`, `validate` and `publish` read
/// (DESIGN.md "Sources"): `<LawId>/<LawId>_<YYYYMMDD>_<AmendingLawId>.xml` for e-Gov laws,
/// `<source-id>/<revision>.xml` for declared sources, `sources.json` and `sources.lock`.
public struct SourceStore: Sendable {
  public let folder: String

  public init(folder: String) {
    self.folder = folder
  }

  public func path(_ relative: String) -> String { folder.joiningPath(relative) }

  /// Lowercase hex SHA-256 of `data`.
  public static func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).hexString
  }

  /// Parses downloaded bytes with the secure defaults and checks that they are what was asked
  /// for: the law with this LawId, an OSCAL catalog, or the clause set with this id.
  /// - Parameter origin: the URL, named in diagnostics.
  /// - Throws: ``StoreError`` saying what the bytes are instead.
  public static func check(_ data: Data, source: String, kind: SourceKind, origin: String) throws(StoreError)
    -> ClauseTree
  {
    let tree: ClauseTree
    do {
      // A name that is no e-Gov file name: the law's id then comes from its own content.
      tree = try DocumentLoader.load(data: data, fileName: origin)
    } catch {
      let first = error.diagnostics.first
      let line = first.map { $0.line > 0 ? "line \($0.line): " : "" } ?? ""
      throw .unparsable("\(line)\(first?.message ?? error.description)")
    }
    switch kind {
    case .egov:
      guard tree.info.kind == .law else { throw .wrongDocument("not e-Gov law XML (a \(tree.info.kind.rawValue))") }
      guard LawID.sameLaw(tree.info.id, source) else {
        throw .wrongDocument("holds law \(tree.info.id.isEmpty ? "(no LawId)" : tree.info.id), not \(source)")
      }
    case .oscal:
      guard tree.info.kind == .catalog else {
        throw .wrongDocument("not an OSCAL catalog (a \(tree.info.kind.rawValue))")
      }
    case .guideline:
      guard tree.info.kind == .guideline else {
        throw .wrongDocument("not a clause set in the guideline vocabulary (a \(tree.info.kind.rawValue))")
      }
      guard tree.info.id == source else { throw .wrongDocument("holds clause set \(tree.info.id), not \(source)") }
    }
    return tree
  }

  /// Writes a verified file into the store: a temporary file beside it, then a rename, so that
  /// the store never holds a part of a file.
  public func install(_ data: Data, at relative: String) throws(GuideKitError) {
    let target = path(relative)
    do {
      try FileManager.default.createDirectory(
        atPath: target.parentPath, withIntermediateDirectories: true)
    } catch {
      throw .io(path: target.parentPath, reason: "cannot create folder: \(AtomicFile.reason(error))")
    }
    try AtomicFile.write(data, to: target)
  }

  /// Checks every locked file: present, of its size and hash, parsable, and of its source.
  /// - Returns: one problem per file that does not match, in lock order (source, revision).
  public func verify(_ lock: SourceLock) -> [StoreProblem] {
    let jobs = lock.sources.sorted(by: { $0.key < $1.key }).flatMap { id, source in
      source.revisions.sorted(by: { $0.key < $1.key }).map { (id, source, $0.key, $0.value) }
    }
    let results = Parallel.map(jobs.count, work: jobs.reduce(0) { $0 + $1.3.size }) { index -> StoreProblem? in
      let (id, source, revision, entry) = jobs[index]
      return verify(entry, source: id, kind: source.kind, revision: revision)
    }
    return results.compactMap { $0 }
  }

  private func verify(_ entry: LockedRevision, source: String, kind: SourceKind, revision: String) -> StoreProblem? {
    func problem(_ reason: String) -> StoreProblem {
      StoreProblem(source: source, revision: revision, path: path(entry.path), reason: reason)
    }
    guard SafeRelativePath.isInside(entry.path) else { return problem("path leaves the store") }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path(entry.path)))
    } catch {
      return problem("missing or unreadable: \(AtomicFile.reason(error))")
    }
    if data.count != entry.size { return problem("size \(data.count) bytes, the lock says \(entry.size)") }
    let hash = Self.sha256(data)
    if hash != entry.sha256 { return problem("SHA-256 \(hash), the lock says \(entry.sha256)") }
    do {
      _ = try Self.check(data, source: source, kind: kind, origin: path(entry.path) + "#stored")
    } catch {
      return problem(error.description)
    }
    return nil
  }
}

/// Why downloaded bytes were refused.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
  case unparsable(String)
  case wrongDocument(String)

  public var description: String {
    switch self {
    case .unparsable(let reason): "not well-formed XML: \(reason)"
    case .wrongDocument(let reason): reason
    }
  }
}

/// A locked file that does not match the lock.
public struct StoreProblem: Sendable, Equatable {
  public var source: String
  public var revision: String
  public var path: String
  public var reason: String
}

/// Paths recorded in a lock stay inside the store.
enum SafeRelativePath {
  static func isInside(_ path: String) -> Bool {
    !path.isEmpty && !path.hasPrefix("/")
      && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
  }
}

extension LawID {
  /// True when a law's own id names the law `requested`. The `<Law>` attributes cannot tell a
  /// member's bill (`426AC1000000104`) from a cabinet bill (`426AC0000000104`): ids derived from
  /// them match either.
  public static func sameLaw(_ found: String, _ requested: String) -> Bool {
    if found == requested { return true }
    let a = Array(found.utf8)
    let b = Array(requested.utf8)
    guard a.count == 15, b.count == 15, a[0..<5] == b[0..<5], found.dropFirst(3).hasPrefix("AC") else {
      return false
    }
    return a[6...] == b[6...] && (a[5] == UInt8(ascii: "0") || b[5] == UInt8(ascii: "0"))
  }
}

import Dispatch
import FoundationEssentials
import GuideKitXML
import Synchronization

/// The reference sources guidelines cite, found in one or more folders (DESIGN.md "References").
///
/// Listing is cheap (file names only); each revision's file is parsed at most once per registry,
/// on first use, and may be loaded from several threads at once.
public final class ReferenceRegistry: Sendable {
  /// One revision of a source: a file.
  public struct Revision: Sendable, Hashable {
    public var source: String
    /// `YYYYMMDD_AmendingLawId` for e-Gov, the file's base name otherwise (`rev4`, `2021`).
    public var id: String
    /// The in-force date `YYYY-MM-DD` (e-Gov revisions only).
    public var date: String?
    public var path: String
    public var isLaw: Bool
  }

  public let folders: [String]
  /// Revisions by source id, oldest first.
  public let sources: [String: [Revision]]
  /// Sources declared in a folder's `sources.json` or recorded in its `sources.lock`.
  public let declared: Set<String>
  /// A `sources.json` or `sources.lock` that could not be read: its sources would silently count
  /// as undeclared, so commands report these and stop.
  public let storeErrors: [GuideKitError]
  private let cache = Mutex<[String: Result<ClauseTree, GuideKitError>]>([:])
  /// One gate per file being loaded: entered by its loader, left when the result is cached.
  private let loading = Mutex<[String: DispatchGroup]>([:])

  /// Lists the folders. Missing folders are reported by `missingFolders`, not thrown.
  public init(folders: [String]) {
    self.folders = folders
    var found: [String: [Revision]] = [:]
    for folder in folders {
      for path in Self.xmlFiles(in: folder) {
        if let revision = Self.revision(forPath: path) {
          found[revision.source, default: []].append(revision)
        }
      }
    }
    for (key, revisions) in found {
      found[key] = revisions.sorted(by: Self.older)
    }
    self.sources = found
    var declared: Set<String> = []
    var errors: [GuideKitError] = []
    for folder in folders {
      do {
        declared.formUnion(try SourceManifest.read(store: folder).sources.map(\.id))
        declared.formUnion(try SourceLock.read(store: folder).sources.keys)
      } catch {
        errors.append(error)
      }
    }
    self.declared = declared
    self.storeErrors = errors
  }

  /// True when `guidekit sources fetch` would fetch `source` into the store: an e-Gov LawId,
  /// or a source its `sources.json` declares.
  public func isFetchable(_ source: String) -> Bool {
    LawID.isValid(source) || declared.contains(source)
  }

  public var missingFolders: [String] {
    folders.filter { !FileManager.default.fileExists(atPath: $0) }
  }

  static func older(_ a: Revision, _ b: Revision) -> Bool {
    if let x = a.date, let y = b.date, x != y { return x < y }
    return NaturalOrder.less(a.id, b.id)
  }

  static func xmlFiles(in folder: String) -> [String] {
    FileTree.xmlFiles(under: folder, skipHidden: false)
  }

  static func revision(forPath path: String) -> Revision? {
    guard let located = SourceLocator(path: path) else { return nil }
    return Revision(
      source: located.source, id: located.revision, date: located.inForce, path: path, isLaw: located.isLaw)
  }

  // MARK: - Resolution

  /// The revision a pin names: a revision id, or a date `YYYY-MM-DD` meaning the revision in
  /// force that day (e-Gov sources; for other sources, the newest whose `effective`/`issued`
  /// date is on or before it).
  public func revision(source: String, pin: String) -> Revision? {
    guard let revisions = sources[source] else { return nil }
    if let exact = revisions.first(where: { $0.id == pin }) { return exact }
    guard PinDate.isDate(pin) else { return nil }
    return latest(source: source, asOf: pin)
  }

  /// The newest revision in force on `date` (`YYYY-MM-DD`).
  public func latest(source: String, asOf date: String) -> Revision? {
    guard let revisions = sources[source] else { return nil }
    return revisions.last { revision in
      (revision.date ?? inForceDate(of: revision) ?? "0000-00-00") <= date
    }
  }

  /// Revisions that come into force after `date`.
  public func upcoming(source: String, after date: String) -> [Revision] {
    (sources[source] ?? []).filter { ($0.date ?? inForceDate(of: $0) ?? "0000-00-00") > date }
  }

  /// A clause set's or catalog's own date, read from the document when it has none in its name.
  func inForceDate(of revision: Revision) -> String? {
    guard let tree = try? load(revision) else { return nil }
    return tree.info.effective ?? tree.info.issued
  }

  /// The parsed revision, parsed once per registry.
  public func load(_ revision: Revision) throws(GuideKitError) -> ClauseTree {
    let key = revision.path
    if let cached = cache.withLock({ $0[key] }) { return try cached.get() }
    // One loader per file: others wait for it.
    let (gate, isLoader) = loading.withLock { table -> (DispatchGroup, Bool) in
      if let existing = table[key] { return (existing, false) }
      let created = DispatchGroup()
      created.enter()
      table[key] = created
      return (created, true)
    }
    if !isLoader {
      gate.wait()
      guard let finished = cache.withLock({ $0[key] }) else {
        throw .io(path: key, reason: "internal: load did not finish")
      }
      return try finished.get()
    }
    let result: Result<ClauseTree, GuideKitError>
    do {
      var tree = try DocumentLoader.load(file: revision.path)
      if tree.info.id.isEmpty { tree.info.id = revision.source }
      if tree.info.version.isEmpty || revision.isLaw { tree.info.version = revision.id }
      if revision.isLaw, let date = revision.date { tree.info.effective = date }
      result = .success(tree)
    } catch {
      result = .failure(error)
    }
    cache.withLock { $0[key] = result }
    gate.leave()
    return try result.get()
  }
}

/// e-Gov LawId syntax: era+year (3 digits), a type code, a serial (`322AC0000000049`,
/// `426AC1000000104`, `347M50002000032`).
public enum LawID {
  /// True for a LawId of e-Gov's form: 15 characters, the era and year (3 digits), the kind of
  /// law (`AC`, `CO`, `M`…) and its serial (`322AC0000000049`, `322M40000100023`).
  public static func isValid(_ id: String) -> Bool {
    let chars = Array(id.utf8)
    guard chars.count == 15 else { return false }
    guard chars[0] >= UInt8(ascii: "1"), chars[0] <= UInt8(ascii: "5"),
      chars[1...2].allSatisfy({ $0 >= 48 && $0 <= 57 })
    else { return false }
    let rest = chars[3...]
    let letters = rest.prefix { $0 >= 65 && $0 <= 90 }
    guard (1...2).contains(letters.count) else { return false }
    let code = String(decoding: letters, as: UTF8.self)
    guard ["AC", "CO", "IO", "M", "DF", "SO", "RJ", "CA"].contains(code) else { return false }
    let serial = rest.dropFirst(letters.count)
    return serial.count >= 8 && serial.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }
  }

  /// True when `source` is meant as a LawId (starts with three digits).
  public static func looksLikeLawID(_ source: String) -> Bool {
    let chars = Array(source.utf8.prefix(3))
    return chars.count == 3 && chars.allSatisfy { $0 >= 48 && $0 <= 57 }
  }
}

/// Dates in pins and attributes.
public enum PinDate {
  /// True for `YYYY-MM-DD` in form (not checked for a real day).
  public static func isDate(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
    return u.enumerated().allSatisfy { i, c in i == 4 || i == 7 || (c >= 48 && c <= 57) }
  }

  /// True for a real calendar day `YYYY-MM-DD` (`CalendarDay`).
  public static func isRealDate(_ s: String) -> Bool { CalendarDay(s) != nil }

  /// Today as `YYYY-MM-DD` in Japan time.
  public static func today() -> String {
    // Japan keeps UTC+9 all year.
    let japan = TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt
    return Date.ISO8601FormatStyle(timeZone: japan).year().month().day().format(Date())
  }
}

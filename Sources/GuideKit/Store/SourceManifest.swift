import FoundationEssentials

/// `sources.json` in the store: the sources that are not e-Gov laws, each with the URL of every
/// revision (DESIGN.md "Sources"; documented in docs/sources.md).
///
/// ```json
/// {
///   "sources": [
///     {
///       "id": "nist-sp800-53",
///       "kind": "oscal",
///       "title": "NIST SP 800-53",
///       "revisions": [
///         { "revision": "rev4", "url": "https://…/NIST_SP-800-53_rev4_catalog.xml" }
///       ]
///     }
///   ]
/// }
/// ```
public struct SourceManifest: Codable, Sendable, Equatable {
  public static let fileName = "sources.json"

  public var sources: [DeclaredSource]

  public init(sources: [DeclaredSource] = []) {
    self.sources = sources
  }

  /// The manifest of the store at `store`, or an empty one when it has none.
  /// - Throws: `GuideKitError.io` naming the file and what is wrong in it.
  public static func read(store: String) throws(GuideKitError) -> SourceManifest {
    let path = store.joiningPath(fileName)
    guard FileManager.default.fileExists(atPath: path) else { return SourceManifest() }
    let manifest: SourceManifest
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      manifest = try JSONDecoder().decode(SourceManifest.self, from: data)
    } catch let error as DecodingError {
      throw .io(path: path, reason: "not a sources file: \(Self.describe(error))")
    } catch {
      throw .io(path: path, reason: "cannot read: \(AtomicFile.reason(error))")
    }
    try manifest.check(path: path)
    return manifest
  }

  public func source(_ id: String) -> DeclaredSource? {
    sources.first { $0.id == id }
  }

  /// Ids and revision names become file names in the store: they must be plain names.
  func check(path: String) throws(GuideKitError) {
    var seen: Set<String> = []
    for source in sources {
      guard SafeName.isPlain(source.id) else {
        throw .io(path: path, reason: "source id \"\(source.id)\" is not a plain name (letters, digits, . _ -)")
      }
      guard seen.insert(source.id).inserted else {
        throw .io(path: path, reason: "source \"\(source.id)\" is declared twice")
      }
      guard source.kind != .egov else {
        throw .io(
          path: path,
          reason: "source \"\(source.id)\": e-Gov laws are not declared, they are fetched by LawId from the e-Gov API")
      }
      var revisions: Set<String> = []
      for revision in source.revisions {
        guard SafeName.isPlain(revision.revision) else {
          throw .io(
            path: path, reason: "source \"\(source.id)\": revision \"\(revision.revision)\" is not a plain name")
        }
        guard revisions.insert(revision.revision).inserted else {
          throw .io(path: path, reason: "source \"\(source.id)\": revision \"\(revision.revision)\" is declared twice")
        }
        guard revision.url.hasPrefix("https://") || revision.url.hasPrefix("http://") else {
          throw .io(
            path: path,
            reason: "source \"\(source.id)\" revision \(revision.revision): url must be http:// or https://")
        }
      }
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context.codingPath))"
    @unknown default:
      return "\(error)"
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.isEmpty ? "the top" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
  }
}

/// A source declared in `sources.json`.
public struct DeclaredSource: Codable, Sendable, Equatable {
  public var id: String
  public var kind: SourceKind
  public var title: String?
  public var revisions: [DeclaredRevision]

  public init(id: String, kind: SourceKind, title: String? = nil, revisions: [DeclaredRevision]) {
    self.id = id
    self.kind = kind
    self.title = title
    self.revisions = revisions
  }
}

public struct DeclaredRevision: Codable, Sendable, Equatable {
  /// The revision's name, also its file name in the store (`rev5.0.1` → `rev5.0.1.xml`).
  public var revision: String
  public var url: String
  /// `YYYY-MM-DD`, when the publisher gives one.
  public var inForce: String?

  public init(revision: String, url: String, inForce: String? = nil) {
    self.revision = revision
    self.url = url
    self.inForce = inForce
  }
}

/// Names that may become one path component in the store.
enum SafeName {
  static func isPlain(_ name: String) -> Bool {
    guard !name.isEmpty, name.utf8.count <= 100, name != ".", name != "..", !name.hasPrefix(".") else {
      return false
    }
    return name.unicodeScalars.allSatisfy { c in
      (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "." || c == "_"
        || c == "-"
    }
  }
}

import FoundationEssentials

/// The names by which prose cites laws and catalogs: law titles and abbreviations mapped to e-Gov
/// LawIds, and the names of control catalogs and clause sets (「NIST SP 800-53」, 「ICT対策」).
///
/// Read from `law-titles.json` in a reference store (the repository's `references/law-titles.json`)
/// and from the `<LawTitle>` and `Abbrev` of the e-Gov files the store holds. A name two laws
/// claim is dropped rather than guessed.
public struct LawTitleTable: Sendable {
  /// One law of the table file.
  public struct Law: Sendable, Hashable, Codable {
    public var lawId: String
    public var title: String
    public var abbreviations: [String]?
    /// The 法令番号, for the reader of the file (「昭和二十二年法律第四十九号」).
    public var lawNum: String?

    public init(lawId: String, title: String, abbreviations: [String]? = nil, lawNum: String? = nil) {
      self.lawId = lawId
      self.title = title
      self.abbreviations = abbreviations
      self.lawNum = lawNum
    }
  }

  /// A control catalog (`oscal`: ids like AC-17(2)) or a clause set (`clauses`: clause ids).
  public struct Catalog: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case oscal, clauses }
    public var source: String
    public var kind: Kind
    /// How the prose names it, immediately before the id: 「NIST SP 800-53」, 「ICT対策」.
    public var names: [String]

    public init(source: String, kind: Kind, names: [String]) {
      self.source = source
      self.kind = kind
      self.names = names
    }
  }

  private struct File: Codable {
    var laws: [Law]?
    var catalogs: [Catalog]?
  }

  /// The table file's name in a reference store.
  public static let fileName = "law-titles.json"

  public private(set) var laws: [Law]
  public private(set) var catalogs: [Catalog]
  /// Title or abbreviation → LawId; ambiguous names removed.
  private var lawIDs: [String: String] = [:]
  /// Names by their first Unicode scalar, longest first, as scalars.
  private var namesByFirst: [UInt32: [(name: [Unicode.Scalar], lawID: String)]] = [:]

  public init(laws: [Law] = [], catalogs: [Catalog] = []) {
    self.laws = []
    self.catalogs = catalogs
    add(laws)
  }

  /// Reads a table file.
  /// - Throws: `GuideKitError.io` when the file cannot be read or is not a table.
  public static func load(path: String) throws(GuideKitError) -> LawTitleTable {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .io(path: path, reason: "cannot read the law-title table")
    }
    do {
      let file = try JSONDecoder().decode(File.self, from: data)
      return LawTitleTable(laws: file.laws ?? [], catalogs: file.catalogs ?? [])
    } catch {
      throw .io(path: path, reason: "not a law-title table: \(error)")
    }
  }

  /// This table with `other`'s laws and catalogs added.
  public func merging(_ other: LawTitleTable) -> LawTitleTable {
    var out = self
    out.add(other.laws)
    for catalog in other.catalogs where !out.catalogs.contains(catalog) { out.catalogs.append(catalog) }
    return out
  }

  /// The LawId a title or abbreviation names, nil when unknown or ambiguous.
  public func lawID(for name: String) -> String? { lawIDs[name] }

  /// The official title of a LawId, when the table has it.
  public func title(of lawID: String) -> String? { laws.first { $0.lawId == lawID }?.title }

  /// The longest law name in the table that starts at `start` of `text`, with its LawId.
  func lawName(in text: [Unicode.Scalar], at start: Int) -> (lawID: String, length: Int)? {
    guard start < text.count, let candidates = namesByFirst[text[start].value] else { return nil }
    for (name, id) in candidates where start + name.count <= text.count {
      if text[start..<(start + name.count)].elementsEqual(name) { return (id, name.count) }
    }
    return nil
  }

  private mutating func add(_ more: [Law]) {
    var claims: [String: Set<String>] = [:]
    for law in laws + more {
      for name in [law.title] + (law.abbreviations ?? []) where !name.isEmpty {
        claims[name, default: []].insert(law.lawId)
      }
    }
    for law in more where !laws.contains(law) { laws.append(law) }
    lawIDs = claims.compactMapValues { $0.count == 1 ? $0.first : nil }
    var byFirst: [UInt32: [(name: [Unicode.Scalar], lawID: String)]] = [:]
    for (name, id) in lawIDs {
      if let first = name.unicodeScalars.first?.value {
        byFirst[first, default: []].append((Array(name.unicodeScalars), id))
      }
    }
    namesByFirst = byFirst.mapValues { $0.sorted { $0.name.count > $1.name.count } }
  }
}

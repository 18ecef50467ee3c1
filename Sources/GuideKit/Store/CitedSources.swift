/// The sources that guideline editions cite, with the pins that name their revisions.
public struct CitedSources: Sendable, Equatable {
  /// One cited source.
  public struct Source: Sendable, Equatable {
    public var id: String
    /// The distinct pins of its refs, sorted; empty when no ref pins it.
    public var pins: [String]
    /// Where it is cited first: file and line, for messages.
    public var firstFile: String
    public var firstLine: Int
    /// How many refs cite it.
    public var references: Int
  }

  /// e-Gov laws (sources whose id is a LawId), by id.
  public var laws: [Source]
  /// Other external sources, by id (OSCAL catalogs, clause sets).
  public var others: [Source]

  /// Collects the sources of every `<ref>` in `trees`; refs to the guidelines among `trees`
  /// (a guideline citing another) need no fetching and are left out.
  public init(trees: [ClauseTree]) {
    let guidelineIDs = Set(trees.filter { $0.info.kind == .guideline }.map(\.info.id))
    var found: [String: Source] = [:]
    var pins: [String: Set<String>] = [:]
    for tree in trees {
      for (reference, _) in tree.allReferences() where !guidelineIDs.contains(reference.source) {
        if let pin = reference.pin, !pin.isEmpty { pins[reference.source, default: []].insert(pin) }
        if found[reference.source] == nil {
          found[reference.source] = Source(
            id: reference.source, pins: [], firstFile: tree.info.file, firstLine: reference.line, references: 0)
        }
        found[reference.source]?.references += 1
      }
    }
    var all = found.values.map { source -> Source in
      var source = source
      source.pins = (pins[source.id] ?? []).sorted()
      return source
    }
    all.sort { $0.id < $1.id }
    laws = all.filter { LawID.looksLikeLawID($0.id) }
    others = all.filter { !LawID.looksLikeLawID($0.id) }
  }
}

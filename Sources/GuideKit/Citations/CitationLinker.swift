import FoundationEssentials

/// `guidekit link`: wraps each linkable citation of a guideline file in a `<ref>`, changing no
/// other byte.
public struct CitationLinker: Sendable {
  /// One `<ref>` to insert.
  public struct Insertion: Sendable, Hashable {
    public var found: FoundCitation
    public var source: String
    public var provision: String
    public var pin: String?
    /// Why the pin is not a revision of the store, when it is not.
    public var note: String?

    /// The start tag: `<ref source="…" provision="…" pin="…">`.
    public var startTag: String {
      var tag =
        "<\(found.prefix)ref source=\"\(XMLEscape.attribute(source))\" provision=\"\(XMLEscape.attribute(provision))\""
      if let pin { tag += " pin=\"\(XMLEscape.attribute(pin))\"" }
      return tag + ">"
    }
  }

  /// What `link` does to one file.
  public struct Plan: Sendable {
    public var file: String
    public var insertions: [Insertion]
    /// Citations found outside a `<ref>` that are not linked, with the reason.
    public var skipped: [(found: FoundCitation, reason: String)]
  }

  /// What `link` does to a set of files (`--format json`).
  public struct Report: Sendable {
    public var plans: [Plan]
    /// Citations linked (or, with a dry run, to link) in all files.
    public var linked: Int { plans.reduce(0) { $0 + $1.insertions.count } }
    /// Citations found that cannot be linked.
    public var skipped: Int { plans.reduce(0) { $0 + $1.skipped.count } }

    public init(plans: [Plan]) { self.plans = plans }
  }

  public var finder: CitationFinder
  public var registry: ReferenceRegistry?

  /// The linker of a reference store: law titles and citations recognised from its folders,
  /// revisions pinned from its registry (`guidekit link`, `guidekit import`).
  public static func store(folders: [String], registry: ReferenceRegistry) throws(GuideKitError) -> CitationLinker {
    CitationLinker(
      finder: CitationFinder(recognizer: try CitationRecognizer.store(folders: folders, registry: registry)),
      registry: registry)
  }

  public init(finder: CitationFinder, registry: ReferenceRegistry?) {
    self.finder = finder
    self.registry = registry
  }

  /// The plan for one file's bytes.
  public func plan(file: String, bytes: [UInt8]) -> Plan {
    let result = finder.find(in: bytes)
    var plan = Plan(file: file, insertions: [], skipped: [])
    for found in result.citations {
      let citation = found.citation
      if citation.impliedByRange { continue }
      guard citation.isResolved, let source = citation.source, let provision = citation.provision else {
        plan.skipped.append((found, citation.problemDescription ?? "not resolved"))
        continue
      }
      guard found.byteRange != nil else {
        plan.skipped.append((found, "the words cross other markup (em, term) and cannot be wrapped in a <ref>"))
        continue
      }
      let (pin, note) = CitationPin.pin(
        source: source, kind: citation.kind, hint: citation.revisionHint, issued: result.issued, registry: registry)
      plan.insertions.append(Insertion(found: found, source: source, provision: provision, pin: pin, note: note))
    }
    return plan
  }

  /// `bytes` with the plan's `<ref>` tags inserted; every other byte is kept.
  public static func apply(_ plan: Plan, to bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + plan.insertions.count * 96)
    var cursor = 0
    for insertion in plan.insertions.sorted(by: {
      ($0.found.byteRange?.lowerBound ?? 0) < ($1.found.byteRange?.lowerBound ?? 0)
    }) {
      guard let range = insertion.found.byteRange, range.lowerBound >= cursor else { continue }
      out += bytes[cursor..<range.lowerBound]
      out += Array(insertion.startTag.utf8)
      out += bytes[range]
      out += Array("</\(insertion.found.prefix)ref>".utf8)
      cursor = range.upperBound
    }
    out += bytes[cursor...]
    return out
  }

}

/// Escaping for attribute values written by guidekit.
enum XMLEscape {
  static func attribute(_ value: String) -> String {
    var out = ""
    for c in value {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}

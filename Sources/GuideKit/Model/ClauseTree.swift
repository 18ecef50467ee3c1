/// The one tree shape shared by guidelines, e-Gov laws and OSCAL catalogs (DESIGN.md "Data flow").
///
/// Readers turn each source format into a `ClauseTree`; Validation, Diff and Impact never look at
/// the source format. It holds Swift values only: the libxml2 tree is freed once it is read.
public struct ClauseTree: Sendable, Hashable {
  public var info: DocumentInfo
  /// The top-level units in document order (chapters of a guideline or law, groups of a catalog).
  public var units: [Unit]
  /// Supplementary provisions (附則) of a law, kept apart from the main provision.
  public var supplements: [Unit]

  public init(info: DocumentInfo, units: [Unit], supplements: [Unit] = []) {
    self.info = info
    self.units = units
    self.supplements = supplements
  }
}

/// The kind of document a tree was read from.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
  case guideline, law, catalog
}

/// What a document says about itself.
public struct DocumentInfo: Sendable, Hashable, Codable {
  public var kind: DocumentKind
  /// Guideline id, e-Gov LawId, or catalog source id ("" when the document does not say).
  public var id: String
  /// Guideline version, law revision id (`YYYYMMDD_AmendingLawId`) or catalog version.
  public var version: String
  public var title: String
  public var issuer: String?
  public var contact: String?
  public var supersedes: String?
  /// `YYYY-MM-DD`: a guideline's issue date, a law revision's promulgation date when known.
  public var issued: String?
  /// `YYYY-MM-DD`: a guideline's effective date, a law revision's in-force date.
  public var effective: String?
  public var language: String?
  /// `draft` or `final` as written on a guideline edition (nil: not said, which means final).
  public var status: String?
  /// `YYYY-MM-DD`: the day a draft edition is planned to be published (`planned`; guidelines only).
  public var planned: String?
  /// The edition's summary as plain paragraphs (guidelines only).
  public var summary: [String]
  /// Clauses of the previous edition deliberately removed (`<removals>`; guidelines only).
  public var removals: [Removal] = []
  /// Lines of `<summary>` and `<removals>`; 0 when absent (guidelines only).
  public var summaryLine = 0
  public var removalsLine = 0
  /// The file the tree was read from, as given.
  public var file: String
  /// Line of the root element.
  public var line: Int

  /// True for an edition marked `status="draft"`: work in progress, left out of `publish` (unless
  /// asked for), `show --as-of` and `history`.
  public var isDraft: Bool { status == "draft" }

  public init(
    kind: DocumentKind, id: String, version: String, title: String, issuer: String? = nil,
    contact: String? = nil, supersedes: String? = nil, issued: String? = nil,
    effective: String? = nil, language: String? = nil, summary: [String] = [], file: String,
    line: Int = 0
  ) {
    self.kind = kind
    self.id = id
    self.version = version
    self.title = title
    self.issuer = issuer
    self.contact = contact
    self.supersedes = supersedes
    self.issued = issued
    self.effective = effective
    self.language = language
    self.summary = summary
    self.file = file
    self.line = line
  }
}

/// A clause of the previous edition deliberately removed from this one.
public struct Removal: Sendable, Hashable, Codable {
  public var id: String
  /// The clause it was merged into, if any.
  public var into: String?
  public var reason: String
  public var line: Int

  public init(id: String, into: String? = nil, reason: String = "", line: Int = 0) {
    self.id = id
    self.into = into
    self.reason = reason
    self.line = line
  }
}

/// The kinds of unit the three readers produce.
public enum UnitKind: String, Sendable, Codable {
  // guideline (an appendix is 別紙・別添・様式 after the chapters)
  case chapter, section, clause, appendix
  /// A table in a clause or appendix, and its rows (a row's blocks are its cells).
  case table, row
  /// A figure: an image file beside the edition, with caption and alt text.
  case figure
  // e-Gov law (structure above the article, then the article and its parts)
  case part, lawChapter, lawSection, subsection, division, article, paragraph, item, subitem
  case supplement
  // OSCAL
  case group, control

  /// True for the unit a diff aligns and reports: a guideline clause or appendix (its own text;
  /// its clauses are units of their own), a law article (main provision or supplement), an OSCAL
  /// control or enhancement.
  public var isDiffUnit: Bool {
    switch self {
    case .clause, .appendix, .row, .figure, .article, .control, .supplement: true
    default: false
    }
  }

  /// True for units that only group others (their own text is a heading).
  public var isContainer: Bool {
    switch self {
    case .chapter, .section, .part, .lawChapter, .lawSection, .subsection, .division, .group: true
    default: false
    }
  }
}

/// A unit of a document: a chapter, section or clause of a guideline; a part, chapter, article,
/// paragraph or item of a law; a group or control of a catalog.
public struct Unit: Sendable, Hashable, Identifiable {
  public var kind: UnitKind
  /// The unit's id: a guideline id attribute; a law provision path (`Art38_2`, `Art38_2/Para1`,
  /// `Art38_2/Para1/Item2`; `Chap1` for structure); an OSCAL control or group id.
  public var id: String
  /// Display number as written: `(1)`, `第三十八条の二`, `AC-17`.
  public var num: String?
  /// Title or caption: clause title, `（事業場外労働）`, control title.
  public var title: String?
  /// The unit's own text, block by block (not its children's).
  public var blocks: [Block]
  public var children: [Unit]
  /// Citations made in the unit's own text.
  public var references: [Reference]
  /// 1-based line of the unit's start tag.
  public var line: Int
  /// Further properties: `level`, `audience` (guidelines); `status` = `withdrawn` (OSCAL);
  /// `amendmentLawNum` (law supplements).
  public var properties: [String: String]
  /// Links to other units: OSCAL `incorporated-into` / `moved-to` / `related`.
  public var links: [UnitLink]
  /// Internal cross-references (`<xref target>`) made in the unit's own text (guidelines only).
  public var crossReferences: [CrossReference] = []

  public init(
    kind: UnitKind, id: String, num: String? = nil, title: String? = nil, blocks: [Block] = [],
    children: [Unit] = [], references: [Reference] = [], line: Int = 0,
    properties: [String: String] = [:], links: [UnitLink] = []
  ) {
    self.kind = kind
    self.id = id
    self.num = num
    self.title = title
    self.blocks = blocks
    self.children = children
    self.references = references
    self.line = line
    self.properties = properties
    self.links = links
  }

  /// The unit's own text: its blocks joined by newlines.
  public var ownText: String {
    blocks.map(\.displayText).joined(separator: "\n")
  }

  /// The unit's text with every non-diff-unit descendant's (a law article with its paragraphs and
  /// items; a clause with its blocks), blocks joined by newlines. Nested diff units are excluded,
  /// so an OSCAL control's text does not include its enhancements'.
  public var fullText: String {
    var parts: [String] = []
    appendFullText(to: &parts, isRoot: true)
    return parts.joined(separator: "\n")
  }

  private func appendFullText(to parts: inout [String], isRoot: Bool) {
    if !isRoot && kind.isDiffUnit { return }
    for block in blocks { parts.append(block.displayText) }
    for child in children { child.appendFullText(to: &parts, isRoot: false) }
  }

  /// True when the unit has no text of its own (after trimming) and no text-bearing parts.
  public var isEmpty: Bool {
    fullText.allSatisfy { $0.isWhitespace }
  }
}

/// A block of text: a paragraph, a list item, a note, a law sentence group.
public struct Block: Sendable, Hashable {
  public enum Kind: String, Sendable, Codable {
    case paragraph, item, note, heading
  }
  public var kind: Kind
  /// A label printed before the text (a list item's `①`, a law item's `一`).
  public var label: String?
  /// Plain text, inline markup flattened; whitespace normalised by the reader. A cross-reference
  /// stands as its target's current label (`2-1(3)`).
  public var text: String
  public var line: Int
  /// The text with each cross-reference as a token naming its target (`CrossReferences.token`),
  /// from which `text` is made; nil when the block has no cross-reference.
  public var template: String?

  public init(kind: Kind, label: String? = nil, text: String, line: Int = 0) {
    self.kind = kind
    self.label = label
    self.text = text
    self.line = line
  }

  /// The text as a reader sees it, with the label.
  public var displayText: String {
    if let label, !label.isEmpty { return label + "　" + text }
    return text
  }
}

/// A citation of a provision of a reference source (`<ref>` in the guideline vocabulary).
public struct Reference: Sendable, Hashable, Codable {
  public var source: String
  public var provision: String
  public var pin: String?
  /// The label shown to readers (the `<ref>` element's text).
  public var label: String
  public var line: Int

  public init(source: String, provision: String, pin: String?, label: String, line: Int) {
    self.source = source
    self.provision = provision
    self.pin = pin
    self.label = label
    self.line = line
  }
}

/// An internal cross-reference (`<xref target="ID"/>`): its text is made from the target's current
/// number when the edition is read, so renumbering never leaves it stale.
public struct CrossReference: Sendable, Hashable, Codable {
  /// The id of a chapter, section, clause or appendix of the same edition.
  public var target: String
  public var line: Int

  public init(target: String, line: Int) {
    self.target = target
    self.line = line
  }
}

/// A typed link from one unit to another (OSCAL `<link rel href>` to a control).
extension [UnitLink] {
  /// The successors of a withdrawn OSCAL control: its `incorporated-into` and `moved-to` links.
  public var successors: [UnitLink] { filter { $0.rel == "incorporated-into" || $0.rel == "moved-to" } }
}

public struct UnitLink: Sendable, Hashable, Codable {
  public var rel: String
  /// The target unit's id (the `#` of an OSCAL href removed).
  public var target: String

  public init(rel: String, target: String) {
    self.rel = rel
    self.target = target
  }
}

import Foundation
import GuideKit
import GuideKitXML

/// What `guidekit import` is asked to make.
public struct WordImportOptions: Sendable {
  public var guidelineID: String
  public var version: String
  /// The previous edition: its version (written as `supersedes`) and its tree, whose ids aligned
  /// clauses keep.
  public var previous: ClauseTree?
  /// `issued` and `effective` (YYYY-MM-DD); nil: the date the document states, else today.
  public var issued: String?
  /// Accept tracked changes (insertions kept, deletions dropped) instead of refusing them.
  public var acceptChanges: Bool

  public init(
    guidelineID: String, version: String, previous: ClauseTree? = nil, issued: String? = nil,
    acceptChanges: Bool = false
  ) {
    self.guidelineID = guidelineID
    self.version = version
    self.previous = previous
    self.issued = issued
    self.acceptChanges = acceptChanges
  }
}

/// An imported edition.
public struct WordImportResult: Sendable {
  /// The edition in the canonical layout of `guidekit fmt`.
  public var xml: String
  /// What the vocabulary could not hold or the import dropped, each with its place.
  public var warnings: [String]
  /// What the import decided (title, issuer, date, clauses of the previous edition not found).
  public var notes: [String]
  /// How the clause ids were found: from guidekit's bookmarks, by alignment with the previous
  /// edition, newly made from the number path.
  public var bookmarkedIDs = 0
  public var alignedIDs = 0
  public var newIDs = 0
}

/// Why an import stopped on a document that was read but cannot become an edition (exit 1).
public enum WordImportRefusal: Error, Sendable, CustomStringConvertible {
  case trackedChanges(file: String, changes: [String])
  case noStructure(file: String, reason: String)

  public var description: String {
    switch self {
    case .trackedChanges(let file, let changes):
      return
        "\(file): error: the document has \(changes.count) tracked change\(changes.count == 1 ? "" : "s"); accept or reject them in Word, or import with --accept-changes\n"
        + changes.map { "\(file): note: \($0)" }.joined(separator: "\n")
    case .noStructure(let file, let reason):
      return "\(file): error: \(reason)"
    }
  }
}

/// Reads a Word document (.docx) into a guideline edition.
public enum WordImporter {
  /// Imports `file`.
  /// - Throws: `WordImportError` (unreadable or hostile package: exit 2) or `WordImportRefusal`
  ///   (tracked changes, no chapters: exit 1).
  public static func importDocument(file: String, options: WordImportOptions) throws -> WordImportResult {
    var archive = try DocxArchive(file: file)
    let documentPart = try mainDocumentPart(&archive)
    guard let document = try archive.xml(documentPart) else {
      throw WordImportError.missingPart(file: file, part: documentPart)
    }
    guard document.isWord("document"), let body = document.word("body") else {
      throw WordImportError.malformedPart(
        file: file, part: documentPart,
        diagnostics: [XMLDiagnostic(file: file, line: 0, severity: .error, message: "no w:document/w:body")])
    }
    let related = try relatedParts(&archive, of: documentPart)
    let styles = WordStyles(try related["styles"].flatMap { try archive.xml($0) })
    let numbering = WordNumbering(try related["numbering"].flatMap { try archive.xml($0) })
    var footnotes = wordFootnotes(try related["footnotes"].flatMap { try archive.xml($0) })
    for (id, text) in wordFootnotes(try related["endnotes"].flatMap { try archive.xml($0) }) where footnotes[id] == nil
    {
      footnotes[id] = text
    }
    var reader = WordBodyReader(styles: styles, numbering: numbering, footnotes: footnotes)
    let blocks = reader.read(body: body)

    var builder = StructureBuilder(styles: styles, file: file)
    options.previous?.forEachUnit { unit in
      if unit.kind == .figure { builder.previousFigures[unit.id] = unit }
    }
    builder.build(blocks)
    if !builder.revisions.isEmpty && !options.acceptChanges {
      throw WordImportRefusal.trackedChanges(file: file, changes: builder.revisions)
    }
    if builder.roots.isEmpty {
      throw WordImportRefusal.noStructure(
        file: file,
        reason:
          "no chapter found: give the chapters a heading style (見出し 1 / Heading 1) or an outline level, or number them 第1章, 第2章 …"
      )
    }
    var warnings = builder.warnings
    var notes: [String] = []
    if !builder.revisions.isEmpty {
      notes.append(
        "\(file): note: \(builder.revisions.count) tracked changes accepted (insertions kept, deletions dropped)")
    }
    if builder.comments > 0 || related["comments"] != nil {
      warnings.append(
        "\(file): warning: comments dropped (\(max(builder.comments, 1)))\(builder.commentPlaces.isEmpty ? "" : ": " + builder.commentPlaces.joined(separator: "; "))"
      )
    }

    var head = EditionHead(options: options, file: file)
    head.take(builder.preamble, previous: options.previous)
    head.contact = builder.contact
    notes.append(contentsOf: head.notes)
    warnings.append(contentsOf: head.warnings)

    var assigner = IDAssigner(roots: builder.roots, previous: options.previous)
    try assigner.assign(head: head)
    if let previous = options.previous {
      let missing = assigner.unalignedPrevious
      if !missing.isEmpty {
        notes.append(
          "\(file): note: \(missing.count) clause\(missing.count == 1 ? "" : "s") of \(previous.info.version) not found in the document (removed, or reworded beyond recognition): \(missing.joined(separator: ", ")); declare deliberate removals in <removals>"
        )
      }
    }
    let text = EditionWriter.write(head: head, roots: builder.roots)
    let formatted = try format(text, file: file)
    var result = WordImportResult(xml: formatted, warnings: warnings, notes: notes)
    result.bookmarkedIDs = assigner.bookmarked
    result.alignedIDs = assigner.aligned
    result.newIDs = assigner.made
    return result
  }

  /// The edition text in the canonical layout (it is parsed, so it is also known to be well-formed).
  static func format(_ text: String, file: String) throws -> String {
    do {
      let document = try XMLDocument.parse(data: Data(text.utf8), fileName: file + " (imported)")
      return GuidelineFormatter.format(document.tree())
    } catch {
      throw WordImportRefusal.noStructure(file: file, reason: "the imported edition is not well-formed: \(error)")
    }
  }

  /// The tree an edition text reads as.
  static func tree(_ text: String, file: String) throws -> ClauseTree {
    do {
      let document = try XMLDocument.parse(data: Data(text.utf8), fileName: file)
      return GuidelineReader.read(document.rootElement(), file: file)
    } catch {
      throw WordImportRefusal.noStructure(file: file, reason: "the imported edition is not well-formed: \(error)")
    }
  }

  /// The main document part named by the package relationships (`word/document.xml` as a rule).
  static func mainDocumentPart(_ archive: inout DocxArchive) throws(WordImportError) -> String {
    if let rels = try archive.xml("_rels/.rels") {
      for relationship in rels.elements where relationship.name == "Relationship" {
        guard let type = relationship.attributeNamed("Type"), type.hasSuffix("/officeDocument"),
          let target = relationship.attributeNamed("Target")
        else { continue }
        let part = resolve(target, base: "")
        if archive.contains(part) { return part }
      }
    }
    guard archive.contains("word/document.xml") else {
      throw .missingPart(file: archive.file, part: "word/document.xml")
    }
    return "word/document.xml"
  }

  /// The parts the document part relates to, by kind (`styles`, `numbering`, `footnotes`, `comments`).
  static func relatedParts(_ archive: inout DocxArchive, of part: String) throws(WordImportError) -> [String: String] {
    let folder = part.split(separator: "/").dropLast().joined(separator: "/")
    let file = part.split(separator: "/").last.map(String.init) ?? part
    let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    var out: [String: String] = [:]
    if let rels = try archive.xml(relsPart) {
      for relationship in rels.elements where relationship.name == "Relationship" {
        guard let type = relationship.attributeNamed("Type"), let target = relationship.attributeNamed("Target"),
          relationship.attributeNamed("TargetMode") != "External"
        else { continue }
        let kind = String(type.split(separator: "/").last ?? "")
        let resolved = resolve(target, base: folder)
        if ["styles", "numbering", "footnotes", "endnotes", "comments"].contains(kind), archive.contains(resolved) {
          out[kind] = resolved
        }
      }
    }
    for (kind, name) in [("styles", "styles.xml"), ("numbering", "numbering.xml"), ("footnotes", "footnotes.xml")]
    where out[kind] == nil {
      let guess = (folder.isEmpty ? "" : folder + "/") + name
      if archive.contains(guess) { out[kind] = guess }
    }
    if out["comments"] == nil, archive.contains((folder.isEmpty ? "" : folder + "/") + "comments.xml") {
      out["comments"] = (folder.isEmpty ? "" : folder + "/") + "comments.xml"
    }
    return out
  }

  /// A relationship target as a part name: relative to `base`, or absolute from the package root.
  /// Only ever looked up among the entries, never used as a file path.
  static func resolve(_ target: String, base: String) -> String {
    var segments: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
    for segment in target.split(separator: "/") {
      if segment == ".." {
        if !segments.isEmpty { segments.removeLast() }
      } else if segment != "." {
        segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }
}

extension XMLElement {
  /// An attribute without namespace.
  func attributeNamed(_ local: String) -> String? {
    attributes.first { $0.name == local && $0.namespaceURI == nil }?.value
  }
}

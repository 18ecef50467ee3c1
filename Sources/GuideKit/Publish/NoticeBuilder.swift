import FoundationEssentials
import GuideKitXML

/// Builds the notice document (`urn:guidekit:notice:1`) of an edition: the facts a notice states
/// (dates in 和暦 and 西暦, issuer, title, summary, the changes against the previous edition,
/// links), for the notice stylesheets to word and lay out.
public enum NoticeBuilder {
  public static let namespace = "urn:guidekit:notice:1"

  /// Links a notice lists.
  public struct Links: Sendable {
    public var edition: String?
    public var table: String?
    public var redline: String?
    public var text: String?
    public init(edition: String? = nil, table: String? = nil, redline: String? = nil, text: String? = nil) {
      self.edition = edition
      self.table = table
      self.redline = redline
      self.text = text
    }
  }

  /// - Parameters:
  ///   - edition: the new edition.
  ///   - previous: the edition it supersedes, with the diff between them, if any.
  ///   - mainChanges: how many changed clauses to name (the rest are counted).
  public static func xml(
    edition: ClauseTree, previous: (tree: ClauseTree, diff: DocumentDiff)?, links: Links,
    mainChanges: Int = 10
  ) -> String {
    var w = XMLWriter()
    write(edition: edition, previous: previous, links: links, mainChanges: mainChanges, into: &w)
    return w.output
  }

  /// The notice as a libxml2 tree for the stylesheets: what parsing ``xml(edition:previous:links:mainChanges:)``
  /// would give.
  public static func document(
    edition: ClauseTree, previous: (tree: ClauseTree, diff: DocumentDiff)?, links: Links,
    mainChanges: Int = 10, fileName: String = "notice.xml"
  ) throws(GuideKitError) -> XMLDocument {
    var w = XMLWriter(tree: true)
    write(edition: edition, previous: previous, links: links, mainChanges: mainChanges, into: &w)
    return try w.document(fileName: fileName)
  }

  static func write(
    edition: ClauseTree, previous: (tree: ClauseTree, diff: DocumentDiff)?, links: Links, mainChanges: Int,
    into w: inout XMLWriter
  ) {
    let info = edition.info
    w.declaration()
    var rootAttributes = [
      ("xmlns", namespace), ("guideline", info.id), ("version", info.version), ("lang", info.language ?? "ja"),
    ]
    if info.isDraft { rootAttributes.append(("status", "draft")) }
    w.open("notice", rootAttributes)
    if let issued = info.issued { date(&w, "date", issued) }
    if let issuer = info.issuer { w.element("issuer", issuer) }
    w.element("title", info.title)
    if let (tree, _) = previous {
      var attributes = [("version", tree.info.version)]
      if let issued = tree.info.issued {
        attributes.append(("iso", issued))
        if let wareki = JapaneseDate.wareki(iso: issued) { attributes.append(("wareki", wareki)) }
      }
      w.open("previous", attributes)
      w.element("title", tree.info.title)
      w.close("previous")
    }
    if let effective = info.effective { date(&w, "effective", effective) }
    if !info.summary.isEmpty {
      w.open("summary")
      for paragraph in info.summary { w.element("p", paragraph) }
      w.close("summary")
    }
    if let (_, diff) = previous {
      w.open("changes", diff.summary.attributes)
      for change in main(diff.changes, limit: mainChanges) {
        let side = change.new ?? change.old
        var attributes = [("kind", change.kind.rawValue), ("id", change.id)]
        if let num = side?.num { attributes.append(("num", num)) }
        if let title = side?.title { attributes.append(("title", title)) }
        if let path = side?.path, !path.isEmpty { attributes.append(("path", path.joined(separator: " > "))) }
        w.empty("change", attributes)
      }
      w.close("changes")
    }
    w.open("links")
    if let href = links.edition { w.element("link", info.title, [("rel", "edition"), ("href", href)]) }
    let terms = Terms.shared
    if let href = links.table { w.element("link", terms["doc.table"], [("rel", "table"), ("href", href)]) }
    if let href = links.redline { w.element("link", terms["doc.redline"], [("rel", "redline"), ("href", href)]) }
    if let href = links.text { w.element("link", terms["doc.text"], [("rel", "text"), ("href", href)]) }
    w.close("links")
    if let contact = info.contact { w.element("contact", contact) }
    w.close("notice")
  }

  /// The edition `edition` supersedes, found beside it: `<supersedes>.xml` in its folder, else
  /// another edition file there of the same guideline and that version.
  /// - Returns: nil when the edition supersedes none (a first edition).
  /// - Throws: `GuideKitError.io` when it names an edition that is not beside it.
  public static func supersededEdition(of edition: ClauseTree) throws(GuideKitError) -> ClauseTree? {
    guard let version = edition.info.supersedes, !version.isEmpty else { return nil }
    let file = edition.info.file
    let folder = file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : "."
    let named = "\(version).xml"
    var names = [named]
    if let all = try? FileManager.default.contentsOfDirectory(atPath: folder) {
      names += all.filter { $0.hasSuffix(".xml") && $0 != named && $0 != file.lastPathPart }.sorted()
    }
    for name in names where !version.contains("/") {
      let path = folder.joiningPath(name)
      guard FileManager.default.fileExists(atPath: path) else { continue }
      // The edition named `<supersedes>.xml` must read; any other file may be no guideline.
      let tree = name == named ? try DocumentLoader.load(file: path) : try? DocumentLoader.load(file: path)
      guard let tree, tree.info.kind == .guideline, tree.info.id == edition.info.id, tree.info.version == version
      else { continue }
      return tree
    }
    throw .io(
      path: file,
      reason:
        "supersedes=\"\(version)\" names no edition of '\(edition.info.id)' beside it (\(folder.joiningPath(named))); pass the previous edition with --against"
    )
  }

  /// Refuses a previous edition that belongs to another guideline or is not older than `edition`.
  /// - Throws: `GuideKitError.invalidRequest`.
  public static func checkPrevious(_ previous: ClauseTree, of edition: ClauseTree) throws(GuideKitError) {
    guard previous.info.kind == .guideline, previous.info.id == edition.info.id else {
      throw .invalidRequest(
        "--against \(previous.info.file) is an edition of '\(previous.info.id)', not of '\(edition.info.id)': a notice compares two editions of one guideline"
      )
    }
    guard NaturalOrder.less(previous.info.version, edition.info.version) else {
      throw .invalidRequest(
        "--against \(previous.info.file) (\(previous.info.version)) is not older than \(edition.info.file) (\(edition.info.version))"
      )
    }
  }

  /// Where a notice's relative links point: the guideline's folder under the site's base URL
  /// (`https://example.go.jp/site` and `telework-security` give
  /// `https://example.go.jp/site/telework-security/`); "" without a base URL.
  public static func linkBase(siteURL: String, guideline: String) -> String {
    guard !siteURL.isEmpty else { return "" }
    let root = siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
    return root + guideline + "/"
  }

  static func date(_ w: inout XMLWriter, _ name: String, _ iso: String) {
    var attributes = [("iso", iso)]
    if let wareki = JapaneseDate.wareki(iso: iso) { attributes.append(("wareki", wareki)) }
    w.empty(name, attributes)
  }

  /// The changes worth naming: additions and removals first, then the largest rewrites.
  static func main(_ changes: [UnitChange], limit: Int) -> [UnitChange] {
    func weight(_ c: UnitChange) -> Int {
      switch c.kind {
      case .added, .removed: 1_000_000 + ((c.new ?? c.old)?.text.count ?? 0)
      case .modified: c.segments.filter { $0.op != .equal }.reduce(0) { $0 + $1.text.count }
      case .moved: 10
      case .citation: 2
      case .renumbered: 1
      }
    }
    let ranked = changes.enumerated().sorted { a, b in
      let (x, y) = (weight(a.element), weight(b.element))
      return x != y ? x > y : a.offset < b.offset
    }
    // Keep document order among the chosen.
    return ranked.prefix(limit).sorted { $0.offset < $1.offset }.map(\.element)
  }
}

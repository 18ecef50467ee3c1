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
    let info = edition.info
    var w = XMLWriter()
    w.declaration()
    w.open(
      "notice",
      [("xmlns", namespace), ("guideline", info.id), ("version", info.version), ("lang", info.language ?? "ja")])
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
      let s = diff.summary
      w.open(
        "changes",
        (ChangeKind.allCases.map(\.rawValue) + ["unchanged"]).map { ($0, String(s[$0] ?? 0)) })
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
    if let href = links.table { w.element("link", "新旧対照表", [("rel", "table"), ("href", href)]) }
    if let href = links.redline { w.element("link", "改定箇所を示した本文", [("rel", "redline"), ("href", href)]) }
    if let href = links.text { w.element("link", "テキスト版", [("rel", "text"), ("href", href)]) }
    w.close("links")
    if let contact = info.contact { w.element("contact", contact) }
    w.close("notice")
    return w.output
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

import GuideKitXML

/// The site document (`urn:guidekit:site:1`) that the index page and the feed are made from.
struct SiteDocument {
  static let namespace = "urn:guidekit:site:1"

  struct EditionLinks {
    var page: String
    var text: String
    var table: String?
    var redline: String?
    var notice: String?
    var noticeText: String?
  }

  var title: String
  var editions: [(tree: ClauseTree, links: EditionLinks)] = []
  var references: [(id: String, href: String, title: String)] = []
  var impact: ImpactReport?

  init(title: String) { self.title = title }

  mutating func add(edition: ClauseTree, links: EditionLinks) {
    editions.append((edition, links))
  }

  mutating func addReference(id: String, href: String, title: String) {
    references.append((id, href, title))
  }

  func xml() -> String {
    var w = XMLWriter()
    write(into: &w)
    return w.output
  }

  /// The site document as a libxml2 tree for the stylesheets: what parsing ``xml()`` would give.
  func document() throws(GuideKitError) -> XMLDocument {
    var w = XMLWriter(tree: true)
    write(into: &w)
    return try w.document(fileName: "site.xml")
  }

  private func write(into w: inout XMLWriter) {
    w.declaration()
    let updated = editions.filter { !$0.tree.info.isDraft }.compactMap { $0.tree.info.issued }.max() ?? ""
    w.open("site", [("xmlns", Self.namespace), ("title", title), ("updated", updated)])
    let byGuideline = Dictionary(grouping: editions, by: { $0.tree.info.id })
    for id in byGuideline.keys.sorted() {
      guard
        let list = byGuideline[id]?.sorted(by: { NaturalOrder.less($1.tree.info.version, $0.tree.info.version) }),
        let latest = list.first(where: { !$0.tree.info.isDraft }) ?? list.first
      else { continue }
      w.open("guideline", [("id", id), ("issuer", latest.tree.info.issuer ?? "")])
      w.element("title", latest.tree.info.title)
      for item in list {
        let info = item.tree.info
        var attributes = [("version", info.version)]
        if let issued = info.issued {
          attributes.append(("issued", issued))
          if let wareki = JapaneseDate.wareki(iso: issued) { attributes.append(("issued-wareki", wareki)) }
        }
        if let effective = info.effective { attributes.append(("effective", effective)) }
        if info.isDraft {
          attributes.append(("status", "draft"))
        } else if info.version == latest.tree.info.version {
          attributes.append(("latest", "true"))
        }
        attributes.append(("href", item.links.page))
        attributes.append(("text-href", item.links.text))
        if let t = item.links.table { attributes.append(("table-href", t)) }
        if let r = item.links.redline { attributes.append(("redline-href", r)) }
        if let n = item.links.notice { attributes.append(("notice-href", n)) }
        if let n = item.links.noticeText { attributes.append(("notice-text-href", n)) }
        w.open("edition", attributes)
        w.element("title", info.title)
        if let first = info.summary.first { w.element("summary", first) }
        w.close("edition")
      }
      w.close("guideline")
    }
    if let impact {
      w.open(
        "impact",
        [
          ("href", "impact.html"), ("json-href", "impact.json"), ("as-of", impact.asOf),
          ("references", String(impact.references)), ("stale", String(impact.stale)),
          ("broken", String(impact.broken)),
        ])
      for source in impact.missingSources { w.empty("missing-source", [("id", source)]) }
      w.close("impact")
    }
    for reference in references {
      w.empty("reference-source", [("id", reference.id), ("href", reference.href), ("title", reference.title)])
    }
    w.close("site")
  }
}

import GuideKitXML

/// The impact report as XML (`urn:guidekit:impact:1`), the input of the html and markdown
/// stylesheets: one `<clause>` per affected clause, with its text and each finding's redline.
extension ImpactReport {
  public static let namespace = "urn:guidekit:impact:1"

  public func xml(clauseTexts: [String: [String]] = [:]) -> String {
    var w = XMLWriter()
    write(clauseTexts: clauseTexts, into: &w)
    return w.output
  }

  /// The report as a libxml2 tree for the stylesheets: what parsing ``xml(clauseTexts:)`` would give.
  public func document(clauseTexts: [String: [String]] = [:], fileName: String = "impact.xml") throws(GuideKitError)
    -> XMLDocument
  {
    var w = XMLWriter(tree: true)
    write(clauseTexts: clauseTexts, into: &w)
    return try w.document(fileName: fileName)
  }

  private func write(clauseTexts: [String: [String]], into w: inout XMLWriter) {
    w.declaration()
    w.open(
      "impact",
      [
        ("xmlns", Self.namespace), ("as-of", asOf), ("references", String(references)),
        ("current", String(current)), ("stale", String(stale)), ("broken", String(broken)),
        ("unverifiable", String(unverifiable)),
        ("findings", String(findings.count)),
      ])
    for source in missingSources { w.empty("missing-source", [("id", source)]) }
    let grouped = Dictionary(grouping: findings, by: { "\($0.file)\u{1F}\($0.clause)" })
    let order = findings.map { "\($0.file)\u{1F}\($0.clause)" }
    var seen = Set<String>()
    for key in order where seen.insert(key).inserted {
      guard let group = grouped[key], let first = group.first else { continue }
      var attributes = [("file", first.file), ("id", first.clause), ("guideline", first.guideline)]
      if let num = first.clauseNum { attributes.append(("num", num)) }
      if let title = first.clauseTitle { attributes.append(("title", title)) }
      attributes.append(("line", String(first.line)))
      w.open("clause", attributes)
      if let lines = clauseTexts["\(first.file)\u{1F}\(first.clause)"] {
        w.open("text")
        for line in lines { w.element("line", line) }
        w.close("text")
      }
      for f in group { finding(&w, f) }
      w.close("clause")
    }
    w.close("impact")
  }

  private func finding(_ w: inout XMLWriter, _ f: ImpactFinding) {
    var attributes = [
      ("status", f.status.rawValue), ("source", f.source), ("provision", f.provision),
      ("label", f.provisionLabel), ("line", String(f.line)),
    ]
    if let pin = f.pin { attributes.append(("pin", pin)) }
    if let date = f.pinnedDate { attributes.append(("pin-date", date)) }
    if let latest = f.latest { attributes.append(("latest", latest)) }
    if let date = f.latestDate { attributes.append(("latest-date", date)) }
    if let p = f.latestProvision { attributes.append(("latest-provision", p)) }
    if let r = f.upcomingRevision { attributes.append(("upcoming", r)) }
    if let d = f.upcomingDate { attributes.append(("upcoming-date", d)) }
    if f.notFetched { attributes.append(("not-fetched", "true")) }
    w.open("finding", attributes)
    w.element("message", f.message)
    w.element("ref-label", f.label)
    for s in f.successors { w.empty("successor", [("rel", s.rel), ("id", s.target)]) }
    if !f.segments.isEmpty {
      DeltaDocument.side(&w, "old", DeltaDocument.lines(f.segments, side: .old))
      DeltaDocument.side(&w, "new", DeltaDocument.lines(f.segments, side: .new))
    }
    w.close("finding")
  }
}

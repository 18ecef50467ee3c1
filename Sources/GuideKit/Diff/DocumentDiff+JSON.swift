extension DocumentDiff {
  /// The JSON of DESIGN.md: kind, old, new, summary, changes.
  public var json: [String: Any] {
    [
      "kind": kind.rawValue,
      "old": Self.infoJSON(old),
      "new": Self.infoJSON(new),
      "summary": summary,
      "changes": changes.map(Self.changeJSON),
    ]
  }

  static func infoJSON(_ info: DocumentInfo) -> [String: Any] {
    var o: [String: Any] = [
      "file": info.file, "id": info.id, "version": info.version, "title": info.title,
    ]
    if let issued = info.issued { o["issued"] = issued }
    if let effective = info.effective { o["effective"] = effective }
    if info.isDraft { o["status"] = "draft" }
    if let planned = info.planned { o["planned"] = planned }
    return o
  }

  static func changeJSON(_ change: UnitChange) -> [String: Any] {
    var o: [String: Any] = ["kind": change.kind.rawValue, "id": change.id]
    if let oldID = change.oldID { o["oldId"] = oldID }
    if let old = change.old, let num = old.num, change.new == nil || change.numChanged {
      o["oldNum"] = num
    }
    if let num = change.new?.num { o["newNum"] = num }
    if let side = change.new ?? change.old {
      o["path"] = side.path
      o["line"] = side.line
      if let title = side.title { o["title"] = title }
    }
    if let old = change.old, change.new != nil, old.path != change.new?.path { o["oldPath"] = old.path }
    if change.movedPlace { o["movedPlace"] = true }
    if change.kind == .modified {
      o["segments"] = change.segments.map { s -> [String: Any] in
        var segment: [String: Any] = ["op": s.op.rawValue, "text": s.text]
        if let oldText = s.oldText { segment["oldText"] = oldText }
        return segment
      }
      if change.coarse { o["coarse"] = true }
    }
    if !change.references.isEmpty { o["refs"] = change.references.map(\.json) }
    if let splitFrom = change.splitFrom { o["splitFrom"] = splitFrom }
    if let mergedInto = change.mergedInto { o["mergedInto"] = mergedInto }
    if let status = change.new?.status ?? change.old?.status { o["status"] = status }
    let oldStatus = change.old?.status
    let newStatus = change.new?.status
    if newStatus == "withdrawn", oldStatus != "withdrawn" {
      o["withdrawn"] = true
      o["successors"] =
        change.new?.links.filter { ["incorporated-into", "moved-to"].contains($0.rel) }
        .map { ["rel": $0.rel, "id": $0.target] } ?? []
    }
    return o
  }
}

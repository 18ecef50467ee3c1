import GuideKitXML

/// The diff as an XML document in its own namespace (`urn:guidekit:delta:1`, schema
/// `schemas/delta.xsd`): every human-facing format of `guidekit diff` is XSLT over it.
///
/// Each changed unit is a `<unit>` with its kind, ids, numbers and path, and its old and new text
/// line by line, with `<del>` and `<ins>` spans. Runs of unchanged units between changes are a
/// `<gap count=…/>` so that a 新旧対照表 can shorten them to （略）.
public enum DeltaDocument {
  public static let namespace = "urn:guidekit:delta:1"

  /// The delta XML (UTF-8, with declaration).
  /// - Parameter context: lines of unchanged units shown around changes (0: none).
  public static func xml(_ diff: DocumentDiff) -> String {
    var w = XMLWriter()
    write(diff, into: &w)
    return w.output
  }

  /// The delta as a libxml2 tree for the stylesheets: what parsing ``xml(_:)`` would give.
  public static func document(_ diff: DocumentDiff, fileName: String = "delta.xml") throws(GuideKitError)
    -> XMLDocument
  {
    var w = XMLWriter(tree: true)
    write(diff, into: &w)
    return try w.document(fileName: fileName)
  }

  static func write(_ diff: DocumentDiff, into w: inout XMLWriter) {
    w.declaration()
    w.open(
      "delta",
      [
        ("xmlns", namespace), ("kind", diff.kind.rawValue),
        ("generator", "guidekit \(GuideKitInfo.version)"),
      ])
    edition(&w, "old", diff.old)
    edition(&w, "new", diff.new)
    w.empty("summary", diff.summary.attributes)
    // Units named by split-from and merged-into, to name them by number and title.
    var newUnits: [String: UnitSnapshot] = [:]
    var oldUnits: [String: UnitSnapshot] = [:]
    for entry in diff.entries {
      switch entry {
      case .unchanged(let snapshot): newUnits[snapshot.id] = snapshot
      case .change(let change):
        if let new = change.new { newUnits[new.id] = new }
        if let old = change.old { oldUnits[old.id] = old }
      }
    }
    let context = UnitContext(oldHeadings: diff.oldHeadings, newUnits: newUnits, oldUnits: oldUnits)
    var gap = 0
    var gapFirst: UnitSnapshot?
    func flushGap() {
      if gap > 0, let first = gapFirst {
        w.empty("gap", [("count", String(gap)), ("first", first.id)])
      }
      gap = 0
      gapFirst = nil
    }
    for entry in diff.entries {
      switch entry {
      case .unchanged(let snapshot):
        if gap == 0 { gapFirst = snapshot }
        gap += 1
      case .change(let change):
        flushGap()
        unit(&w, change, context)
      }
    }
    flushGap()
    w.close("delta")
  }

  static func edition(_ w: inout XMLWriter, _ name: String, _ info: DocumentInfo) {
    var attributes: [(String, String)] = [("id", info.id), ("version", info.version), ("file", info.file)]
    if let issued = info.issued { attributes.append(("issued", issued)) }
    if let effective = info.effective { attributes.append(("effective", effective)) }
    if let issuer = info.issuer { attributes.append(("issuer", issuer)) }
    if info.isDraft { attributes.append(("status", "draft")) }
    if let planned = info.planned { attributes.append(("planned", planned)) }
    w.open(name, attributes)
    w.element("title", info.title)
    w.close(name)
  }

  /// What a unit's entry needs from the rest of the diff.
  struct UnitContext {
    var oldHeadings: [String: String] = [:]
    var newUnits: [String: UnitSnapshot] = [:]
    var oldUnits: [String: UnitSnapshot] = [:]
  }

  static func unit(_ w: inout XMLWriter, _ change: UnitChange, _ context: UnitContext = .init()) {
    var attributes: [(String, String)] = [("change", change.kind.rawValue), ("id", change.id)]
    if let oldID = change.oldID { attributes.append(("old-id", oldID)) }
    if let num = change.new?.num { attributes.append(("num", num)) }
    if let num = change.old?.num { attributes.append(("old-num", num)) }
    if let type = (change.new ?? change.old)?.kind { attributes.append(("type", type.rawValue)) }
    if change.numChanged { attributes.append(("renumbered", "true")) }
    if change.movedPlace { attributes.append(("moved", "true")) }
    if let splitFrom = change.splitFrom { attributes.append(("split-from", splitFrom)) }
    if let mergedInto = change.mergedInto { attributes.append(("merged-into", mergedInto)) }
    if change.new?.status == "withdrawn", change.old?.status != "withdrawn" {
      attributes.append(("withdrawn", "true"))
    }
    if change.coarse { attributes.append(("coarse", "true")) }
    if let line = change.new?.line { attributes.append(("line", String(line))) }
    if let line = change.old?.line { attributes.append(("old-line", String(line))) }
    w.open("unit", attributes)
    if let side = change.new ?? change.old {
      w.open("path")
      // A step of NEW (not of a removed unit) says whether OLD had that heading, and under what text.
      let inNew = change.new != nil && !context.oldHeadings.isEmpty
      for (index, heading) in side.path.enumerated() {
        let id = side.ancestorIDs[safe: index] ?? ""
        var attributes = [("id", id)]
        if inNew, !id.isEmpty {
          if let old = context.oldHeadings[id] {
            attributes.append(("old", old))
          } else {
            attributes.append(("new", "true"))
          }
        }
        w.element("step", heading, attributes)
      }
      w.close("path")
      if let title = side.title { w.element("title", title) }
    }
    if let old = change.old, change.new != nil, old.path != change.new?.path {
      w.open("old-path")
      for heading in old.path { w.element("step", heading) }
      w.close("old-path")
    }
    let successors = change.new?.links.successors ?? []
    if change.new?.status == "withdrawn", !successors.isEmpty {
      w.open("successors")
      for link in successors { w.empty("successor", [("rel", link.rel), ("id", link.target)]) }
      w.close("successors")
    }
    for (rel, id, target) in [
      ("split-from", change.splitFrom, change.splitFrom.flatMap { context.oldUnits[$0] ?? context.newUnits[$0] }),
      ("merged-into", change.mergedInto, change.mergedInto.flatMap { context.newUnits[$0] }),
    ] {
      guard let id, let target else { continue }
      var attributes = [("rel", rel), ("id", id)]
      if let num = target.num { attributes.append(("num", num)) }
      w.element("relation", target.title ?? "", attributes)
    }
    if !change.references.isEmpty {
      w.open("refs")
      for reference in change.references { self.reference(&w, reference) }
      w.close("refs")
    }
    switch change.kind {
    case .modified:
      side(&w, "old", lines(change.segments, side: .old))
      side(&w, "new", lines(change.segments, side: .new))
    case .added:
      side(&w, "new", (change.new?.lines ?? []).map { [Span(kind: .plain, text: $0)] })
    case .removed:
      side(&w, "old", (change.old?.lines ?? []).map { [Span(kind: .plain, text: $0)] })
    case .moved, .renumbered, .citation:
      side(&w, "old", (change.old?.lines ?? []).map { [Span(kind: .plain, text: $0)] })
      side(&w, "new", (change.new?.lines ?? []).map { [Span(kind: .plain, text: $0)] })
    }
    w.close("unit")
  }

  /// `<ref change="changed|added|removed" source provision old-provision? pin? old-pin?>label</ref>`
  static func reference(_ w: inout XMLWriter, _ change: ReferenceChange) {
    guard let side = change.new ?? change.old else { return }
    var attributes = [("change", change.kind.rawValue), ("source", side.source), ("provision", side.provision)]
    if let old = change.old, change.new != nil, old.provision != side.provision {
      attributes.append(("old-provision", old.provision))
    }
    if let pin = side.pin { attributes.append(("pin", pin)) }
    if let old = change.old, change.new != nil, old.pin != side.pin { attributes.append(("old-pin", old.pin ?? "")) }
    w.element("ref", side.label, attributes)
  }

  enum Side { case old, new }

  struct Span {
    enum Kind { case plain, ins, del }
    var kind: Kind
    var text: String
  }

  /// Splits one side of the segments into lines of spans, at "\n".
  static func lines(_ segments: [TextSegment], side: Side) -> [[Span]] {
    var out: [[Span]] = [[]]
    for segment in segments {
      let kind: Span.Kind
      let text: String
      switch (segment.op, side) {
      case (.equal, .old): (kind, text) = (.plain, segment.oldSideText)
      case (.equal, .new): (kind, text) = (.plain, segment.newSideText)
      case (.delete, .old): (kind, text) = (.del, segment.text)
      case (.insert, .new): (kind, text) = (.ins, segment.text)
      default: continue
      }
      let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
      for (index, piece) in pieces.enumerated() {
        if index > 0 { out.append([]) }
        if !piece.isEmpty { out[out.count - 1].append(Span(kind: kind, text: String(piece))) }
      }
    }
    if out.count == 1 && out[0].isEmpty { return [] }
    return out
  }

  static func side(_ w: inout XMLWriter, _ name: String, _ lines: [[Span]]) {
    w.open(name)
    for line in lines {
      w.openInline("line")
      for span in line {
        switch span.kind {
        case .plain: w.text(span.text)
        case .ins: w.inlineElement("ins", span.text)
        case .del: w.inlineElement("del", span.text)
        }
      }
      w.closeInline("line")
    }
    w.close(name)
  }
}

extension Array {
  subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}

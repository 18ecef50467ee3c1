/// Plain-text writers of the reports (diagnostic lines are `DiagnosticFormatter`'s).
public enum TextFormat {
  /// A redline in plain text: `[-deleted-]{+inserted+}` (the notation of `git diff --word-diff`).
  public static func redline(_ segments: [TextSegment]) -> String {
    segments.map { segment in
      switch segment.op {
      case .equal: segment.newSideText
      case .insert: "{+\(segment.text)+}"
      case .delete: "[-\(segment.text)-]"
      }
    }.joined()
  }

  /// `ref LABEL (SOURCE): provision OLD -> NEW, pin OLD -> NEW`.
  public static func describe(_ change: ReferenceChange) -> String {
    guard let side = change.new ?? change.old else { return "" }
    var out = "ref \(side.label) (\(side.source)): "
    if change.kind != .changed { out += "\(change.kind.rawValue), " }
    out += "provision "
    if let old = change.old, change.new != nil, old.provision != side.provision { out += "\(old.provision) -> " }
    out += side.provision
    let oldPin = change.new != nil && change.old?.pin != side.pin ? change.old.map { $0.pin ?? "" } : nil
    if side.pin != nil || oldPin != nil {
      out += ", pin "
      if let oldPin { out += "\(oldPin) -> " }
      out += side.pin ?? ""
    }
    return out
  }

  /// `guidekit history`: per edition its version and dates, the clause's number, title and
  /// text, and the change since the edition before with an inline redline.
  public static func history(_ history: ClauseHistory) -> String {
    let count = history.entries.count
    var out = "\(history.clause) in \(history.guideline): \(count) edition\(count == 1 ? "" : "s")\n"
    for entry in history.entries {
      out += "\n"
      var head = "== \(entry.edition.version)"
      if let issued = entry.edition.issued { head += " (issued \(issued))" }
      head += ": \(entry.change.rawValue)"
      var notes: [String] = []
      if let oldID = entry.oldID { notes.append("was \(oldID)") }
      if let oldNum = entry.oldNum { notes.append("was numbered \(oldNum)") }
      if let into = entry.mergedInto { notes.append("merged into \(into)") }
      if !notes.isEmpty { head += " (\(notes.joined(separator: ", ")))" }
      out += head + "\n"
      for reference in entry.references { out += "   \(describe(reference))\n" }
      guard let snapshot = entry.snapshot else { continue }
      out += "   id: \(snapshot.id)   num: \(snapshot.num ?? "-")\n"
      if !snapshot.path.isEmpty { out += "   in: \(snapshot.path.joined(separator: " > "))\n" }
      let body = entry.change == .modified ? redline(entry.segments) : snapshot.text
      for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
        out += "   | \(line)\n"
      }
    }
    return out
  }

  /// `diff --git` as text: per file a `=== PATH (STATUS since BASE)` header, then the
  /// delta-text stylesheet's output.
  public static func gitReview(
    _ review: GitReview, stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:]
  ) throws(GuideKitError) -> String {
    var text = ""
    for file in review.files {
      text += "=== \(file.path) (\(file.status.rawValue) since \(review.base))\n"
      if let comparedWith = file.comparedWith {
        text += "compared with \(comparedWith), the edition it supersedes\n"
      }
      text += try stylesheets.transform(
        "delta-text", document: DeltaDocument.document(file.diff, fileName: "\(file.path).delta.xml"),
        parameters: parameters)
      if !text.hasSuffix("\n") { text += "\n" }
    }
    return text
  }

  /// `impact --accept`: one line per re-pinned reference, rewritten citation text, text left to
  /// edit by hand, and reference not re-pinned.
  public static func accepted(_ outcomes: [ReferenceRepinner.Outcome]) -> String {
    var lines: [String] = []
    for outcome in outcomes {
      for f in outcome.repinned {
        let provision = f.latestProvision.map { ", provision \(f.provision) → \($0)" } ?? ""
        lines.append(
          "\(f.file):\(f.line): re-pinned \(f.source) \(f.provision) \(f.pin ?? "-") → \(f.latest ?? "-")\(provision) (clause \(f.clause))"
        )
      }
      for u in outcome.retexted {
        lines.append(
          "\(u.finding.file):\(u.finding.line): text 「\(u.old)」 → 「\(u.new ?? "")」 (clause \(u.finding.clause))")
      }
      for u in outcome.textNotUpdated {
        let f = u.finding
        lines.append(
          "\(f.file):\(f.line): warning: text 「\(u.old)」 not updated: it names no \(f.provision) to rewrite; edit it to cite \(f.latestProvision ?? "") (clause \(f.clause))"
        )
      }
      for f in outcome.skipped {
        lines.append(
          "\(f.file):\(f.line): not re-pinned: \(f.status.rawValue) \(f.source) \(f.provision) — edit the clause (clause \(f.clause))"
        )
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }
}

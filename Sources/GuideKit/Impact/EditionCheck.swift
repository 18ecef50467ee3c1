import GuideKitXML

/// `guidekit impact NEW --against OLD`: the law and control changes between the pins of two
/// editions, and the clauses whose cited provision changed while their own text did not (a likely
/// missed update).
public struct EditionCheck: Sendable {
  /// One citation whose pin moved between the editions.
  public struct Entry: Sendable {
    /// The provision's change from OLD's pin to NEW's pin (status `current` when unchanged).
    public var change: ImpactFinding
    public var oldPin: String
    /// The clause's own text is the same in both editions although the provision changed.
    public var likelyMissedUpdate: Bool
  }

  public var entries: [Entry]

  public var missedUpdates: [Entry] { entries.filter(\.likelyMissedUpdate) }
  public var exitStatus: Int32 { missedUpdates.isEmpty ? 0 : 1 }

  /// - Parameters:
  ///   - old: the previous edition; `new`: the edition under review.
  public static func run(old: ClauseTree, new: ClauseTree, checker: ImpactChecker) throws(GuideKitError)
    -> EditionCheck
  {
    // Where each NEW clause was in OLD (ids are stable; renamed clauses follow the alignment).
    let alignment = DocumentDiffer.alignment(old: old, new: new)
    var newToOld: [String: String] = [:]
    for (o, n) in alignment { newToOld[n] = o }
    let oldUnits = old.unitsByID()
    var entries: [Entry] = []
    for (reference, located) in new.allReferences() {
      guard let newPin = reference.pin, let oldID = newToOld[located.unit.id], let before = oldUnits[oldID]
      else { continue }
      // The same citation in OLD: same source and provision, else same source.
      let candidates = before.unit.references.filter { $0.source == reference.source }
      guard
        let previous = candidates.first(where: { $0.provision == reference.provision }) ?? candidates.first,
        let oldPin = previous.pin, oldPin != newPin
      else { continue }
      let change = checker.check(previous, in: old, unit: before, against: newPin)
      let sameText =
        DiffText.lines(of: before.unit).joined(separator: "\n")
        == DiffText.lines(of: located.unit).joined(separator: "\n")
      var entry = Entry(change: change, oldPin: oldPin, likelyMissedUpdate: false)
      entry.likelyMissedUpdate = change.status != .current && change.status != .unverifiable && sameText
      entry.change.file = new.info.file
      entry.change.line = reference.line
      entry.change.clause = located.unit.id
      entries.append(entry)
    }
    return EditionCheck(entries: entries)
  }

  /// One line per entry: `FILE:LINE: warning: … [likely-missed-update]` for missed updates,
  /// `note` for the other provision changes.
  public var diagnostics: [Diagnostic] {
    entries.filter { $0.change.status != .current }.map { e in
      Diagnostic(
        file: e.change.file, line: e.change.line, severity: e.likelyMissedUpdate ? .warning : .note,
        rule: e.likelyMissedUpdate ? "likely-missed-update" : "provision-changed",
        message:
          "\(e.change.provisionLabel) (\(e.change.source) \(e.change.provision)) \(e.change.status.rawValue) between \(e.oldPin) and \(e.change.latest ?? "?")"
          + (e.likelyMissedUpdate ? ", but the clause's text did not change" : ""),
        clause: e.change.clause)
    }.sorted(by: Diagnostic.sortKey)
  }
}

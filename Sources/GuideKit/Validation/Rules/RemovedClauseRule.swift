import GuideKitXML

/// A clause of the previous edition that is missing from the next: deleted clauses should be
/// deliberate (a warning; `--strict` makes it an error). A removal declared in the edition's
/// `<removals>` is deliberate; a declared removal whose clause is still there or was no clause of
/// the previous edition, or whose `into` names no clause of the edition, is an error.
public struct RemovedClauseRule: CorpusRule {
  public static let descriptor = RuleDescriptor(
    id: "clause-removed", severity: .warning,
    summary: "A clause id of the previous edition is missing from the next edition.")

  public func check(_ documents: [ClauseTree], context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let byGuideline = Dictionary(grouping: documents, by: { $0.info.id })
    for (_, editions) in byGuideline {
      let byVersion = Dictionary(editions.map { ($0.info.version, $0) }, uniquingKeysWith: { a, _ in a })
      for edition in editions {
        guard let previousVersion = edition.info.supersedes, let previous = byVersion[previousVersion]
        else { continue }
        var current = Set<String>()
        edition.forEachUnit { if $0.kind.isDiffUnit { current.insert($0.id) } }
        let declared = Dictionary(
          edition.info.removals.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let removed = previous.diffUnits().filter {
          !current.contains($0.unit.id) && declared[$0.unit.id] == nil
        }
        // Where the declaration belongs: the edition's <removals>, else the place the clause
        // stood (after the nearest earlier clause that is still there).
        let previousOrder = previous.diffUnits().map(\.unit.id)
        var lines: [String: Int] = [:]
        edition.forEachUnit { lines[$0.id] = $0.line }
        func line(of id: String) -> Int {
          if edition.info.removalsLine > 0 { return edition.info.removalsLine }
          let before = previousOrder.prefix { $0 != id }.reversed()
          return before.lazy.compactMap { lines[$0] }.first ?? edition.info.line
        }
        for located in removed {
          out.append(
            diagnostic(
              edition, line: line(of: located.unit.id),
              "clause \"\(located.unit.id)\" (\(located.unit.heading)) of version \(previousVersion) is not in version \(edition.info.version); declare it in <removals> if the deletion is deliberate",
              clause: located.unit.id))
        }
        let previousIDs = Set(previous.diffUnits().map(\.unit.id))
        for removal in edition.info.removals {
          if !previousIDs.contains(removal.id) {
            out.append(
              error(
                edition, line: removal.line,
                "clause \"\(removal.id)\" is declared removed but is no clause of version \(previousVersion): correct the id or drop the <removed>",
                clause: removal.id))
          } else if current.contains(removal.id) {
            out.append(
              error(
                edition, line: removal.line,
                "clause \"\(removal.id)\" is declared removed but is still in version \(edition.info.version)",
                clause: removal.id))
          }
          if let into = removal.into, !current.contains(into) {
            out.append(
              error(
                edition, line: removal.line,
                "clause \"\(removal.id)\" is declared merged into \"\(into)\", which is not a clause of version \(edition.info.version)",
                clause: removal.id))
          }
        }
      }
    }
    return out
  }

  private func error(_ tree: ClauseTree, line: Int, _ message: String, clause: String) -> Diagnostic {
    var d = diagnostic(tree, line: line, message, clause: clause)
    d.severity = .error
    return d
  }
}

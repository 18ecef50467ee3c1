import GuideKitXML

/// A clause says something: at least one paragraph, list item or note with text; an appendix has
/// text or clauses.
public struct EmptyClauseRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "empty-clause", severity: .error, summary: "A clause has no text, or an appendix has neither text nor clauses.")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    document.forEachUnit { unit in
      guard
        (unit.kind == .clause && !unit.children.contains { $0.kind == .table })
          || (unit.kind == .appendix && unit.children.isEmpty),
        unit.blocks.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) })
      else { return }
      let what = unit.kind == .appendix ? "appendix" : "clause"
      out.append(diagnostic(document, line: unit.line, "\(what) \"\(unit.id)\" has no text", clause: unit.id))
    }
    return out
  }
}

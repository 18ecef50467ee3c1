import GuideKitXML

/// A clause says something: at least one paragraph, list item or note with text.
public struct EmptyClauseRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "empty-clause", severity: .error, summary: "A clause has no text.")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    document.forEachUnit { unit in
      guard unit.kind == .clause, unit.blocks.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) })
      else { return }
      out.append(diagnostic(document, line: unit.line, "clause \"\(unit.id)\" has no text", clause: unit.id))
    }
    return out
  }
}

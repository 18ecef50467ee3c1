import GuideKitXML

/// Ids name anchors, files and diff units: each must be unique in its document.
public struct DuplicateIDRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "duplicate-id", severity: .error, summary: "An id is used by more than one unit of a document.")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var first: [String: Int] = [:]
    var out: [Diagnostic] = []
    document.forEachUnit { unit in
      if let line = first[unit.id] {
        out.append(
          diagnostic(
            document, line: unit.line,
            "duplicate id \"\(unit.id)\" (first used on line \(line))", clause: unit.id))
      } else {
        first[unit.id] = unit.line
      }
    }
    return out
  }
}

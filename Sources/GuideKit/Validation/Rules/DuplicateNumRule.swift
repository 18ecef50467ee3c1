import GuideKitXML

/// Siblings carry distinct numbers, or readers cannot tell them apart.
public struct DuplicateNumRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "duplicate-num", severity: .error, summary: "Two sibling units have the same num.")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    func walk(_ siblings: [Unit]) {
      var seen: [String: Unit] = [:]
      for unit in siblings {
        if let num = unit.num, !num.isEmpty {
          if let earlier = seen[num] {
            out.append(
              diagnostic(
                document, line: unit.line,
                "num \"\(num)\" of \"\(unit.id)\" repeats the num of its sibling \"\(earlier.id)\" (line \(earlier.line))",
                clause: unit.id))
          } else {
            seen[num] = unit
          }
        }
        walk(unit.children)
      }
    }
    walk(document.units)
    return out
  }
}

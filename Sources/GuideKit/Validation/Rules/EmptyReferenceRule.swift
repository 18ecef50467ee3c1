import GuideKitXML

/// A `<ref>` has text: an empty one renders as an invisible link.
public struct EmptyReferenceRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "ref-empty", severity: .error, summary: "A reference has no text (it would render as an invisible link).")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    document.forEachReference { reference, unit in
      guard reference.label.allSatisfy(\.isWhitespace) else { return }
      let example =
        ProvisionCitation(provisionPath: reference.provision).map { "e.g. 「…法\($0.text)」" } ?? "what it cites"
      out.append(
        diagnostic(
          document, line: reference.line,
          "<ref source=\"\(reference.source)\" provision=\"\(reference.provision)\"> has no text: write the citation readers see (\(example))",
          clause: unit.id))
    }
    return out
  }
}

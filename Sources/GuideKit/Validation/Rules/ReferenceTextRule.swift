import GuideKitXML

/// The text of a `<ref>` to a law names the provision its attributes cite: 「第32条」 with
/// `provision="Art33"` shows readers one article and links them to another. Texts that name no
/// article (「同条第2項」, 「ICT対策 im-access-01」) are not checked.
public struct ReferenceTextRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "ref-text-mismatch", severity: .error,
    summary:
      "A reference's text names another provision than its provision attribute (「第32条」 with provision=\"Art33\").")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    document.forEachReference { reference, unit in
      guard let cited = ProvisionCitation(provisionPath: reference.provision) else { return }
      let written = ProvisionCitation.matches(in: reference.label)
      guard let first = written.first, !written.contains(where: { $0.citation.names(cited) }) else { return }
      let text = String(reference.label[first.range])
      let expected =
        first.citation.retargeted(to: cited)?.text ?? ProvisionCitation(
          provisionPath: reference.provision, style: first.citation.style)?.text ?? reference.provision
      out.append(
        diagnostic(
          document, line: reference.line,
          "the text 「\(reference.label)」 cites \(text) (\(first.citation.provisionPath)) but provision=\"\(reference.provision)\"; write 「\(expected)」 or correct the provision",
          clause: unit.id))
    }
    return out
  }
}

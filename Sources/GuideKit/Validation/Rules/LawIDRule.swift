import GuideKitXML

/// A `<ref>` whose source is meant as an e-Gov LawId must be one, and its provision must be an
/// e-Gov provision path (`Art38_2`, `Art38_2/Para1`, `Art38_2/Para1/Item2`).
public struct LawIDRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "malformed-law-id", severity: .error,
    summary:
      "A reference's source looks like an e-Gov LawId but is malformed, or its provision is not an e-Gov provision path."
  )

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    document.forEachReference { reference, unit in
      guard LawID.looksLikeLawID(reference.source) else { return }
      if !LawID.isValid(reference.source) {
        out.append(
          diagnostic(
            document, line: reference.line,
            "\"\(reference.source)\" is not a valid e-Gov LawId (e.g. 322AC0000000049)",
            clause: unit.id))
      } else if !ProvisionPath.isValidLawProvision(reference.provision) {
        out.append(
          diagnostic(
            document, line: reference.line,
            "provision \"\(reference.provision)\" is not an e-Gov provision path (e.g. Art38_2/Para1/Item2)",
            clause: unit.id))
      }
    }
    return out
  }
}

/// e-Gov provision paths.
public enum ProvisionPath {
  /// `Art<n>(_<n>)*` then optionally `/Para<n>`, then optionally `/Item<n>(_<n>)*`, then
  /// optionally `/Sub…`.
  public static func isValidLawProvision(_ provision: String) -> Bool {
    let parts = provision.split(separator: "/", omittingEmptySubsequences: false)
    guard let first = parts.first, numbered(first, prefix: "Art") else { return false }
    let expected = ["Para", "Item"]
    for (index, part) in parts.dropFirst().enumerated() {
      if index < expected.count {
        if !numbered(part, prefix: expected[index]) { return false }
      } else if !part.hasPrefix("Sub") || part.count < 4 {
        return false
      }
    }
    return true
  }

  private static func numbered(_ part: Substring, prefix: String) -> Bool {
    guard part.hasPrefix(prefix) else { return false }
    let rest = part.dropFirst(prefix.count)
    let groups = rest.split(separator: "_", omittingEmptySubsequences: false)
    return !groups.isEmpty && groups.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }
}

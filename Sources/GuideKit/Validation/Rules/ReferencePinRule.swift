import GuideKitXML

/// A `<ref>` to a law, a catalog or a clause set says which revision the editor checked the clause
/// against (`pin`); without one, impact cannot tell whether the source changed since. Refs to a
/// guideline validated together may leave the pin out (they cite its latest edition).
public struct ReferencePinRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "ref-missing-pin", severity: .error,
    summary: "A reference to a law, catalog or clause set has no pin (the revision the clause was checked against).")

  /// Refs to other guidelines are told apart by the editions validated with this one.
  public var needsCorpus: Bool { true }

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    document.forEachReference { reference, unit in
      guard reference.pin == nil, !reference.source.isEmpty, context.guidelines[reference.source] == nil else {
        return
      }
      let example =
        LawID.looksLikeLawID(reference.source)
        ? "the e-Gov revision id (<YYYYMMDD>_<AmendingLawId>) or a day YYYY-MM-DD"
        : "a revision name or a day YYYY-MM-DD"
      out.append(
        diagnostic(
          document, line: reference.line,
          "ref to \(reference.source) \(reference.provision) has no pin: add pin=\"…\" with \(example) of the source the clause was checked against",
          clause: unit.id))
    }
    return out
  }
}

import GuideKitXML

/// Every `<xref target>` names a chapter, section, clause or appendix of the same edition. A target that the
/// superseded edition had is reported as removed in this edition, with its former number.
public struct CrossReferenceRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "xref-unknown-target", severity: .error,
    summary: "A cross-reference (xref) names a target that is in no edition.")
  public static let removed = RuleDescriptor(
    id: "xref-removed-target", severity: .error,
    summary: "A cross-reference (xref) names a unit that this edition removed from the one it supersedes.")
  public static let extraDescriptors = [removed]

  /// The superseded edition tells a removed target from an unknown one.
  public var needsCorpus: Bool { true }

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    guard document.info.kind == .guideline else { return [] }
    var out: [Diagnostic] = []
    var ids: Set<String>?
    var previous: ClauseTree??
    document.forEachUnit { unit in
      for xref in unit.crossReferences {
        let known = ids ?? context.unitIDs(of: document)
        ids = known
        guard !known.contains(xref.target) else { continue }
        if previous == nil { previous = .some(superseded(document, context)) }
        if let old = previous ?? nil, context.unitIDs(of: old).contains(xref.target) {
          let label = CrossReferences.labels(old)[xref.target] ?? xref.target
          out.append(
            Diagnostic(
              file: document.info.file, line: xref.line, severity: Self.removed.severity, rule: Self.removed.id,
              message:
                "xref target \"\(xref.target)\" (\(label) in \(old.info.version)) was removed in this edition: point the reference at the unit that replaces it, or remove it",
              clause: unit.id))
        } else {
          out.append(
            diagnostic(
              document, line: xref.line,
              "xref target \"\(xref.target)\" is no chapter, section, clause or appendix of this edition",
              clause: unit.id))
        }
      }
    }
    return out
  }

  /// The edition `document` supersedes, among those validated with it.
  private func superseded(_ document: ClauseTree, _ context: ValidationContext) -> ClauseTree? {
    guard let version = document.info.supersedes else { return nil }
    return context.guidelines[document.info.id]?.first { $0.info.version == version }
  }
}

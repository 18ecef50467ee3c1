import GuideKitXML

/// Rule metadata for impact findings in SARIF, and helpers for the report documents.
public enum ImpactRules {
  public static let descriptors: [RuleDescriptor] = [
    RuleDescriptor(
      id: "stale-reference", severity: .error,
      summary: "A cited provision changed, was renumbered, deleted or withdrawn since the pinned revision."),
    RuleDescriptor(
      id: "broken-reference", severity: .error,
      summary: "A reference names no known source or provision, or its pin is malformed."),
    RuleDescriptor(
      id: "unverifiable-pin", severity: .warning,
      summary: "The pinned revision is not in the registry, so the reference cannot be checked."),
    RuleDescriptor(
      id: "upcoming-change", severity: .note,
      summary: "A scheduled (未施行) revision will change the cited provision."),
    RuleDescriptor(id: "reference-current", severity: .note, summary: "The cited provision is unchanged."),
  ]

  /// The display lines of every clause with a finding, keyed by file and clause id.
  public static func clauseTexts(_ trees: [ClauseTree], report: ImpactReport) -> [String: [String]] {
    let wanted = Set(report.findings.map { "\($0.file)\u{1F}\($0.clause)" })
    var out: [String: [String]] = [:]
    for tree in trees {
      for located in tree.allUnits() {
        let key = "\(tree.info.file)\u{1F}\(located.unit.id)"
        if wanted.contains(key) { out[key] = DiffText.lines(of: located.unit) }
      }
    }
    return out
  }
}

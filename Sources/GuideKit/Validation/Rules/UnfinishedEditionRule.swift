import GuideKitXML

/// The summary is still the placeholder `guidekit new-edition` wrote: the edition was started but
/// its summary of changes was never written.
public struct PlaceholderSummaryRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "placeholder-summary", severity: .warning,
    summary: "The summary is still the placeholder that new-edition wrote.")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    guard document.info.kind == .guideline,
      document.info.summary.contains(where: { $0.contains(EditionMaker.summaryPlaceholder) })
    else { return [] }
    return [
      diagnostic(
        document, line: document.info.summaryLine > 0 ? document.info.summaryLine : document.info.line,
        "the summary is still the placeholder 「\(EditionMaker.summaryPlaceholder)」: write what this edition changes")
    ]
  }
}

/// A title that names an edition number (（第5版）) names the edition its version stands for
/// (5.0, 5.1, 5). Versions that count years (2021) are not compared.
public struct EditionTitleRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "title-edition", severity: .warning,
    summary: "The title names another edition number than the version (（第5版） for version 6.0).")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    guard document.info.kind == .guideline,
      let expected = EditionNumber.edition(ofVersion: document.info.version),
      let named = EditionNumber.find(in: document.info.title), named.value != expected
    else { return [] }
    let label = String(document.info.title[named.range])
    return [
      diagnostic(
        document, line: document.info.line,
        "the title names \(label) but version \(document.info.version) is edition \(expected): 「\(document.info.title)」"
      )
    ]
  }
}

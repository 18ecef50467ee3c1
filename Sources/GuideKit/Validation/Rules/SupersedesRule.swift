import GuideKitXML

/// `supersedes` names an edition that is present among the editions validated together.
public struct SupersedesRule: CorpusRule {
  public static let descriptor = RuleDescriptor(
    id: "supersedes-unknown", severity: .error,
    summary: "supersedes names no edition of the same guideline in the folder.")

  public func check(_ documents: [ClauseTree], context: ValidationContext) -> [Diagnostic] {
    let versions = Dictionary(grouping: documents, by: { $0.info.id }).mapValues {
      Set($0.map(\.info.version))
    }
    return documents.compactMap { document in
      guard let supersedes = document.info.supersedes,
        versions[document.info.id]?.contains(supersedes) != true
      else { return nil }
      let known = (versions[document.info.id] ?? []).sorted(by: NaturalOrder.less).joined(separator: ", ")
      return diagnostic(
        document, line: document.info.line,
        "supersedes=\"\(supersedes)\" names no edition of \(document.info.id) here (editions: \(known))")
    }
  }
}

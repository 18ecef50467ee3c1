import GuideKitXML

/// `supersedes` names an edition that is present among the editions validated together, and the
/// latest of them older than the edition: an edition that supersedes 4.0 while 5.0 exists skips 5.0.
public struct SupersedesRule: CorpusRule {
  public static let descriptor = RuleDescriptor(
    id: "supersedes-unknown", severity: .error,
    summary: "supersedes names no edition of the same guideline in the folder.")
  public static let skips = RuleDescriptor(
    id: "supersedes-skips", severity: .error,
    summary: "supersedes names an older edition while a newer one, still older than the edition, exists.")
  public static let extraDescriptors = [skips]

  public func check(_ documents: [ClauseTree], context: ValidationContext) -> [Diagnostic] {
    let versions = Dictionary(grouping: documents, by: { $0.info.id }).mapValues {
      Set($0.map(\.info.version))
    }
    return documents.compactMap { document in
      guard let supersedes = document.info.supersedes else { return nil }
      if versions[document.info.id]?.contains(supersedes) == true {
        let version = document.info.version
        let between = (versions[document.info.id] ?? []).filter {
          NaturalOrder.less(supersedes, $0) && NaturalOrder.less($0, version)
        }
        guard let skipped = between.max(by: NaturalOrder.less) else { return nil }
        return Diagnostic(
          file: document.info.file, line: document.info.line, severity: Self.skips.severity, rule: Self.skips.id,
          message:
            "supersedes=\"\(supersedes)\" skips version \(skipped) of \(document.info.id): set supersedes=\"\(skipped)\", the edition this one follows"
        )
      }
      let known = (versions[document.info.id] ?? []).sorted(by: NaturalOrder.less).joined(separator: ", ")
      return diagnostic(
        document, line: document.info.line,
        "supersedes=\"\(supersedes)\" names no edition of \(document.info.id) here (editions: \(known))")
    }
  }
}

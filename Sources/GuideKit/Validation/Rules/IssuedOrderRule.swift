import GuideKitXML

/// An edition is issued no earlier than the edition it supersedes.
public struct IssuedOrderRule: CorpusRule {
  public static let descriptor = RuleDescriptor(
    id: "issued-before-superseded", severity: .error,
    summary: "An edition's issued date is earlier than that of the edition it supersedes.")

  public func check(_ documents: [ClauseTree], context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (_, editions) in Dictionary(grouping: documents, by: { $0.info.id }) {
      let byVersion = Dictionary(editions.map { ($0.info.version, $0) }, uniquingKeysWith: { a, _ in a })
      for edition in editions {
        guard let supersedes = edition.info.supersedes, let previous = byVersion[supersedes],
          let issued = edition.info.issued, let before = previous.info.issued,
          PinDate.isRealDate(issued), PinDate.isRealDate(before), issued < before
        else { continue }
        out.append(
          diagnostic(
            edition, line: edition.info.line,
            "issued=\"\(issued)\" is before issued=\"\(before)\" of version \(supersedes), which this edition supersedes: correct the date or supersedes"
          ))
      }
    }
    return out
  }
}

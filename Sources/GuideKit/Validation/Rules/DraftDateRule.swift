import GuideKitXML

/// A draft whose publication day has passed: it was published and never marked final, or its
/// planned day was never moved. The day is `planned`, else `issued`.
public struct DraftDateRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "draft-past-date", severity: .warning,
    summary: "A draft edition's planned publication day (planned, else issued) has passed.")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    let info = document.info
    guard info.kind == .guideline, info.isDraft else { return [] }
    let (name, day) = info.planned.map { ("planned", $0) } ?? ("issued", info.issued ?? "")
    guard PinDate.isRealDate(day), day < context.today else { return [] }
    return [
      diagnostic(
        document, line: info.line,
        "draft edition \(info.version) was to be published on \(name)=\"\(day)\", before today (\(context.today)): set status=\"final\" if it was published, or move \(name)"
      )
    ]
  }
}

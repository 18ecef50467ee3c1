import GuideKitXML

/// Each edition of a guideline has its own version.
public struct DuplicateVersionRule: CorpusRule {
  public static let descriptor = RuleDescriptor(
    id: "duplicate-version", severity: .error, summary: "Two editions of one guideline have the same version.")

  public func check(_ documents: [ClauseTree], context: ValidationContext) -> [Diagnostic] {
    var seen: [String: ClauseTree] = [:]
    var out: [Diagnostic] = []
    for document in documents {
      let key = document.info.id + "\u{1F}" + document.info.version
      if let earlier = seen[key] {
        out.append(
          diagnostic(
            document, line: document.info.line,
            "\(document.info.id) version \(document.info.version) is also the version of \(earlier.info.file)"))
      } else {
        seen[key] = document
      }
    }
    return out
  }
}

import GuideKitXML

/// An edition stored as `<version>.xml` carries that version: `version="6.1"` in `6.0.xml` makes
/// `new-edition`, `show` and the site disagree about which edition the file is. Files whose name is
/// no version (drafts, fixtures) are not checked.
public struct VersionFileNameRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "version-file-name", severity: .error,
    summary: "The version attribute differs from the edition's file name (version=\"6.1\" in 6.0.xml).")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    let info = document.info
    guard info.kind == .guideline, let named = Self.version(ofFile: info.file), named != info.version else {
      return []
    }
    return [
      diagnostic(
        document, line: info.line,
        "version=\"\(info.version)\" but the file is named \(named).xml: rename the file to \(info.version).xml or set version=\"\(named)\""
      )
    ]
  }

  /// The version a file name stands for (`guidelines/x/6.0.xml` → `6.0`), or nil when the name
  /// is not digits separated by dots.
  static func version(ofFile file: String) -> String? {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard name.hasSuffix(".xml") else { return nil }
    let stem = String(name.dropLast(4))
    return stem.wholeMatch(of: #/[0-9]+(\.[0-9]+)*/#) != nil ? stem : nil
  }
}

import FoundationEssentials
import GuideKitXML

/// Renders diagnostics in the formats shared by `validate` and `impact`.
public enum DiagnosticFormatter {
  /// `FILE:LINE: error: MESSAGE` for a libxml2 diagnostic (DESIGN.md line format).
  public static func line(_ d: XMLDiagnostic) -> String {
    let location = d.file.map { d.line > 0 ? "\($0):\(d.line): " : "\($0): " } ?? "guidekit: "
    return "\(location)\(d.severity.rawValue): \(d.message)"
  }

  /// `FILE:LINE: error: MESSAGE [RULE]`, with the clause id when there is one.
  public static func line(_ d: Diagnostic, color: Bool = false) -> String {
    let location = d.line > 0 ? "\(d.file):\(d.line):" : "\(d.file):"
    var severity = d.severity.rawValue
    if color {
      let code =
        switch d.severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
      severity = "\u{1B}[\(code)m\(severity)\u{1B}[0m"
    }
    let clause = d.clause.flatMap { d.message.contains("\"\($0)\"") ? nil : " (clause \($0))" } ?? ""
    return "\(location) \(severity): \(d.message)\(clause) [\(d.rule)]"
  }

  public static func text(_ diagnostics: [Diagnostic], color: Bool = false) -> String {
    diagnostics.map { line($0, color: color) + "\n" }.joined()
  }
}

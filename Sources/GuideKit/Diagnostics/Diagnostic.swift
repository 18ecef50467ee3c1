import GuideKitXML

public typealias Severity = XMLDiagnostic.Severity

/// A finding with a location, a message and the rule that made it (the swift-format `Finding` shape).
public struct Diagnostic: Sendable, Hashable, Codable {
  public var file: String
  /// 1-based line; 0 when unknown (formats that need a line print 1).
  public var line: Int
  public var severity: Severity
  /// Stable rule id, e.g. `duplicate-id`.
  public var rule: String
  public var message: String
  /// The id of the clause (or unit) the finding is about, when there is one.
  public var clause: String?

  public init(
    file: String, line: Int, severity: Severity, rule: String, message: String,
    clause: String? = nil
  ) {
    self.file = file
    self.line = line
    self.severity = severity
    self.rule = rule
    self.message = message
    self.clause = clause
  }

  /// A libxml2 diagnostic under a guidekit rule id.
  public init(_ xml: XMLDiagnostic, rule: String, file: String? = nil) {
    self.init(
      file: xml.file ?? file ?? "", line: xml.line, severity: xml.severity, rule: rule,
      message: xml.message)
  }

  /// Orders by file, then line, then severity (errors first), then rule and message.
  public static func sortKey(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.line != b.line { return a.line < b.line }
    if a.severity != b.severity { return a.severity > b.severity }
    if a.rule != b.rule { return a.rule < b.rule }
    return a.message < b.message
  }
}

/// Describes a rule for help texts and SARIF `rules` metadata.
public struct RuleDescriptor: Sendable, Hashable {
  public var id: String
  public var severity: Severity
  /// One line, English.
  public var summary: String
  public init(id: String, severity: Severity, summary: String) {
    self.id = id
    self.severity = severity
    self.summary = summary
  }
}

import FoundationEssentials
import GuideKitXML

/// SARIF 2.1.0 output, as GitHub code scanning reads it: rule metadata, `startLine` ≥ 1, and a
/// stable fingerprint per result that does not depend on the line (so moving a clause keeps it).
public struct SARIF: Encodable, Sendable {
  private enum CodingKeys: String, CodingKey {
    case schema = "$schema"
    case version, runs
  }

  public var version = "2.1.0"
  public var runs: [Run]

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode("https://json.schemastore.org/sarif-2.1.0.json", forKey: .schema)
    try c.encode(version, forKey: .version)
    try c.encode(runs, forKey: .runs)
  }

  public struct Run: Encodable, Sendable {
    public var tool: Tool
    public var columnKind = "unicodeCodePoints"
    public var results: [Result]
  }

  public struct Tool: Encodable, Sendable {
    public var driver: Driver
  }

  public struct Driver: Encodable, Sendable {
    public var name = "guidekit"
    public var version: String
    public var semanticVersion: String
    public var informationUri = "https://github.com/guidekit/guidekit"
    public var rules: [Rule]
  }

  public struct Text: Encodable, Sendable {
    public var text: String
  }

  public struct Rule: Encodable, Sendable {
    public struct Configuration: Encodable, Sendable {
      public var level: String
    }
    public var id: String
    public var name: String
    public var shortDescription: Text
    public var fullDescription: Text
    public var defaultConfiguration: Configuration
    public var helpUri: String
  }

  public struct Result: Encodable, Sendable {
    public var ruleId: String
    public var ruleIndex: Int
    public var level: String
    public var message: Text
    public var locations: [Location]
    public var partialFingerprints: Fingerprints
  }

  public struct Fingerprints: Encodable, Sendable {
    private enum CodingKeys: String, CodingKey { case guidekit = "guidekitFingerprint/v1" }
    public var guidekit: String
  }

  public struct Location: Encodable, Sendable {
    public var physicalLocation: PhysicalLocation
    public var logicalLocations: [LogicalLocation]?
  }

  public struct PhysicalLocation: Encodable, Sendable {
    public struct ArtifactLocation: Encodable, Sendable {
      public var uri: String
    }
    public struct Region: Encodable, Sendable {
      public var startLine: Int
    }
    public var artifactLocation: ArtifactLocation
    public var region: Region
  }

  public struct LogicalLocation: Encodable, Sendable {
    public var name: String
    public var kind = "member"
  }

  /// The SARIF log of `diagnostics`, with `rules` (and any rule a diagnostic names beyond them)
  /// as the driver's rule metadata.
  public static func document(
    diagnostics: [Diagnostic], rules: [RuleDescriptor], toolVersion: String = GuideKitInfo.version
  ) -> SARIF {
    SARIF(diagnostics: diagnostics, rules: rules, toolVersion: toolVersion)
  }

  public init(diagnostics: [Diagnostic], rules: [RuleDescriptor], toolVersion: String = GuideKitInfo.version) {
    var ruleIndex: [String: Int] = [:]
    var ruleList = rules
    for d in diagnostics where !ruleList.contains(where: { $0.id == d.rule }) {
      ruleList.append(RuleDescriptor(id: d.rule, severity: d.severity, summary: d.rule))
    }
    for (index, rule) in ruleList.enumerated() { ruleIndex[rule.id] = index }
    let ruleObjects = ruleList.map { rule in
      Rule(
        id: rule.id, name: Self.camelCase(rule.id), shortDescription: Text(text: rule.summary),
        fullDescription: Text(text: rule.summary),
        defaultConfiguration: .init(level: Self.level(rule.severity)), helpUri: RuleCatalog.helpURL(rule.id))
    }
    var seen: [String: Int] = [:]
    let results = diagnostics.map { d in
      var base = "\(d.rule)\u{1F}\(d.file)\u{1F}\(d.clause ?? "")\u{1F}\(Self.withoutLineNumbers(d.message))"
      let occurrence = seen[base, default: 0]
      seen[base] = occurrence + 1
      base += "\u{1F}\(occurrence)"
      let digest = SHA256.hash(data: Data(base.utf8)).hexString
      let location = Location(
        physicalLocation: PhysicalLocation(
          artifactLocation: .init(uri: Self.uri(d.file)), region: .init(startLine: max(d.line, 1))),
        logicalLocations: d.clause.map { [LogicalLocation(name: $0)] })
      return Result(
        ruleId: d.rule, ruleIndex: ruleIndex[d.rule] ?? 0, level: Self.level(d.severity),
        message: Text(text: d.message), locations: [location],
        partialFingerprints: Fingerprints(guidekit: String(digest.prefix(32))))
    }
    runs = [
      Run(
        tool: Tool(
          driver: Driver(version: toolVersion, semanticVersion: toolVersion, rules: ruleObjects)),
        results: results)
    ]
  }

  /// The message with every `line N` made `line #`: messages that cite another line (“first
  /// used on line 12”) must keep their fingerprint when the document moves.
  static func withoutLineNumbers(_ message: String) -> String {
    var out = ""
    var rest = Substring(message)
    while let range = rest.firstRange(of: "line ") {
      out += rest[..<range.upperBound]
      rest = rest[range.upperBound...]
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      if !digits.isEmpty {
        out += "#"
        rest = rest.dropFirst(digits.count)
      }
    }
    return out + rest
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  /// A relative path as a URI reference (percent-encoded, `/` kept).
  static func uri(_ path: String) -> String {
    let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    var out = ""
    for byte in relative.utf8 {
      // Foundation's `urlPathAllowed` (RFC 3986 pchar and "/", but not ";"), without ":" (a
      // first segment must not look like a scheme).
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      case _ where "-._~!$&'()*+,=@/".utf8.contains(byte):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
      }
    }
    return out
  }

  static func camelCase(_ id: String) -> String {
    id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}

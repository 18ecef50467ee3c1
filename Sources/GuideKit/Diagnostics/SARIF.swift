import FoundationEssentials
import GuideKitXML

/// SARIF 2.1.0 output, as GitHub code scanning reads it: rule metadata, `startLine` ≥ 1, and a
/// stable fingerprint per result that does not depend on the line (so moving a clause keeps it).
public enum SARIF {
  public static func document(
    diagnostics: [Diagnostic], rules: [RuleDescriptor], toolVersion: String = GuideKitInfo.version
  ) -> [String: Any] {
    var ruleIndex: [String: Int] = [:]
    var ruleList = rules
    for d in diagnostics where !ruleList.contains(where: { $0.id == d.rule }) {
      ruleList.append(RuleDescriptor(id: d.rule, severity: d.severity, summary: d.rule))
    }
    for (index, rule) in ruleList.enumerated() { ruleIndex[rule.id] = index }
    let ruleObjects: [[String: Any]] = ruleList.map { rule in
      [
        "id": rule.id,
        "name": camelCase(rule.id),
        "shortDescription": ["text": rule.summary],
        "fullDescription": ["text": rule.summary],
        "defaultConfiguration": ["level": level(rule.severity)],
        "helpUri": RuleCatalog.helpURL(rule.id),
      ]
    }
    var seen: [String: Int] = [:]
    let results: [[String: Any]] = diagnostics.map { d in
      var base = "\(d.rule)\u{1F}\(d.file)\u{1F}\(d.clause ?? "")\u{1F}\(withoutLineNumbers(d.message))"
      let occurrence = seen[base, default: 0]
      seen[base] = occurrence + 1
      base += "\u{1F}\(occurrence)"
      let digest = SHA256.hash(data: Data(base.utf8)).hexString
      var location: [String: Any] = [
        "physicalLocation": [
          "artifactLocation": ["uri": uri(d.file)],
          "region": ["startLine": max(d.line, 1)],
        ]
      ]
      if let clause = d.clause {
        location["logicalLocations"] = [["name": clause, "kind": "member"]]
      }
      return [
        "ruleId": d.rule,
        "ruleIndex": ruleIndex[d.rule] ?? 0,
        "level": level(d.severity),
        "message": ["text": d.message],
        "locations": [location],
        "partialFingerprints": ["guidekitFingerprint/v1": String(digest.prefix(32))],
      ]
    }
    return [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [
        [
          "tool": [
            "driver": [
              "name": "guidekit",
              "version": toolVersion,
              "semanticVersion": toolVersion,
              "informationUri": "https://github.com/guidekit/guidekit",
              "rules": ruleObjects,
            ]
          ],
          "columnKind": "unicodeCodePoints",
          "results": results,
        ]
      ],
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

/// One message from libxml2, libxslt or guidekit's own XML checks, kept as a value.
public struct XMLDiagnostic: Sendable, Hashable, Codable {
  public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// The file the message is about, as given by the caller (not resolved or normalised).
  public var file: String?
  /// 1-based line number, or 0 when libxml2 gave none.
  public var line: Int
  public var severity: Severity
  /// The message, trimmed, without libxml2's trailing newline.
  public var message: String
  /// libxml2's error domain and code (`xmlErrorDomain`, `xmlParserErrors`); 0 for guidekit's own.
  public var domain: Int
  public var code: Int
  /// For a schema-validity error: the element it is about, then its ancestors up to the root
  /// (innermost first); empty for other diagnostics.
  public var elements: [ElementStep] = []

  /// One element of `elements`: its local name and its `id` attribute, if any.
  public struct ElementStep: Sendable, Hashable, Codable {
    public var name: String
    public var id: String?
    public init(name: String, id: String? = nil) {
      self.name = name
      self.id = id
    }
  }

  public init(
    file: String?, line: Int, severity: Severity, message: String, domain: Int = 0, code: Int = 0
  ) {
    self.file = file
    self.line = line
    self.severity = severity
    self.message = message
    self.domain = domain
    self.code = code
  }
}

/// Why an XML operation could not produce a result.
public enum XMLError: Error, Sendable, CustomStringConvertible {
  /// The input is not well-formed XML, or was refused by a security limit; the diagnostics say where.
  case malformed([XMLDiagnostic])
  /// The input could not be read at all.
  case unreadable(file: String, reason: String)
  /// The input exceeds a configured limit (bytes).
  case tooLarge(file: String, size: Int, limit: Int)
  /// A schema or stylesheet could not be compiled.
  case invalidProgram(file: String, diagnostics: [XMLDiagnostic])
  /// A transformation failed or was refused (security policy); the diagnostics say why.
  case transformFailed([XMLDiagnostic])
  /// An XPath expression could not be compiled or evaluated.
  case xpath(expression: String, message: String)
  /// libxml2 could not allocate or start (should not happen).
  case internalFailure(String)

  public var diagnostics: [XMLDiagnostic] {
    switch self {
    case .malformed(let d), .invalidProgram(_, let d), .transformFailed(let d): d
    case .unreadable(let file, let reason):
      [XMLDiagnostic(file: file, line: 0, severity: .error, message: reason)]
    case .tooLarge(let file, let size, let limit):
      [
        XMLDiagnostic(
          file: file, line: 0, severity: .error,
          message: "input is \(size) bytes, over the limit of \(limit) bytes")
      ]
    case .xpath(let expression, let message):
      [XMLDiagnostic(file: nil, line: 0, severity: .error, message: "XPath \(expression): \(message)")]
    case .internalFailure(let message):
      [XMLDiagnostic(file: nil, line: 0, severity: .error, message: message)]
    }
  }

  public var description: String {
    diagnostics.map { d in
      let location = d.file.map { d.line > 0 ? "\($0):\(d.line): " : "\($0): " } ?? ""
      return "\(location)\(d.severity.rawValue): \(d.message)"
    }.joined(separator: "\n")
  }
}

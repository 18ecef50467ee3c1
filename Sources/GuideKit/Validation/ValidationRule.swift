import GuideKitXML
import Synchronization

/// A semantic rule over one guideline edition. One rule per file, its messages beside it.
///
/// `validate` runs a rule while the document is read, with a context holding only the registry,
/// and frees the document's text right after; a rule that looks at the other editions
/// (`context.guidelines`) sets `needsCorpus`, and then runs once every file is read, on the
/// document's outline: its units, titles and references, without their blocks of text.
public protocol DocumentRule: Sendable {
  static var descriptor: RuleDescriptor { get }
  /// True when the rule consults `context.guidelines` (default false).
  var needsCorpus: Bool { get }
  func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic]
}

extension DocumentRule {
  public var needsCorpus: Bool { false }
}

/// A semantic rule over every edition validated together (all editions of a guideline).
public protocol CorpusRule: Sendable {
  static var descriptor: RuleDescriptor { get }
  func check(_ documents: [ClauseTree], context: ValidationContext) -> [Diagnostic]
}

/// What rules may consult besides the document.
public struct ValidationContext: Sendable {
  /// The reference registry given with `--references`, if any.
  public var registry: ReferenceRegistry?
  /// Every guideline edition being validated, by guideline id (for refs to other guidelines).
  public var guidelines: [String: [ClauseTree]]
  /// Today (`YYYY-MM-DD`, Japan time unless a test says otherwise).
  public var today: String

  /// Unit ids by tree, shared by every document checked in one run.
  private let idCache = UnitIDCache()

  public init(
    registry: ReferenceRegistry? = nil, guidelines: [String: [ClauseTree]] = [:], today: String = PinDate.today()
  ) {
    self.registry = registry
    self.guidelines = guidelines
    self.today = today
  }

  /// The unit ids of `tree` (a validated edition or a registry revision), computed once per run.
  func unitIDs(of tree: ClauseTree) -> Set<String> {
    let key = tree.info.file + "\u{1F}" + tree.info.version
    if let cached = idCache.table.withLock({ $0[key] }) { return cached }
    let built = tree.unitIDs()
    idCache.table.withLock { $0[key] = built }
    return built
  }
}

private final class UnitIDCache: Sendable {
  let table = Mutex<[String: Set<String>]>([:])
}

extension DocumentRule {
  func diagnostic(
    _ tree: ClauseTree, line: Int, _ message: String, clause: String? = nil,
    severity: Severity? = nil
  ) -> Diagnostic {
    Diagnostic(
      file: tree.info.file, line: line, severity: severity ?? Self.descriptor.severity,
      rule: Self.descriptor.id, message: message, clause: clause)
  }
}

extension CorpusRule {
  func diagnostic(
    _ tree: ClauseTree, line: Int, _ message: String, clause: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      file: tree.info.file, line: line, severity: Self.descriptor.severity,
      rule: Self.descriptor.id, message: message, clause: clause)
  }
}

/// The rules `guidekit validate` runs, in order.
public enum ValidationRules {
  public static let document: [any DocumentRule] = [
    DuplicateIDRule(), DateRule(), EmptyClauseRule(), DuplicateNumRule(), LawIDRule(),
    ReferenceRule(), ReferenceTextRule(), ReferencePinRule(), EmptyReferenceRule(), VersionFileNameRule(),
    PlaceholderSummaryRule(), EditionTitleRule(), TitleLengthRule(), UnlinkedCitationRule(), DraftDateRule(),
    CrossReferenceRule(), FigureRule(),
  ]
  public static let corpus: [any CorpusRule] = [
    DuplicateVersionRule(), SupersedesRule(), RemovedClauseRule(), IssuedOrderRule(),
  ]

  /// Rules that are not semantic rules but name diagnostics of the XML layer.
  public static let xmlSyntax = RuleDescriptor(
    id: "xml-syntax", severity: .error, summary: "The file is not well-formed XML, or was refused by a security limit.")
  public static let schema = RuleDescriptor(
    id: "schema", severity: .error, summary: "The document does not conform to its XML schema.")
  public static let unsupported = RuleDescriptor(
    id: "unsupported-document", severity: .error,
    summary: "The root element is not a guideline; use --schema to validate other XML.")
  public static let unreadable = RuleDescriptor(
    id: "unreadable", severity: .error, summary: "The file cannot be read.")
  public static let xmlWarning = RuleDescriptor(
    id: "xml-warning", severity: .warning, summary: "libxml2 raised a warning while parsing.")

  public static var descriptors: [RuleDescriptor] {
    [xmlSyntax, schema, unsupported, unreadable, xmlWarning]
      + document.map { type(of: $0).descriptor } + corpus.map { type(of: $0).descriptor }
      + ReferenceRule.extraDescriptors + DateRule.extraDescriptors + SupersedesRule.extraDescriptors
      + CrossReferenceRule.extraDescriptors + FigureRule.extraDescriptors
  }
}

import FoundationEssentials
import GuideKitXML

/// Reads any supported document into a `ClauseTree`, detecting its kind from the root element.
public enum DocumentLoader {
  public static let oscalNamespace = "http://csrc.nist.gov/ns/oscal/1.0"

  /// The kind of document `root` starts, or nil when guidekit does not read it.
  public static func kind<Element: XMLElementReading>(of root: Element) -> DocumentKind? {
    switch (root.name, root.namespaceURI) {
    case ("guideline", GuidelineReader.namespace): .guideline
    case ("Law", nil), ("DataRoot", nil): .law
    case ("catalog", oscalNamespace): .catalog
    default: nil
    }
  }

  /// Parses and reads a file.
  /// - Throws: `GuideKitError.xml` when the file cannot be read or parsed,
  ///   `GuideKitError.unsupportedDocument` for an unknown root element.
  public static func load(file: String, limits: XMLParseLimits = .init()) throws(GuideKitError)
    -> ClauseTree
  {
    try load(fileName: file) { reader throws(XMLError) in
      try XMLDocument.stream(file: file, limits: limits, to: reader)
    }
  }

  /// Parses and reads a document held in memory, as ``load(file:limits:)`` does.
  /// - Parameters:
  ///   - fileName: the name in diagnostics and in the tree; an e-Gov law's ids and date are taken
  ///     from it when it follows e-Gov's naming.
  public static func load(
    data: Data, fileName: String, baseURL: String? = nil, limits: XMLParseLimits = .init()
  ) throws(GuideKitError) -> ClauseTree {
    try load(fileName: fileName) { reader throws(XMLError) in
      try XMLDocument.stream(data: data, fileName: fileName, baseURL: baseURL, limits: limits, to: reader)
    }
  }

  /// Laws and guidelines are read while they are parsed (`DocumentStreamReader`); catalogs once
  /// parsed.
  private static func load(
    fileName: String, parse: (DocumentStreamReader) throws(XMLError) -> XMLDocument?
  ) throws(GuideKitError) -> ClauseTree {
    let reader = DocumentStreamReader(file: fileName)
    let document: XMLDocument?
    do {
      document = try parse(reader)
    } catch {
      throw .xml(error)
    }
    if let tree = reader.tree() { return tree }
    // The reader keeps the root of any other document: the tree readers take it whole.
    guard let document else { throw .unsupportedDocument(file: fileName, line: 0, root: "") }
    return try read(document)
  }

  /// Parses and reads several files, in parallel unless they are small together.
  /// - Returns: the trees, in the order of `files`.
  /// - Throws: the error of the first file (in `files` order) that could not be read.
  public static func load(files: [String], limits: XMLParseLimits = .init()) throws(GuideKitError)
    -> [ClauseTree]
  {
    let results = Parallel.map(files.count, work: FileTree.byteCount(of: files)) { index in
      Result { () throws(GuideKitError) in try load(file: files[index], limits: limits) }
    }
    var trees: [ClauseTree] = []
    for result in results { trees.append(try result.get()) }
    return trees
  }

  /// Reads a parsed document; the caller may free it afterwards.
  public static func read(_ document: XMLDocument) throws(GuideKitError) -> ClauseTree {
    // The readers work on the parsed tree in place, without a Swift copy of it.
    let tree = try document.withRootElement { root throws(GuideKitError) in
      try read(root, file: document.fileName)
    }
    guard let tree else {
      throw .unsupportedDocument(file: document.fileName, line: 0, root: "")
    }
    return tree
  }

  /// Reads a document already converted to Swift values.
  public static func read<Element: XMLElementReading>(_ root: Element, file: String) throws(GuideKitError)
    -> ClauseTree
  {
    switch kind(of: root) {
    case .guideline: GuidelineReader.read(root, file: file)
    case .law: LawReader.read(root, file: file)
    case .catalog: CatalogReader.read(root, file: file)
    case nil:
      throw .unsupportedDocument(
        file: file, line: root.line,
        root: root.namespaceURI.map { "{\($0)}\(root.name)" } ?? root.name)
    }
  }
}

/// Errors that stop a GuideKit operation (exit status 2 at the command line).
public enum GuideKitError: Error, Sendable, CustomStringConvertible {
  case xml(XMLError)
  case unsupportedDocument(file: String, line: Int, root: String)
  /// Two documents of different kinds given to a diff: their kinds and files.
  case mixedKinds(old: DocumentKind, new: DocumentKind, oldFile: String, newFile: String)
  case io(path: String, reason: String)
  /// The caller asked for what cannot be done: a version that is not newer, an edition of
  /// another guideline, an output folder that is not guidekit's (a command reports it as bad usage).
  case invalidRequest(String)

  public var diagnostics: [XMLDiagnostic] {
    switch self {
    case .xml(let error): error.diagnostics
    case .unsupportedDocument(let file, let line, let root):
      [
        XMLDiagnostic(
          file: file, line: line, severity: .error,
          message:
            "unsupported document: root element <\(root)> is neither a guideline (urn:guidekit:guideline:1), an e-Gov <Law>/<DataRoot> nor an OSCAL <catalog>"
        )
      ]
    case .mixedKinds(let old, let new, let oldFile, let newFile):
      [
        XMLDiagnostic(
          file: newFile, line: 0, severity: .error,
          message:
            "cannot compare this \(new.rawValue) with the \(old.rawValue) \(oldFile): both documents must be of one kind"
        )
      ]
    case .io(let path, let reason):
      [XMLDiagnostic(file: path, line: 0, severity: .error, message: reason)]
    case .invalidRequest(let message):
      [XMLDiagnostic(file: nil, line: 0, severity: .error, message: message)]
    }
  }

  public var description: String {
    diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n")
  }
}

/// Hands a document's parse events to the reader of its kind, told by the root element: laws to
/// `LawStreamReader`, guidelines to `GuidelineStreamReader`; anything else is kept whole for the
/// tree readers.
final class DocumentStreamReader: XMLStreamHandler {
  private enum Reading {
    case undecided, law(LawStreamReader), guideline(GuidelineStreamReader), kept
  }

  private let file: String
  private var reading = Reading.undecided

  init(file: String) { self.file = file }

  func start(_ element: XMLElementView) -> XMLStreamChoice {
    switch reading {
    case .undecided:
      switch DocumentLoader.kind(of: element) {
      case .law:
        let law = LawStreamReader(file: file)
        reading = .law(law)
        return law.start(element)
      case .guideline:
        let guideline = GuidelineStreamReader()
        reading = .guideline(guideline)
        return guideline.start(element, file: file)
      default:
        reading = .kept
        return .keep
      }
    case .law(let law):
      return law.start(element)
    case .guideline(let guideline):
      return guideline.start(element, file: file)
    case .kept:
      return .keep
    }
  }

  func element(_ element: XMLElementView) {
    switch reading {
    case .law(let law):
      law.element(element)
    case .guideline(let guideline):
      guideline.element(element)
    default:
      break
    }
  }

  func end() {
    switch reading {
    case .law(let law):
      law.end()
    case .guideline(let guideline):
      guideline.end()
    default:
      break
    }
  }

  /// The tree read while parsing; nil when the document is kept for a tree reader.
  func tree() -> ClauseTree? {
    switch reading {
    case .law(let law): law.assembler.tree()
    case .guideline(let guideline): guideline.tree()
    default: nil
    }
  }
}

@preconcurrency import CLibXML2
import FoundationEssentials

/// A compiled schema in either language guidekit reads: W3C XML Schema or RELAX NG.
public enum XMLGrammar: Sendable {
  case xsd(XMLSchema)
  case relaxNG(XMLRelaxNG)

  /// The RELAX NG structure namespace.
  public static let relaxNGNamespace = "http://relaxng.org/ns/structure/1.0"

  /// Compiles the schema at `path`. The language is told by the file's root element: `grammar`
  /// or `element` in the RELAX NG namespace is RELAX NG (XML syntax), anything else is compiled
  /// as W3C XML Schema. Only the file's head is read to tell them apart; each compiler then
  /// parses the file as it always does.
  /// - Throws: `XMLError.unreadable` when there is no such file, `.invalidProgram` with the
  ///   compiler's diagnostics when it is no valid schema.
  public static func compile(path: String) throws(XMLError) -> XMLGrammar {
    let root = rootName(ofFile: path)
    if root?.namespaceURI == relaxNGNamespace && (root?.name == "grammar" || root?.name == "element") {
      return .relaxNG(try XMLRelaxNG(path: path))
    }
    return .xsd(try XMLSchema(path: path))
  }

  /// The local name and namespace of the first element in the file at `path`, read with
  /// libxml2's pull parser up to that element (no network, no DTD loaded, no entity expanded);
  /// nil when the file has none or cannot be read.
  static func rootName(ofFile path: String) -> (name: String, namespaceURI: String?)? {
    XMLLibrary.ensureInitialized()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    // The reader's own errors are not reported: the compiler that follows reports them.
    return DiagnosticCollector(file: path).capturing { () -> (name: String, namespaceURI: String?)? in
      guard let reader = xmlReaderForFile(path, nil, options) else { return nil }
      defer { xmlFreeTextReader(reader) }
      while xmlTextReaderRead(reader) == 1 {
        guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
        guard let name = xmlTextReaderConstLocalName(reader) else { return nil }
        return (String(cString: name), xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) })
      }
      return nil
    }
  }

  /// The schema file, as given.
  public var path: String {
    switch self {
    case .xsd(let schema): schema.path
    case .relaxNG(let grammar): grammar.path
    }
  }

  /// Validates a parsed document.
  /// - Returns: every diagnostic the validator raised, in document order; empty when valid.
  public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
    switch self {
    case .xsd(let schema): schema.validate(document)
    case .relaxNG(let grammar): grammar.validate(document)
    }
  }
}

/// What compiling and applying a schema takes in either language, around libxml2's own calls.
enum SchemaRun {
  /// Compiles the schema at `path` with `parse`, which reports through the collector it is given.
  /// - Parameters:
  ///   - language: for the message when the compiler fails without a word ("not a RELAX NG grammar").
  ///   - parse: the language's parser calls; returns the compiled schema or nil.
  ///   - free: frees a schema compiled with errors.
  /// - Throws: `XMLError.unreadable` when there is no such file, `.invalidProgram` otherwise.
  static func compile<Compiled>(
    path: String, language: String, parse: (String, DiagnosticCollector) -> Compiled?,
    free: (Compiled) -> Void
  ) throws(XMLError) -> Compiled {
    XMLLibrary.ensureInitialized()
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw .unreadable(file: path, reason: "no such schema file")
    }
    let collector = DiagnosticCollector(file: path)
    let compiled = collector.capturing { parse(XMLDocument.absoluteURLString(path), collector) }
    guard let compiled, !collector.hasErrors else {
      if let compiled { free(compiled) }
      var diagnostics = collector.diagnostics
      if diagnostics.isEmpty {
        diagnostics.append(XMLDiagnostic(file: path, line: 0, severity: .error, message: "not a \(language)"))
      }
      throw .invalidProgram(file: path, diagnostics: diagnostics)
    }
    return compiled
  }

  /// Diagnostics listed per validated document; the rest are counted ("… and N more").
  static let maxDiagnostics = 100

  /// Validates `document` with `run`, which returns libxml2's status (0 valid, > 0 invalid,
  /// < 0 internal failure) or nil when it could not allocate its context.
  /// - Returns: the validator's diagnostics; one of guidekit's own when it failed without a word.
  static func validate(
    _ document: XMLDocument, schemaPath: String, run: (DiagnosticCollector) -> Int32?
  ) -> [XMLDiagnostic] {
    let collector = DiagnosticCollector(file: document.fileName, limit: maxDiagnostics)
    collector.capturing {
      guard let status = run(collector) else {
        collector.add(message: "cannot allocate a validation context")
        return
      }
      if status < 0 && collector.diagnostics.isEmpty {
        collector.add(message: "internal error in the validator (\(status))")
      } else if status > 0 && collector.diagnostics.isEmpty {
        collector.add(message: "the document is not valid against \(schemaPath)")
      }
    }
    collector.summarizeDropped(what: "schema errors")
    return collector.diagnostics
  }
}

/// The root element of a document held in memory, read with libxml2's pull parser up to that
/// element only (no network, no DTD loaded, no entity expanded).
public enum XMLRootElement {
  /// The value of the root element's attribute `name` (no namespace), or nil when the document
  /// has no such attribute or no root element can be read.
  public static func attribute(_ name: String, in data: Data) -> String? {
    XMLLibrary.ensureInitialized()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    // The reader's own errors are not reported: the parse that follows reports them.
    return DiagnosticCollector(file: "").capturing { () -> String? in
      data.withUnsafeBytes { raw -> String? in
        guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count <= Int(Int32.max),
          let reader = xmlReaderForMemory(base, Int32(raw.count), nil, nil, options)
        else { return nil }
        defer { xmlFreeTextReader(reader) }
        while xmlTextReaderRead(reader) == 1 {
          guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
          guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
          defer { xmlFree(value) }
          return String(cString: value)
        }
        return nil
      }
    }
  }
}

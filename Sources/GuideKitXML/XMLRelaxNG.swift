@preconcurrency import CLibXML2
import Synchronization

/// A compiled RELAX NG grammar (XML syntax). Compile once; validate from any thread.
///
/// libxml2 caches facts about a grammar's definitions while it validates (whether a pattern is
/// nullable, for one), so validations against one grammar take turns; each has its own context.
public final class XMLRelaxNG: @unchecked Sendable {
  private let pointer: xmlRelaxNGPtr
  private let validation = Mutex(())
  /// The grammar file, as given.
  public let path: String

  /// Compiles the grammar at `path`. `include` and `externalRef` are read from local files only.
  /// - Throws: `XMLError.unreadable` or `XMLError.invalidProgram` with the compiler's diagnostics.
  public init(path: String) throws(XMLError) {
    self.pointer = try SchemaRun.compile(
      path: path, language: "RELAX NG grammar",
      parse: { url, collector in
        guard let parser = xmlRelaxNGNewParserCtxt(url) else { return nil }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        xmlRelaxNGSetParserStructuredErrors(
          parser, diagnosticCollectorStructuredHandler, Unmanaged.passUnretained(collector).toOpaque())
        return xmlRelaxNGParse(parser)
      }, free: { xmlRelaxNGFree($0) })
    self.path = path
  }

  deinit {
    xmlRelaxNGFree(pointer)
  }

  /// Validates a parsed document.
  /// - Returns: every diagnostic the validator raised, in document order; empty when valid.
  public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
    validation.withLock { _ in
      SchemaRun.validate(document, schemaPath: path) { collector in
        guard let context = xmlRelaxNGNewValidCtxt(pointer) else { return nil }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(
          context, diagnosticCollectorStructuredHandler, Unmanaged.passUnretained(collector).toOpaque())
        return xmlRelaxNGValidateDoc(context, document.pointer)
      }
    }
  }
}

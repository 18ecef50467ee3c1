@preconcurrency import CLibXML2
import FoundationEssentials

/// A compiled W3C XML Schema. Compile once; validate from any number of threads at once
/// (each validation has its own libxml2 validation context; the compiled schema is read-only).
public final class XMLSchema: @unchecked Sendable {
  private let pointer: xmlSchemaPtr
  /// The schema file, as given.
  public let path: String

  /// Compiles the schema at `path`. Includes and imports are read from local files only.
  /// - Throws: `XMLError.unreadable` or `XMLError.invalidProgram` with the compiler's diagnostics.
  public init(path: String) throws(XMLError) {
    XMLLibrary.ensureInitialized()
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw .unreadable(file: path, reason: "no such schema file")
    }
    let collector = DiagnosticCollector(file: path)
    let compiled: xmlSchemaPtr? = collector.capturing {
      guard let parser = xmlSchemaNewParserCtxt(XMLDocument.absoluteURLString(path)) else {
        return nil
      }
      defer { xmlSchemaFreeParserCtxt(parser) }
      xmlSchemaSetParserStructuredErrors(
        parser, diagnosticCollectorStructuredHandler, Unmanaged.passUnretained(collector).toOpaque())
      return xmlSchemaParse(parser)
    }
    guard let compiled, !collector.hasErrors else {
      if let compiled { xmlSchemaFree(compiled) }
      throw .invalidProgram(file: path, diagnostics: collector.diagnostics)
    }
    self.pointer = compiled
    self.path = path
  }

  deinit {
    xmlSchemaFree(pointer)
  }

  /// Validates a parsed document.
  /// - Returns: every diagnostic the validator raised, in document order; empty when valid.
  public func validate(_ document: XMLDocument) -> [XMLDiagnostic] {
    let collector = DiagnosticCollector(file: document.fileName)
    collector.capturing {
      guard let context = xmlSchemaNewValidCtxt(pointer) else {
        collector.add(message: "cannot allocate a schema validation context")
        return
      }
      defer { xmlSchemaFreeValidCtxt(context) }
      xmlSchemaSetValidStructuredErrors(
        context, diagnosticCollectorStructuredHandler,
        Unmanaged.passUnretained(collector).toOpaque())
      let status = xmlSchemaValidateDoc(context, document.pointer)
      if status < 0 && collector.diagnostics.isEmpty {
        collector.add(message: "internal error in the schema validator (\(status))")
      } else if status > 0 && collector.diagnostics.isEmpty {
        collector.add(message: "the document is not valid against \(path)")
      }
    }
    return collector.diagnostics
  }
}

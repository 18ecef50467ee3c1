@preconcurrency import CLibXML2
import FoundationEssentials

/// One-time, process-wide set-up of libxml2, libxslt and libexslt.
///
/// Every public entry point of GuideKitXML calls `XMLLibrary.ensureInitialized()`, so callers never
/// need to. Initialisation installs guidekit's security defaults (DESIGN.md): an external-entity
/// loader that never reaches the network and refuses every load made while parsing an input
/// document, and default XSLT security preferences that forbid writing files, creating folders and
/// network access.
public enum XMLLibrary {
  /// libxml2's version as a string, e.g. "2.9.14".
  public static var libxml2Version: String {
    LIBXML_DOTTED_VERSION
  }

  private static let initialization: Void = {
    xmlInitParser()
    exsltRegisterAll()
    xmlSetExternalEntityLoader(secureEntityLoader)
    // No DTD loading, no default attributes, no entity substitution for any parse libxml2 starts itself.
    xmlSubstituteEntitiesDefault(0)
    __xmlLoadExtDtdDefaultValue().pointee = 0
    xmlPedanticParserDefault(0)
    XSLTSecurity.installDefaults()
  }()

  /// Initialises the libraries once; cheap after the first call.
  public static func ensureInitialized() {
    _ = initialization
  }
}

/// Marks a parser context created by `XMLDocument.parse`: every external load it asks for is refused.
nonisolated(unsafe) let inputParserMarker = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)

/// The external-entity loader for the whole process.
///
/// - Loads asked for while parsing an input document (DTDs, entities, XInclude) are refused.
/// - Any other load (schema includes, stylesheet imports, XSLT `document()` after its security check)
///   is limited to local files: network schemes are refused.
private let secureEntityLoader: xmlExternalEntityLoader = { url, id, context in
  let target = url.map { String(cString: $0) } ?? ""
  if let context,
    context.pointee._private == inputParserMarker || InputReaders.contains(context.pointee._private)
  {
    reportRefusedLoad(context, "external resource \"\(target)\" refused: guidekit never loads DTDs or entities")
    return nil
  }
  let lowered = target.lowercased()
  if lowered.contains("://") && !lowered.hasPrefix("file://") {
    reportRefusedLoad(context, "network resource \"\(target)\" refused: guidekit never reaches the network")
    return nil
  }
  return xmlNoNetExternalEntityLoader(url, id, context)
}

private func reportRefusedLoad(_ context: xmlParserCtxtPtr?, _ message: String) {
  // Raised through the thread's structured handler, which a DiagnosticCollector has installed.
  if let handler = __xmlStructuredError().pointee {
    var error = xmlError()
    error.domain = Int32(XML_FROM_IO.rawValue)
    error.code = Int32(XML_IO_LOAD_ERROR.rawValue)
    error.level = XML_ERR_FATAL
    error.line = context.map { Int32(xmlSAX2GetLineNumber($0)) } ?? 0
    message.withCString { cString in
      error.message = UnsafeMutablePointer(mutating: cString)
      handler(__xmlStructuredErrorContext().pointee, &error)
    }
  }
}

@preconcurrency import CLibXML2
import FoundationEssentials
import Synchronization

/// libxslt security preferences shared by every transformation (DESIGN.md "Security defaults"):
/// no file writes, no folder creation, no network reads or writes; file reads only inside the
/// stylesheet's folder and the inputs of the transformation.
enum XSLTSecurity {
  nonisolated(unsafe) static var preferences: xsltSecurityPrefsPtr? = nil

  /// Folders whose files a stylesheet being compiled may import (compilation has no transform
  /// context to carry a policy). Guarded by `XSLTStylesheet`'s compile lock and this mutex.
  private static let compileFolders = Mutex<[String]>([])

  static func installDefaults() {
    guard let prefs = xsltNewSecurityPrefs() else { return }
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid)
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid)
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid)
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid)
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, readFileCheck)
    xsltSetDefaultSecurityPrefs(prefs)
    preferences = prefs
    xsltSetLoaderFunc(secureDocumentLoader)
  }

  static func withCompileFolder<T>(_ folder: String, _ body: () -> T) -> T {
    let normalized = XSLTAccessPolicy.normalize(folder)
    compileFolders.withLock { $0.append(normalized) }
    defer { compileFolders.withLock { _ = $0.popLast() } }
    return body()
  }

  static func compileAllows(_ path: String) -> Bool {
    let folders = compileFolders.withLock { $0 }
    return XSLTAccessPolicy(folders: folders).allowsReading(path)
  }
}

private let readFileCheck: xsltSecurityCheck = { _, context, value in
  guard let value else { return 0 }
  let path = String(cString: value)
  if let context, let raw = context.pointee._private {
    let box = Unmanaged<PolicyBox>.fromOpaque(raw).takeUnretainedValue()
    if box.policy.allowsReading(path) { return 1 }
    xsltTransformErrorMessage(
      context, "read of \"\(path)\" refused: a stylesheet reads only its own folder and its inputs")
    return 0
  }
  return XSLTSecurity.compileAllows(path) ? 1 : 0
}

/// Reports through the transformation's error handler (non-variadic wrapper).
private func xsltTransformErrorMessage(_ context: xsltTransformContextPtr, _ message: String) {
  guard let handler = context.pointee.error, let data = context.pointee.errctx else { return }
  let target = data.assumingMemoryBound(to: gk_message_target.self)
  if let sink = target.pointee.sink {
    (message + "\n").withCString { sink(target.pointee.context, $0) }
  }
  _ = handler
}

/// Parses documents and imported stylesheets like inputs: no DTD, no entities, no network, and
/// read through `InputFile` as an input is (a regular file, within the input size limit).
///
/// libxslt has checked the read against the security preferences before it calls the loader. The
/// loader reads the (local) file itself and parses it with a context marked as an input's, so
/// that the entity loader refuses every further load (DTDs, entities) without refusing the
/// document itself. Why a `document()` read failed is reported through the transformation.
private let secureDocumentLoader: xsltDocLoaderFunc = { uri, dictionary, _, loaderContext, type in
  guard let uri else { return nil }
  let target = String(cString: uri)
  guard let path = xsltLocalPath(target) else { return nil }
  let input: InputFile
  do throws(XMLError) {
    input = try InputFile(path: path, limits: XMLParseLimits())
  } catch {
    if type == XSLT_LOAD_DOCUMENT, let loaderContext {
      let messages = error.diagnostics.map { "cannot read \"\(path)\": \($0.message)" }
      xsltTransformErrorMessage(
        loaderContext.assumingMemoryBound(to: xsltTransformContext.self), messages.joined(separator: "; "))
    }
    return nil
  }
  defer { input.close() }
  guard let context = xmlNewParserCtxt() else { return nil }
  defer { xmlFreeParserCtxt(context) }
  context.pointee._private = inputParserMarker
  if let dictionary {
    if let old = context.pointee.dict { xmlDictFree(old) }
    context.pointee.dict = dictionary
    xmlDictReference(dictionary)
  }
  let reader = Unmanaged.passUnretained(input).toOpaque()
  let document = xmlCtxtReadIO(context, inputFileRead, nil, reader, target, nil, XMLDocument.parseOptions)
  if let document, document.pointee.intSubset != nil || input.error() != nil {
    xmlFreeDoc(document)
    return nil
  }
  return document
}

/// The local path a URI names (`file:` URL or absolute path), or nil for any other scheme.
private func xsltLocalPath(_ uri: String) -> String? {
  if uri.lowercased().hasPrefix("file://") { return URL(string: uri)?.path }
  if uri.contains("://") { return nil }
  return uri
}

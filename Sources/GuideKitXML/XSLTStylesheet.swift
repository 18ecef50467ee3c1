@preconcurrency import CLibXML2
import Dispatch
import FoundationEssentials
import Synchronization

/// What a stylesheet may read: files directly inside `folders` and the files named in `files`
/// (absolute, standardised paths). Writing files, creating folders and every network access are
/// always refused.
public struct XSLTAccessPolicy: Sendable, Hashable {
  public var folders: [String]
  public var files: [String]

  public init(folders: [String] = [], files: [String] = []) {
    self.folders = folders.map(Self.normalize)
    self.files = files.map(Self.normalize)
  }

  static func normalize(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// True when `path` (a local path or file: URL) may be read.
  public func allowsReading(_ path: String) -> Bool {
    var local = path
    if local.hasPrefix("file://") {
      local = URL(string: local)?.path ?? ""
    }
    guard local.hasPrefix("/") else { return false }
    let resolved = Self.normalize(local)
    if files.contains(resolved) { return true }
    // Files directly in a folder, not in the tree below it.
    guard let slash = resolved.lastIndex(of: "/") else { return false }
    let parent = slash == resolved.startIndex ? "/" : String(resolved[..<slash])
    return folders.contains { $0 == parent || $0 == parent + "/" }
  }
}

/// The output of one transformation.
public struct XSLTResult: Sendable {
  /// The serialised result, as the stylesheet's `xsl:output` asks (UTF-8 unless it says otherwise).
  public var bytes: Data
  /// `xsl:message` output and warnings raised during the transformation.
  public var messages: [XMLDiagnostic]

  /// The result as a string (UTF-8).
  public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A compiled XSLT 1.0 stylesheet (with EXSLT functions). One owner: `deinit` frees it.
/// Compile once; apply from any number of threads at once.
public final class XSLTStylesheet: @unchecked Sendable {
  private let pointer: xsltStylesheetPtr
  /// The stylesheet file, as given.
  public let path: String
  /// The folder the stylesheet lives in; its imports and `document()` reads are allowed there.
  public let folder: String

  /// Compiles the stylesheet at `path`.
  /// - Throws: `XMLError.unreadable`, `XMLError.malformed` (not XML) or `XMLError.invalidProgram`.
  public init(path: String) throws(XMLError) {
    let document = try XMLDocument.parse(file: path)
    let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    self.pointer = try Self.compile(document, path: path, folder: folder)
    self.path = path
    self.folder = folder
  }

  deinit {
    xsltFreeStylesheet(pointer)
  }

  /// libxslt's generic error function is process-wide: compilations take turns.
  private static let compileLock = Mutex(())

  private static func compile(_ document: XMLDocument, path: String, folder: String)
    throws(XMLError) -> xsltStylesheetPtr
  {
    let collector = DiagnosticCollector(file: path)
    var compiled: xsltStylesheetPtr?
    compileLock.withLock { _ in
      compiled = XSLTSecurity.withCompileFolder(folder) {
        collector.capturing {
          let unmanaged = Unmanaged.passUnretained(collector).toOpaque()
          var target = gk_message_target(context: unmanaged, sink: diagnosticCollectorMessageSink)
          return withUnsafeMutablePointer(to: &target) { targetPointer in
            let previous = gk_set_generic_error_target(targetPointer, 1)
            defer { gk_restore_generic_error(previous) }
            // The stylesheet takes the document over, also when compilation fails.
            let copy = xmlCopyDoc(document.pointer, 1)
            let sheet = xsltParseStylesheetDoc(copy)
            if sheet == nil, let copy { xmlFreeDoc(copy) }
            return sheet
          }
        }
      }
    }
    guard let compiled else {
      var diagnostics = collector.diagnostics
      if diagnostics.isEmpty {
        diagnostics.append(
          XMLDiagnostic(file: path, line: 0, severity: .error, message: "not a valid XSLT stylesheet"))
      }
      throw .invalidProgram(file: path, diagnostics: diagnostics)
    }
    if compiled.pointee.errors > 0 {
      xsltFreeStylesheet(compiled)
      throw .invalidProgram(file: path, diagnostics: collector.diagnostics)
    }
    return compiled
  }

  /// Applies the stylesheet.
  /// - Parameters:
  ///   - document: the input document.
  ///   - parameters: top-level `xsl:param` values, passed as strings (never evaluated as XPath).
  ///   - policy: what the stylesheet may read besides its own folder and the input.
  /// - Throws: `XMLError.transformFailed` with libxslt's diagnostics, also when the security
  ///   policy refused a read or a write.
  ///   - timeout: wall-clock limit: a watchdog stops the transformation (its context's state)
  ///     when it runs longer; nil for none.
  public func transform(
    _ document: XMLDocument, parameters: [String: String] = [:],
    policy: XSLTAccessPolicy = XSLTAccessPolicy(), timeout: Duration? = nil
  ) throws(XMLError) -> XSLTResult {
    let (bytes, messages) = try apply(document, parameters: parameters, policy: policy, timeout: timeout) {
      result -> Result<Data, XMLError> in
      defer { xmlFreeDoc(result) }
      var buffer: UnsafeMutablePointer<xmlChar>?
      var length: Int32 = 0
      guard xsltSaveResultToString(&buffer, &length, result, pointer) == 0 else {
        return .failure(.internalFailure("cannot serialise the transformation result"))
      }
      defer { if let buffer { gk_xml_free(buffer) } }
      guard let buffer, length > 0 else { return .success(Data()) }
      return .success(Data(bytes: buffer, count: Int(length)))
    }
    return XSLTResult(bytes: bytes, messages: messages)
  }

  /// Applies the stylesheet as ``transform(_:parameters:policy:timeout:)`` does, and returns the
  /// result tree itself, not serialised: for a reader of the output (the text layout), which
  /// then parses nothing.
  /// - Returns: the result document (named after the stylesheet) and the messages.
  package func transformToDocument(
    _ document: XMLDocument, parameters: [String: String] = [:],
    policy: XSLTAccessPolicy = XSLTAccessPolicy(), timeout: Duration? = nil
  ) throws(XMLError) -> (document: XMLDocument, messages: [XMLDiagnostic]) {
    try apply(document, parameters: parameters, policy: policy, timeout: timeout) { result in
      .success(XMLDocument(pointer: result, fileName: path, warnings: []))
    }
  }

  /// The transformation both entry points share; `take` receives the result document and owns
  /// it (on failure the result is freed here).
  private func apply<T>(
    _ document: XMLDocument, parameters: [String: String], policy: XSLTAccessPolicy, timeout: Duration?,
    take: (xmlDocPtr) -> Result<T, XMLError>
  ) throws(XMLError) -> (T, [XMLDiagnostic]) {
    var effective = policy
    effective.folders.append(XSLTAccessPolicy.normalize(folder))
    effective.files.append(XSLTAccessPolicy.normalize(document.fileName))
    let box = PolicyBox(effective)
    let collector = DiagnosticCollector(file: path)
    let outcome: Result<T, XMLError> = collector.capturing {
      guard let context = xsltNewTransformContext(pointer, document.pointer) else {
        return .failure(.internalFailure("cannot allocate an XSLT transformation context"))
      }
      defer { xsltFreeTransformContext(context) }
      let unmanagedBox = Unmanaged.passRetained(box)
      defer { unmanagedBox.release() }
      context.pointee._private = unmanagedBox.toOpaque()
      xsltSetCtxtSecurityPrefs(XSLTSecurity.preferences, context)
      // Documents read by document() are parsed like inputs: no DTD, no entities, no network.
      context.pointee.parserOptions = XMLDocument.parseOptions
      let unmanagedCollector = Unmanaged.passUnretained(collector).toOpaque()
      var target = gk_message_target(
        context: unmanagedCollector, sink: diagnosticCollectorMessageSink)
      return withUnsafeMutablePointer(to: &target) { targetPointer -> Result<T, XMLError> in
        gk_set_transform_error_target(context, targetPointer)
        let parameterList = StringParameterList(parameters)
        return parameterList.withCArray { parameterArray -> Result<T, XMLError> in
          _ = xsltQuoteUserParams(context, parameterArray)
          let watchdog = timeout.map { TransformWatchdog(context: context, after: $0) }
          let result = xsltApplyStylesheetUser(pointer, document.pointer, nil, nil, nil, context)
          var taken = false
          defer { if let result, !taken { xmlFreeDoc(result) } }
          collector.flushFragments()
          if let timeout, watchdog?.disarm() == true {
            return .failure(
              .transformFailed([
                XMLDiagnostic(
                  file: path, line: 0, severity: .error,
                  message:
                    "the stylesheet ran longer than \(TransformWatchdog.describe(timeout)) and was stopped (--transform-timeout)"
                )
              ]))
          }
          if context.pointee.state != XSLT_STATE_OK || result == nil {
            var diagnostics = collector.diagnostics
            if diagnostics.isEmpty {
              diagnostics.append(
                XMLDiagnostic(
                  file: path, line: 0, severity: .error, message: "the transformation failed"))
            }
            return .failure(
              .transformFailed(
                diagnostics.map { d in
                  var error = d
                  error.severity = .error
                  return error
                }))
          }
          guard let result else { return .failure(.internalFailure("no result")) }
          taken = true
          return take(result)
        }
      }
    }
    let value = try outcome.get()
    return (
      value,
      collector.diagnostics.map { d in
        var message = d
        if message.severity == .error { message.severity = .note }
        return message
      }
    )
  }
}

/// Stops a transformation from another thread when it runs past its time: libxslt checks the
/// context's state as it goes and ends the transformation once it reads `XSLT_STATE_STOPPED`.
final class TransformWatchdog: @unchecked Sendable {
  private let context: xsltTransformContextPtr
  /// Whether the watchdog may still touch the context, and whether it stopped it.
  private let state = Mutex<(armed: Bool, fired: Bool)>((true, false))
  private var item: DispatchWorkItem?

  init(context: xsltTransformContextPtr, after timeout: Duration) {
    self.context = context
    let item = DispatchWorkItem { [self] in fire() }
    self.item = item
    let (seconds, attoseconds) = timeout.components
    let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(max(nanoseconds, 0)), execute: item)
  }

  private func fire() {
    state.withLock { state in
      guard state.armed else { return }
      gk_xslt_stop(context)
      state.fired = true
    }
  }

  /// Ends the watch before the context is freed. Returns true when the watchdog stopped it.
  func disarm() -> Bool {
    item?.cancel()
    return state.withLock { state in
      state.armed = false
      return state.fired
    }
  }

  static func describe(_ timeout: Duration) -> String {
    let (seconds, attoseconds) = timeout.components
    if attoseconds == 0 { return "\(seconds) s" }
    return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
  }
}

/// Holds a transformation's access policy for the C security callbacks.
final class PolicyBox {
  let policy: XSLTAccessPolicy
  init(_ policy: XSLTAccessPolicy) { self.policy = policy }
}

/// Builds the NULL-terminated name/value array `xsltQuoteUserParams` takes.
private struct StringParameterList {
  let pairs: [(String, String)]
  init(_ parameters: [String: String]) {
    pairs = parameters.sorted { $0.key < $1.key }
  }

  func withCArray<T>(_ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> T) -> T {
    var storage: [UnsafeMutablePointer<CChar>] = []
    for (name, value) in pairs {
      storage.append(strdup(name))
      storage.append(strdup(value))
    }
    defer { storage.forEach { free($0) } }
    var array: [UnsafePointer<CChar>?] = storage.map { UnsafePointer($0) }
    array.append(nil)
    return array.withUnsafeMutableBufferPointer { buffer in
      // The buffer is never empty: it always holds the terminating NULL.
      body(buffer.baseAddress ?? UnsafeMutablePointer.allocate(capacity: 1))
    }
  }
}

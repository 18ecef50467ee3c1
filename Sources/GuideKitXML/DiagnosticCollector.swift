@preconcurrency import CLibXML2

/// Collects libxml2's structured errors for one synchronous call.
///
/// libxml2 2.9.14 has no per-context handler for the parser (`xmlCtxtSetErrorHandler` came in
/// 2.13), so the thread-local `xmlSetStructuredErrorFunc` is set for the call and the previous
/// handler restored with `defer`. Schema validation and XSLT use their per-context handlers with the same collector.
final class DiagnosticCollector {
  let file: String?
  private(set) var diagnostics: [XMLDiagnostic] = []
  /// Messages beyond this count are only counted (a hostile input can raise millions).
  let limit: Int
  private(set) var dropped = 0

  init(file: String?, limit: Int = 500) {
    self.file = file
    self.limit = limit
  }

  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  func add(_ diagnostic: XMLDiagnostic) {
    guard diagnostics.count < limit else {
      dropped += 1
      return
    }
    // libxml2 often repeats a message for the same line (its RELAX NG validator once for every
    // pattern it tried, not always in a row); keep the first.
    guard seen.insert(SeenKey(line: diagnostic.line, message: diagnostic.message)).inserted else { return }
    diagnostics.append(diagnostic)
  }

  /// Messages received, repeated ones included.
  private var received = 0

  func add(error: UnsafePointer<xmlError>) {
    // Past the cap a message is only counted: nothing of it is converted. Repeated messages
    // (kept once) count towards ten times the cap, so that millions of one line's errors stop
    // costing a conversion each too.
    received += 1
    guard diagnostics.count < limit, received <= limit * 10 else {
      dropped += 1
      return
    }
    let e = error.pointee
    var line = Int(e.line)
    // Schema validation runs with a file name set, so that libxml2 does not walk back over every
    // previous node for each error (quadratic in a document of many errors); the line is then
    // taken from the node here.
    if line == 0, let raw = e.node {
      var node = raw.assumingMemoryBound(to: xmlNode.self)
      if node.pointee.type == XML_ATTRIBUTE_NODE, let parent = node.pointee.parent { node = parent }
      if node.pointee.type == XML_ELEMENT_NODE { line = XMLDocument.lineNumber(node) }
    }
    let severity: XMLDiagnostic.Severity =
      switch e.level {
      case XML_ERR_WARNING: .warning
      case XML_ERR_NONE: .note
      default: .error
      }
    var message = e.message.map { String(cString: $0) } ?? "unknown error"
    message = message.trimmingWhitespace()
    var diagnostic = XMLDiagnostic(
      file: file, line: line, severity: severity, message: message,
      domain: Int(e.domain), code: Int(e.code))
    if e.domain == Int32(XML_FROM_SCHEMASV.rawValue), let node = e.node {
      diagnostic.elements = Self.elementPath(node.assumingMemoryBound(to: xmlNode.self))
    }
    add(diagnostic)
  }

  /// The element `node` is (or, for an attribute, belongs to) and its ancestors, innermost first.
  /// Called while the validated tree is alive (during the validation call).
  private static func elementPath(_ node: xmlNodePtr) -> [XMLDiagnostic.ElementStep] {
    var steps: [XMLDiagnostic.ElementStep] = []
    var current: xmlNodePtr? = node.pointee.type == XML_ATTRIBUTE_NODE ? node.pointee.parent : node
    while let element = current, element.pointee.type == XML_ELEMENT_NODE, steps.count < 256 {
      let name = element.pointee.name.map { String(cString: $0) } ?? ""
      let id = XMLElementView(node: element).attributeValue("id", namespace: nil)
      steps.append(XMLDiagnostic.ElementStep(name: name, id: id))
      current = element.pointee.parent
    }
    return steps
  }

  /// Appends "… and N more" when messages were dropped at the cap, once.
  func summarizeDropped(what: String) {
    guard dropped > 0 else { return }
    let line = diagnostics.last?.line ?? 0
    diagnostics.append(
      XMLDiagnostic(
        file: file, line: line, severity: .error,
        message: "… and \(dropped) more \(what) (only the first \(limit) are listed)"))
    dropped = 0
  }

  func add(message: String, severity: XMLDiagnostic.Severity = .error) {
    let text = message.trimmingWhitespace()
    guard !text.isEmpty else { return }
    add(XMLDiagnostic(file: file, line: 0, severity: severity, message: text))
  }

  /// Appends a printf-style fragment: libxslt emits one message in several calls.
  func appendFragment(_ fragment: String) {
    pendingFragment += fragment
    if pendingFragment.hasSuffix("\n") {
      flushFragments()
    }
  }

  func flushFragments() {
    let text = pendingFragment
    pendingFragment = ""
    for line in text.split(separator: "\n") {
      add(message: String(line))
    }
  }

  private var pendingFragment = ""

  private struct SeenKey: Hashable {
    var line: Int
    var message: String
  }
  private var seen: Set<SeenKey> = []

  /// Runs `body` with libxml2's thread-local structured and generic errors routed here; the
  /// handlers installed before (by an outer capture, or by a program that links the library)
  /// are put back afterwards.
  func capturing<T>(_ body: () throws -> T) rethrows -> T {
    let unmanaged = Unmanaged.passUnretained(self).toOpaque()
    let previousStructured = __xmlStructuredError().pointee
    let previousStructuredContext = __xmlStructuredErrorContext().pointee
    xmlSetStructuredErrorFunc(unmanaged, diagnosticCollectorStructuredHandler)
    var target = gk_message_target(context: unmanaged, sink: diagnosticCollectorMessageSink)
    return try withUnsafeMutablePointer(to: &target) { targetPointer in
      let previousGeneric = gk_set_generic_error_target(targetPointer, 0)
      defer {
        xmlSetStructuredErrorFunc(previousStructuredContext, previousStructured)
        gk_restore_generic_error(previousGeneric)
        flushFragments()
      }
      return try body()
    }
  }
}

let diagnosticCollectorStructuredHandler: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
  collector.add(error: UnsafePointer(error))
}

let diagnosticCollectorMessageSink: gk_message_sink = { context, message in
  guard let context, let message else { return }
  let collector = Unmanaged<DiagnosticCollector>.fromOpaque(context).takeUnretainedValue()
  collector.appendFragment(String(cString: message))
}

extension String {
  /// Without leading and trailing whitespace and line breaks.
  package func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

@preconcurrency import CLibXML2
import FoundationEssentials
import Synchronization

/// Receives a document as it is parsed, so that a reader can take each part as soon as it is
/// complete and the parser can free it: memory then holds the largest part, not the document.
///
/// The handler decides, for each element that starts where it descends, whether it wants the
/// element's children as events of their own, the element whole once it is complete, or no
/// events at all for it (``XMLStreamChoice``). The views it gets carry libxml2 pointers that are
/// freed after the call, hence `package`.
package protocol XMLStreamHandler: AnyObject {
  /// An element started: its name, namespace, attributes and line are known, its children not.
  func start(_ element: XMLElementView) -> XMLStreamChoice
  /// An element the handler chose to take ``XMLStreamChoice/whole``, complete. Its subtree is
  /// freed afterwards, so the view must not be kept.
  func element(_ element: XMLElementView)
  /// The element of the last `start` that chose ``XMLStreamChoice/descend`` has ended; its
  /// children are freed as the parse moves past them.
  func end()
}

/// What a stream handler wants of an element that starts.
package enum XMLStreamChoice: Sendable {
  /// Its children as events of their own, then ``XMLStreamHandler/end()``.
  case descend
  /// The element with its subtree, complete, in ``XMLStreamHandler/element(_:)``.
  case whole
  /// Nothing. A kept root element is kept with the whole document, which the stream returns;
  /// any other kept element is freed with the element it is inside.
  case keep
}

extension XMLDocument {
  /// Parses a file as ``parse(file:limits:)`` does (same security defaults, limits and
  /// diagnostics), handing its elements to `handler` while parsing: libxml2's pull parser
  /// (`xmlTextReader`) reads the file, expands an element taken whole and skips past it
  /// (`xmlTextReaderExpand`, `xmlTextReaderNext`), freeing each part once the handler has seen it.
  /// - Returns: the whole document when the handler kept its root element, else nil.
  /// - Throws: as ``parse(file:limits:)``; the handler may have seen part of the document.
  @discardableResult
  package static func stream(
    file path: String, limits: XMLParseLimits = .init(), to handler: some XMLStreamHandler
  ) throws(XMLError) -> XMLDocument? {
    XMLLibrary.ensureInitialized()
    let input = try InputFile(path: path, limits: limits)
    defer { input.close() }
    return try stream(
      fileName: path, baseURL: absoluteURLString(path), read: inputFileRead,
      input: Unmanaged.passUnretained(input).toOpaque(), inputError: input.error, handler: handler)
  }

  /// Parses bytes held in memory as ``parse(data:fileName:baseURL:limits:)`` does, handing
  /// elements to `handler` as ``stream(file:limits:to:)`` does.
  @discardableResult
  package static func stream(
    data: Data, fileName: String, baseURL: String? = nil, limits: XMLParseLimits = .init(),
    to handler: some XMLStreamHandler
  ) throws(XMLError) -> XMLDocument? {
    XMLLibrary.ensureInitialized()
    if data.count > limits.maxBytes {
      throw .tooLarge(file: fileName, size: data.count, limit: limits.maxBytes)
    }
    if data.isEmpty { throw emptyFile(fileName) }
    let input = MemoryInput(data)
    return try withExtendedLifetime(input) { () throws(XMLError) -> XMLDocument? in
      try stream(
        fileName: fileName, baseURL: baseURL ?? fileName, read: memoryInputRead,
        input: Unmanaged.passUnretained(input).toOpaque(), inputError: { nil }, handler: handler)
    }
  }

  /// The pull-parser loop both entry points share.
  /// - Parameters:
  ///   - read: libxml2's read callback over `input`.
  ///   - inputError: what went wrong reading the input, if anything.
  private static func stream(
    fileName: String, baseURL: String, read: xmlInputReadCallback, input: UnsafeMutableRawPointer,
    inputError: () -> XMLError?, handler: some XMLStreamHandler
  ) throws(XMLError) -> XMLDocument? {
    let collector = DiagnosticCollector(file: fileName)
    let outcome = collector.capturing { () -> StreamOutcome in
      guard let reader = xmlReaderForIO(read, nil, input, baseURL, nil, parseOptions) else {
        return .failed
      }
      defer { xmlFreeTextReader(reader) }
      InputReaders.register(reader)
      defer { InputReaders.unregister(reader) }
      var walk = StreamWalk(reader: reader, fileName: fileName)
      return walk.run(handler)
    }
    if let error = inputError() {
      if case .kept(let document) = outcome { xmlFreeDoc(document) }
      throw error
    }
    switch outcome {
    case .refused(let diagnostic):
      throw .malformed([diagnostic])
    case .failed, .kept, .done:
      guard !collector.hasErrors else {
        if case .kept(let document) = outcome { xmlFreeDoc(document) }
        throw .malformed(collector.diagnostics)
      }
    }
    switch outcome {
    case .failed:
      throw .malformed([XMLDiagnostic(file: fileName, line: 0, severity: .error, message: "not an XML document")])
    case .kept(let document):
      return XMLDocument(pointer: document, fileName: fileName, warnings: collector.diagnostics)
    case .done(sawRoot: true):
      return nil
    case .done(sawRoot: false), .refused:
      throw .malformed([XMLDiagnostic(file: fileName, line: 0, severity: .error, message: "no root element")])
    }
  }

  /// A DOCTYPE that declares entities or names an external DTD is refused.
  static func refusedDoctype(_ document: xmlDocPtr, fileName: String) -> XMLDiagnostic? {
    guard let dtd = document.pointee.intSubset else { return nil }
    let line = Int(xmlGetLineNo(UnsafeMutableRawPointer(dtd).assumingMemoryBound(to: xmlNode.self)))
    if dtd.pointee.SystemID != nil || dtd.pointee.ExternalID != nil {
      return XMLDiagnostic(
        file: fileName, line: max(line, 1), severity: .error,
        message: "external DTD refused: guidekit never loads DTDs [security]")
    }
    let entities = dtd.pointee.entities.map { xmlHashSize(OpaquePointer($0)) } ?? 0
    let parameterEntities = dtd.pointee.pentities.map { xmlHashSize(OpaquePointer($0)) } ?? 0
    if entities > 0 || parameterEntities > 0 {
      return XMLDiagnostic(
        file: fileName, line: max(line, 1), severity: .error,
        message:
          "entity declarations refused: guidekit never expands entities (\(entities + parameterEntities) declared) [security]"
      )
    }
    return nil
  }
}

/// How a streamed parse ended.
private enum StreamOutcome {
  /// Read to the end; `sawRoot` is false for a document without an element.
  case done(sawRoot: Bool)
  /// Read to the end with the root kept: the document, now owned by the caller.
  case kept(xmlDocPtr)
  /// The DOCTYPE was refused before the handler saw anything.
  case refused(XMLDiagnostic)
  /// The reader could not start or stopped on an error (the collector holds why).
  case failed
}

/// One pass of a text reader over a document, handing elements to a handler.
private struct StreamWalk {
  let reader: xmlTextReaderPtr
  let fileName: String
  /// The line of the text node read just before the current node, if it was one: an element
  /// past line 65,534 cannot store its line, and the reader has freed that text node by the time
  /// the element is current.
  private var lineOfPreviousText: Int?

  init(reader: xmlTextReaderPtr, fileName: String) {
    self.reader = reader
    self.fileName = fileName
  }

  mutating func run(_ handler: some XMLStreamHandler) -> StreamOutcome {
    var sawRoot = false
    var keptRoot = false
    var status = xmlTextReaderRead(reader)
    while status == 1 {
      let type = xmlTextReaderNodeType(reader)
      guard type == Int32(XML_READER_TYPE_ELEMENT.rawValue), let node = xmlTextReaderCurrentNode(reader) else {
        if type == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) { handler.end() }
        noteText(type)
        status = xmlTextReaderRead(reader)
        continue
      }
      if !sawRoot {
        sawRoot = true
        // The internal subset is complete once the root starts; the DOCTYPE is checked as a
        // parsed document's is, before the handler sees anything.
        if let document = node.pointee.doc, let refusal = XMLDocument.refusedDoctype(document, fileName: fileName) {
          return .refused(refusal)
        }
      }
      let line = node.pointee.line < 65535 ? nil : lineOfPreviousText
      lineOfPreviousText = nil
      switch handler.start(XMLElementView(node: node, line: line)) {
      case .descend:
        if xmlTextReaderIsEmptyElement(reader) == 1 { handler.end() }
        status = xmlTextReaderRead(reader)
      case .whole:
        guard let whole = xmlTextReaderExpand(reader) else { return .failed }
        handler.element(XMLElementView(node: whole, line: line))
        status = xmlTextReaderNext(reader)
      case .keep:
        if xmlTextReaderDepth(reader) == 0 {
          // Nothing the reader has built from here on is freed; the document stays whole.
          _ = xmlTextReaderPreserve(reader)
          keptRoot = true
        }
        status = xmlTextReaderNext(reader)
      }
    }
    guard status == 0 else { return .failed }
    if keptRoot, let document = xmlTextReaderCurrentDoc(reader) { return .kept(document) }
    return .done(sawRoot: sawRoot)
  }

  /// Remembers the line of a text node (whitespace included) for the element that may follow.
  private mutating func noteText(_ type: Int32) {
    let textTypes = [XML_READER_TYPE_TEXT, XML_READER_TYPE_WHITESPACE, XML_READER_TYPE_SIGNIFICANT_WHITESPACE]
    guard textTypes.contains(where: { Int32($0.rawValue) == type }), let node = xmlTextReaderCurrentNode(reader)
    else {
      lineOfPreviousText = nil
      return
    }
    lineOfPreviousText = Int(xmlGetLineNo(node))
  }
}

/// The text readers parsing input documents. libxml2 sets a reader's parser context's `_private`
/// to the reader, so the context cannot carry `inputParserMarker`; the entity loader asks here
/// instead, and refuses every load such a parse asks for.
enum InputReaders {
  private static let active = Mutex<Set<UInt>>([])

  static func register(_ reader: xmlTextReaderPtr) {
    _ = active.withLock { $0.insert(UInt(bitPattern: reader)) }
  }

  static func unregister(_ reader: xmlTextReaderPtr) {
    _ = active.withLock { $0.remove(UInt(bitPattern: reader)) }
  }

  /// True when `contextPrivate` (a parser context's `_private`) is a registered reader.
  static func contains(_ contextPrivate: UnsafeMutableRawPointer?) -> Bool {
    guard let contextPrivate else { return false }
    return active.withLock { $0.contains(UInt(bitPattern: contextPrivate)) }
  }
}

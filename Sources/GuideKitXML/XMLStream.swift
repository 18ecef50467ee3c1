@preconcurrency import CLibXML2
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Receives a document as it is parsed, so that a reader can take each part as soon as it is
/// complete and the parser can free it: memory then holds the largest part, not the document.
///
/// The handler decides, for each element that starts where it descends, whether it wants the
/// element's children as events of their own, the element whole once it is complete, or no
/// events at all for it, the element staying in the document (``XMLStreamChoice``).
public protocol XMLStreamHandler: AnyObject {
  /// An element started: its name, namespace, attributes and line are known, its children not.
  func start(_ element: XMLElementView) -> XMLStreamChoice
  /// An element the handler chose to take ``XMLStreamChoice/whole``, complete. Its subtree is
  /// freed afterwards, so the view must not be kept.
  func element(_ element: XMLElementView)
  /// The element of the last `start` that chose ``XMLStreamChoice/descend`` has ended; its
  /// children are freed afterwards.
  func end()
}

/// What a stream handler wants of an element that starts.
public enum XMLStreamChoice: Sendable {
  /// Its children as events of their own, then ``XMLStreamHandler/end()``.
  case descend
  /// The element with its subtree, complete, in ``XMLStreamHandler/element(_:)``.
  case whole
  /// Nothing: the element and its subtree stay in the document, which the parse returns —
  /// unless an element it is inside was descended into, whose children are freed at its end.
  case keep
}

extension XMLDocument {
  /// Parses a file as ``parse(file:limits:)`` does (same security defaults and diagnostics),
  /// handing its elements to `handler` while parsing and freeing each element's subtree once the
  /// handler has seen it.
  /// - Returns: the document with what the handler chose to keep (at least the root element).
  /// - Throws: as ``parse(file:limits:)``; the handler may have seen part of the document.
  @discardableResult
  public static func stream(
    file path: String, limits: XMLParseLimits = .init(), to handler: some XMLStreamHandler
  ) throws(XMLError) -> XMLDocument {
    try streaming(to: handler) { () throws(XMLError) in
      try parse(file: path, limits: limits, configure: installStreamHandlers)
    }
  }

  /// Parses bytes held in memory as ``parse(data:fileName:baseURL:limits:)`` does, handing
  /// elements to `handler` as ``stream(file:limits:to:)`` does.
  @discardableResult
  public static func stream(
    data: Data, fileName: String, baseURL: String? = nil, limits: XMLParseLimits = .init(),
    to handler: some XMLStreamHandler
  ) throws(XMLError) -> XMLDocument {
    try streaming(to: handler) { () throws(XMLError) in
      try parse(data: data, fileName: fileName, baseURL: baseURL, limits: limits, configure: installStreamHandlers)
    }
  }

  /// Runs `parse` with `handler` receiving the events of this thread's parse.
  private static func streaming(
    to handler: some XMLStreamHandler, _ parse: () throws(XMLError) -> XMLDocument
  ) throws(XMLError) -> XMLDocument {
    let unmanaged = Unmanaged.passRetained(StreamState(handler: handler))
    defer { unmanaged.release() }
    // SAX callbacks get the parser context only; the state rides on the parsing thread.
    pthread_setspecific(StreamState.key, unmanaged.toOpaque())
    defer { pthread_setspecific(StreamState.key, nil) }
    return try parse()
  }

  private static func installStreamHandlers(_ context: xmlParserCtxtPtr) {
    context.pointee.sax.pointee.startElementNs = streamStartElement
    context.pointee.sax.pointee.endElementNs = streamEndElement
  }
}

/// Where the handler is in the document: how deep inside an element it takes whole or keeps.
private final class StreamState {
  let handler: any XMLStreamHandler
  /// Depth inside the outermost element taken whole or kept (0: not inside one).
  var innerDepth = 0
  /// Whether that element is kept (else taken whole).
  var keeping = false

  init(handler: any XMLStreamHandler) {
    self.handler = handler
  }

  static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  static var current: StreamState? {
    guard let pointer = pthread_getspecific(key) else { return nil }
    return Unmanaged<StreamState>.fromOpaque(pointer).takeUnretainedValue()
  }
}

private let streamStartElement: startElementNsSAX2Func = {
  context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
  xmlSAX2StartElementNs(
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
  guard let state = StreamState.current,
    let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let node = parser.pointee.node
  else { return }
  if state.innerDepth > 0 {
    state.innerDepth += 1
    return
  }
  switch state.handler.start(XMLElementView(node: node)) {
  case .descend: break
  case .whole:
    state.innerDepth = 1
    state.keeping = false
  case .keep:
    state.innerDepth = 1
    state.keeping = true
  }
}

private let streamEndElement: endElementNsSAX2Func = { context, localName, prefix, uri in
  let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self)
  let node = parser?.pointee.node
  xmlSAX2EndElementNs(context, localName, prefix, uri)
  guard let state = StreamState.current, let node else { return }
  if state.innerDepth > 1 {
    state.innerDepth -= 1
    return
  }
  if state.innerDepth == 1 {
    state.innerDepth = 0
    if state.keeping { return }
    state.handler.element(XMLElementView(node: node))
  } else {
    state.handler.end()
  }
  // The element stays, empty, as its parent's last child: text that follows then starts a new
  // node, as the parser expects, instead of being appended to a text node it no longer tracks.
  if let parent = node.pointee.parent, parent.pointee.type != XML_DOCUMENT_NODE,
    let children = node.pointee.children
  {
    node.pointee.children = nil
    node.pointee.last = nil
    xmlFreeNodeList(children)
  }
}

@preconcurrency import CLibXML2
import FoundationEssentials

/// A start tag where libxml2 parsed it: its bytes in the document, its line, its attributes.
package struct XMLStartTag: Sendable, Hashable {
  /// Byte offsets of the tag in the document's bytes, from its `<` to just past its `>`.
  package var range: Range<Int>
  /// The element's line, as the document's readers see it.
  package var line: Int
  /// The attributes without a namespace, by name; values as libxml2 decoded them.
  package var attributes: [String: String]
}

extension XMLDocument {
  /// The start tags of the elements named `name` in `namespaceURI`, in document order, located
  /// by the parser: libxml2's input position when it reports each element (the tag's `>` or
  /// `/>`), and the `<` before it (no `<` can stand inside a start tag).
  /// - Parameters:
  ///   - data: a UTF-8 document; offsets count its bytes.
  ///   - fileName: the name used in diagnostics.
  /// - Throws: as ``parse(data:fileName:baseURL:limits:)``, and `XMLError.malformed` for a
  ///   document in another encoding (its offsets would count converted bytes).
  package static func startTags(
    named name: String, namespace namespaceURI: String?, in data: Data, fileName: String
  ) throws(XMLError) -> [XMLStartTag] {
    XMLLibrary.ensureInitialized()
    if data.isEmpty { throw emptyFile(fileName) }
    let recorder = StartTagRecorder(name: name, namespaceURI: namespaceURI)
    let input = MemoryInput(data)
    let document = try withExtendedLifetime((input, recorder)) { () throws(XMLError) -> XMLDocument in
      try parse(fileName: fileName, inputError: { nil }) { context in
        recorder.install(on: context)
        defer { recorder.uninstall(from: context) }
        return xmlCtxtReadIO(
          context, memoryInputRead, nil, Unmanaged.passUnretained(input).toOpaque(), fileName, nil, parseOptions)
      }
    }
    if let encoding = document.pointer.pointee.encoding.map({ String(cString: $0) }),
      encoding.uppercased() != "UTF-8"
    {
      throw .malformed([
        XMLDiagnostic(file: fileName, line: 0, severity: .error, message: "not UTF-8 (\(encoding))")
      ])
    }
    return data.withUnsafeBytes { bytes in
      recorder.ends.compactMap { found -> XMLStartTag? in
        // The tag ends at `>` or `/>`; it starts at the last `<` before that.
        guard found.end < bytes.count else { return nil }
        var start = found.end
        while start > 0, bytes[start] != UInt8(ascii: "<") { start -= 1 }
        let closing = bytes[found.end] == UInt8(ascii: ">") ? 1 : 2
        guard bytes[start] == UInt8(ascii: "<"), found.end + closing <= bytes.count else { return nil }
        return XMLStartTag(range: start..<(found.end + closing), line: found.line, attributes: found.attributes)
      }
    }
  }
}

/// Collects the elements of one name as the parser reports them. It rides behind the parser
/// context's SAX handler (a copy of it with room for one more pointer), so the callback finds it
/// from the context it is given: no state outside the parse.
private final class StartTagRecorder {
  struct Found {
    var end: Int
    var line: Int
    var attributes: [String: String]
  }

  let name: String
  let namespaceURI: String?
  var ends: [Found] = []
  private var original: UnsafeMutablePointer<xmlSAXHandler>?
  private var extended: UnsafeMutableRawPointer?

  /// Where the recorder's pointer sits behind the copied handler.
  static let offset = (MemoryLayout<xmlSAXHandler>.size + 7) & ~7

  init(name: String, namespaceURI: String?) {
    self.name = name
    self.namespaceURI = namespaceURI
  }

  func install(on context: xmlParserCtxtPtr) {
    guard let sax = context.pointee.sax else { return }
    let copy = UnsafeMutableRawPointer.allocate(
      byteCount: Self.offset + MemoryLayout<UnsafeRawPointer>.size, alignment: 16)
    copy.copyMemory(from: sax, byteCount: MemoryLayout<xmlSAXHandler>.size)
    copy.storeBytes(
      of: Unmanaged.passUnretained(self).toOpaque(), toByteOffset: Self.offset, as: UnsafeMutableRawPointer.self)
    let handler = copy.assumingMemoryBound(to: xmlSAXHandler.self)
    handler.pointee.startElementNs = startTagRecorderCallback
    original = sax
    extended = copy
    context.pointee.sax = handler
  }

  /// Puts the context's own handler back before the context is freed.
  func uninstall(from context: xmlParserCtxtPtr) {
    guard let original, let extended else { return }
    context.pointee.sax = original
    extended.deallocate()
    self.extended = nil
  }

  func record(_ node: xmlNodePtr, end: Int) {
    let view = XMLElementView(node: node)
    guard view.hasName(name, namespace: namespaceURI), namespaceURI != nil || view.namespaceURI == nil else { return }
    var attributes: [String: String] = [:]
    var attribute = node.pointee.properties
    while let current = attribute {
      if current.pointee.ns == nil, let attributeName = current.pointee.name {
        attributes[String(cString: attributeName)] = XMLDocument.attributeValue(current)
      }
      attribute = current.pointee.next
    }
    ends.append(Found(end: end, line: view.line, attributes: attributes))
  }
}

private let startTagRecorderCallback: startElementNsSAX2Func = {
  context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
  xmlSAX2StartElementNs(
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
  guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let sax = parser.pointee.sax,
    let input = parser.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base,
    let node = parser.pointee.node
  else { return }
  let pointer = UnsafeRawPointer(sax).load(fromByteOffset: StartTagRecorder.offset, as: UnsafeRawPointer.self)
  let recorder = Unmanaged<StartTagRecorder>.fromOpaque(pointer).takeUnretainedValue()
  // The parser stands at the tag's `>` (or `/>`) when it reports the element.
  recorder.record(node, end: Int(input.pointee.consumed) + (cur - base))
}

@preconcurrency import CLibXML2
import FoundationEssentials

/// Builds a document with libxml2's tree API (`xmlNewDocNode`, `xmlNewProp`, text appended to the
/// open element), for a stylesheet to transform as it is: no text to write, parse and check.
///
/// Elements open and close in document order; an `xmlns` attribute declares the default
/// namespace of the element and everything below it. Text outside the root element is dropped,
/// as a parser drops the white space there. Values are stored as given: libxml2 escapes them
/// when the document is serialised.
package final class XMLTreeBuilder {
  private var pointer: xmlDocPtr?
  private var open: [(node: xmlNodePtr, namespace: xmlNsPtr?)] = []

  package init() {
    XMLLibrary.ensureInitialized()
    pointer = xmlNewDoc("1.0")
    if let pointer { pointer.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8")) }
  }

  deinit {
    // A builder given up before `finish` frees what it built.
    if let pointer { xmlFreeDoc(pointer) }
  }

  /// Opens an element as a child of the open one (or as the root).
  package func start(_ name: String, attributes: [(name: String, value: String)] = []) {
    guard let pointer else { return }
    var namespace = open.last?.namespace
    guard let node = xmlNewDocNode(pointer, nil, name, nil) else { return }
    for (attribute, value) in attributes {
      if attribute == "xmlns" {
        namespace = xmlNewNs(node, value, nil)
      } else {
        xmlNewProp(node, attribute, value)
      }
    }
    xmlSetNs(node, namespace)
    if let parent = open.last?.node {
      xmlAddChild(parent, node)
    } else {
      xmlDocSetRootElement(pointer, node)
    }
    open.append((node, namespace))
  }

  /// Closes the element opened last.
  package func end() {
    _ = open.popLast()
  }

  /// Appends text to the open element (merged with the text before it).
  package func text(_ text: String) {
    guard let parent = open.last?.node, !text.isEmpty else { return }
    var text = text
    text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return }
      xmlNodeAddContentLen(parent, base, Int32(bytes.count))
    }
  }

  /// The built document; the builder is empty afterwards.
  /// - Parameter fileName: the document's name in diagnostics and the transform's read policy.
  package func finish(fileName: String) -> XMLDocument? {
    guard let document = pointer, xmlDocGetRootElement(document) != nil else { return nil }
    pointer = nil
    open = []
    document.pointee.URL = UnsafePointer(xmlStrdup(fileName))
    return XMLDocument(pointer: document, fileName: fileName, warnings: [])
  }
}

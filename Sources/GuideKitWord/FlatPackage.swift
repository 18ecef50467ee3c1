import FoundationEssentials
import GuideKit
import GuideKitXML

/// Reads a Flat OPC package (`pkg:package`, the single-XML form of a Word document that the
/// `*-docx` stylesheets write) into the parts of a .docx.
///
/// Each `pkg:part` gives its name (`/word/document.xml`) and content type; its `pkg:xmlData`
/// child is written as a standalone XML part (namespaces declared on its root), its
/// `pkg:binaryData` decoded from base64. One rewrite happens on the way, because XSLT 1.0 cannot
/// compute it: in the main document, `w:bookmarkStart`/`w:bookmarkEnd` carrying
/// `gkw:clause="ID"` get `w:name` = ``BookmarkName/encode(_:)`` of ID and a numeric `w:id`, and
/// an element carrying `gkw:anchor="ID"` (an internal `w:hyperlink`) gets `w:anchor` likewise.
public enum FlatPackage {
  public static let namespace = "http://schemas.microsoft.com/office/2006/xmlPackage"
  /// The namespace of the attributes the writer rewrites (`gkw:clause`, `gkw:anchor`).
  public static let wordNamespace = "urn:guidekit:word:1"

  /// The parts of the package, in document order.
  /// - Throws: `GuideKitError.xml` when the package is not well-formed; `.io` for a part with an
  ///   unsafe name, no content type or no data.
  public static func parts(_ xml: Data, fileName: String = "package.xml") throws(GuideKitError) -> [DocxPart] {
    let document: XMLDocument
    do {
      document = try XMLDocument.parse(data: xml, fileName: fileName)
    } catch {
      throw .xml(error)
    }
    let root = document.rootElement()
    guard root.name == "package", root.namespaceURI == namespace else {
      throw .io(path: fileName, reason: "the stylesheet wrote <\(root.name)>, not a Flat OPC pkg:package")
    }
    var parts: [DocxPart] = []
    var names: Set<String> = []
    for part in root.elements(named: "part", namespace: namespace) {
      let name = part[attribute: "name", namespace: namespace] ?? ""
      guard let entry = entryName(name) else {
        throw .io(path: fileName, reason: "package part name \"\(name)\" is not a safe part name")
      }
      guard names.insert(entry.lowercased()).inserted else {
        throw .io(path: fileName, reason: "package part \"\(name)\" is given twice")
      }
      let contentType = part[attribute: "contentType", namespace: namespace] ?? ""
      guard !contentType.isEmpty else {
        throw .io(path: fileName, reason: "package part \"\(name)\" has no content type")
      }
      if let xmlData = part.firstElement(named: "xmlData", namespace: namespace),
        let content = xmlData.elements.first
      {
        parts.append(
          DocxPart(name: entry, contentType: contentType, data: Data(PartSerializer.serialize(content).utf8)))
      } else if let binary = part.firstElement(named: "binaryData", namespace: namespace),
        let data = Data(base64Encoded: binary.textContent, options: .ignoreUnknownCharacters)
      {
        parts.append(DocxPart(name: entry, contentType: contentType, data: data))
      } else {
        throw .io(path: fileName, reason: "package part \"\(name)\" holds neither pkg:xmlData nor pkg:binaryData")
      }
    }
    guard parts.contains(where: { $0.name == "word/document.xml" }) else {
      throw .io(path: fileName, reason: "the package has no /word/document.xml part")
    }
    return parts
  }

  /// `/word/document.xml` → `word/document.xml`; nil for a name that could leave the package or
  /// that a ZIP reader could misread (empty segments, `.`, `..`, backslashes, control characters).
  static func entryName(_ name: String) -> String? {
    guard name.hasPrefix("/"), name.count > 1, name.count <= 256 else { return nil }
    let entry = String(name.dropFirst())
    let allowed = entry.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-/[]".unicodeScalars.contains($0))
    }
    guard allowed else { return nil }
    let segments = entry.split(separator: "/", omittingEmptySubsequences: false)
    guard segments.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
    return entry
  }
}

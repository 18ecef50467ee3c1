import Foundation
import GuideKitXML

/// Counts elements of a delta document through libxml2 and XPath.
enum GuideKitXMLDocumentProbe {
  struct Counts {
    var units: Int
    var gaps: Int
  }

  static func parse(_ xml: String) throws -> Counts {
    let document = try XMLDocument.parse(data: Data(xml.utf8), fileName: "delta.xml")
    let ns = ["d": "urn:guidekit:delta:1"]
    return Counts(
      units: Int(try document.number("count(/d:delta/d:unit)", namespaces: ns)),
      gaps: Int(try document.number("count(/d:delta/d:gap)", namespaces: ns)))
  }
}

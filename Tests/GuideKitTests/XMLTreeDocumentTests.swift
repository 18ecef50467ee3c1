import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

/// The documents the stylesheets read are built as libxml2 trees: the tree of each is what
/// parsing its text gives, and every stylesheet's output is the same from either.
@Suite("Documents built as trees")
struct XMLTreeDocumentTests {
  /// The element with every line number set to 0 (a built node has none).
  static func withoutLines(_ element: XMLElement) -> XMLElement {
    var copy = element
    copy.line = 0
    copy.children = element.children.map { child in
      if case .element(let inner) = child { return .element(withoutLines(inner)) }
      return child
    }
    return copy
  }

  static func parsed(_ text: String, _ name: String) throws -> XMLDocument {
    try XMLDocument.parse(data: Data(text.utf8), fileName: name)
  }

  /// The byte check that lets most texts through whole drops exactly what the scalar filter does.
  @Test(arguments: [
    "", "改正後の本文", "tab\tnew\nline\r", "a\u{1}b", "\u{0}", "x\u{FFFE}y", "x\u{FFFF}", "\u{FFFD}\u{EFBF}ok",
    "\u{7F}\u{D7FF}\u{E000}𠮷",
  ])
  func allowedOnlyDropsWhatXMLCannotHold(text: String) {
    var expected = ""
    expected.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(XMLWriter.isAllowed))
    #expect(XMLWriter.allowedOnly(text) == expected)
  }

  @Test func aWrittenTreeIsWhatParsingTheTextGives() throws {
    func write(_ w: inout XMLWriter) {
      w.declaration()
      w.open("root", [("xmlns", "urn:example:1"), ("a", "x & \"y\" <z>\n\tend\r"), ("empty", "")])
      w.element("text", "a & b < c > d\r\u{1}e")
      w.element("none", "")
      w.empty("leaf", [("k", "v")])
      w.openInline("line")
      w.text("before ")
      w.inlineElement("ins", "新")
      w.text(" after")
      w.closeInline("line")
      w.close("root")
    }
    var text = XMLWriter()
    write(&text)
    var tree = XMLWriter(tree: true)
    write(&tree)
    let built = try tree.document(fileName: "t.xml")
    let expected = try Self.parsed(text.output, "t.xml").rootElement()
    #expect(Self.withoutLines(built.rootElement()) == Self.withoutLines(expected))
    #expect(built.rootElement().namespaceURI == "urn:example:1")
    #expect(built.rootElement().firstElement(named: "leaf")?.namespaceURI == "urn:example:1")
  }

  @Test func everyStylesheetGivesTheSameOutputFromTheTreeAsFromTheText() throws {
    let old = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-security/4.0.xml"))
    let new = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-security/5.0.xml"))
    let diff = try DocumentDiffer.diff(old: old, new: new)
    let sheets = Stylesheets()
    for name in ["delta-table", "delta-html", "delta-text", "delta-markdown"] {
      let fromText = try sheets.transform(name, xml: DeltaDocument.xml(diff), fileName: "delta.xml")
      let fromTree = try sheets.transform(name, document: DeltaDocument.document(diff))
      #expect(fromTree == fromText, "\(name)")
    }
    let links = NoticeBuilder.Links(edition: "5.0.html", table: "5.0-table.html", text: "5.0.txt")
    let renderer = Renderer()
    for text in [false, true] {
      let fromText = try renderer.notice(
        xml: NoticeBuilder.xml(edition: new, previous: (old, diff), links: links), text: text)
      let fromTree = try renderer.notice(
        document: NoticeBuilder.document(edition: new, previous: (old, diff), links: links), text: text)
      #expect(fromTree == fromText)
    }
  }
}

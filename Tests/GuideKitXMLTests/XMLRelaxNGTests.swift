import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKitXML

@Suite("RELAX NG")
struct XMLRelaxNGTests {
  static let grammarText = """
    <?xml version="1.0"?>
    <grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:test"
             datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <start>
        <element name="doc">
          <interleave>
            <element name="title"><text/></element>
            <zeroOrMore>
              <element name="item">
                <attribute name="n"><data type="positiveInteger"/></attribute>
                <text/>
              </element>
            </zeroOrMore>
          </interleave>
        </element>
      </start>
    </grammar>
    """

  static func parse(_ text: String, _ name: String = "doc.xml") throws -> XMLDocument {
    try XMLDocument.parse(data: Data(text.utf8), fileName: name)
  }

  @Test func validDocumentHasNoDiagnostics() throws {
    let folder = try TempFolder()
    let grammar = try XMLRelaxNG(path: folder.write("test.rng", Self.grammarText))
    // Interleave: the title may come after the items.
    let document = try Self.parse("<doc xmlns=\"urn:test\">\n  <item n=\"1\">a</item>\n  <title>t</title>\n</doc>\n")
    #expect(grammar.validate(document).isEmpty)
  }

  @Test func diagnosticsCarryLineNumbers() throws {
    let folder = try TempFolder()
    let grammar = try XMLRelaxNG(path: folder.write("test.rng", Self.grammarText))
    let document = try Self.parse(
      """
      <doc xmlns="urn:test">
        <title>t</title>
        <item n="zero">b</item>
      </doc>
      """, "bad.xml")
    let diagnostics = grammar.validate(document)
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.allSatisfy { $0.file == "bad.xml" && $0.severity == .error })
    #expect(diagnostics.contains { $0.line == 3 && $0.message.contains("positiveInteger") })
  }

  @Test func aMissingRequiredElementIsReported() throws {
    let folder = try TempFolder()
    let grammar = try XMLRelaxNG(path: folder.write("test.rng", Self.grammarText))
    let document = try Self.parse("<doc xmlns=\"urn:test\"><item n=\"1\">a</item></doc>")
    #expect(!grammar.validate(document).isEmpty)
  }

  @Test func validationFromManyThreadsAtOnce() async throws {
    let folder = try TempFolder()
    let grammar = try XMLRelaxNG(path: folder.write("test.rng", Self.grammarText))
    let results = await withTaskGroup(of: (Int, Bool).self) { group in
      for index in 0..<32 {
        group.addTask {
          let bad = index % 2 == 1
          let text = "<doc xmlns=\"urn:test\"><title/><item n=\"\(bad ? "x" : "1")\">a</item></doc>"
          guard let document = try? Self.parse(text, "\(index).xml") else { return (index, false) }
          return (index, grammar.validate(document).isEmpty)
        }
      }
      var all: [Int: Bool] = [:]
      for await (index, valid) in group { all[index] = valid }
      return all
    }
    #expect(results.count == 32)
    for (index, valid) in results { #expect(valid == (index % 2 == 0), "document \(index)") }
  }

  @Test func brokenGrammarIsAnInvalidProgram() throws {
    let folder = try TempFolder()
    let path = try folder.write(
      "broken.rng",
      "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n<start><ref name=\"nowhere\"/></start>\n</grammar>")
    #expect {
      try XMLRelaxNG(path: path)
    } throws: { error in
      guard let error = error as? XMLError, case .invalidProgram(let file, let diagnostics) = error else {
        return false
      }
      return file == path && !diagnostics.isEmpty
    }
  }

  @Test func externalRefToANetworkLocationIsNotFetched() throws {
    let folder = try TempFolder()
    let listener = try LocalListener()
    let path = try folder.write(
      "net.rng",
      """
      <grammar xmlns="http://relaxng.org/ns/structure/1.0">
        <start><externalRef href="\(listener.url)"/></start>
      </grammar>
      """)
    #expect(throws: XMLError.self) { try XMLRelaxNG(path: path) }
    #expect(!listener.wasContacted())
  }

  @Test func languageIsToldFromTheHeadAloneSoASchemaWithADoctypeCompilesAsBefore() throws {
    let folder = try TempFolder()
    // The XSD compiler reads its schemas itself and always has: a DOCTYPE with an internal
    // entity must not be refused by the look at the root element.
    let path = try folder.write(
      "entity.xsd",
      """
      <?xml version="1.0"?>
      <!DOCTYPE xs:schema [ <!ENTITY t "xs:string"> ]>
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test">
        <xs:element name="doc" type="xs:string"/>
      </xs:schema>
      """)
    #expect(XMLGrammar.rootName(ofFile: path)?.name == "schema")
    #expect(XMLGrammar.rootName(ofFile: path)?.namespaceURI == "http://www.w3.org/2001/XMLSchema")
    guard case .xsd(let schema) = try XMLGrammar.compile(path: path) else {
      Issue.record("not compiled as XSD")
      return
    }
    #expect(schema.validate(try Self.parse("<doc xmlns=\"urn:test\">x</doc>")).isEmpty)
    #expect(XMLGrammar.rootName(ofFile: folder.path("missing.rng")) == nil)
    #expect(XMLGrammar.rootName(ofFile: try folder.write("empty.xml", "")) == nil)
  }

  @Test func aMessageRepeatedForOneLineIsKeptOnceEvenWhenNotInARow() {
    let collector = DiagnosticCollector(file: "f.xml")
    for message in ["a", "b", "a", "b", "a"] {
      collector.add(XMLDiagnostic(file: "f.xml", line: 3, severity: .error, message: message))
    }
    collector.add(XMLDiagnostic(file: "f.xml", line: 4, severity: .error, message: "a"))
    #expect(collector.diagnostics.map { "\($0.line):\($0.message)" } == ["3:a", "3:b", "4:a"])
  }

  @Test func grammarLanguageIsToldByTheRootElement() throws {
    let folder = try TempFolder()
    // The file names say nothing: the root element decides.
    let rng = try XMLGrammar.compile(path: folder.write("a.schema", Self.grammarText))
    let xsd = try XMLGrammar.compile(path: folder.write("b.schema", XMLSchemaTests.schemaText))
    guard case .relaxNG = rng, case .xsd = xsd else {
      Issue.record("wrong language: \(rng), \(xsd)")
      return
    }
    let document = try Self.parse("<doc xmlns=\"urn:test\"><title/></doc>")
    #expect(rng.validate(document).isEmpty)
    #expect(!xsd.validate(document).isEmpty)  // the XSD wants items, not a title
    #expect(throws: XMLError.self) { try XMLGrammar.compile(path: folder.write("c.schema", "not xml")) }
  }
}

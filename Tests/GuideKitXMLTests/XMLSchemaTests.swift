import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKitXML

@Suite("XML Schema")
struct XMLSchemaTests {
  static let schemaText = """
    <?xml version="1.0"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
               targetNamespace="urn:test" xmlns="urn:test" elementFormDefault="qualified">
      <xs:element name="doc">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="item" maxOccurs="unbounded">
              <xs:complexType>
                <xs:simpleContent>
                  <xs:extension base="xs:string">
                    <xs:attribute name="n" type="xs:positiveInteger" use="required"/>
                  </xs:extension>
                </xs:simpleContent>
              </xs:complexType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>
    """

  @Test func validDocumentHasNoDiagnostics() throws {
    let folder = try TempFolder()
    let schema = try XMLSchema(path: folder.write("test.xsd", Self.schemaText))
    let document = try XMLDocument.parse(
      data: Data("<doc xmlns=\"urn:test\">\n  <item n=\"1\">a</item>\n</doc>\n".utf8), fileName: "ok.xml")
    #expect(schema.validate(document).isEmpty)
  }

  @Test func diagnosticsCarryLineNumbers() throws {
    let folder = try TempFolder()
    let schema = try XMLSchema(path: folder.write("test.xsd", Self.schemaText))
    let document = try XMLDocument.parse(
      data: Data(
        """
        <doc xmlns="urn:test">
          <item n="1">a</item>
          <item n="zero">b</item>
          <item n="2">c</item>
          <other/>
        </doc>
        """.utf8), fileName: "bad.xml")
    let diagnostics = schema.validate(document)
    #expect(diagnostics.map(\.line) == [3, 5])
    #expect(diagnostics.allSatisfy { $0.file == "bad.xml" && $0.severity == .error })
    #expect(diagnostics.first?.message.contains("positiveInteger") == true)
  }

  @Test func errorsAreCappedPerDocumentWithTheRestCountedAndLinesKeptPastLine65535() throws {
    let folder = try TempFolder()
    let schema = try XMLSchema(path: folder.write("test.xsd", Self.schemaText))
    // 70,000 valid items, then 5,000 invalid ones, one per line: the errors start at line 70,002.
    var text = "<doc xmlns=\"urn:test\">\n"
    text += String(repeating: "  <item n=\"1\">a</item>\n", count: 70_000)
    text += String(repeating: "  <item n=\"zero\">b</item>\n", count: 5_000)
    text += "</doc>\n"
    let document = try XMLDocument.parse(data: Data(text.utf8), fileName: "many.xml")
    let diagnostics = schema.validate(document)
    #expect(diagnostics.count == SchemaRun.maxDiagnostics + 1)
    #expect(diagnostics.prefix(SchemaRun.maxDiagnostics).map(\.line) == Array(70_002..<70_102))
    #expect(diagnostics.last?.message.contains("… and 4900 more schema errors") == true, "\(diagnostics.last as Any)")
    #expect(diagnostics.allSatisfy { $0.file == "many.xml" && $0.severity == .error })
  }

  @Test func validationFromManyThreadsAtOnce() async throws {
    let folder = try TempFolder()
    let schema = try XMLSchema(path: folder.write("test.xsd", Self.schemaText))
    let results = await withTaskGroup(of: [Int].self) { group in
      for index in 0..<32 {
        group.addTask {
          let bad = index % 2 == 1
          let text = "<doc xmlns=\"urn:test\">\n<item n=\"\(bad ? "x" : "1")\">a</item>\n</doc>"
          guard let document = try? XMLDocument.parse(data: Data(text.utf8), fileName: "\(index).xml")
          else { return [-1] }
          return schema.validate(document).map(\.line) + [index]
        }
      }
      var all: [[Int]] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 32)
    for result in results {
      let index = result.last ?? -1
      #expect(Array(result.dropLast()) == (index % 2 == 1 ? [2] : []), "document \(index)")
    }
  }

  @Test func brokenSchemaIsAnInvalidProgram() throws {
    let folder = try TempFolder()
    let path = try folder.write(
      "broken.xsd",
      "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n<xs:element name=\"a\" type=\"xs:nope\"/>\n</xs:schema>"
    )
    #expect {
      try XMLSchema(path: path)
    } throws: { error in
      guard let error = error as? XMLError, case .invalidProgram(let file, let diagnostics) = error else {
        return false
      }
      return file == path && !diagnostics.isEmpty
    }
  }

  @Test func missingSchemaIsUnreadable() {
    #expect {
      try XMLSchema(path: "/nonexistent/guidekit/schema.xsd")
    } throws: { error in
      guard let error = error as? XMLError, case .unreadable = error else { return false }
      return true
    }
  }

  @Test func schemaImportOfANetworkLocationIsNotFetched() throws {
    let folder = try TempFolder()
    let listener = try LocalListener()
    let path = try folder.write(
      "net.xsd",
      """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
        <xs:import namespace="urn:remote" schemaLocation="\(listener.url)"/>
        <xs:element name="a" type="xs:string"/>
      </xs:schema>
      """)
    _ = try? XMLSchema(path: path)
    #expect(!listener.wasContacted())
  }
}

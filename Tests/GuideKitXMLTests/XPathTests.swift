import Foundation
import Testing

@testable import GuideKitXML

@Suite("XPath")
struct XPathTests {
  let document: XMLDocument

  init() throws {
    document = try XMLDocument.parse(
      data: Data(
        """
        <guideline xmlns="urn:guidekit:guideline:1" id="g">
          <chapter id="ch-1" num="第1章">
            <clause id="a"><p>一</p></clause>
            <clause id="b"><p>二</p></clause>
          </chapter>
          <x:clause xmlns:x="urn:other" id="foreign"/>
        </guideline>
        """.utf8), fileName: "xpath.xml")
  }

  let ns = ["g": "urn:guidekit:guideline:1"]

  @Test func namespacedNamesNeedABoundPrefix() throws {
    // Unprefixed names in XPath 1.0 mean "no namespace": nothing matches the default namespace.
    #expect(try document.select("//clause").isEmpty)
    let clauses = try document.select("//g:clause", namespaces: ns)
    #expect(clauses.map { $0[attribute: "id"] } == ["a", "b"])
    #expect(clauses.map(\.line) == [3, 4])
  }

  @Test func anyPrefixMayBeBound() throws {
    let other = try document.select("//o:clause", namespaces: ["o": "urn:other"])
    #expect(other.map { $0[attribute: "id"] } == ["foreign"])
    let same = try document.select("//guide:clause", namespaces: ["guide": "urn:guidekit:guideline:1"])
    #expect(same.count == 2)
  }

  @Test func stringAndNumber() throws {
    #expect(try document.string("string(//g:chapter/@num)", namespaces: ns) == "第1章")
    #expect(try document.string("//g:clause[@id='b']", namespaces: ns) == "二")
    #expect(try document.number("count(//g:clause)", namespaces: ns) == 2)
    #expect(try document.number("count(//*[local-name()='clause'])") == 3)
  }

  @Test func unboundPrefixIsAnError() {
    #expect(throws: XMLError.self) { try document.select("//g:clause") }
  }

  @Test func syntaxErrorIsAnError() {
    #expect {
      try document.select("//g:clause[", namespaces: ns)
    } throws: { error in
      guard let error = error as? XMLError, case .xpath(let expression, _) = error else { return false }
      return expression == "//g:clause["
    }
  }

  @Test func nonElementResultsAreSkipped() throws {
    #expect(try document.select("//g:clause/@id", namespaces: ns).isEmpty)
    #expect(try document.select("count(//g:clause)", namespaces: ns).isEmpty)
  }
}

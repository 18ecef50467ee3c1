import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKitXML

/// Everything a parse produced that could carry leaked text: the tree, dumped, and the diagnostics.
private func everything(_ document: XMLDocument) -> String {
  "\(document.tree())\n\(document.warnings)"
}

/// Parses `text` as the file `name` of `folder`; returns whatever came out (tree or diagnostics)
/// as one string, so that a test can assert a secret never appears in it.
private func outcome(of text: String, in folder: TempFolder, name: String = "input.xml") throws
  -> (accepted: XMLDocument?, diagnostics: [XMLDiagnostic], everything: String)
{
  let path = try folder.write(name, text)
  do {
    let document = try XMLDocument.parse(file: path)
    return (document, document.warnings, everything(document))
  } catch {
    return (nil, error.diagnostics, "\(error.diagnostics)")
  }
}

/// The diagnostics of a refused parse; empty when the text was accepted.
private func refusalDiagnostics(parsing text: String, fileName: String) -> [XMLDiagnostic] {
  do {
    _ = try XMLDocument.parse(data: Data(text.utf8), fileName: fileName)
    return []
  } catch {
    return error.diagnostics
  }
}

@Suite("Hostile input")
struct XMLSecurityTests {
  @Test func billionLaughsIsRefusedQuickly() throws {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n  <!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      let previous = level == 1 ? "lol" : "lol\(level - 1)"
      text += "  <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }
    text += "]>\n<lolz>&lol9;</lolz>\n"
    let (diagnostics, elapsed) = timed { refusalDiagnostics(parsing: text, fileName: "lolz.xml") }
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.allSatisfy { $0.file == "lolz.xml" && $0.line >= 1 })
    #expect(elapsed < .seconds(2))
  }

  @Test func quadraticBlowupIsRefusedQuickly() throws {
    let value = String(repeating: "a", count: 100_000)
    let text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"\(value)\">]>\n<r>"
      + String(repeating: "&a;", count: 100_000) + "</r>\n"
    let (diagnostics, elapsed) = timed { refusalDiagnostics(parsing: text, fileName: "quadratic.xml") }
    #expect(diagnostics.contains { $0.message.contains("entity declarations refused") })
    #expect(diagnostics.allSatisfy { $0.file == "quadratic.xml" && $0.line >= 1 })
    #expect(elapsed < .seconds(2))
  }

  @Test func externalEntityToALocalFileIsNotRead() throws {
    let folder = try TempFolder()
    let secret = try Secret(in: folder)
    for system in [secret.textPath, "file://" + secret.textPath, "secret/marker.txt"] {
      let result = try outcome(
        of: "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY e SYSTEM \"\(system)\">\n]>\n<r>&e;</r>\n",
        in: folder)
      #expect(result.accepted == nil, "\(system)")
      #expect(result.diagnostics.contains { $0.message.contains("[security]") })
      #expect(!result.everything.contains(secret.marker), "\(system)")
    }
  }

  @Test func externalEntityToEtcHostnameIsRefused() throws {
    let folder = try TempFolder()
    let result = try outcome(
      of: "<!DOCTYPE r [<!ENTITY h SYSTEM \"file:///etc/hostname\">]>\n<r>&h;</r>\n", in: folder)
    #expect(result.accepted == nil)
    #expect(result.diagnostics.first?.line == 1)
    if let hostname = try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)
      .trimmingCharacters(in: .whitespacesAndNewlines), hostname.count >= 4
    {
      #expect(!result.everything.contains(hostname))
    }
  }

  @Test func externalParameterEntityIsNotRead() throws {
    let folder = try TempFolder()
    let secret = try Secret(in: folder)
    let result = try outcome(
      of: "<!DOCTYPE r [\n<!ENTITY % p SYSTEM \"\(secret.dtdPath)\">\n%p;\n]>\n<r>&e;</r>\n",
      in: folder)
    #expect(result.accepted == nil)
    #expect(!result.everything.contains(secret.marker))
  }

  @Test func externalEntityToAURLIsNotFetched() throws {
    let folder = try TempFolder()
    let listener = try LocalListener()
    let result = try outcome(
      of: "<!DOCTYPE r [<!ENTITY e SYSTEM \"\(listener.url)\">]>\n<r>&e;</r>\n", in: folder)
    #expect(result.accepted == nil)
    #expect(!listener.wasContacted())
  }

  @Test func externalDTDIsNotLoaded() throws {
    let folder = try TempFolder()
    let secret = try Secret(in: folder)
    let listener = try LocalListener()
    for system in [secret.dtdPath, "secret/marker.dtd", listener.url] {
      let result = try outcome(of: "<!DOCTYPE r SYSTEM \"\(system)\">\n<r/>\n", in: folder)
      #expect(result.accepted == nil, "\(system)")
      #expect(result.diagnostics.map(\.message) == ["external DTD refused: guidekit never loads DTDs [security]"])
      #expect(!result.everything.contains(secret.marker))
    }
    #expect(!listener.wasContacted())
  }

  @Test func xincludeStaysAnElementAndNothingIsRead() throws {
    let folder = try TempFolder()
    let secret = try Secret(in: folder)
    let listener = try LocalListener()
    let result = try outcome(
      of: """
        <r xmlns:xi="http://www.w3.org/2001/XInclude">
          <xi:include href="\(secret.textPath)" parse="text"/>
          <xi:include href="secret/marker.xml"/>
          <xi:include href="\(listener.url)"/>
        </r>
        """, in: folder)
    let document = try #require(result.accepted)
    let includes = document.rootElement().elements
    #expect(includes.count == 3)
    #expect(includes.allSatisfy { $0.name == "include" && $0.namespaceURI == "http://www.w3.org/2001/XInclude" })
    #expect(includes.first?[attribute: "href"] == secret.textPath)
    #expect(!result.everything.contains(secret.marker))
    #expect(!listener.wasContacted())
  }

  @Test func internalSubsetWithoutEntitiesIsAccepted() throws {
    // A DOCTYPE that declares nothing dangerous is harmless (editors sometimes write one).
    let document = try XMLDocument.parse(
      data: Data("<!DOCTYPE r>\n<r>ok</r>\n".utf8), fileName: "doctype.xml")
    #expect(document.rootElement().textContent == "ok")
  }

  @Test func hostileInputInsideADeclaredEncodingIsRefused() throws {
    // The entity bomb is refused in UTF-16 as well.
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaa\">]>\n<r>&a;</r>\n"
    let bytes = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
    #expect(throws: XMLError.self) {
      try XMLDocument.parse(data: bytes, fileName: "utf16-bomb.xml")
    }
  }
}

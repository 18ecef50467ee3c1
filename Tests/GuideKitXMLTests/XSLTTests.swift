import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKitXML

/// A stylesheet folder, an input document outside it, and a secret outside both.
private struct XSLTFixture {
  let folder: TempFolder
  let secret: Secret
  let input: XMLDocument

  init(input text: String = "<in><name>入力</name></in>") throws {
    folder = try TempFolder()
    secret = try Secret(in: folder)
    input = try XMLDocument.parse(file: folder.write("input/in.xml", text))
  }

  /// Writes a stylesheet whose top level is `body` into the stylesheet folder and compiles it.
  func stylesheet(_ body: String, name: String = "sheet.xsl") throws -> XSLTStylesheet {
    let path = try folder.write(
      "sheets/\(name)",
      """
      <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
          xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
      \(body)
      </xsl:stylesheet>
      """)
    return try XSLTStylesheet(path: path)
  }

  /// Applies `sheet`; returns the output, or the diagnostics of the refusal.
  func apply(_ sheet: XSLTStylesheet, parameters: [String: String] = [:]) -> Result<XSLTResult, XMLError> {
    do {
      return .success(try sheet.transform(input, parameters: parameters))
    } catch {
      return .failure(error)
    }
  }
}

@Suite("XSLT")
struct XSLTTests {
  @Test func transformsTheInput() throws {
    let fixture = try XSLTFixture()
    let sheet = try fixture.stylesheet(
      """
      <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>
      <xsl:template match="/"><out><xsl:value-of select="/in/name"/></out></xsl:template>
      """)
    let result = try sheet.transform(fixture.input)
    #expect(result.string == "<out>入力</out>\n")
  }

  @Test func parametersArePassedAsStringsNotXPath() throws {
    let fixture = try XSLTFixture()
    let sheet = try fixture.stylesheet(
      """
      <xsl:param name="title" select="'default'"/>
      <xsl:param name="count"/>
      <xsl:param name="path"/>
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="$title"/>|<xsl:value-of select="$count"/>|<xsl:value-of select="$path"/>]</xsl:template>
      """)
    let parameters = [
      "title": "It's \"quoted\" & <tagged>", "count": "1 + 1", "path": "document('file:///etc/passwd')",
    ]
    let result = try sheet.transform(fixture.input, parameters: parameters)
    #expect(result.string == "[It's \"quoted\" & <tagged>|1 + 1|document('file:///etc/passwd')]")
    // Without parameters the defaults apply.
    #expect(try sheet.transform(fixture.input).string == "[default||]")
  }

  @Test func documentOfEtcPasswdIsRefused() throws {
    let fixture = try XSLTFixture()
    let sheet = try fixture.stylesheet(
      """
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="document('file:///etc/passwd')"/>]</xsl:template>
      """)
    let result = fixture.apply(sheet)
    guard case .failure(let error) = result else {
      Issue.record("the transformation read /etc/passwd: \(result)")
      return
    }
    #expect(error.diagnostics.contains { $0.message.contains("/etc/passwd") && $0.message.contains("refused") })
    #expect(!"\(error)".contains("root:"))
  }

  @Test func documentOutsideTheAllowedFoldersIsNotRead() throws {
    let fixture = try XSLTFixture()
    for uri in [fixture.secret.xmlPath, "file://" + fixture.secret.xmlPath, "../secret/marker.xml"] {
      let sheet = try fixture.stylesheet(
        """
        <xsl:output method="text"/>
        <xsl:template match="/">[<xsl:value-of select="document('\(uri)')"/>]</xsl:template>
        """)
      let result = fixture.apply(sheet)
      switch result {
      case .success(let output):
        Issue.record("read \(uri): \(output.string)")
      case .failure(let error):
        #expect(error.diagnostics.contains { $0.message.contains("refused") }, "\(uri)")
        #expect(!"\(error)".contains(fixture.secret.marker))
      }
    }
  }

  @Test func documentFromAURLIsRefused() throws {
    let fixture = try XSLTFixture()
    let listener = try LocalListener()
    let sheet = try fixture.stylesheet(
      """
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="document('\(listener.url)')"/>]</xsl:template>
      """)
    let result = fixture.apply(sheet)
    guard case .failure(let error) = result else {
      Issue.record("the network read was not refused: \(result)")
      return
    }
    #expect(error.diagnostics.contains { $0.message.contains("Network") || $0.message.contains("network") })
    #expect(!listener.wasContacted())
  }

  @Test func exslDocumentWriteIsRefusedAndWritesNothing() throws {
    let fixture = try XSLTFixture()
    let target = fixture.folder.url.appendingPathComponent("written/out.txt").path
    let relativeName = "gk-relative-\(UUID().uuidString).txt"
    let relativeTargets = [
      fixture.folder.url.appendingPathComponent("sheets/\(relativeName)").path,
      FileManager.default.currentDirectoryPath + "/" + relativeName,
    ]
    let sheet = try fixture.stylesheet(
      """
      <xsl:template match="/">
        <exsl:document href="\(target)" method="text">WRITTEN</exsl:document>
        <exsl:document href="\(relativeName)" method="text">WRITTEN</exsl:document>
        <out/>
      </xsl:template>
      """)
    let result = fixture.apply(sheet)
    guard case .failure(let error) = result else {
      Issue.record("the write was not refused: \(result)")
      return
    }
    #expect(error.diagnostics.contains { $0.message.contains("write") && $0.message.contains("refused") })
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(!FileManager.default.fileExists(atPath: (target as NSString).deletingLastPathComponent))
    for path in relativeTargets {
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test func documentInTheStylesheetFolderIsRead() throws {
    let fixture = try XSLTFixture()
    try fixture.folder.write("sheets/labels.xml", "<labels><title>新旧対照表</title></labels>")
    let sheet = try fixture.stylesheet(
      """
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="document('labels.xml')/labels/title"/>]</xsl:template>
      """)
    let result = try sheet.transform(fixture.input)
    #expect(result.string == "[新旧対照表]")
    #expect(result.messages.isEmpty)
  }

  @Test func documentIsReadWithTheInputSizeLimitAndSaysWhyItWasNot() throws {
    let fixture = try XSLTFixture()
    // A sparse file past the 50 MB input limit: read like an input, it is refused unread.
    let big = try fixture.folder.write("sheets/big.xml", "<big/>")
    let handle = try #require(FileHandle(forWritingAtPath: big))
    try handle.truncate(atOffset: UInt64(XMLParseLimits().maxBytes + 1))
    try handle.close()
    let sheet = try fixture.stylesheet(
      """
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="count(document('big.xml'))"/>]</xsl:template>
      """)
    let diagnostics =
      switch fixture.apply(sheet) {
      case .success(let result): result.messages
      case .failure(let error): error.diagnostics
      }
    #expect(diagnostics.contains { $0.message.contains("big.xml") && $0.message.contains("over the limit") })
  }

  @Test func documentInASubfolderOfTheStylesheetFolderIsRefused() throws {
    let fixture = try XSLTFixture()
    // The folder itself, not the whole tree below it: a checkout's sheets/ may hold anything.
    try fixture.folder.write("sheets/private/data.xml", "<data>非公開</data>")
    let sheet = try fixture.stylesheet(
      """
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="document('private/data.xml')"/>]</xsl:template>
      """)
    switch fixture.apply(sheet) {
    case .success(let output):
      #expect(!output.string.contains("非公開"), "read a file below the stylesheet folder")
    case .failure(let error):
      #expect(error.diagnostics.contains { $0.message.contains("refused") })
    }
  }

  @Test func aRunawayStylesheetIsStoppedByTheWatchdog() throws {
    let fixture = try XSLTFixture()
    // Each call makes two more: 2^60 calls, with no output and no depth to hit.
    let sheet = try fixture.stylesheet(HostileStylesheets.exponentialTemplates)
    #expect {
      _ = try sheet.transform(fixture.input, timeout: .milliseconds(300))
    } throws: { error in
      guard let error = error as? XMLError else { return false }
      return error.diagnostics.contains {
        $0.file == sheet.path && $0.message.contains("ran longer than 0.3 s and was stopped")
      }
    }
    // A transformation that ends in time is not disturbed by its watchdog.
    let quick = try fixture.stylesheet(
      """
      <xsl:output method="text"/>
      <xsl:template match="/">ok</xsl:template>
      """, name: "quick.xsl")
    #expect(try quick.transform(fixture.input, timeout: .milliseconds(300)).string == "ok")
  }

  @Test func documentInTheStylesheetFolderStillRefusesEntities() throws {
    let fixture = try XSLTFixture()
    try fixture.folder.write(
      "sheets/labels.xml",
      "<!DOCTYPE labels [<!ENTITY e SYSTEM \"\(fixture.secret.textPath)\">]>\n<labels>&e;</labels>")
    let sheet = try fixture.stylesheet(
      """
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="document('labels.xml')"/>]</xsl:template>
      """)
    let output: String
    switch fixture.apply(sheet) {
    case .success(let result): output = result.string + "\(result.messages)"
    case .failure(let error): output = "\(error)"
    }
    #expect(!output.contains(fixture.secret.marker))
  }

  @Test func importFromTheStylesheetFolderWorks() throws {
    let fixture = try XSLTFixture()
    try fixture.folder.write(
      "sheets/common.xsl",
      """
      <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
        <xsl:template name="label">共通</xsl:template>
      </xsl:stylesheet>
      """)
    let sheet = try fixture.stylesheet(
      """
      <xsl:import href="common.xsl"/>
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:call-template name="label"/>]</xsl:template>
      """)
    #expect(try sheet.transform(fixture.input).string == "[共通]")
  }

  @Test func importFromOutsideTheStylesheetFolderIsRefused() throws {
    let fixture = try XSLTFixture()
    try fixture.folder.write(
      "secret/evil.xsl",
      """
      <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
        <xsl:template name="label">\(fixture.secret.marker)</xsl:template>
      </xsl:stylesheet>
      """)
    #expect(throws: XMLError.self) {
      try fixture.stylesheet(
        """
        <xsl:import href="../secret/evil.xsl"/>
        <xsl:template match="/"><xsl:call-template name="label"/></xsl:template>
        """)
    }
  }

  @Test func theInputItselfMayBeRead() throws {
    let fixture = try XSLTFixture()
    let sheet = try fixture.stylesheet(
      """
      <xsl:param name="self"/>
      <xsl:output method="text"/>
      <xsl:template match="/">[<xsl:value-of select="document($self)/in/name"/>]</xsl:template>
      """)
    let result = try sheet.transform(fixture.input, parameters: ["self": fixture.input.fileName])
    #expect(result.string == "[入力]")
  }

  @Test func xincludeInTheInputIsNotProcessed() throws {
    let folder = try TempFolder()
    let secret = try Secret(in: folder)
    let input = try XMLDocument.parse(
      file: folder.write(
        "in.xml",
        "<in xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(secret.textPath)\" parse=\"text\"/></in>"
      ))
    let sheet = try XSLTStylesheet(
      path: folder.write(
        "sheets/copy.xsl",
        """
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
          <xsl:output method="xml" omit-xml-declaration="yes"/>
          <xsl:template match="/"><xsl:copy-of select="."/></xsl:template>
        </xsl:stylesheet>
        """))
    let output = try sheet.transform(input).string
    #expect(output.contains("xi:include"))
    #expect(!output.contains(secret.marker))
  }

  @Test func malformedStylesheetIsAnInvalidProgram() throws {
    let fixture = try XSLTFixture()
    #expect {
      try fixture.stylesheet("<xsl:template match=\"/\"><xsl:value-of/></xsl:template>")
    } throws: { error in
      guard let error = error as? XMLError, case .invalidProgram(let file, let diagnostics) = error else {
        return false
      }
      return file.hasSuffix("sheet.xsl") && !diagnostics.isEmpty
    }
  }

  @Test func transformsFromManyThreadsAtOnce() async throws {
    let fixture = try XSLTFixture()
    let sheet = try fixture.stylesheet(
      """
      <xsl:param name="n"/>
      <xsl:output method="text"/>
      <xsl:template match="/"><xsl:value-of select="$n"/>:<xsl:value-of select="/in/name"/></xsl:template>
      """)
    let path = fixture.input.fileName
    let outputs = await withTaskGroup(of: (Int, String).self) { group in
      for index in 0..<24 {
        group.addTask {
          guard let input = try? XMLDocument.parse(file: path),
            let result = try? sheet.transform(input, parameters: ["n": "\(index)"])
          else { return (index, "failed") }
          return (index, result.string)
        }
      }
      var all: [Int: String] = [:]
      for await (index, output) in group { all[index] = output }
      return all
    }
    #expect(outputs.count == 24)
    for (index, output) in outputs {
      #expect(output == "\(index):入力")
    }
  }
}

import Foundation
import GuideKitTestSupport
import Testing

/// Runaway stylesheets, limits and empty inputs at the command line.
@Suite("guidekit under runaway input")
struct ReliabilityCommandTests {
  /// A stylesheet whose template calls itself twice: 2^60 calls, with no output and no depth to hit.
  static let exponentialStylesheet = HostileStylesheets.exponential

  @Test func aRunawayStylesheetIsStoppedWithExitTwoNamingIt() throws {
    let folder = try TempFolder()
    let sheet = try folder.write("office/runaway.xsl", Self.exponentialStylesheet)
    let edition = try folder.write("guidelines/sample/1.0.xml", guidelineText())
    for (command, extra) in [("render", ["--format", "html"]), ("render", ["--format", "text"])] {
      let result = try CLI.run(
        [command, edition, "--stylesheet", sheet, "--transform-timeout", "1"] + extra, in: folder.url)
      #expect(result.status == 2, "\(extra): \(result)")
      #expect(!result.timedOut)
      #expect(result.stderr.contains("runaway.xsl"), "names the stylesheet: \(result)")
      #expect(result.stderr.contains("--transform-timeout"), "\(result)")
    }
    let site = folder.path("site")
    let publish = try CLI.run(
      [
        "publish", "--guidelines", folder.path("guidelines"), "--out", site, "--stylesheet",
        "guideline-html=\(sheet)", "--transform-timeout", "1", "--quiet",
      ], in: folder.url)
    #expect(publish.status == 2, "\(publish)")
    #expect(publish.stderr.contains("runaway.xsl"), "\(publish)")
    #expect(!FileManager.default.fileExists(atPath: site))
    let bad = try CLI.run(["render", edition, "--transform-timeout", "0"], in: folder.url)
    #expect(bad.status == 64, "\(bad)")
  }

  static let strace: String? = ["/usr/bin/strace", "/bin/strace"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(.enabled(if: strace != nil, "needs strace"))
  func publishLooksUpNoUserOrGroup() throws {
    let folder = try TempFolder()
    try folder.write("guidelines/sample/1.0.xml", guidelineText())
    try folder.write("guidelines/sample/2.0.xml", guidelineText(version: "2.0", supersedes: "1.0"))
    let binary = try #require(CLI.binary, CLI.binaryMessage)
    let log = folder.path("strace.log")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.strace))
    process.arguments = [
      "-f", "-e", "trace=open,openat,connect", "-o", log, binary.path, "publish", "--guidelines",
      folder.path("guidelines"), "--references", CLI.packageRoot.appendingPathComponent("references").path,
      "--out", folder.path("site"), "--quiet",
    ]
    process.currentDirectoryURL = folder.url
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let trace = try String(contentsOfFile: log, encoding: .utf8)
    #expect(trace.contains("1.0.xml"), "the trace saw the run")
    for name in ["/etc/passwd", "/etc/group", "nscd"] {
      let lines = trace.split(separator: "\n").filter { $0.contains(name) }
      #expect(lines.isEmpty, "publish reads \(name): \(lines.prefix(3))")
    }
  }

  @Test func validateOfAFolderWithoutGuidelinesExitsTwo() throws {
    let folder = try TempFolder()
    let empty = try folder.makeFolder("empty")
    try folder.write("empty/notes.txt", "no XML here\n")
    let result = try CLI.run(["validate", empty], in: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stdout.contains("no XML file found"), "\(result)")
  }

  @Test func aStylesheetsBadOutputIsTheStylesheetsErrorNotTheInputs() throws {
    let folder = try TempFolder()
    let edition = try folder.write("guidelines/sample/1.0.xml", guidelineText())
    let sheet = try folder.write(
      "office/bad-text.xsl",
      """
      <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
        <xsl:output method="text"/>
        <xsl:template match="/">&lt;text xmlns="urn:guidekit:text:1"&gt;&lt;block&gt;unclosed</xsl:template>
      </xsl:stylesheet>
      """)
    let result = try CLI.run(
      ["render", edition, "--format", "text", "--stylesheet", "guideline-text=\(sheet)"], in: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.hasPrefix(sheet + ":"), "the stylesheet's error: \(result)")
    #expect(!result.stderr.contains("1.0.xml"), "not the input's: \(result)")
  }
}

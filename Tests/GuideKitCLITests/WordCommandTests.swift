import Foundation
import GuideKitTestSupport
import Testing

/// `--format docx` of diff, render and notice, and the .docx files of publish.
@Suite struct WordCommandTests {
  static let security4 = "guidelines/telework-security/4.0.xml"
  static let security5 = "guidelines/telework-security/5.0.xml"
  static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

  @Test(arguments: [
    ["diff", security4, security5, "--format", "docx"],
    ["diff", security4, security5, "--format", "docx", "--param", "paper=portrait"],
    ["render", security5, "--format", "docx"],
    ["notice", security5, "--format", "docx"],
  ])
  func writesAWordDocumentToTheOutputFile(arguments: [String]) throws {
    let folder = try TempFolder()
    let out = folder.path("out.docx")
    let result = try CLI.run(arguments + ["-o", out])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.isEmpty)
    let bytes = try #require(FileManager.default.contents(atPath: out))
    #expect(Array(bytes.prefix(4)) == Self.zipMagic)
    // Deterministic: a second run writes the same bytes.
    let again = folder.path("again.docx")
    #expect(try CLI.run(arguments + ["-o", again]).status == 0)
    #expect(FileManager.default.contents(atPath: again) == bytes)
    // Nothing left beside the output (atomic write through a temporary file).
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["again.docx", "out.docx"])
  }

  /// Standard output that is a file or a pipe receives the bytes.
  @Test func writesToStandardOutputWhenItIsNoTerminal() throws {
    let folder = try TempFolder()
    let binary = try #require(CLI.binary, CLI.binaryMessage)
    let out = folder.path("stdout.docx")
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    defer { try? handle.close() }
    let process = Process()
    process.executableURL = binary
    process.arguments = ["diff", Self.security4, Self.security5, "--format", "docx", "--quiet"]
    process.currentDirectoryURL = CLI.packageRoot
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let viaStdout = try #require(FileManager.default.contents(atPath: out))
    #expect(Array(viaStdout.prefix(4)) == Self.zipMagic)
    let viaFile = folder.path("o.docx")
    #expect(try CLI.run(["diff", Self.security4, Self.security5, "--format", "docx", "-o", viaFile]).status == 0)
    #expect(FileManager.default.contents(atPath: viaFile) == viaStdout)
  }

  /// A terminal gets no binary: a usage error (exit 64) that says to use -o, and no output.
  /// util-linux `script` gives the command a pseudo-terminal as its standard output.
  @Test(
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "util-linux script is not installed"),
    arguments: [
      ["diff", security4, security5, "--format", "docx"],
      ["render", security5, "--format", "docx"],
      ["notice", security5, "--format", "docx"],
    ])
  func refusesToWriteBinaryToATerminal(arguments: [String]) throws {
    let binary = try #require(CLI.binary, CLI.binaryMessage)
    let command = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let folder = try TempFolder()
    let transcript = folder.path("terminal.txt")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["--quiet", "--return", "--command", command, transcript]
    process.currentDirectoryURL = CLI.packageRoot
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 64)
    let seen = (try? String(contentsOfFile: transcript, encoding: .isoLatin1)) ?? ""
    #expect(seen.contains("-o FILE"), "\(seen)")
    #expect(!seen.contains("PK\u{03}\u{04}"))
  }

  /// publish writes the 新旧対照表 and the notice as .docx beside their HTML, the same bytes on
  /// every run.
  @Test func publishWritesTableAndNoticeDocuments() throws {
    let folder = try TempFolder()
    let first = folder.path("site1")
    let second = folder.path("site2")
    for out in [first, second] {
      let result = try CLI.run(
        ["publish", "--guidelines", CLI.packageRoot.appendingPathComponent("guidelines").path, "--out", out, "--quiet"])
      #expect(result.status == 0, "\(result)")
    }
    for path in [
      "telework-security/5.0-table.docx", "telework-security/5.0-notice.docx", "telework-labor/2021-table.docx",
      "telework-security/4.0-notice.docx",
    ] {
      let bytes = try #require(FileManager.default.contents(atPath: first + "/" + path), "\(path)")
      #expect(Array(bytes.prefix(4)) == Self.zipMagic)
      #expect(FileManager.default.contents(atPath: second + "/" + path) == bytes, "\(path)")
    }
    // A first edition has no 新旧対照表.
    #expect(!FileManager.default.fileExists(atPath: first + "/telework-security/4.0-table.docx"))
    let manifest = try String(contentsOfFile: first + "/manifest.json", encoding: .utf8)
    #expect(manifest.contains("5.0-table.docx"))
  }
}

import Foundation
import GuideKitTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// One bad input file for `guidekit validate`.
struct HostileInput: CustomTestStringConvertible, Sendable {
  var name: String
  /// The file's bytes, given a secret file outside the inputs and a URL nobody may fetch.
  var bytes: @Sendable (_ secretPath: String, _ url: String) -> Data
  /// The diagnostic carries a line.
  var hasLine = true
  var testDescription: String { name }

  init(_ name: String, hasLine: Bool = true, _ bytes: @escaping @Sendable (String, String) -> Data) {
    self.name = name
    self.hasLine = hasLine
    self.bytes = bytes
  }

  init(_ name: String, hasLine: Bool = true, text: String) {
    self.init(name, hasLine: hasLine) { _, _ in Data(text.utf8) }
  }
}

private let billionLaughs: String = {
  var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE guideline [\n  <!ENTITY lol \"lol\">\n"
  for level in 1...9 {
    let previous = level == 1 ? "lol" : "lol\(level - 1)"
    text += "  <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
  }
  return text + "]>\n<guideline>&lol9;</guideline>\n"
}()

private let hostileInputs: [HostileInput] = [
  HostileInput("malformed XML", text: "<guideline>\n  <title>x</titel>\n</guideline>\n"),
  HostileInput("empty file", hasLine: false, text: ""),
  HostileInput("binary junk") { _, _ in
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    return Data(
      (0..<16_384).map { _ in
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt8(truncatingIfNeeded: state)
      })
  },
  HostileInput("wrong root element", text: "<?xml version=\"1.0\"?>\n<html/>\n"),
  HostileInput(
    "another namespace",
    text: guidelineText().replacingOccurrences(of: "urn:guidekit:guideline:1", with: "urn:example:guideline")),
  HostileInput("invalid byte sequence") { _, _ in
    Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<guideline>\n".utf8) + Data([0xED, 0xA0, 0x80, 0xFE])
      + Data("</guideline>\n".utf8)
  },
  HostileInput("NUL bytes") { _, _ in Data("<guideline>\n".utf8) + Data([0, 0, 0]) + Data("</guideline>".utf8) },
  HostileInput("billion laughs", text: billionLaughs),
  HostileInput(
    "quadratic blowup",
    text: "<!DOCTYPE guideline [<!ENTITY a \"\(String(repeating: "x", count: 100_000))\">]>\n<guideline>"
      + String(repeating: "&a;", count: 100_000) + "</guideline>\n"),
  HostileInput("external entity to a local file") { secret, _ in
    Data("<!DOCTYPE guideline [<!ENTITY e SYSTEM \"file://\(secret)\">]>\n<guideline>&e;</guideline>\n".utf8)
  },
  HostileInput("external entity to a URL") { _, url in
    Data("<!DOCTYPE guideline [<!ENTITY e SYSTEM \"\(url)\">]>\n<guideline>&e;</guideline>\n".utf8)
  },
  HostileInput("external DTD to a local file") { secret, _ in
    Data("<!DOCTYPE guideline SYSTEM \"\(secret)\">\n<guideline/>\n".utf8)
  },
  HostileInput("external DTD to a URL") { _, url in
    Data("<!DOCTYPE guideline PUBLIC \"-//guidekit//test//EN\" \"\(url)\">\n<guideline/>\n".utf8)
  },
  HostileInput("XInclude") { secret, url in
    Data(
      guidelineText().replacingOccurrences(
        of: "  <issuer>総務省</issuer>",
        with: """
            <issuer>総務省</issuer>
            <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="\(secret)" parse="text"/>
            <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="\(url)"/>
          """
      ).utf8)
  },
  HostileInput(
    "20,000-deep nesting",
    text: "<guideline>\n" + String(repeating: "<chapter>", count: 20_000)
      + String(repeating: "</chapter>", count: 20_000)
      + "</guideline>\n"),
  HostileInput("30 MB attribute") { _, _ in
    Data("<?xml version=\"1.0\"?>\n<guideline id=\"".utf8) + Data(repeating: UInt8(ascii: "g"), count: 30 * 1024 * 1024)
      + Data("\"/>\n".utf8)
  },
]

@Suite("guidekit validate on hostile input")
struct HostileInputCommandTests {
  @Test(arguments: hostileInputs)
  func hostileInputGivesADiagnosticAndExitOneOrTwo(_ input: HostileInput) throws {
    let folder = try TempFolder()
    let marker = "GK-SECRET-\(UUID().uuidString)"
    let secret = try folder.write("secret/marker.txt", marker)
    let listener = try LocalListener()
    let path = try folder.write("input/bad.xml", data: input.bytes(secret, listener.url))

    for format in ["text", "json"] {
      let result = try CLI.run(["validate", "--format", format, path], timeout: .seconds(20))
      #expect(!result.timedOut, "\(result)")
      #expect(result.elapsed < .seconds(10), "\(format): \(result)")
      #expect([1, 2].contains(result.status), "\(format): \(result)")
      #expect(result.stdout.contains(path), "the diagnostic names the file: \(result)")
      #expect(!(result.stdout + result.stderr).contains(marker), "nothing outside the inputs is read")
      if format == "text", input.hasLine {
        #expect(result.stdout.hasPrefix(path + ":"), "\(result)")
        let line = result.stdout.dropFirst(path.count + 1).prefix { $0.isNumber }
        #expect((Int(line) ?? 0) >= 1, "a line: \(result)")
      }
      if format == "json" {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["errors"] as? Int ?? 0) >= 1)
      }
    }
    #expect(!listener.wasContacted(), "no network access")
  }

  @Test func directoryOrMissingFileGivenAsAFile() throws {
    let folder = try TempFolder()
    let missing = folder.path("missing.xml")
    let missingResult = try CLI.run(["validate", missing])
    #expect(missingResult.status == 2, "\(missingResult)")
    #expect(missingResult.stdout.contains(missing), "\(missingResult)")

    // A folder is searched, also when it is named like a file.
    try folder.write("edition.xml/1.0.xml", guidelineText())
    let folderResult = try CLI.run(["validate", folder.path("edition.xml")])
    #expect(folderResult.status == 0, "\(folderResult)")
    #expect(folderResult.stderr.contains("1 file, 0 errors"), "\(folderResult)")
    let inside = try CLI.run(["validate", folder.path])
    #expect(inside.status == 0, "\(inside)")
  }

  @Test func fifoDoesNotHang() throws {
    let folder = try TempFolder()
    let fifo = folder.path("pipe.xml")
    try #require(mkfifo(fifo, 0o600) == 0)
    let result = try CLI.run(["validate", fifo], timeout: .seconds(10))
    #expect(!result.timedOut, "\(result)")
    #expect(result.status == 2, "\(result)")
    #expect(result.stdout.contains(fifo), "\(result)")
  }

  @Test func memoryStaysBounded() throws {
    // The inputs that cost the most memory, each run alone and measured by its own peak
    // resident set (a debug build: the binary alone takes some 60 MB).
    let folder = try TempFolder()
    let heavy = hostileInputs.filter {
      ["30 MB attribute", "quadratic blowup", "billion laughs", "20,000-deep nesting"].contains($0.name)
    }
    #expect(heavy.count == 4)
    for input in heavy {
      let path = try folder.write("\(input.name).xml", data: input.bytes("/nonexistent", "http://127.0.0.1:9/"))
      let (status, peak) = try CLI.runMeasuringMemory(["validate", path])
      #expect(status == 1, "\(input.name)")
      #expect(peak > 0)
      #expect(peak < 256 * 1024 * 1024, "\(input.name): peak resident set \(peak / 1024 / 1024) MB")
    }
  }
}

import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit
@testable import GuideKitXML

#if canImport(Glibc)
  import Glibc
#endif

/// One bad input: its bytes, and what `validate` must make of it.
struct BadInput: CustomTestStringConvertible, Sendable {
  var name: String
  var bytes: @Sendable (_ secretPath: String, _ url: String) -> Data
  /// The rule of the first diagnostic.
  var rule: String
  /// Exit status of the run: 1 (finding) or 2 (trouble).
  var exitStatus: Int32 = 1
  /// True when the diagnostic must carry a line (≥ 1).
  var hasLine = true

  var testDescription: String { name }

  static func text(_ text: String) -> @Sendable (String, String) -> Data {
    { _, _ in Data(text.utf8) }
  }
}

private let lolz: String = {
  var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE guideline [\n  <!ENTITY lol \"lol\">\n"
  for level in 1...9 {
    let previous = level == 1 ? "lol" : "lol\(level - 1)"
    text += "  <!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
  }
  return text + "]>\n<guideline>&lol9;</guideline>\n"
}()

private let badInputs: [BadInput] = [
  BadInput(
    name: "malformed XML", bytes: BadInput.text("<guideline>\n<title>x</titel>\n</guideline>\n"), rule: "xml-syntax"),
  BadInput(name: "empty file", bytes: BadInput.text(""), rule: "xml-syntax", hasLine: false),
  BadInput(
    name: "binary junk",
    bytes: { _, _ in
      var state: UInt64 = 7
      return Data(
        (0..<8192).map { _ in
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          return UInt8(truncatingIfNeeded: state >> 56)
        })
    }, rule: "xml-syntax"),
  BadInput(
    name: "wrong root element", bytes: BadInput.text("<?xml version=\"1.0\"?>\n<html><body/></html>\n"),
    rule: "unsupported-document"),
  BadInput(
    name: "another namespace",
    bytes: BadInput.text(
      MarkedText(validationGuideline()).text.replacingOccurrences(
        of: "urn:guidekit:guideline:1", with: "urn:guidekit:guideline:2")),
    rule: "unsupported-document"),
  BadInput(
    name: "invalid UTF-8 byte sequence",
    bytes: { _, _ in Data("<guideline>\n<title>".utf8) + Data([0xC3, 0x28, 0xFF]) + Data("</title></guideline>".utf8) },
    rule: "xml-syntax"),
  BadInput(name: "NUL byte", bytes: { _, _ in Data("<guideline>\n\u{0}</guideline>".utf8) }, rule: "xml-syntax"),
  BadInput(name: "billion laughs", bytes: BadInput.text(lolz), rule: "xml-syntax"),
  BadInput(
    name: "quadratic blowup",
    bytes: BadInput.text(
      "<!DOCTYPE guideline [<!ENTITY a \"\(String(repeating: "a", count: 50_000))\">]>\n<guideline>"
        + String(repeating: "&a;", count: 50_000) + "</guideline>"),
    rule: "xml-syntax"),
  BadInput(
    name: "external entity to a local file",
    bytes: { secret, _ in
      Data("<!DOCTYPE guideline [<!ENTITY e SYSTEM \"\(secret)\">]>\n<guideline>&e;</guideline>".utf8)
    },
    rule: "xml-syntax"),
  BadInput(
    name: "external entity to a URL",
    bytes: { _, url in Data("<!DOCTYPE guideline [<!ENTITY e SYSTEM \"\(url)\">]>\n<guideline>&e;</guideline>".utf8) },
    rule: "xml-syntax"),
  BadInput(
    name: "external DTD",
    bytes: { secret, _ in Data("<!DOCTYPE guideline SYSTEM \"\(secret)\">\n<guideline/>".utf8) },
    rule: "xml-syntax"),
  BadInput(
    name: "XInclude",
    bytes: { secret, _ in
      Data(
        MarkedText(
          validationGuideline(
            "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(secret)\" parse=\"text\"/>\n"
              + validationBody)
        ).text.utf8)
    }, rule: "schema"),
  BadInput(
    name: "20,000-deep nesting",
    bytes: BadInput.text(
      String(repeating: "<section>", count: 20_000) + String(repeating: "</section>", count: 20_000)),
    rule: "xml-syntax"),
  BadInput(
    name: "30 MB attribute",
    bytes: { _, _ in
      Data("<guideline\n id=\"".utf8) + Data(repeating: UInt8(ascii: "a"), count: 30 * 1024 * 1024)
        + Data("\"/>".utf8)
    }, rule: "xml-syntax"),
]

@Suite("Validation of bad input")
struct ValidationBadInputTests {
  @Test(arguments: badInputs)
  func badInputGivesADiagnosticAndAnExitStatus(_ input: BadInput) throws {
    let folder = try ValidationFixtureFolder()
    let marker = "GK-SECRET-\(UUID().uuidString)"
    let secret = try folder.add("secret/marker.txt", data: Data(marker.utf8))
    let listener = try LocalListener()
    let path = try folder.add("input/bad.xml", data: input.bytes(secret, listener.url))

    let clock = ContinuousClock()
    var report: ValidationReport?
    let elapsed = clock.measure { report = Validator.validate(paths: [folder.path("input")]) }
    let result = try #require(report)

    #expect(elapsed < .seconds(10))
    #expect(result.exitStatus == input.exitStatus)
    let first = try #require(result.diagnostics.first)
    #expect(first.file == path, "the diagnostic names the file")
    #expect(first.rule == input.rule)
    #expect(first.severity == .error)
    if input.hasLine {
      #expect(first.line >= 1)
    }
    #expect(result.diagnostics.allSatisfy { $0.file == path })
    let everything = "\(result.diagnostics)" + JSONOutput.string(result)
    #expect(!everything.contains(marker), "nothing outside the inputs is read")
    #expect(!listener.wasContacted(), "no network access")
  }

  @Test func missingFileIsTrouble() throws {
    let folder = try ValidationFixtureFolder()
    let report = folder.validate(["missing.xml"])
    #expect(report.exitStatus == 2)
    #expect(report.diagnostics.map(\.file) == [folder.path("missing.xml")])
    #expect(report.diagnostics.map(\.rule) == ["unreadable"])
  }

  @Test func missingFolderIsTrouble() throws {
    let folder = try ValidationFixtureFolder()
    let report = folder.validate(["no-such-folder"])
    #expect(report.exitStatus == 2)
    #expect(report.diagnostics.first?.file == folder.path("no-such-folder"))
  }

  @Test func folderNamedLikeAFileIsSearchedNotReadAsAFile() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("in/edition.xml/1.0.xml", validationGuideline())
    let report = folder.validate(["in"])
    #expect(folder.findings(report) == [])
    #expect(report.files == 1)
    #expect(report.exitStatus == 0)
  }

  @Test func fifoIsRefusedWithoutWaiting() throws {
    let folder = try ValidationFixtureFolder()
    try FileManager.default.createDirectory(atPath: folder.path("in"), withIntermediateDirectories: true)
    let fifo = folder.path("in/pipe.xml")
    try #require(mkfifo(fifo, 0o600) == 0)
    let clock = ContinuousClock()
    var report: ValidationReport?
    let elapsed = clock.measure { report = folder.validate(["in"]) }
    let result = try #require(report)
    #expect(elapsed < .seconds(5))
    #expect(result.exitStatus == 2)
    #expect(result.diagnostics.map(\.file) == [fifo])
    #expect(result.diagnostics.map(\.rule) == ["unreadable"])
  }

  @Test func oversizedFileIsRefused() throws {
    let folder = try ValidationFixtureFolder()
    let path = try folder.add("big.xml", validationGuideline())
    let report = folder.validate(options: ValidationOptions(limits: XMLParseLimits(maxBytes: 100)))
    #expect(report.exitStatus == 1)
    #expect(report.diagnostics.map(\.file) == [path])
    #expect(report.diagnostics.first?.message.contains("over the limit of 100 bytes") == true)
  }

  @Test(arguments: ["utf-8-bom", "utf-16le", "utf-16be", "shift_jis"])
  func declaredEncodingsAreAccepted(_ encoding: String) throws {
    let folder = try ValidationFixtureFolder()
    let text = MarkedText(validationGuideline()).text
    let bytes: Data
    switch encoding {
    case "utf-8-bom":
      bytes = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    case "utf-16le":
      bytes =
        Data([0xFF, 0xFE])
        + (text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
          .data(using: .utf16LittleEndian) ?? Data())
    case "utf-16be":
      bytes =
        Data([0xFE, 0xFF])
        + (text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
          .data(using: .utf16BigEndian) ?? Data())
    default:
      bytes = try #require(
        text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"Shift_JIS\"").data(using: .shiftJIS))
    }
    try folder.add("sample/1.0.xml", data: bytes)
    let report = folder.validate()
    #expect(folder.findings(report) == [])
    #expect(report.exitStatus == 0)
    // The Japanese text came through the conversion.
    let document = try XMLDocument.parse(file: folder.path("sample/1.0.xml"))
    #expect(document.rootElement().textContent.contains("テスト用ガイドライン"))
  }
}

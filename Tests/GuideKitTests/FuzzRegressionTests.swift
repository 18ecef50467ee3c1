import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// Inputs found by the fuzzers of `Fuzz/` (and hand-made edge cases in their format), replayed
/// through the same code as the fuzz target: `Fixtures/fuzz/TARGET/NAME`. An input that once
/// crashed, leaked or hung must now finish quickly. Add a finding by copying it there
/// (`Fuzz/findings/TARGET/crash-…` → `Fixtures/fuzz/TARGET/short-description`).
enum FuzzReplay {
  static let fixtures = RepoPaths.root.appendingPathComponent("Tests/GuideKitTests")
    .appendingPathComponent("Fixtures/fuzz", isDirectory: true)

  static func inputs(_ target: String) -> [String] {
    let folder = fixtures.appendingPathComponent(target).path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
  }

  static func bytes(_ input: String) throws -> Data {
    try Data(contentsOf: fixtures.appendingPathComponent(input))
  }

  /// `FuzzLoad`: parse and read with any of the three readers.
  static func load(_ data: Data) {
    guard let document = try? XMLDocument.parse(data: data, fileName: "fuzz.xml") else { return }
    _ = try? DocumentLoader.read(document)
  }

  /// `FuzzDiff`: two documents split at the first NUL byte.
  static func diff(_ data: Data) {
    guard let separator = data.firstIndex(of: 0),
      let a = try? XMLDocument.parse(data: data[..<separator], fileName: "old.xml"),
      let b = try? XMLDocument.parse(data: data[(separator + 1)...], fileName: "new.xml"),
      let old = try? DocumentLoader.read(a), let new = try? DocumentLoader.read(b),
      let result = try? DocumentDiffer.diff(old: old, new: new)
    else { return }
    _ = DeltaDocument.xml(result)
  }

  /// `FuzzTextLayout`: width, indentation, flags, then label NUL text. Returns the lines.
  static func layout(_ data: Data) -> (lines: [String], hanging: String) {
    let bytes = [UInt8](data)
    guard bytes.count >= 3 else { return ([], "") }
    let flags = bytes[2]
    let alignment: TextBlock.Alignment = [.leading, .trailing, .center][Int(flags % 3)]
    let rest = bytes[3...]
    let split = rest.firstIndex(of: 0)
    let hanging = split.map { String(decoding: rest[..<$0], as: UTF8.self) } ?? ""
    let text = String(decoding: split.map { rest[($0 + 1)...] } ?? rest, as: UTF8.self)
    let block = TextBlock(text: text, indent: Int(bytes[1] % 64) - 4, hanging: hanging, alignment: alignment)
    let options = TextLayoutOptions(width: Int(bytes[0]) - 8, ambiguous: flags & 0x80 == 0 ? .narrow : .wide)
    _ = TextLayout.render([block, block], options: options)
    return (TextLayout.lines(for: block, options: options), hanging)
  }
}

@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let limit = Duration.seconds(10)

  @Test(arguments: FuzzReplay.inputs("FuzzLoad") + FuzzReplay.inputs("FuzzValidate"))
  func loadFinishesQuickly(_ input: String) throws {
    let data = try FuzzReplay.bytes(input)
    let elapsed = ContinuousClock().measure { FuzzReplay.load(data) }
    #expect(elapsed < Self.limit, "\(input): \(elapsed)")
  }

  @Test(arguments: FuzzReplay.inputs("FuzzValidate"))
  func validateGivesAReportQuickly(_ input: String) throws {
    let folderScratch = try TempFolder(prefix: "guidekit-fuzz-regression")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("input.xml")
    try FuzzReplay.bytes(input).write(to: file)
    var report: ValidationReport?
    let elapsed = ContinuousClock().measure { report = Validator.validate(paths: [file.path]) }
    #expect(elapsed < Self.limit, "\(input): \(elapsed)")
    #expect(report?.files == 1)
  }

  @Test(arguments: FuzzReplay.inputs("FuzzDiff"))
  func diffFinishesQuickly(_ input: String) throws {
    let data = try FuzzReplay.bytes(input)
    let elapsed = ContinuousClock().measure { FuzzReplay.diff(data) }
    #expect(elapsed < Self.limit, "\(input): \(elapsed)")
  }

  @Test(arguments: FuzzReplay.inputs("FuzzTextLayout"))
  func layoutKeepsItsContract(_ input: String) throws {
    let data = try FuzzReplay.bytes(input)
    var result: (lines: [String], hanging: String) = ([], "")
    let elapsed = ContinuousClock().measure { result = FuzzReplay.layout(data) }
    #expect(elapsed < Self.limit, "\(input): \(elapsed)")
    for line in result.lines {
      #expect(line.last != " ", "\(input): a line ends with a space: \(line.debugDescription)")
    }
  }

  @Test func everyTargetHasRegressionInputs() {
    for target in ["FuzzLoad", "FuzzDiff", "FuzzTextLayout"] {
      #expect(!FuzzReplay.inputs(target).isEmpty, "Fixtures/fuzz/\(target) is empty")
    }
  }
}

import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit
@testable import GuideKitXML

/// A temporary folder of marked fixtures for the validator; removed when the value goes away.
///
/// Each fixture is written without its markers; `expect(_:_:_:_:)` turns a marker into the
/// finding the test expects, `findings(_:)` turns a report into the same form:
/// `name.xml:LINE: severity [rule]`, the file relative to the folder.
final class ValidationFixtureFolder {
  let url: URL
  var path: String { url.path }
  private(set) var marked: [String: MarkedText] = [:]

  init() throws {
    url = try TempFolder.create(prefix: "guidekit-validation-tests")
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes a marked fixture as `name` (a path relative to the folder) and returns its path.
  @discardableResult
  func add(_ name: String, _ markedText: String) throws -> String {
    let fixture = MarkedText(markedText)
    marked[name] = fixture
    return try add(name, data: Data(fixture.text.utf8))
  }

  /// Writes raw bytes as `name` and returns its path.
  @discardableResult
  func add(_ name: String, data: Data) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file.path
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Validates the named fixtures, or the whole folder when `names` is nil.
  func validate(_ names: [String]? = nil, options: ValidationOptions = .init()) -> ValidationReport {
    Validator.validate(paths: names.map { $0.map(path) } ?? [path], options: options)
  }

  /// A registry over sub-folders of the fixture folder.
  func registry(_ folders: String...) -> ReferenceRegistry {
    ReferenceRegistry(folders: folders.map(path))
  }

  /// The report's diagnostics as `name:line: severity [rule]`, in report order.
  func findings(_ report: ValidationReport) -> [String] {
    report.diagnostics.map { d in "\(relative(d.file)):\(d.line): \(d.severity.rawValue) [\(d.rule)]" }
  }

  /// The finding expected at marker `marker` of fixture `name`.
  func expect(_ name: String, _ marker: String, _ severity: Severity = .error, _ rule: String) -> String {
    let line = marked[name]?.line(marker) ?? -1
    return "\(name):\(line): \(severity.rawValue) [\(rule)]"
  }

  func relative(_ file: String) -> String {
    let prefix = path + "/"
    let standardized = file.replacingOccurrences(of: "//", with: "/")
    return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : file
  }
}

/// A guideline edition with the required front matter; `⟨root⟩` marks the root element's line.
func validationGuideline(
  id: String = "sample", version: String = "1.0", supersedes: String? = nil,
  issued: String = "2024-04-01", effective: String? = "2024-04-01", title: String = "テスト用ガイドライン",
  _ body: String = validationBody
) -> String {
  let supersedesAttribute = supersedes.map { " supersedes=\"\($0)\"" } ?? ""
  let effectiveAttribute = effective.map { " effective=\"\($0)\"" } ?? ""
  return """
    <?xml version="1.0" encoding="UTF-8"?>
    ⟨root⟩<guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="\(id)" version="\(version)"\(supersedesAttribute) issued="\(issued)"\(effectiveAttribute)>
      <title>\(title)</title>
      <issuer>総務省</issuer>
    \(body)
    </guideline>

    """
}

let validationBody = """
    <chapter id="ch-1" num="第1章">
      <title>総則</title>
      <clause id="c-1" num="(1)"><p>テレワークを導入する。</p></clause>
      <clause id="c-2" num="(2)"><p>多要素認証を用いる。</p></clause>
    </chapter>
  """

@Suite("Validation fixtures")
struct ValidationFixtureTests {
  @Test func markedTextStripsMarkersAndKeepsLines() {
    let marked = MarkedText("a\n⟨1⟩b\nc ⟨two⟩d\n")
    #expect(marked.text == "a\nb\nc d\n")
    #expect(marked.lines == ["1": 2, "two": 3])
  }

  @Test func markedTextLeavesOtherAngleBracketsAlone() {
    let marked = MarkedText("⟨x⟩<a>⟨\n⟩</a>")
    #expect(marked.text == "<a>⟨\n⟩</a>")
    #expect(marked.lines == ["x": 1])
  }

  @Test func theTemplateIsAValidGuideline() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/1.0.xml", validationGuideline())
    let report = folder.validate()
    #expect(folder.findings(report) == [])
    #expect(report.files == 1)
    #expect(report.exitStatus == 0)
    #expect(folder.marked["sample/1.0.xml"]?.line("root") == 2)
  }
}

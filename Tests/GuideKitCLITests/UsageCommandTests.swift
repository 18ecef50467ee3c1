import Foundation
import Testing

/// Malformed option values are usage errors (exit 64), found before any work; a file that
/// cannot be read is trouble (exit 2).
@Suite("usage errors")
struct UsageCommandTests {
  @Test func aParamWithoutEqualsIsAUsageError() throws {
    let result = try CLI.run(["render", "guidelines/telework-security/5.0.xml", "--param", "foo"])
    #expect(result.status == 64, "\(result)")
    #expect(result.stderr.contains("'--param <NAME=VALUE>'"))
    #expect(result.stdout.isEmpty)
  }

  @Test func aStylesheetThatNamesNothingToReplaceIsAUsageErrorOfPublish() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("guidekit-usage-\(UUID().uuidString)").path
    let result = try CLI.run(["publish", "--out", out, "--stylesheet", "office.xsl"])
    #expect(result.status == 64, "\(result)")
    #expect(result.stderr.contains("--stylesheet office.xsl: say which stylesheet it replaces, as NAME=FILE"))
    #expect(!FileManager.default.fileExists(atPath: out), "nothing was built")
  }

  @Test func anEmptyStylesheetNameIsAUsageError() throws {
    let result = try CLI.run(["render", "guidelines/telework-security/5.0.xml", "--stylesheet", "guideline-html="])
    #expect(result.status == 64, "\(result)")
  }

  @Test func aStylesheetThatCannotBeReadIsTrouble() throws {
    let result = try CLI.run([
      "render", "guidelines/telework-security/5.0.xml", "--stylesheet", "/nonexistent/office.xsl",
    ])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("/nonexistent/office.xsl: error: stylesheet not found"))
  }
}

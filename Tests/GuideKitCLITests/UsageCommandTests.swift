import Foundation
import GuideKitTestSupport
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
    let temp = try TempFolder(prefix: "guidekit-usage")
    let out = temp.path("site")
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

  /// `--width` and `--as-of` are parsed as `Columns` and `Day` by every command that takes them:
  /// a value out of range or not a real day names the option and exits 64, before any work.
  @Test func aWidthOrDayOutOfRangeIsAUsageErrorOfEveryCommand() throws {
    let edition = "guidelines/telework-security/5.0.xml"
    let cases: [([String], String)] = [
      (["render", edition, "--format", "text", "--width", "19"], "--width <COLUMNS>"),
      (["render", edition, "--format", "text", "--width", "wide"], "--width <COLUMNS>"),
      (["notice", edition, "--format", "text", "--width", "401"], "--width <COLUMNS>"),
      (["show", "telework-security", "--width", "0"], "--width <COLUMNS>"),
      (["show", "telework-security", "--as-of", "2021-02-30"], "--as-of <YYYY-MM-DD>"),
      (["impact", "--as-of", "2026-13-01"], "--as-of <YYYY-MM-DD>"),
      (["new-edition", "telework-security", "--version", "9.0", "--issued", "tomorrow"], "--issued <YYYY-MM-DD>"),
    ]
    for (arguments, option) in cases {
      let result = try CLI.run(arguments)
      #expect(result.status == 64, "\(arguments): \(result)")
      #expect(result.stderr.contains(option), "\(arguments): \(result)")
      #expect(result.stdout.isEmpty, "\(arguments)")
    }
  }

  /// Errors of the library are mapped to exit statuses in one place: trouble (exit 2) with the
  /// error on standard error, a bad request (an older --against) a usage error (exit 64).
  @Test func libraryErrorsMapToTroubleOrUsage() throws {
    let missing = try CLI.run(["diff", "no-such-old.xml", "no-such-new.xml"])
    #expect(missing.status == 2, "\(missing)")
    #expect(missing.stderr.contains("no-such-old.xml: error: no such file"), "\(missing)")
    #expect(!missing.stderr.contains("Error:"), "no argument-parser wording for trouble: \(missing)")
    let older = try CLI.run([
      "notice", "guidelines/telework-security/4.0.xml", "--against", "guidelines/telework-security/5.0.xml",
    ])
    #expect(older.status == 64, "\(older)")
    #expect(older.stderr.contains("is not older than"), "\(older)")
  }
}

import Foundation
import GuideKitTestSupport
import Testing

@Suite("impact scope")
struct ImpactScopeCommandTests {
  /// The files of the JSON report's findings, by name.
  private func reportedFiles(_ arguments: [String]) throws -> Set<String> {
    let result = try CLI.run(["impact", "--format", "json", "--quiet", "--strict"] + arguments)
    #expect(result.status == 1, "\(result)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
    let findings = try #require(json["findings"] as? [[String: Any]])
    return Set(findings.compactMap { ($0["file"] as? String)?.split(separator: "/").suffix(2).joined(separator: "/") })
  }

  @Test("with no path: the latest edition of each guideline and the one in force; --all-editions for every edition")
  func defaultScope() throws {
    // The repository's references/ holds no laws: every law citation is a finding (unverifiable,
    // failing with --strict), in every edition checked.
    #expect(
      try reportedFiles(["--as-of", "2026-06-01"]) == ["telework-labor/2021.xml", "telework-security/5.0.xml"])
    #expect(
      try reportedFiles(["--as-of", "2020-01-01"]) == [
        "telework-labor/2018.xml", "telework-labor/2021.xml", "telework-security/4.0.xml",
        "telework-security/5.0.xml",
      ])
    #expect(
      try reportedFiles(["--as-of", "2026-06-01", "--all-editions"]) == [
        "telework-labor/2018.xml", "telework-labor/2021.xml", "telework-security/4.0.xml",
        "telework-security/5.0.xml",
      ])
    // A path names exactly what is checked.
    #expect(try reportedFiles(["guidelines/telework-security/4.0.xml"]) == ["telework-security/4.0.xml"])
  }
}

@Suite("validate one edition")
struct ValidateOneEditionCommandTests {
  @Test("validate FILE of a new edition reads the editions beside it (no supersedes-unknown)")
  func newEditionValidatesAlone() throws {
    let folder = try TempFolder()
    try FileManager.default.copyItem(
      at: CLI.packageRoot.appendingPathComponent("guidelines"), to: folder.url.appendingPathComponent("guidelines"))
    let made = try CLI.run(
      ["new-edition", "telework-security", "--version", "6.0", "--issued", "2026-04-01", "--quiet"], in: folder.url)
    #expect(made.status == 0, "\(made)")
    let result = try CLI.run(["validate", "guidelines/telework-security/6.0.xml"], in: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(!result.stdout.contains("supersedes-unknown"), "\(result)")
    #expect(result.stdout.contains("[placeholder-summary]"), "\(result)")
    let skipped = try CLI.run(
      ["new-edition", "telework-security", "--version", "8", "--issued", "2026-04-01"], in: folder.url)
    #expect(skipped.status == 64, "\(skipped)")
  }
}

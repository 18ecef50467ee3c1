import Foundation
import GuideKitTestSupport
import Testing

/// Runs git in `folder`; fails the test when git fails.
@discardableResult
private func git(_ arguments: [String], in folder: URL) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments =
    ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "init.defaultBranch=main"]
    + arguments
  process.currentDirectoryURL = folder
  let out = Pipe()
  process.standardOutput = out
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
  return String(decoding: data, as: UTF8.self)
}

private let firstBody = """
      <clause id="c-1" num="(1)"><p>テレワークを導入する。</p></clause>
      <clause id="c-2" num="(2)"><p>多要素認証を用いる。</p></clause>
      <clause id="c-3" num="(3)"><p>パスワードを定期的に変更する。</p></clause>
  """

private let secondBody = """
      <clause id="c-1" num="(1)"><p>テレワークを導入する。</p></clause>
      <clause id="c-2" num="(2)"><p>全ての利用者に多要素認証を用いる。</p></clause>
      <clause id="c-4" num="(3)"><p>端末を暗号化する。</p></clause>
  """

/// A scratch repository: commit 1 with sample/1.0.xml, commit 2 changing clause c-2, removing c-3
/// and adding c-4, plus an added guideline other/1.0.xml. Returns the folder and commit 1's id.
private func scratchRepository() throws -> (TempFolder, String) {
  let temp = try TempFolder()
  try git(["init", "-q"], in: temp.url)
  try temp.write("guidelines/sample/1.0.xml", guidelineText(body: firstBody))
  try temp.write("README.md", "scratch\n")
  try git(["add", "."], in: temp.url)
  try git(["commit", "-q", "-m", "first"], in: temp.url)
  let first = try git(["rev-parse", "HEAD"], in: temp.url).trimmingCharacters(in: .whitespacesAndNewlines)
  try temp.write("guidelines/sample/1.0.xml", guidelineText(body: secondBody))
  try temp.write("guidelines/other/1.0.xml", guidelineText(id: "other"))
  try temp.write("README.md", "changed, not a guideline\n")
  try git(["add", "."], in: temp.url)
  try git(["commit", "-q", "-m", "second"], in: temp.url)
  return (temp, first)
}

private func json(_ text: String) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(text.utf8))
}

@Suite("fmt, new-edition, diff --git, history, show")
struct WorkflowCommandTests {
  // MARK: fmt

  @Test func fmtCheckListsUnformattedFilesThenFmtFixesThem() throws {
    let temp = try TempFolder()
    let file = try temp.write("guidelines/sample/1.0.xml", guidelineText())
    let check = try CLI.run(["fmt", "--check", "guidelines"], in: temp.url)
    #expect(check.status == 1, "\(check)")
    #expect(check.stdout == "guidelines/sample/1.0.xml\n", "\(check)")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == guidelineText())
    let fix = try CLI.run(["fmt"], in: temp.url)
    #expect(fix.status == 0, "\(fix)")
    #expect(fix.stdout == "guidelines/sample/1.0.xml\n")
    let again = try CLI.run(["fmt", "--check"], in: temp.url)
    #expect(again.status == 0, "\(again)")
    #expect(again.stdout == "")
    let valid = try CLI.run(["validate"], in: temp.url)
    #expect(valid.status == 0, "\(valid)")
  }

  /// A path with `,` and `:` would end the annotation's `file` property early: it is escaped as
  /// in every other `--format github` (the message keeps the path as written).
  @Test func fmtCheckGitHubAnnotationsEscapeThePath() throws {
    let temp = try TempFolder()
    try temp.write("guidelines/a,b:c/1.0.xml", guidelineText())
    let check = try CLI.run(["fmt", "--check", "--format", "github", "guidelines"], in: temp.url)
    #expect(check.status == 1, "\(check)")
    #expect(
      check.stdout
        == "::error file=guidelines/a%2Cb%3Ac/1.0.xml,title=guidekit fmt::not formatted; run guidekit fmt guidelines/a,b:c/1.0.xml\n",
      "\(check)")
  }

  @Test func fmtRefusesOtherXMLNamedExplicitlyAndSkipsItInFolders() throws {
    let temp = try TempFolder()
    try temp.write("data/law.xml", "<Law><LawNum>x</LawNum></Law>\n")
    let folder = try CLI.run(["fmt", "--check", "data"], in: temp.url)
    #expect(folder.status == 0, "\(folder)")
    #expect(folder.stderr.contains("1 skipped"), "\(folder)")
    let explicit = try CLI.run(["fmt", "data/law.xml"], in: temp.url)
    #expect(explicit.status == 2, "\(explicit)")
    #expect(explicit.stderr.contains("not a guideline document"), "\(explicit)")
    let broken = try temp.write("bad.xml", "<guideline")
    let malformed = try CLI.run(["fmt", broken], in: temp.url)
    #expect(malformed.status == 2, "\(malformed)")
  }

  @Test func fmtCheckOnBundledFilesWritesNothing() throws {
    let result = try CLI.run(["fmt", "--check", "--format", "json", "guidelines", "references/ict-measures"])
    #expect(result.status == 0 || result.status == 1, "\(result)")
    let object = try #require(try json(result.stdout) as? [String: Any])
    #expect(object["files"] as? Int == 6)
    #expect((object["skipped"] as? [String])?.isEmpty == true)
  }

  // MARK: new-edition

  @Test func newEditionWritesAValidEditionAndNeverOverwrites() throws {
    let temp = try TempFolder()
    try temp.write("guidelines/sample/1.0.xml", guidelineText())
    let result = try CLI.run(["new-edition", "sample", "--version", "2.0", "--issued", "2025-04-01"], in: temp.url)
    #expect(result.status == 0, "\(result)")
    let text = try String(contentsOfFile: temp.path("guidelines/sample/2.0.xml"), encoding: .utf8)
    #expect(text.contains(#"id="sample" version="2.0" supersedes="1.0""#), "\(text)")
    #expect(text.contains(#"issued="2025-04-01" effective="2025-04-01">"#), "\(text)")
    #expect(text.contains("<p>（改定の概要を記載する）</p>"))
    #expect(text.contains(#"<clause id="c-2" num="(2)">"#))
    let valid = try CLI.run(["validate"], in: temp.url)
    #expect(valid.status == 0, "\(valid)")
    #expect(valid.stderr.contains("2 files, 0 errors"), "\(valid)")
    let fmt = try CLI.run(["fmt", "--check", "guidelines/sample/2.0.xml"], in: temp.url)
    #expect(fmt.status == 0, "\(fmt)")

    let again = try CLI.run(["new-edition", "sample", "--version", "2.0"], in: temp.url)
    #expect(again.status == 2, "\(again)")
    #expect(again.stderr.contains("never overwrites"), "\(again)")
    let older = try CLI.run(["new-edition", "sample", "--version", "1.5"], in: temp.url)
    #expect(older.status == 64, "\(older)")
    #expect(older.stderr.contains("not newer"), "\(older)")
    let missing = try CLI.run(["new-edition", "nothing", "--version", "1.0"], in: temp.url)
    #expect(missing.status == 2, "\(missing)")
    let badDate = try CLI.run(["new-edition", "sample", "--version", "3.0", "--issued", "2025-02-30"], in: temp.url)
    #expect(badDate.status == 64, "\(badDate)")
  }

  // MARK: diff --git

  @Test func diffGitMarkdownGithubAndJSON() throws {
    let (temp, first) = try scratchRepository()
    let markdown = try CLI.run(["diff", "--git", first, "--format", "markdown"], in: temp.url)
    #expect(markdown.status == 0, "\(markdown)")
    #expect(markdown.stdout.contains("## ガイドラインの変更（`\(first)` 以降、"), "\(markdown)")
    #expect(markdown.stdout.contains("### `guidelines/sample/1.0.xml`（変更されたファイル）"), "\(markdown)")
    #expect(markdown.stdout.contains("### `guidelines/other/1.0.xml`（追加されたファイル）"), "\(markdown)")
    #expect(!markdown.stdout.contains("Guideline changes"), "no English sentence in the Japanese report")
    #expect(markdown.stdout.contains("全ての利用者に"), "\(markdown)")
    #expect(!markdown.stdout.contains("README"))

    let github = try CLI.run(["diff", "--git", first, "--format", "github"], in: temp.url)
    #expect(github.status == 0, "\(github)")
    let lines = github.stdout.split(separator: "\n").map(String.init)
    // c-2 modified at its line in the new file (line 8 of guidelineText's layout).
    #expect(
      lines.contains { $0.hasPrefix("::notice file=guidelines/sample/1.0.xml,line=8,") && $0.contains("c-2") },
      "\(github)")
    #expect(lines.contains { $0.hasPrefix("::notice file=guidelines/sample/1.0.xml,title=") && $0.contains("c-3") })
    #expect(lines.allSatisfy { $0.hasPrefix("::notice file=guidelines/") }, "\(github)")

    let jsonRun = try CLI.run(["diff", "--git", first, "--format", "json", "--exit-code"], in: temp.url)
    #expect(jsonRun.status == 1, "\(jsonRun)")
    let files = try #require(try json(jsonRun.stdout) as? [[String: Any]])
    #expect(files.map { $0["path"] as? String } == ["guidelines/other/1.0.xml", "guidelines/sample/1.0.xml"])
    let sample = try #require(files.last)
    #expect(sample["status"] as? String == "modified")
    let summary = try #require(sample["summary"] as? [String: Int])
    #expect(summary["modified"] == 1 && summary["removed"] == 1 && summary["added"] == 1, "\(summary)")
    let other = try #require(files.first)
    #expect((other["summary"] as? [String: Int])?["added"] == 2)

    // A path limits the review; nothing changed since HEAD.
    let limited = try CLI.run(["diff", "--git", first, "guidelines/other", "--format", "json"], in: temp.url)
    #expect((try json(limited.stdout) as? [[String: Any]])?.count == 1, "\(limited)")
    let none = try CLI.run(["diff", "--git", "HEAD", "--format", "markdown", "--exit-code"], in: temp.url)
    #expect(none.status == 0, "\(none)")
    #expect(none.stdout.contains("ガイドラインのファイルに変更はない。"), "\(none)")
  }

  @Test func diffGitSeesUncommittedAndDeletedFiles() throws {
    let (temp, _) = try scratchRepository()
    try FileManager.default.removeItem(atPath: temp.path("guidelines/other/1.0.xml"))
    try temp.write("guidelines/sample/2.0.xml", guidelineText(version: "2.0", supersedes: "1.0"))
    let result = try CLI.run(["diff", "--git", "HEAD", "--format", "json"], in: temp.url)
    #expect(result.status == 0, "\(result)")
    let files = try #require(try json(result.stdout) as? [[String: Any]])
    let status = Dictionary(
      uniqueKeysWithValues: files.map { ($0["path"] as? String ?? "", $0["status"] as? String ?? "") })
    #expect(status == ["guidelines/other/1.0.xml": "deleted", "guidelines/sample/2.0.xml": "added"], "\(status)")
  }

  @Test func diffGitComparesAnAddedEditionWithTheEditionItSupersedes() throws {
    let (temp, _) = try scratchRepository()
    // 2.0 supersedes the committed 1.0: one clause changed, nothing else.
    let body = secondBody.replacing("端末を暗号化する。", with: "端末とUSBメモリを暗号化する。")
    try temp.write("guidelines/sample/2.0.xml", guidelineText(version: "2.0", supersedes: "1.0", body: body))
    let run = try CLI.run(["diff", "--git", "HEAD", "--format", "json"], in: temp.url)
    #expect(run.status == 0, "\(run)")
    let files = try #require(try json(run.stdout) as? [[String: Any]])
    let added = try #require(files.first { $0["path"] as? String == "guidelines/sample/2.0.xml" })
    #expect(added["status"] as? String == "added")
    #expect(added["comparedWith"] as? String == "guidelines/sample/1.0.xml@HEAD", "\(added)")
    let summary = try #require(added["summary"] as? [String: Int])
    #expect(summary["added"] == 0 && summary["modified"] == 1 && summary["unchanged"] == 2, "\(summary)")

    let markdown = try CLI.run(["diff", "--git", "HEAD", "--format", "markdown"], in: temp.url)
    #expect(markdown.status == 0, "\(markdown)")
    #expect(markdown.stdout.contains("`guidelines/sample/1.0.xml@HEAD`"), "\(markdown)")
    #expect(markdown.stdout.contains("`1.0`"), "\(markdown)")
    #expect(!markdown.stdout.contains("``"), "an empty code span: \(markdown)")
    #expect(!markdown.stdout.contains("： → "), "\(markdown)")
    // A guideline with no edition before it: every clause added, and a well-formed heading.
    try temp.write("guidelines/fresh/1.0.xml", guidelineText(id: "fresh"))
    let fresh = try CLI.run(["diff", "--git", "HEAD", "guidelines/fresh", "--format", "markdown"], in: temp.url)
    #expect(fresh.status == 0, "\(fresh)")
    #expect(!fresh.stdout.contains("``") && !fresh.stdout.contains("： → "), "\(fresh)")
    #expect(fresh.stdout.contains("`1.0`"), "\(fresh)")
  }

  @Test func diffGitReportsASupersededEditionThatDoesNotParse() throws {
    let (temp, _) = try scratchRepository()
    // 1.0 committed broken: 2.0, which supersedes it, is not to be compared with nothing.
    try temp.write("guidelines/sample/1.0.xml", "<guideline xmlns=\"urn:guidekit:guideline:1\">")
    _ = try git(["commit", "-q", "-am", "broken"], in: temp.url)
    try temp.write("guidelines/sample/2.0.xml", guidelineText(version: "2.0", supersedes: "1.0"))
    let run = try CLI.run(["diff", "--git", "HEAD", "--format", "json"], in: temp.url)
    #expect(run.status == 2, "\(run)")
    #expect(run.stderr.contains("guidelines/sample/1.0.xml"), "\(run)")
  }

  @Test func diffGitShowsARepinnedCitation() throws {
    let temp = try TempFolder()
    try git(["init", "-q"], in: temp.url)
    func clause(_ pin: String) -> String {
      #"    <clause id="c-1" num="(1)"><p><ref source="322AC0000000049" provision="Art32" pin="\#(pin)">労働基準法第32条</ref>による。</p></clause>"#
    }
    try temp.write("guidelines/sample/1.0.xml", guidelineText(body: clause("2024-04-01")))
    try git(["add", "."], in: temp.url)
    try git(["commit", "-q", "-m", "first"], in: temp.url)
    try temp.write("guidelines/sample/1.0.xml", guidelineText(body: clause("2026-04-01")))
    let markdown = try CLI.run(["diff", "--git", "HEAD", "--format", "markdown", "--exit-code"], in: temp.url)
    #expect(markdown.status == 1, "\(markdown)")
    #expect(markdown.stdout.contains("`2024-04-01` → `2026-04-01`"), "\(markdown)")
    let text = try CLI.run(["diff", "--git", "HEAD"], in: temp.url)
    #expect(text.stdout.contains("pin 2024-04-01 -> 2026-04-01"), "\(text)")
  }

  @Test func diffGitInAShallowCloneExplainsHowToFetchTheBase() throws {
    let (origin, first) = try scratchRepository()
    let clones = try TempFolder()
    try git(["clone", "-q", "--depth", "1", "file://\(origin.path)", "clone"], in: clones.url)
    let clone = clones.url.appendingPathComponent("clone")
    let result = try CLI.run(["diff", "--git", first], in: clone)
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("shallow clone"), "\(result)")
    #expect(result.stderr.contains("git fetch"), "\(result)")
    #expect(result.stderr.contains("fetch-depth: 0"), "\(result)")
    let unknown = try CLI.run(["diff", "--git", "no-such-branch"], in: origin.url)
    #expect(unknown.status == 2, "\(unknown)")
    #expect(unknown.stderr.contains("unknown git revision"), "\(unknown)")
    let outside = try TempFolder()
    let notRepo = try CLI.run(["diff", "--git", "HEAD"], in: outside.url)
    #expect(notRepo.status == 2, "\(notRepo)")
  }

  @Test func diffUsageIsCheckedWithAndWithoutGit() throws {
    #expect(try CLI.run(["diff", "only-one.xml"]).status == 64)
    #expect(try CLI.run(["diff", "a.xml", "b.xml", "c.xml"]).status == 64)
    #expect(try CLI.run(["diff", "--git", "HEAD", "--format", "table"]).status == 64)
    #expect(try CLI.run(["diff", "a.xml", "b.xml", "--format", "github"]).status == 64)
    let help = try CLI.run(["diff", "--help"])
    #expect(help.stdout.contains("--git <BASE>"), "\(help)")
  }

  // MARK: history, show

  @Test func historyOfABundledClause() throws {
    let text = try CLI.run(["history", "telework-security", "m-auth-mfa"])
    #expect(text.status == 0, "\(text)")
    #expect(text.stdout.contains("== 4.0"))
    #expect(text.stdout.contains("== 5.0"))
    #expect(text.stdout.contains("num: (13)") && text.stdout.contains("num: (3)"), "\(text)")
    let jsonRun = try CLI.run(["history", "telework-security", "m-auth-mfa", "--format", "json"])
    let object = try #require(try json(jsonRun.stdout) as? [String: Any])
    let editions = try #require(object["editions"] as? [[String: Any]])
    #expect(editions.map { $0["version"] as? String } == ["4.0", "5.0"])
    #expect(editions.last?["change"] as? String != "unchanged")
    let missing = try CLI.run(["history", "telework-security", "no-such-clause"])
    #expect(missing.status == 2, "\(missing)")
  }

  @Test func showTheEditionInForce() throws {
    let old = try CLI.run(["show", "telework-security", "--as-of", "2019-01-01", "--format", "text"])
    #expect(old.status == 0, "\(old)")
    #expect(old.stderr.contains("telework-security 4.0"), "\(old)")
    #expect(old.stdout.contains("第4版"), "\(old.stdout.prefix(400))")
    let new = try CLI.run(["show", "telework-security", "--as-of", "2021-06-01"])
    #expect(new.status == 0, "\(new)")
    #expect(new.stderr.contains("telework-security 5.0"), "\(new)")
    #expect(new.stdout.contains("<html"))
    let none = try CLI.run(["show", "telework-security", "--as-of", "2000-01-01"])
    #expect(none.status == 2, "\(none)")
    #expect(none.stderr.contains("no edition of telework-security was in force on 2000-01-01"), "\(none)")
    #expect(try CLI.run(["show", "telework-security", "--as-of", "yesterday"]).status == 64)
  }
}

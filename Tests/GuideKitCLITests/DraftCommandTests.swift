import Foundation
import GuideKitTestSupport
import Testing

/// The draft state on the command line: publish --drafts, show and validate.
@Suite("draft editions on the command line")
struct DraftCommandTests {
  /// guidelines/sample/1.0.xml (final) and 2.0.xml (a draft planned for `planned`).
  static func workspace(planned: String) throws -> TempFolder {
    let temp = try TempFolder(prefix: "guidekit-cli-draft")
    let folder = temp.url.appendingPathComponent("guidelines/sample")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    func edition(_ version: String, _ attributes: String, _ text: String) -> String {
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="sample" version="\(version)" \(attributes)>
        <title>見本（\(version)）</title>
        <issuer>総務省</issuer>
        <chapter id="ch-1" num="第1章"><title>総則</title><clause id="c-1" num="(1)"><p>\(text)</p></clause></chapter>
      </guideline>

      """
    }
    try edition("1.0", #"issued="2024-04-01""#, "テレワークを導入する。").write(
      to: folder.appendingPathComponent("1.0.xml"), atomically: true, encoding: .utf8)
    try edition("2.0", #"supersedes="1.0" issued="2024-06-01" status="draft" planned="\#(planned)""#, "テレワークを推進する。")
      .write(to: folder.appendingPathComponent("2.0.xml"), atomically: true, encoding: .utf8)
    return temp
  }

  @Test func publishLeavesDraftsOutUnlessAskedAndShowNeverPicksOne() throws {
    let temp = try Self.workspace(planned: "2099-04-01")
    let plain = try CLI.run(["publish", "--out", "site", "--quiet"], in: temp.url)
    #expect(plain.status == 0, "\(plain)")
    #expect(FileManager.default.fileExists(atPath: temp.path + "/site/sample/1.0.html"))
    #expect(!FileManager.default.fileExists(atPath: temp.path + "/site/sample/2.0.html"))
    let drafts = try CLI.run(["publish", "--out", "site", "--drafts", "--quiet"], in: temp.url)
    #expect(drafts.status == 0, "\(drafts)")
    let page = try String(contentsOfFile: temp.path + "/site/sample/2.0-table.html", encoding: .utf8)
    #expect(page.contains("【案】"))
    let show = try CLI.run(["show", "sample", "--as-of", "2100-01-01", "--format", "text"], in: temp.url)
    #expect(show.status == 0 && show.stdout.contains("見本（1.0）") && !show.stdout.contains("【案】"), "\(show)")
  }

  @Test func validateWarnsOnADraftWhoseDayHasPassed() throws {
    let temp = try Self.workspace(planned: "2025-04-01")
    let result = try CLI.run(["validate"], in: temp.url)
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.contains("warning: draft edition 2.0 was to be published on planned=\"2025-04-01\""), "\(result)")
    #expect(result.stdout.contains("[draft-past-date]"))
    let strict = try CLI.run(["validate", "--strict"], in: temp.url)
    #expect(strict.status == 1)
  }
}

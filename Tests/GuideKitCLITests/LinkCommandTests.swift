import Foundation
import GuideKitTestSupport
import Testing

private let edition = """
  <?xml version="1.0" encoding="UTF-8"?>
  <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="g" version="1.0" issued="2021-04-01" effective="2021-04-01">
    <title>試験</title>
    <issuer>発行者</issuer>
    <chapter id="ch" num="第1章">
      <title>総則</title>
      <clause id="c1" num="(1)">
        <p>使用者は労働基準法第32条及び第34条に従う。</p>
        <note>参考：NIST SP 800-53 AC-17</note>
      </clause>
    </chapter>
  </guideline>

  """

@Suite("guidekit link")
struct LinkCommandTests {
  private func scratch() throws -> (folder: URL, file: URL) {
    let folder = try TempFolder.create(prefix: "guidekit-link")
    let file = folder.appendingPathComponent("1.0.xml")
    try edition.write(to: file, atomically: true, encoding: .utf8)
    return (folder, file)
  }

  @Test func dryRunPrintsAUnifiedDiffAndWritesNothing() throws {
    let (folder, file) = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["link", "--dry-run", file.path])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("--- \(file.path)\n+++ \(file.path)\n@@ -6,6 +6,6 @@\n"), "\(result)")
    #expect(
      result.stdout.contains(
        "+      <p>使用者は<ref source=\"322AC0000000049\" provision=\"Art32\" pin=\"2021-04-01\">労働基準法第32条</ref>及び<ref source=\"322AC0000000049\" provision=\"Art34\" pin=\"2021-04-01\">第34条</ref>に従う。</p>"
      ), "\(result)")
    #expect(try String(contentsOf: file, encoding: .utf8) == edition)
    #expect(result.stderr.contains("would link 3 citations"), "\(result)")
  }

  @Test func jsonListsThePlanAndWritesNothing() throws {
    let (folder, file) = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["link", "--format", "json", file.path])
    #expect(result.status == 0, "\(result)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["linked"] as? Int == 3)
    let files = try #require(object["files"] as? [[String: Any]])
    let insertions = try #require(files.first?["insertions"] as? [[String: Any]])
    #expect(insertions.map { $0["provision"] as? String } == ["Art32", "Art34", "ac-17"])
    #expect(insertions.first?["line"] as? Int == 8)
    #expect(insertions.first?["clause"] as? String == "c1")
    #expect(try String(contentsOf: file, encoding: .utf8) == edition)
  }

  @Test func linkWritesTheFileAndValidateIsThenQuiet() throws {
    let (folder, file) = try scratch()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try CLI.run(["validate", file.path])
    #expect(before.stdout.components(separatedBy: "[unlinked-citation]").count - 1 == 3, "\(before)")
    let result = try CLI.run(["link", file.path])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("\(file.path):8: 労働基準法第32条 → 322AC0000000049 Art32 pin=2021-04-01"), "\(result)")
    let after = try CLI.run(["validate", file.path])
    #expect(!after.stdout.contains("unlinked-citation"), "\(after)")
  }
}

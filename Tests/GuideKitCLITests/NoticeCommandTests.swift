import Foundation
import GuideKitTestSupport
import Testing

@Suite("guidekit notice")
struct NoticeCommandTests {
  @Test func anEditionThatSupersedesAnotherIsComparedWithItByDefault() throws {
    let result = try CLI.run(["notice", "guidelines/telework-security/5.0.xml", "--format", "text", "--width", "200"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("を改定し"), "\(result)")
    #expect(!result.stdout.contains("を策定した"), "\(result)")
    #expect(result.stdout.contains("5.0-table.html"), "\(result)")
    // A first edition is still announced as new.
    let first = try CLI.run(["notice", "guidelines/telework-security/4.0.xml", "--format", "text", "--width", "200"])
    #expect(first.status == 0, "\(first)")
    #expect(first.stdout.contains("を策定した"), "\(first)")
  }

  @Test func baseURLMakesTheLinksAbsolute() throws {
    let result = try CLI.run([
      "notice", "guidelines/telework-security/5.0.xml", "--format", "text", "--width", "200",
      "--base-url", "https://guidelines.example.jp/",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("https://guidelines.example.jp/telework-security/5.0-table.html"), "\(result)")
    #expect(result.stdout.contains("https://guidelines.example.jp/telework-security/5.0.txt"), "\(result)")
    let bad = try CLI.run(["notice", "guidelines/telework-security/5.0.xml", "--base-url", "guidelines.example.jp"])
    #expect(bad.status == 64, "\(bad)")
  }

  @Test func againstAnotherGuidelineOrANewerEditionIsRefused() throws {
    let other = try CLI.run([
      "notice", "guidelines/telework-security/5.0.xml", "--against", "guidelines/telework-labor/2018.xml",
    ])
    #expect(other.status == 64, "\(other)")
    #expect(other.stderr.contains("telework-labor"), "\(other)")
    let newer = try CLI.run([
      "notice", "guidelines/telework-security/4.0.xml", "--against", "guidelines/telework-security/5.0.xml",
    ])
    #expect(newer.status == 64, "\(newer)")
    #expect(newer.stderr.contains("not older"), "\(newer)")
  }

  @Test func aMissingSupersededEditionIsReported() throws {
    let temp = try TempFolder()
    let file = try temp.write("guidelines/sample/2.0.xml", guidelineText(version: "2.0", supersedes: "1.0"))
    let result = try CLI.run(["notice", file])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("--against"), "\(result)")
  }
}

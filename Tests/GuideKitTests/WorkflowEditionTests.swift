import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// A copy of the bundled guidelines folder in a temporary folder.
private func copyOfGuidelines() throws -> URL {
  let folder = try TempFolder.create(prefix: "guidekit-edition")
  let target = folder.appendingPathComponent("guidelines")
  try FileManager.default.copyItem(at: RepoPaths.root.appendingPathComponent("guidelines"), to: target)
  return folder
}

@Suite("new-edition, history, show --as-of")
struct WorkflowEditionTests {
  @Test func newEditionKeepsEveryIDAndSetsTheEditionAttributes() throws {
    let folder = try copyOfGuidelines()
    defer { try? FileManager.default.removeItem(at: folder) }
    let guidelines = folder.appendingPathComponent("guidelines").path
    let edition = try EditionMaker.plan(
      guidelineID: "telework-security", version: "6.0", issued: "2026-04-01", folder: guidelines)
    #expect(edition.previousVersion == "5.0")
    #expect(edition.path.hasSuffix("guidelines/telework-security/6.0.xml"))
    try EditionMaker.write(edition)
    let new = try DocumentLoader.load(file: edition.path)
    let old = try DocumentLoader.load(file: edition.previousPath)
    #expect(new.info.version == "6.0")
    #expect(new.info.supersedes == "5.0")
    #expect(new.info.issued == "2026-04-01" && new.info.effective == "2026-04-01")
    #expect(new.info.summary == [EditionMaker.summaryPlaceholder])
    #expect(new.info.removals.isEmpty)
    #expect(Set(new.allUnits().map(\.unit.id)) == Set(old.allUnits().map(\.unit.id)))
    #expect(try DocumentDiffer.diff(old: old, new: new).isEmpty)
    // Valid: no errors from the schema and the rules.
    let report = Validator.validate(
      paths: [(edition.path as NSString).deletingLastPathComponent], options: ValidationOptions())
    #expect(report.errors == 0, "\(report.diagnostics)")
    // Never overwrites; an older version is refused.
    #expect(throws: GuideKitError.self) {
      try EditionMaker.plan(guidelineID: "telework-security", version: "6.0", issued: "2026-04-01", folder: guidelines)
    }
    #expect(throws: GuideKitError.self) { try EditionMaker.write(edition) }
    do {
      _ = try EditionMaker.plan(
        guidelineID: "telework-security", version: "4.5", issued: "2026-04-01", folder: guidelines)
      Issue.record("an older version was accepted")
    } catch {
      guard case .invalidRequest(let message) = error else {
        Issue.record("not a usage error: \(error)")
        return
      }
      #expect(message.contains("not newer"))
    }
  }

  @Test("new-edition refuses a version that skips an edition number, unless told the gap is deliberate")
  func newEditionRefusesAGap() throws {
    let folder = try copyOfGuidelines()
    defer { try? FileManager.default.removeItem(at: folder) }
    let guidelines = folder.appendingPathComponent("guidelines").path
    do {
      _ = try EditionMaker.plan(
        guidelineID: "telework-security", version: "7", issued: "2026-04-01", folder: guidelines)
      Issue.record("version 7 after 5.0 was accepted")
    } catch {
      guard case .invalidRequest(let message) = error else {
        Issue.record("not a usage error: \(error)")
        return
      }
      #expect(message.contains("第6版") && message.contains("--allow-gap"))
    }
    let gap = try EditionMaker.plan(
      guidelineID: "telework-security", version: "7", issued: "2026-04-01", folder: guidelines, allowGap: true)
    #expect(gap.previousVersion == "5.0")
    _ = try EditionMaker.plan(
      guidelineID: "telework-security", version: "6.1", issued: "2026-04-01", folder: guidelines)
    _ = try EditionMaker.plan(guidelineID: "telework-labor", version: "2026", issued: "2026-04-01", folder: guidelines)
  }

  @Test func newEditionNamesTheNewEditionNumberInTheTitle() throws {
    let folder = try copyOfGuidelines()
    defer { try? FileManager.default.removeItem(at: folder) }
    let guidelines = folder.appendingPathComponent("guidelines").path
    let next = try EditionMaker.plan(
      guidelineID: "telework-security", version: "6.0", issued: "2026-04-01", folder: guidelines)
    #expect(next.titleChange?.old == "テレワークセキュリティガイドライン（第5版）")
    #expect(next.titleChange?.new == "テレワークセキュリティガイドライン（第6版）")
    #expect(next.text.contains("<title>テレワークセキュリティガイドライン（第6版）</title>"))
    // A revision within the edition, and versions that count years, keep the title.
    let minor = try EditionMaker.plan(
      guidelineID: "telework-security", version: "5.1", issued: "2026-04-01", folder: guidelines)
    #expect(minor.titleChange == nil)
    #expect(minor.text.contains("<title>テレワークセキュリティガイドライン（第5版）</title>"))
    let year = try EditionMaker.plan(
      guidelineID: "telework-labor", version: "2026", issued: "2026-04-01", folder: guidelines)
    #expect(year.titleChange == nil)
  }

  @Test func editionNumbersInTitles() {
    let cases: [(String, Int, EditionNumber.Style, String)] = [
      ("ガイドライン（第5版）", 5, .ascii, "第5版"), ("ガイドライン（第５版）", 5, .fullWidth, "第５版"),
      ("第五版", 5, .kanji, "第五版"), ("第十版", 10, .kanji, "第十版"), ("第十二版", 12, .kanji, "第十二版"),
      ("第二十版", 20, .kanji, "第二十版"), ("第九十九版", 99, .kanji, "第九十九版"),
      ("第十一条の規定による指針（第3版）", 3, .ascii, "第3版"),
    ]
    for (title, value, style, label) in cases {
      let number = EditionNumber.find(in: title)
      #expect(number?.value == value && number?.style == style, "\(title)")
      #expect(number.map { String(title[$0.range]) } == label, "\(title)")
      #expect(EditionNumber.label(value, style: style) == label)
    }
    for title in ["ガイドライン", "第版", "第十一条", "第百版", "第一二版", "版第5"] {
      #expect(EditionNumber.find(in: title) == nil, "\(title)")
    }
    #expect(EditionNumber.label(11, style: .kanji) == "第十一版")
    #expect(EditionNumber.label(6, style: .fullWidth) == "第６版")
    #expect(EditionNumber.edition(ofVersion: "6.0") == 6 && EditionNumber.edition(ofVersion: "12") == 12)
    #expect(EditionNumber.edition(ofVersion: "2021") == nil && EditionNumber.edition(ofVersion: "0.9") == nil)
  }

  @Test func historyFollowsTheClauseThroughBothEditions() throws {
    let editions = try EditionInForce.load(
      guideline: "telework-security", folder: RepoPaths.path("guidelines"))
    let history = try #require(try ClauseHistory.build(editions: editions, clause: "m-auth-mfa"))
    #expect(history.entries.map(\.edition.version) == ["4.0", "5.0"])
    #expect(history.entries.first?.change == .first)
    let last = try #require(history.entries.last)
    #expect(last.change != .unchanged, "\(last.change)")
    #expect(TextFormat.history(history).contains("== 4.0"))
    #expect(TextFormat.history(history).contains("== 5.0"))
    #expect(try ClauseHistory.build(editions: editions, clause: "no-such-clause") == nil)
  }

  @Test func historyOfARemovedClauseEndsWithItsRemoval() throws {
    let editions = try EditionInForce.load(
      guideline: "telework-security", folder: RepoPaths.path("guidelines"))
    let history = try #require(try ClauseHistory.build(editions: editions, clause: "m-pc-carry-check"))
    #expect(history.entries.map(\.change) == [.first, .removed])
    #expect(history.entries.last?.snapshot == nil)
  }

  @Test func theEditionInForceOnADay() throws {
    let editions = try EditionInForce.load(
      guideline: "telework-security", folder: RepoPaths.path("guidelines"))
    #expect(EditionInForce.select(editions, asOf: "2019-01-01")?.info.version == "4.0")
    #expect(EditionInForce.select(editions, asOf: "2021-06-01")?.info.version == "5.0")
    #expect(EditionInForce.select(editions, asOf: "2021-05-31")?.info.version == "5.0")
    #expect(EditionInForce.select(editions, asOf: "2000-01-01") == nil)
  }
}

import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

/// A copy of the bundled guidelines folder in a temporary folder.
private func copyOfGuidelines() throws -> URL {
  let folder = RepoPaths.temporaryFolder("guidekit-edition")
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
      guard case .usage(let message) = error else {
        Issue.record("not a usage error: \(error)")
        return
      }
      #expect(message.contains("not newer"))
    }
  }

  @Test func historyFollowsTheClauseThroughBothEditions() throws {
    let editions = try EditionInForce.load(
      guideline: "telework-security", folder: RepoPaths.path("guidelines"))
    let history = try #require(try ClauseHistory.build(editions: editions, clause: "m-auth-mfa"))
    #expect(history.entries.map(\.edition.version) == ["4.0", "5.0"])
    #expect(history.entries.first?.change == "first")
    let last = try #require(history.entries.last)
    #expect(last.change != "unchanged", "\(last.change)")
    #expect(history.text.contains("== 4.0"))
    #expect(history.text.contains("== 5.0"))
    #expect(try ClauseHistory.build(editions: editions, clause: "no-such-clause") == nil)
  }

  @Test func historyOfARemovedClauseEndsWithItsRemoval() throws {
    let editions = try EditionInForce.load(
      guideline: "telework-security", folder: RepoPaths.path("guidelines"))
    let history = try #require(try ClauseHistory.build(editions: editions, clause: "m-pc-carry-check"))
    #expect(history.entries.map(\.change) == ["first", "removed"])
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

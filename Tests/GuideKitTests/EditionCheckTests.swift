import Foundation
import Testing

@testable import GuideKit

@Suite("impact NEW --against OLD")
struct EditionCheckTests {
  @Test("the ICT measures re-pinned from 2018 to 2021: provision changes and likely missed updates")
  func securityEditions() throws {
    let old = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-security/4.0.xml"))
    let new = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-security/5.0.xml"))
    let checker = ImpactChecker(
      registry: ReferenceRegistry(folders: [RepoPaths.path("references")]),
      options: ImpactOptions(asOf: "2026-11-25"), guidelines: [old, new])
    let result = try EditionCheck.run(old: old, new: new, checker: checker)
    // Every entry is an ict-measures citation whose pin went from 2018 to 2021.
    #expect(!result.entries.isEmpty)
    #expect(result.entries.allSatisfy { $0.change.source == "ict-measures" && $0.oldPin == "2018" })
    let changed = result.entries.filter { $0.change.status != .current }
    #expect(!changed.isEmpty)
    // A missed update: the provision changed, the clause's own text did not.
    let oldUnits = old.unitsByID()
    let newUnits = new.unitsByID()
    #expect(!result.missedUpdates.isEmpty)
    for entry in result.missedUpdates {
      let clause = entry.change.clause
      #expect(
        DiffText.lines(of: try #require(oldUnits[clause]?.unit))
          == DiffText.lines(of: try #require(newUnits[clause]?.unit)))
      #expect(entry.change.status == .modified)
    }
    #expect(result.exitStatus == 1)
    // Unchanged measures are not flagged.
    #expect(result.entries.filter { $0.change.status == .current }.allSatisfy { !$0.likelyMissedUpdate })
  }
}

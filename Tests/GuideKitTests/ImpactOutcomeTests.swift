import Foundation
import Testing

@testable import GuideKit

/// `ImpactFinding.Outcome` is the one source of a finding's status and payload; the report's
/// JSON keys stay those of DESIGN.md.
@Suite struct ImpactOutcomeTests {
  static func json(_ outcome: ImpactFinding.Outcome) throws -> [String: Any] {
    let finding = ImpactFinding(
      file: "g.xml", line: 3, clause: "c1", clauseNum: nil, clauseTitle: nil, guideline: "g",
      reference: Reference(source: "322AC0000000049", provision: "Art2", pin: "p", label: "", line: 3),
      provisionLabel: "第2条", outcome: outcome, message: "m")
    let object = try JSONSerialization.jsonObject(with: Data(JSONOutput.string(finding).utf8))
    return try #require(object as? [String: Any])
  }

  static let base: Set<String> = [
    "file", "line", "clause", "source", "provision", "status", "label", "message", "guideline", "pin", "latest",
  ]

  @Test func eachOutcomeWritesItsStatusAndOnlyItsOwnKeys() throws {
    let cases: [(ImpactFinding.Outcome, String, Set<String>)] = [
      (.current, "current", []),
      (.modified(movedTo: nil), "modified", []),
      (.modified(movedTo: "Art3"), "modified", ["latestProvision"]),
      (.renumbered(to: "Art3"), "renumbered", ["latestProvision"]),
      (.deleted(movedTo: nil), "deleted", []),
      (.deleted(movedTo: "Art3"), "deleted", ["latestProvision"]),
      (.withdrawn(successors: [UnitLink(rel: "incorporated-into", target: "ia-2")]), "withdrawn", ["successors"]),
      (.withdrawn(successors: []), "withdrawn", []),
      (.unresolved, "unresolved", []),
      (.unverifiable, "unverifiable", []),
      (.notFetched, "unverifiable", ["notFetched"]),
      (
        .upcoming(revision: "20261001_507AC0000000043", date: "2026-10-01", movedTo: nil), "upcoming",
        ["upcomingRevision", "upcomingDate"]
      ),
      (
        .upcoming(revision: "20261001_507AC0000000043", date: nil, movedTo: "Art3"), "upcoming",
        ["upcomingRevision", "latestProvision"]
      ),
    ]
    for (outcome, status, extra) in cases {
      let object = try Self.json(outcome)
      #expect(object["status"] as? String == status, "\(outcome)")
      #expect(Set(object.keys) == Self.base.union(extra), "\(outcome)")
      if extra.contains("latestProvision") { #expect(object["latestProvision"] as? String == "Art3") }
    }
    let withdrawn = try Self.json(.withdrawn(successors: [UnitLink(rel: "incorporated-into", target: "ia-2")]))
    let successors = try #require(withdrawn["successors"] as? [[String: String]])
    #expect(successors == [["rel": "incorporated-into", "id": "ia-2"]])
    let upcoming = try Self.json(.upcoming(revision: "r1", date: "2026-10-01", movedTo: nil))
    #expect(upcoming["upcomingRevision"] as? String == "r1" && upcoming["upcomingDate"] as? String == "2026-10-01")
    #expect(try Self.json(.notFetched)["notFetched"] as? Bool == true)
  }

  @Test func statusesCountAsBefore() {
    #expect(ImpactFinding.Outcome.renumbered(to: "Art3").status.isStale)
    #expect(ImpactFinding.Outcome.withdrawn(successors: []).status.isStale)
    #expect(ImpactFinding.Outcome.unresolved.status.isBroken)
    #expect(!ImpactFinding.Outcome.notFetched.status.isStale && !ImpactFinding.Outcome.notFetched.status.isBroken)
  }
}

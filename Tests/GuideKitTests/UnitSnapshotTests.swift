import Testing

@testable import GuideKit

/// `UnitSnapshot` shares one box between copies: it must still behave as a value.
@Suite("Unit snapshots")
struct UnitSnapshotTests {
  private func snapshot(_ id: String = "c-1") -> UnitSnapshot {
    UnitSnapshot(
      id: id, num: "1", title: "目的", path: ["第1章"], ancestorIDs: ["ch-1"], lines: ["目的", "本文。"], line: 3,
      kind: .clause, status: nil, links: [])
  }

  @Test func copiesAreIndependent() {
    let original = snapshot()
    var copy = original
    copy.id = "c-2"
    copy.path.append("第1節")
    copy.status = "withdrawn"
    #expect(original.id == "c-1")
    #expect(original.path == ["第1章"])
    #expect(original.status == nil)
    #expect(copy.id == "c-2")
    #expect(copy.path == ["第1章", "第1節"])
    #expect(copy.text == original.text)
  }

  @Test func equalityAndHashFollowTheFields() {
    let a = snapshot()
    let b = snapshot()
    var c = a
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Set([a, b]).count == 1)
    c.line = 4
    #expect(a != c)
    #expect(Set([a, b, c]).count == 2)
    #expect(a.text == "目的\n本文。")
  }
}

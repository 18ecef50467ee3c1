import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// An independent reading of an e-Gov file: main-provision article Num → normalised text,
/// by plain string scanning (no libxml2, no guidekit reader).
private func rawArticles(_ path: String) throws -> [String: String] {
  let xml = try String(contentsOfFile: path, encoding: .utf8)
  guard let start = xml.range(of: "<MainProvision"), let end = xml.range(of: "</MainProvision>") else { return [:] }
  let main = xml[start.lowerBound..<end.upperBound]
  var out: [String: String] = [:]
  var rest = main[...]
  while let open = rest.range(of: "<Article Num=\"") {
    let afterNum = rest[open.upperBound...]
    guard let quote = afterNum.firstIndex(of: "\""), let close = afterNum.range(of: "</Article>") else { break }
    let num = String(afterNum[..<quote])
    let body = afterNum[quote..<close.lowerBound]
    // Text only: drop tags and whitespace.
    var text = ""
    var inTag = false
    for c in body {
      if c == "<" {
        inTag = true
      } else if c == ">" {
        inTag = false
      } else if !inTag && !c.isWhitespace {
        text.append(c)
      }
    }
    out[num] = text
    rest = afterNum[close.upperBound...]
  }
  return out
}

private func diffFiles(_ a: String, _ b: String, options: DiffOptions = .init()) throws -> DocumentDiff {
  try DocumentDiffer.diff(old: DocumentLoader.load(file: a), new: DocumentLoader.load(file: b), options: options)
}

@Suite("Document diff on real e-Gov laws", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct LawDiffTests {
  @Test("労働安全衛生法 20260101 → 20260401: modified and added articles equal an independent count")
  func occupationalSafetyLaw() throws {
    let old = SharedData.path("egov/laws/347AC0000000057_20260101_507AC0000000033.xml")
    let new = SharedData.path("egov/laws/347AC0000000057_20260401_507AC0000000033.xml")
    let a = try rawArticles(old)
    let b = try rawArticles(new)
    let expectedModified = Set(a.keys.filter { b[$0] != nil && b[$0] != a[$0] }.map { "Art" + $0 })
    let expectedAdded = Set(b.keys.filter { a[$0] == nil }.map { "Art" + $0 })
    let expectedRemoved = Set(a.keys.filter { b[$0] == nil }.map { "Art" + $0 })
    #expect(expectedModified.count > 40)

    let diff = try diffFiles(old, new)
    let articles = diff.changes.filter { $0.id.hasPrefix("Art") }
    #expect(Set(articles.filter { $0.kind == .modified }.map(\.id)) == expectedModified)
    #expect(Set(articles.filter { $0.kind == .added }.map(\.id)) == expectedAdded)
    #expect(Set(articles.filter { $0.kind == .removed }.map(\.id)) == expectedRemoved)
    #expect(articles.allSatisfy { $0.kind != .renumbered })
    // Every redline replays to both texts.
    for change in articles where change.kind == .modified {
      #expect(TextDiff.replayOld(change.segments) == change.old?.text)
      #expect(TextDiff.replayNew(change.segments) == change.new?.text)
    }
  }

  @Test("サイバーセキュリティ基本法 2026-10-01: articles moved up a number are renumbered, not changed")
  func cybersecurityRenumbering() throws {
    let diff = try diffFiles(
      SharedData.path("egov/laws/426AC1000000104_20250701_507AC0000000043.xml"),
      SharedData.path("egov/laws/426AC1000000104_20261001_507AC0000000043.xml"))
    let byOld = Dictionary(
      diff.changes.compactMap { c in c.old.map { ($0.id, c) } }, uniquingKeysWith: { a, _ in a })
    // The old 第十八条 now stands, word for word, as 第十七条.
    let moved = try #require(byOld["Art18"])
    #expect(moved.kind == .renumbered)
    #expect(moved.new?.id == "Art17")
    #expect(moved.oldID == "Art18")
    // The article that took over number 17 is not reported as a change of the old 第十七条's text.
    #expect(diff.changes.contains { $0.kind == .renumbered && $0.id == "Art22" && $0.oldID == "Art23" })
    #expect(diff.summary.renumbered >= 5)
    let raw = try rawArticles(SharedData.path("egov/laws/426AC1000000104_20250701_507AC0000000043.xml"))
    #expect(diff.summary.changed + diff.summary.unchanged - diff.summary.added >= raw.count)
  }

  @Test("育児介護休業法 and 個人情報保護法: the changed articles, with redlines")
  func otherLaws() throws {
    let childcare = try diffFiles(
      SharedData.path("egov/laws/403AC0000000076_20251001_506AC0000000042.xml"),
      SharedData.path("egov/laws/403AC0000000076_20261001_507AC0000000063.xml"))
    let changed = Set(childcare.changes.filter { $0.id.hasPrefix("Art") }.map(\.id))
    #expect(changed == ["Art52_6", "Art60"])
    let privacy = try diffFiles(
      SharedData.path("egov/laws/415AC0000000057_20250601_504AC0000000068.xml"),
      SharedData.path("egov/laws/415AC0000000057_20260521_504AC0000000048.xml"))
    let raw = (
      try rawArticles(SharedData.path("egov/laws/415AC0000000057_20250601_504AC0000000068.xml")),
      try rawArticles(SharedData.path("egov/laws/415AC0000000057_20260521_504AC0000000048.xml"))
    )
    let expected = Set(raw.0.keys.filter { raw.1[$0] != nil && raw.1[$0] != raw.0[$0] }.map { "Art" + $0 })
    #expect(Set(privacy.changes.filter { $0.id.hasPrefix("Art") && $0.kind == .modified }.map(\.id)) == expected)
    for change in privacy.changes where change.kind == .modified {
      #expect(change.segments.contains { $0.op != .equal })
    }
  }

  @Test("労働基準法: the bulk file and the API file of the same text give no change")
  func bulkVersusAPI() throws {
    let diff = try diffFiles(
      SharedData.path("egov/api-v1/322AC0000000049_labor-standards-law_DataRoot.xml"),
      SharedData.path("egov/laws/322AC0000000049_20250601_504AC0000000068.xml"))
    #expect(diff.isEmpty)
    #expect(diff.unchangedCount > 100)
  }
}

@Suite("Document diff on OSCAL catalogs", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct CatalogDiffTests {
  @Test("rev4 → rev5.0.1: withdrawn controls with their successors")
  func withdrawn() throws {
    let diff = try diffFiles(
      SharedData.path("oscal/catalogs/nist-sp800-53/rev4.xml"),
      SharedData.path("oscal/catalogs/nist-sp800-53/rev5.0.1.xml"))
    #expect(diff.kind == .catalog)
    let json = try encodedJSON(diff)
    let changes = try #require(json["changes"] as? [[String: Any]])
    let ia211 = try #require(changes.first { $0["id"] as? String == "ia-2.11" })
    #expect(ia211["withdrawn"] as? Bool == true)
    let successors = try #require(ia211["successors"] as? [[String: String]])
    #expect(successors.contains { $0["id"] == "ia-2.6" && $0["rel"] == "incorporated-into" })
    // Controls new in rev5 (the PT family) are added.
    #expect(diff.changes.contains { $0.kind == .added && $0.id == "pt-1" })
    // Withdrawn in both revisions: not a change of status.
    let sc9 = diff.changes.first { $0.id == "sc-9" }
    #expect(sc9.map { $0.new?.status == "withdrawn" && $0.old?.status == "withdrawn" } ?? true)
  }
}

@Suite("Document diff on the bundled editions")
struct GuidelineDiffTests {
  static let security = (
    RepoPaths.path("guidelines/telework-security/4.0.xml"), RepoPaths.path("guidelines/telework-security/5.0.xml")
  )
  static let labor = (
    RepoPaths.path("guidelines/telework-labor/2018.xml"), RepoPaths.path("guidelines/telework-labor/2021.xml")
  )

  /// One line per change: kind, id, old id, numbers, split/merge.
  static func outline(_ diff: DocumentDiff) -> String {
    diff.changes.map { c in
      var parts = [c.kind.rawValue, c.id]
      if let oldID = c.oldID { parts.append("oldId=\(oldID)") }
      if c.numChanged { parts.append("num=\(c.old?.num ?? "")→\(c.new?.num ?? "")") }
      if c.movedPlace { parts.append("moved") }
      if let s = c.splitFrom { parts.append("splitFrom=\(s)") }
      if let m = c.mergedInto { parts.append("mergedInto=\(m)") }
      return parts.joined(separator: " ")
    }.joined(separator: "\n") + "\n"
  }

  @Test("every kind of change appears and is classified as the golden outline says", arguments: ["security", "labor"])
  func golden(_ name: String) throws {
    let (a, b) = name == "security" ? Self.security : Self.labor
    let diff = try diffFiles(a, b)
    // The bundled editions re-pin no citation without editing its clause: CitationChangeTests.
    for kind in ChangeKind.allCases where kind != .citation {
      #expect(diff.changes.contains { $0.kind == kind }, "no \(kind) change in \(name)")
    }
    #expect(diff.changes.contains { $0.splitFrom != nil }, "no split recognised in \(name)")
    #expect(diff.changes.contains { $0.mergedInto != nil }, "no merge recognised in \(name)")
    let result = Golden.check(Self.outline(diff), "diff/\(name).txt")
    #expect(result.matches, "golden outline differs:\n\(Self.outline(diff))")
  }

  @Test("known changes of the security editions")
  func knownSecurityChanges() throws {
    let diff = try diffFiles(Self.security.0, Self.security.1)
    let byID = Dictionary(diff.changes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byID["basics-zero-trust"]?.kind == .added)
    #expect(byID["method-app-wrapping"]?.kind == .removed)
    #expect(byID["m-comm-encryption"]?.kind == .moved)
    #expect(byID["case-shoulder-surfing"]?.kind == .renumbered)
    #expect(byID["case-usb-lost"]?.mergedInto == "case-device-loss")
    #expect(byID["method-review"]?.splitFrom == "method-selection")
    let mfa = try #require(byID["m-auth-mfa"])
    #expect(mfa.kind == .modified)
    #expect(TextDiff.replayOld(mfa.segments) == mfa.old?.text)
    #expect(TextDiff.replayNew(mfa.segments) == mfa.new?.text)
  }

  /// The images beside the security edition, for a copy of it in `folder` (a figure whose image is
  /// missing reads differently).
  static func copyFigures(to folder: URL) throws {
    try FileManager.default.copyItem(
      at: RepoPaths.root.appendingPathComponent("guidelines/telework-security/figures"),
      to: folder.appendingPathComponent("figures"))
  }

  @Test("diff(A, A) is empty; formatting alone is never a change")
  func identityAndFormatting() throws {
    let same = try diffFiles(Self.security.1, Self.security.1)
    #expect(same.isEmpty)
    // Re-indent, reorder attributes and re-wrap lines: still no change.
    let original = try String(contentsOfFile: Self.security.1, encoding: .utf8)
    var reformatted = original.replacingOccurrences(of: "\n  ", with: "\n\t\t ")
    reformatted = reformatted.replacingOccurrences(of: "。</p>", with: "。\n      </p>")
    reformatted = reformatted.replacingOccurrences(of: "<p>", with: "<p>\n        ")
    reformatted = reformatted.replacingOccurrences(
      of: #"<clause id="(\S+)" num="([^"]+)""#, with: #"<clause num="$2"  id="$1""#, options: .regularExpression)
    #expect(reformatted != original)
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let copy = folder.appendingPathComponent("5.0.xml").path
    try reformatted.write(toFile: copy, atomically: true, encoding: .utf8)
    try Self.copyFigures(to: folder)
    let diff = try diffFiles(Self.security.1, copy)
    #expect(diff.isEmpty, "\(diff.changes.map(\.id))")
  }

  @Test("the work budget is shared out before diffing: none gives coarse redlines that still replay")
  func workBudget() throws {
    let exact = try diffFiles(Self.security.0, Self.security.1)
    let starved = try diffFiles(Self.security.0, Self.security.1, options: DiffOptions(workBudget: 0))
    // The same units change either way; only the precision of the redlines differs.
    #expect(starved.changes.map(\.id) == exact.changes.map(\.id))
    #expect(starved.changes.map(\.kind) == exact.changes.map(\.kind))
    #expect(exact.changes.allSatisfy { !$0.coarse })
    let modified = starved.changes.filter { $0.kind == .modified }
    #expect(modified.contains { $0.coarse })
    for change in modified {
      #expect(TextDiff.replayOld(change.segments) == change.old?.text)
      #expect(TextDiff.replayNew(change.segments) == change.new?.text)
    }
    // Deterministic whatever the timing: the shares are fixed before the parallel diffs.
    let again = try diffFiles(Self.security.0, Self.security.1, options: DiffOptions(workBudget: 0))
    #expect(again.changes.map(\.segments) == starved.changes.map(\.segments))
  }

  @Test("budget shares follow the weights, respect the cap and never exceed the total")
  func budgetShares() {
    #expect(DocumentDiffer.shares(of: 100, cap: 1000, weights: [1, 3]) == [25, 75])
    // The capped unit's leftover goes to the others.
    #expect(DocumentDiffer.shares(of: 1000, cap: 300, weights: [1, 1, 8]) == [300, 300, 300])
    #expect(DocumentDiffer.shares(of: 500, cap: 300, weights: [1, 1, 8]) == [100, 100, 300])
    #expect(DocumentDiffer.shares(of: 0, cap: 300, weights: [5, 5]) == [0, 0])
    #expect(DocumentDiffer.shares(of: 10, cap: 300, weights: []) == [])
    let shares = DocumentDiffer.shares(of: 12_345, cap: 4_000, weights: (1...50).map { $0 * 7 % 13 })
    #expect(shares.reduce(0, +) <= 12_345)
    #expect(shares.allSatisfy { $0 <= 4_000 })
  }

  @Test("loading files in parallel gives every tree, in order, every time")
  func parallelLoad() throws {
    // A race on the results once lost one of the two trees in about one run in twenty. Files this
    // small are read one after another unless the threshold says otherwise.
    try Parallel.$minimumWork.withValue(0) {
      for _ in 0..<200 {
        let trees = try DocumentLoader.load(files: [Self.security.0, Self.security.1, Self.security.0])
        #expect(trees.map(\.info.version) == ["4.0", "5.0", "4.0"])
      }
    }
    #expect(throws: GuideKitError.self) {
      try DocumentLoader.load(files: [Self.security.0, "/nonexistent/guideline.xml"])
    }
  }

  @Test("--ignore-width treats full-width and half-width forms as equal")
  func ignoreWidth() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let original = try String(contentsOfFile: Self.security.1, encoding: .utf8)
    let widened = original.replacingOccurrences(of: "VPN", with: "ＶＰＮ")
    let copy = folder.appendingPathComponent("5.0.xml").path
    try widened.write(toFile: copy, atomically: true, encoding: .utf8)
    try Self.copyFigures(to: folder)
    #expect(try !diffFiles(Self.security.1, copy).isEmpty)
    #expect(try diffFiles(Self.security.1, copy, options: DiffOptions(text: .init(ignoreWidth: true))).isEmpty)
  }

  @Test("two documents of different kinds cannot be compared", .enabled(if: SharedData.isAvailable))
  func mixedKinds() throws {
    let law = SharedData.path("egov/laws/411AC0000000128_20250601_504AC0000000068.xml")
    #expect {
      try diffFiles(Self.security.0, law)
    } throws: { error in
      // The message names both files and both kinds.
      guard let error = error as? GuideKitError, case .mixedKinds(.guideline, .law, _, _) = error else { return false }
      let text = error.description
      return text.hasPrefix(law + ": error: ") && text.contains("this law with the guideline")
        && text.contains(Self.security.0)
    }
  }

  @Test("the delta document is well-formed and carries every change")
  func deltaDocument() throws {
    let diff = try diffFiles(Self.security.0, Self.security.1)
    let xml = DeltaDocument.xml(diff)
    let doc = try GuideKitXMLDocumentProbe.parse(xml)
    #expect(doc.units == diff.changes.count)
    // One <gap> per run of unchanged units between changes.
    var runs = 0
    var inRun = false
    for entry in diff.entries {
      if case .unchanged = entry {
        if !inRun { runs += 1 }
        inRun = true
      } else {
        inRun = false
      }
    }
    #expect(runs > 0)
    #expect(doc.gaps == runs)
  }
}

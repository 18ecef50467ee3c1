import Foundation
import GuideKit
import GuideKitTestSupport
import GuideKitWord
import Testing

/// Every bundled edition exported with `WordExport.edition` and imported back.
@Suite struct RoundTripTests {
  static let editions = [
    ("telework-security", "4.0"), ("telework-security", "5.0"), ("telework-labor", "2018"),
    ("telework-labor", "2021"),
  ]

  /// What the round trip must keep of each unit: kind, id, number, title and text (block by block).
  struct Shape: Equatable, CustomStringConvertible {
    var kind: UnitKind
    var id: String
    var num: String?
    var title: String?
    var blocks: [String]
    var depth: Int

    var description: String {
      "\(String(repeating: "  ", count: depth))\(kind) \(id) \(num ?? "-") \(title ?? "-") \(blocks)"
    }
  }

  static func shape(_ tree: ClauseTree, skipping skipped: Set<UnitKind> = []) -> [Shape] {
    var out: [Shape] = []
    func walk(_ units: [GuideKit.Unit], depth: Int) {
      for unit in units where !skipped.contains(unit.kind) {
        out.append(
          Shape(
            kind: unit.kind, id: unit.id, num: unit.num, title: unit.title, blocks: unit.blocks.map(\.displayText),
            depth: depth))
        walk(unit.children, depth: depth + 1)
      }
    }
    walk(tree.units, depth: 0)
    return out
  }

  private func roundTrip(_ guideline: String, _ version: String, as newVersion: String? = nil, previous: ClauseTree?)
    throws -> (
      ClauseTree, ClauseTree, WordImportResult
    )
  {
    let path = DocxMaker.edition(guideline, version)
    let original = try DocumentLoader.load(file: path)
    let bytes = try WordExport.edition(file: path)
    let folder = try TempFolder(prefix: "guidekit-roundtrip")
    let docx = try folder.write("\(version).docx", data: Data(bytes))
    let result = try WordImporter.importDocument(
      file: docx,
      options: WordImportOptions(guidelineID: guideline, version: newVersion ?? version, previous: previous))
    let errors = try validationErrors(
      result.xml, file: "\(newVersion ?? version).xml", previous: previous == nil ? nil : path)
    #expect(errors == [])
    return (original, try readEdition(result.xml, file: path), result)
  }

  @Test(arguments: editions)
  func anExportedEditionImportsBackToTheSameClauseTree(guideline: String, version: String) throws {
    let (original, imported, result) = try roundTrip(guideline, version, previous: nil)
    // Figures come back only with an edition that holds their images (next test).
    let expected = Self.shape(original, skipping: [.figure])
    let actual = Self.shape(imported, skipping: [.figure])
    #expect(actual.count == expected.count)
    for (a, e) in zip(actual, expected) where a != e {
      Issue.record("\(guideline) \(version):\n  exported \(e)\n  imported \(a)")
    }
    #expect(imported.info.title == original.info.title)
    #expect(imported.info.issuer == original.info.issuer)
    #expect(imported.info.issued == original.info.issued)
    #expect(imported.info.contact == original.info.contact)
    #expect(result.newIDs == 0)
    var figures = 0
    original.forEachUnit { if $0.kind == .figure { figures += 1 } }
    #expect(result.warnings.count == figures, "\(result.warnings)")
    // The diff finds no change of text (citations are re-linked, pinned to the issued date).
    let diff = try DocumentDiffer.diff(old: original, new: imported)
    let changed = diff.changes.filter { $0.kind != .citation && $0.new?.kind != .figure && $0.old?.kind != .figure }
    #expect(changed.isEmpty, "\(changed.map { "\($0.kind) \($0.id)" })")
  }

  @Test func withThePreviousEditionFiguresComeBackWithTheirImages() throws {
    let original = try DocumentLoader.load(file: DocxMaker.edition("telework-security", "5.0"))
    // As after an office edits the exported 第5版 and it comes back as 5.1.
    let (_, imported, result) = try roundTrip("telework-security", "5.0", as: "5.1", previous: original)
    #expect(Self.shape(imported) == Self.shape(original))
    #expect(result.warnings.isEmpty, "\(result.warnings)")
    let figure = try #require(imported.allUnits().first { $0.unit.kind == .figure }?.unit)
    #expect(figure.properties["src"] == "figures/vpn.svg")
    #expect(figure.properties["sha256"] != nil)
  }
}

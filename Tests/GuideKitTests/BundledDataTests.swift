import Foundation
import Testing

@testable import GuideKit

/// The bundled editions hold what issue "The bundled guidelines" asks of them.
@Suite("bundled guideline data")
struct BundledDataTests {
  static func load(_ relative: String) throws -> ClauseTree {
    try DocumentLoader.load(file: RepoPaths.path(relative))
  }

  static func clauses(_ tree: ClauseTree) -> [GuideKit.Unit] {
    tree.allUnits().map(\.unit).filter { $0.kind == .clause }
  }

  static func lawRefs(_ tree: ClauseTree) -> [Reference] {
    tree.allReferences().map(\.reference).filter { LawID.looksLikeLawID($0.source) }
  }

  @Test(
    "every edition has at least 60 clauses and enough citations",
    arguments: [
      ("guidelines/telework-labor/2018.xml", 25), ("guidelines/telework-labor/2021.xml", 25),
      ("guidelines/telework-security/4.0.xml", 15), ("guidelines/telework-security/5.0.xml", 15),
    ])
  func counts(_ file: String, minimumCitations: Int) throws {
    let tree = try Self.load(file)
    #expect(Self.clauses(tree).count >= 60, "\(file): \(Self.clauses(tree).count) clauses")
    let citations = tree.allReferences().map(\.reference).filter { $0.source != "ict-measures" }
    #expect(citations.count >= minimumCitations, "\(file): \(citations.count) citations")
    #expect(!tree.info.summary.isEmpty)
  }

  /// `diffUnits()` walks only as deep as diff units go; it must equal `allUnits()` filtered.
  @Test(
    "diff units are the diff-unit kinds of all units, with the same paths and order",
    arguments: [
      "guidelines/telework-labor/2018.xml", "guidelines/telework-labor/2021.xml",
      "guidelines/telework-security/4.0.xml", "guidelines/telework-security/5.0.xml",
      "Tests/GuideKitTests/Fixtures/egov/999AC0000000001_20240401_505AC0000000010.xml",
      "Tests/GuideKitTests/Fixtures/oscal/sample-catalog/rev1.xml",
    ])
  func diffUnitsAreFilteredUnits(_ file: String) throws {
    let tree = try Self.load(file)
    let walked = tree.diffUnits().map {
      [$0.unit.id, $0.path.joined(separator: "/"), $0.ancestorIDs.joined(separator: "/"), "\($0.order)"]
    }
    let filtered = tree.allUnits().filter { $0.unit.kind.isDiffUnit }.map {
      [$0.unit.id, $0.path.joined(separator: "/"), $0.ancestorIDs.joined(separator: "/"), "\($0.order)"]
    }
    #expect(walked.count >= 5)
    #expect(walked == filtered)
  }

  @Test("the labour editions cite the labour laws the issue names")
  func labourLaws() throws {
    for file in ["guidelines/telework-labor/2018.xml", "guidelines/telework-labor/2021.xml"] {
      let refs = Self.lawRefs(try Self.load(file))
      let sources = Set(refs.map(\.source))
      #expect(sources.isSuperset(of: ["322AC0000000049", "347AC0000000057", "419AC0000000128", "403AC0000000076"]))
      let lsa = Set(refs.filter { $0.source == "322AC0000000049" }.map { $0.provision.split(separator: "/")[0] })
      #expect(lsa.isSuperset(of: ["Art15", "Art32", "Art34", "Art35", "Art36", "Art38_2", "Art89"]), "\(lsa)")
    }
  }

  @Test("the security editions cite the security laws, SP 800-53 controls and the ICT catalog")
  func securitySources() throws {
    for file in ["guidelines/telework-security/4.0.xml", "guidelines/telework-security/5.0.xml"] {
      let refs = try Self.load(file).allReferences().map(\.reference)
      let sources = Set(refs.map(\.source))
      #expect(
        sources.isSuperset(of: [
          "415AC0000000057", "411AC0000000128", "426AC1000000104", "nist-sp800-53", "ict-measures",
        ]))
      #expect(refs.filter { $0.source == "nist-sp800-53" }.allSatisfy { $0.pin == "rev4" || $0.pin == "rev5.0.1" })
    }
  }

  @Test("the ICT catalog has two versions of at least 40 measures, and the cited ones exist")
  func ictCatalog() throws {
    let v2018 = try Self.load("references/ict-measures/2018.xml")
    let v2021 = try Self.load("references/ict-measures/2021.xml")
    #expect(Self.clauses(v2018).count >= 40)
    #expect(Self.clauses(v2021).count >= 40)
    #expect(v2021.info.supersedes == "2018")
    for (file, catalog) in [
      ("guidelines/telework-security/4.0.xml", v2018), ("guidelines/telework-security/5.0.xml", v2021),
    ] {
      let ids = Set(Self.clauses(catalog).map(\.id))
      for ref in try Self.load(file).allReferences().map(\.reference) where ref.source == "ict-measures" {
        #expect(ids.contains(ref.provision), "\(file) cites \(ref.provision)")
      }
    }
  }

  @Test(
    "law pins name the earliest shared revision of each law",
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func earliestPins() throws {
    let registry = ReferenceRegistry(folders: [SharedData.path("egov/laws")])
    for file in [
      "guidelines/telework-labor/2018.xml", "guidelines/telework-labor/2021.xml",
      "guidelines/telework-security/4.0.xml", "guidelines/telework-security/5.0.xml",
    ] {
      for ref in Self.lawRefs(try Self.load(file)) {
        let earliest = registry.sources[ref.source]?.first?.id
        #expect(ref.pin == earliest, "\(file):\(ref.line) \(ref.source) pinned \(ref.pin ?? "-")")
      }
    }
  }
}

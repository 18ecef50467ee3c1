import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

/// The path of a fixture under `Tests/GuideKitTests/Fixtures/oscal/`.
private func oscalFixture(_ name: String) -> String {
  RepoPaths.root.appendingPathComponent("Tests/GuideKitTests")
    .appendingPathComponent("Fixtures/oscal/\(name)").path
}

private func readCatalog(_ path: String) throws -> ClauseTree {
  let document = try GuideKitXML.XMLDocument.parse(file: path)
  return CatalogReader.read(document.rootElement(), file: path)
}

private func unit(_ id: String, in tree: ClauseTree) -> GuideKit.Unit? {
  tree.unitsByID()[id]?.unit
}

@Suite("CatalogReader: fixture")
struct CatalogReaderFixtureTests {
  let tree: ClauseTree

  init() throws {
    tree = try readCatalog(oscalFixture("sample-catalog/rev1.xml"))
  }

  @Test func info() {
    #expect(tree.info.kind == .catalog)
    #expect(tree.info.id == "sample-catalog")
    #expect(tree.info.version == "rev1")
    #expect(tree.info.title == "Sample Security Catalog")
    #expect(tree.info.line == 2)
    #expect(tree.supplements.isEmpty)
  }

  @Test func groupsAndControls() throws {
    #expect(tree.units.map(\.id) == ["top-1", "ac", "group-2"])
    #expect(tree.units.map(\.kind) == [.control, .group, .group])
    let group = tree.units[1]
    #expect(group.num == "AC")
    #expect(group.title == "Access Control")
    #expect(group.blocks.map(\.text) == ["Group overview."])
    #expect(group.children.map(\.id) == ["ac-1", "ac-2"])
    #expect(tree.units[2].title == "Group without an id")

    let control = try #require(unit("ac-1", in: tree))
    #expect(control.kind == .control)
    #expect(control.num == "AC-1")  // the namespaced label prop is not the label
    #expect(control.title == "Policy and Procedures")
    #expect(control.children.map(\.id) == ["ac-1.1", "ac-1.2"])
    #expect(control.children.allSatisfy { $0.kind == .control })
    #expect(control.properties.isEmpty)
    #expect(tree.allUnits().allSatisfy { $0.unit.line > 0 })
  }

  @Test func statementWithParamsAndGuidance() throws {
    let control = try #require(unit("ac-1", in: tree))
    #expect(control.blocks.map(\.kind) == [.paragraph, .item, .item, .item, .note])
    #expect(control.blocks.map(\.label) == [nil, "a.", "1.", "b.", nil])
    #expect(
      control.blocks.map(\.text) == [
        "The organization:",
        "Disseminates the policy to [Assignment: organization-defined personnel];",
        "Reviews it [Selection (one or more): daily; every [Assignment: time period]]; and",
        "Applies [Assignment: catalog-wide value] and [undeclared_prm].",
        "Guidance text across lines.",
      ])
    #expect(
      control.blocks[1].displayText == "a.　Disseminates the policy to [Assignment: organization-defined personnel];")
    // The objective part is not read; the enhancement's text is not the control's.
    #expect(!control.fullText.contains("Determine"))
    #expect(!control.fullText.contains("Name the"))
    // An enhancement sees its parent control's params.
    #expect(unit("ac-1.1", in: tree)?.ownText == "Name the [Assignment: organization-defined personnel].")
    #expect(control.blocks.allSatisfy { $0.line > 0 })
  }

  @Test func lists() throws {
    let control = try #require(unit("ac-2", in: tree))
    #expect(control.blocks.map(\.displayText) == ["Manage accounts:", "1.　create them;", "2.　remove them."])
  }

  @Test func linksAndStatus() throws {
    let control = try #require(unit("ac-1", in: tree))
    #expect(
      control.links == [
        UnitLink(rel: "related", target: "ac-2"), UnitLink(rel: "related", target: "pm-9"),
      ])
    let withdrawn = try #require(unit("ac-1.2", in: tree))
    #expect(withdrawn.properties["status"] == "withdrawn")
    #expect(
      withdrawn.links == [
        UnitLink(rel: "incorporated-into", target: "ac-1"), UnitLink(rel: "moved-to", target: "ac-2"),
      ])
    #expect(withdrawn.blocks.isEmpty)
  }

  @Test func registryLocations() {
    #expect(RegistryLocation(path: "references/nist-sp800-53/rev5.0.1.xml")?.sourceID == "nist-sp800-53")
    #expect(RegistryLocation(path: "references/nist-sp800-53/rev5.0.1.xml")?.revision == "rev5.0.1")
    #expect(RegistryLocation(path: "x/v2.xml")?.revision == "v2")
    #expect(RegistryLocation(path: "x/1.1.xml")?.revision == "1.1")
    #expect(RegistryLocation(path: "examples/basic-catalog.xml") == nil)
    #expect(RegistryLocation(path: "rev4.xml") == nil)
    #expect(RegistryLocation(path: "x/review.xml") == nil)
  }
}

@Suite("CatalogReader: OSCAL data in ../shared/data")
struct CatalogReaderSharedDataTests {
  /// Controls counted in the raw XML: `<control ` start tags.
  private static func rawControlCount(_ path: String) throws -> Int {
    try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "<control ").count - 1
  }

  private static func controls(_ tree: ClauseTree) -> [GuideKit.Unit] {
    tree.allUnits().map(\.unit).filter { $0.kind == .control }
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func rev5() throws {
    let path = SharedData.path("oscal/catalogs/nist-sp800-53/rev5.0.1.xml")
    let tree = try readCatalog(path)
    #expect(tree.info.id == "nist-sp800-53")
    #expect(tree.info.version == "rev5.0.1")
    #expect(tree.info.title.hasPrefix("NIST Special Publication 800-53 Revision 5"))

    let controls = Self.controls(tree)
    #expect(controls.count == 1189)
    #expect(controls.count == (try Self.rawControlCount(path)))
    #expect(Set(controls.map(\.id)).count == controls.count)
    #expect(tree.units.count == 20)
    #expect(tree.units.allSatisfy { $0.kind == .group && $0.title != nil })
    #expect(tree.units.first?.id == "ac")
    #expect(tree.units.first?.title == "Access Control")
    #expect(tree.allUnits().allSatisfy { $0.unit.line > 0 })

    let sc9 = try #require(unit("sc-9", in: tree))
    #expect(sc9.properties["status"] == "withdrawn")
    #expect(sc9.links == [UnitLink(rel: "incorporated-into", target: "sc-8")])
    #expect(sc9.num == "SC-9")
    #expect(controls.count { $0.properties["status"] == "withdrawn" } == 182)

    let enhancement = try #require(unit("ac-17.2", in: tree))
    #expect(enhancement.num == "AC-17(2)")
    #expect(enhancement.title == "Protection of Confidentiality and Integrity Using Encryption")
    #expect(
      enhancement.blocks.first?.text
        == "Implement cryptographic mechanisms to protect the confidentiality and integrity of remote access sessions.")
    #expect(enhancement.blocks.last?.kind == .note)
    #expect(enhancement.links.contains(UnitLink(rel: "related", target: "sc-8")))
    #expect(unit("ac-17", in: tree)?.children.map(\.id).contains("ac-17.2") == true)

    let ac1 = try #require(unit("ac-1", in: tree))
    #expect(ac1.blocks.first?.label == "a.")
    #expect(
      ac1.blocks.first?.text
        == "Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:")
    #expect(
      ac1.blocks.contains {
        $0.text
          == "[Selection (one or more): Organization-level; Mission/business process-level; System-level] access control policy that:"
      })
    // Every insert was resolved to a declared param.
    #expect(!controls.contains { $0.fullText.contains("_prm_") })
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func rev4() throws {
    let path = SharedData.path("oscal/catalogs/nist-sp800-53/rev4.xml")
    let tree = try readCatalog(path)
    #expect(tree.info.id == "nist-sp800-53")
    #expect(tree.info.version == "rev4")
    let controls = Self.controls(tree)
    #expect(controls.count == 922)
    #expect(controls.count == (try Self.rawControlCount(path)))
    #expect(Set(controls.map(\.id)).count == controls.count)
    // rev4 writes "Withdrawn".
    #expect(controls.count { $0.properties["status"] == "withdrawn" } == 96)
    let ac31 = try #require(unit("ac-3.1", in: tree))
    #expect(ac31.links == [UnitLink(rel: "incorporated-into", target: "ac-6")])
    // rev4 puts related links in the guidance part.
    #expect(unit("ac-1", in: tree)?.links == [UnitLink(rel: "related", target: "pm-9")])
    // Assessment objectives are not read.
    #expect(unit("ac-1", in: tree)?.fullText.contains("Determine if") == false)
    #expect(unit("ac-1", in: tree)?.blocks.first?.text == "The organization:")
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func basicCatalog() throws {
    let path = SharedData.path("oscal/examples/basic-catalog.xml")
    let tree = try readCatalog(path)
    #expect(tree.info.id == "")
    #expect(tree.info.version == "1.1")
    #expect(tree.info.title == "Sample Security Catalog for Demonstration and Testing")
    let controls = Self.controls(tree)
    #expect(controls.count == (try Self.rawControlCount(path)))
    #expect(tree.units.map(\.id) == ["s1", "s2"])
    #expect(tree.units.first?.num == "1")
    let control = try #require(unit("s1.1.1", in: tree))
    #expect(control.num == "1.1.1")
    #expect(
      control.blocks.contains {
        $0.text
          == "A value has been assigned to [Selection (one or more): initiating a device lock after [Assignment: a duration] of inactivity; requiring the user to initiate a device lock before leaving the system unattended]."
      })
    #expect(control.blocks.contains { $0.kind == .note && $0.text.hasPrefix("Allocation of information security") })
    #expect(
      unit("s2.1", in: tree)?.blocks.map(\.text) == [
        "To limit access to information and information processing facilities."
      ])
  }
}

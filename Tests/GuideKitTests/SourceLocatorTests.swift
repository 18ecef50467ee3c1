import Testing

@testable import GuideKit

/// `SourceLocator` alone maps a store path to (source, revision, in-force date) and back.
@Suite struct SourceLocatorTests {
  @Test func anEGovFileNameNamesLawRevisionAndDay() throws {
    let located = try #require(
      SourceLocator(path: "/refs/322AC0000000049/322AC0000000049_20250601_504AC0000000068.xml"))
    #expect(located.source == "322AC0000000049")
    #expect(located.revision == "20250601_504AC0000000068")
    #expect(located.inForce == "2025-06-01")
    #expect(located.kind == .egov && located.isLaw)
    #expect(located.relativePath == "322AC0000000049/322AC0000000049_20250601_504AC0000000068.xml")
  }

  @Test func aMembersBillLawIdIsALaw() throws {
    // 議員立法: `AC1` instead of `AC0`.
    let located = try #require(SourceLocator(egovFile: "426AC1000000104_20261001_507AC0000000043.xml"))
    #expect(located.source == "426AC1000000104")
    #expect(located.revision == "20261001_507AC0000000043")
    #expect(located.inForce == "2026-10-01")
  }

  @Test(arguments: ["20251301", "20250229", "20250431", "18671231", "2025061", "2025-6-1", "２０２５０６０１"])
  func aNameWithoutARealDayIsNoEGovName(_ date: String) {
    let name = "322AC0000000049_\(date)_504AC0000000068.xml"
    #expect(SourceLocator(egovFile: name) == nil)
    #expect(SourceLocator(egovRevisionID: "322AC0000000049_\(date)_504AC0000000068") == nil)
    // In a registry folder it is an ordinary file of the folder's source, with no date.
    let located = SourceLocator(path: "laws/\(name)")
    #expect(located?.source == "laws")
    #expect(located?.isLaw == false)
    #expect(located?.inForce == nil)
  }

  @Test(arguments: [
    "322AC0000000049_labor-standards-law_DataRoot.xml", "322AC0000000049_20250601_504AC0000000068.txt",
    "322AC0000000049_20250601.xml", "322AC0000000049_20250601_504AC0000000068_x.xml",
    "AC0000000049_20250601_504AC0000000068.xml", "322AC0000000049_20250601_.xml", "rev4.xml",
  ])
  func otherNamesAreNoEGovNames(_ name: String) {
    #expect(SourceLocator(egovFile: "store/x/\(name)") == nil)
  }

  @Test func aDeclaredSourceIsItsFolderAndBaseName() throws {
    let located = try #require(SourceLocator(path: "/store/sp800-53/rev5.xml", declaredKind: .oscal))
    #expect(located.source == "sp800-53")
    #expect(located.revision == "rev5")
    #expect(located.inForce == nil && !located.isLaw)
    #expect(located.relativePath == "sp800-53/rev5.xml")
    #expect(SourceLocator(path: "rev5.xml") == nil)
  }

  @Test(arguments: [
    SourceLocator(source: "347AC0000000057", kind: .egov, revision: "20260401_507AC0000000033", inForce: "2026-04-01"),
    SourceLocator(source: "sp800-53", kind: .oscal, revision: "rev5"),
    SourceLocator(source: "telework-security", kind: .guideline, revision: "5.0"),
  ])
  func aRevisionsPathReadsBackAsTheRevision(_ locator: SourceLocator) {
    #expect(SourceLocator(path: "/store/" + locator.relativePath, declaredKind: locator.kind) == locator)
  }

  @Test func theRegistryAndTheLawReaderReadNamesThroughIt() {
    let path = "refs/322AC0000000049_20250601_504AC0000000068.xml"
    let revision = ReferenceRegistry.revision(forPath: path)
    #expect(revision?.source == "322AC0000000049")
    #expect(revision?.id == "20250601_504AC0000000068")
    #expect(revision?.date == "2025-06-01")
    #expect(revision?.isLaw == true)
    let other = ReferenceRegistry.revision(forPath: "refs/sp800-53/rev5.xml")
    #expect(other?.source == "sp800-53" && other?.id == "rev5" && other?.date == nil && other?.isLaw == false)
  }
}

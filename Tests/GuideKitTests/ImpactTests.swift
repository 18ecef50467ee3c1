import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// Writes a guideline whose clauses cite `refs` (source, provision, pin), one clause each.
private func guideline(_ refs: [(String, String, String?)], in folder: URL, name: String = "test.xml") throws -> String
{
  var clauses = ""
  for (index, (source, provision, pin)) in refs.enumerated() {
    let pinAttribute = pin.map { " pin=\"\($0)\"" } ?? ""
    clauses += """
          <clause id="c\(index + 1)" num="(\(index + 1))">
            <p>引用 <ref source="\(source)" provision="\(provision)"\(pinAttribute)>\(source) \(provision)</ref> に基づく。</p>
          </clause>

      """
  }
  let xml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="impact-test" version="1.0" issued="2026-01-15">
      <title>影響確認の試験</title>
      <issuer>試験</issuer>
      <chapter id="ch-1" num="第1章">
        <title>試験</title>
    \(clauses)  </chapter>
    </guideline>
    """
  let path = folder.appendingPathComponent(name).path
  try xml.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

private func check(_ file: String, registry folders: [String], asOf: String) throws -> ImpactReport {
  let trees = try GuidelineSet.load(paths: [file])
  let checker = ImpactChecker(
    registry: ReferenceRegistry(folders: folders), options: ImpactOptions(asOf: asOf), guidelines: trees)
  return checker.check(trees)
}

@Suite("Impact against the shared e-Gov and OSCAL data", .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
struct SharedImpactTests {
  static let anzen = "347AC0000000057"
  static let pin = "20260101_507AC0000000033"
  // Art4, Art26 and Art101 change on 2026-04-01; the others do not.
  static let changed = ["Art4", "Art26", "Art101"]
  static let unchanged = ["Art3", "Art66_8_3", "Art66_10", "Art69", "Art71_2"]

  @Test("as of 2026-06-01 exactly the changed articles are reported")
  func afterRevision() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = try guideline((Self.changed + Self.unchanged).map { (Self.anzen, $0, Self.pin) }, in: folder)
    let report = try check(file, registry: [SharedData.path("egov/laws")], asOf: "2026-06-01")
    #expect(report.references == 8)
    #expect(Set(report.findings.map(\.provision)) == Set(Self.changed))
    #expect(report.findings.allSatisfy { $0.status == .modified && !$0.segments.isEmpty })
    #expect(report.findings.allSatisfy { $0.latest == "20260401_507AC0000000033" })
    #expect(report.stale == 3 && report.broken == 0 && report.exitStatus == 1)
    let label = report.findings.first { $0.provision == "Art101" }?.provisionLabel
    #expect(label == "労働安全衛生法第101条")
  }

  @Test("as of 2026-02-01 the same articles are upcoming")
  func beforeRevision() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = try guideline((Self.changed + Self.unchanged).map { (Self.anzen, $0, Self.pin) }, in: folder)
    let report = try check(file, registry: [SharedData.path("egov/laws")], asOf: "2026-02-01")
    #expect(Set(report.findings.map(\.provision)) == Set(Self.changed))
    #expect(report.findings.allSatisfy { $0.status == .upcoming && $0.upcomingDate == "2026-04-01" })
    #expect(report.stale == 0 && report.exitStatus == 0)
  }

  @Test("a date pin resolves to the revision in force that day")
  func datePin() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = try guideline([(Self.anzen, "Art4", "2026-04-15"), (Self.anzen, "Art4", "2026-01-10")], in: folder)
    let report = try check(file, registry: [SharedData.path("egov/laws")], asOf: "2026-06-01")
    #expect(report.findings.count == 1)
    #expect(report.findings.first?.pin == "2026-01-10")
  }

  @Test("renumbered articles of サイバーセキュリティ基本法 point to where the text went")
  func renumbered() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = try guideline([("426AC1000000104", "Art18", "20250701_507AC0000000043")], in: folder)
    let report = try check(file, registry: [SharedData.path("egov/laws")], asOf: "2026-11-01")
    let finding = try #require(report.findings.first)
    #expect(finding.status == .renumbered)
    #expect(finding.latestProvision == "Art17")
  }

  @Test("OSCAL: controls withdrawn in rev5.0.1 are withdrawn, with successors")
  func withdrawn() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = try guideline(
      [("nist-sp800-53", "ia-2.11", "rev4"), ("nist-sp800-53", "si-3.2", "rev4"), ("nist-sp800-53", "ac-17", "rev4")],
      in: folder)
    let report = try check(file, registry: [SharedData.path("oscal/catalogs")], asOf: "2026-11-01")
    let ia = try #require(report.findings.first { $0.provision == "ia-2.11" })
    #expect(ia.status == .withdrawn)
    #expect(ia.successors == [UnitLink(rel: "incorporated-into", target: "ia-2.6")])
    #expect(report.findings.first { $0.provision == "si-3.2" }?.successors.first?.target == "si-3")
    #expect(report.findings.first { $0.provision == "ac-17" }?.status == .modified)
    #expect(ia.provisionLabel.hasPrefix("NIST SP 800-53"))
  }

  @Test("unknown source, unknown article, a pin not in the registry, a malformed pin: each its own finding")
  func brokenReferences() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = try guideline(
      [
        ("999AC0000000999", "Art1", Self.pin),
        (Self.anzen, "Art9999", Self.pin),
        (Self.anzen, "Art4", "20190101_000AC0000000000"),
        (Self.anzen, "Art4", "2026-02-30"),
      ], in: folder)
    let report = try check(file, registry: [SharedData.path("egov/laws")], asOf: "2026-06-01")
    let byLine = report.findings.sorted { $0.line < $1.line }
    #expect(byLine.map(\.status) == [.unresolved, .unresolved, .unverifiable, .unresolved])
    #expect(byLine[0].message.contains("not in the reference registry"))
    #expect(byLine[1].message.contains("no provision \"Art9999\""))
    #expect(byLine[2].message.contains("available: 20260101_507AC0000000033"))
    #expect(byLine[3].message.contains("malformed pin"))
    #expect(report.broken == 3)
    #expect(report.missingSources == ["999AC0000000999"])
  }

  @Test("the bundled guidelines against the ICT catalog and the shared data: the golden report")
  func bundledGolden() throws {
    let trees = try GuidelineSet.load(paths: [RepoPaths.path("guidelines")])
    let registry = ReferenceRegistry(folders: [
      RepoPaths.path("references"), SharedData.path("egov/laws"), SharedData.path("oscal/catalogs"),
    ])
    let report = ImpactChecker(registry: registry, options: ImpactOptions(asOf: "2026-11-25"), guidelines: trees)
      .check(trees)
    #expect(report.broken == 0)
    #expect(report.references > 250)
    let root = RepoPaths.root.path + "/"
    let outline =
      report.findings.map { f in
        "\(f.file.replacingOccurrences(of: root, with: "")):\(f.line) \(f.clause) \(f.source) \(f.provision) \(f.status.rawValue)"
          + (f.latestProvision.map { " → \($0)" } ?? "")
      }.joined(separator: "\n") + "\n"
    let result = Golden.check(outline, "impact/bundled-2026-11-25.txt")
    #expect(result.matches, "golden impact report differs:\n\(outline)")
    // Each kind of finding the data was written to show.
    let statuses = Set(report.findings.map(\.status))
    #expect(statuses.isSuperset(of: [.modified, .renumbered, .withdrawn]))
  }
}

@Suite("Impact on renumbering fixtures")
struct RenumberingFixtureTests {
  /// Revision A: 第一条, 第二条, 第三条. Revision B inserts a new 第二条: old 第二条 becomes 第三条,
  /// old 第三条 becomes 第四条 (text unchanged).
  static func law(_ articles: [(String, String)]) -> String {
    let body = articles.map { num, text in
      """
          <Article Num="\(num)">
            <ArticleTitle>第\(num)条</ArticleTitle>
            <Paragraph Num="1"><ParagraphNum/><ParagraphSentence><Sentence Num="1">\(text)</Sentence></ParagraphSentence></Paragraph>
          </Article>
      """
    }.joined(separator: "\n")
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <Law Era="Heisei" Lang="ja" LawType="Act" Num="099" Year="30"><LawNum>平成三十年法律第九十九号</LawNum>
      <LawBody><LawTitle>試験法</LawTitle><MainProvision>
      \(body)
      </MainProvision></LawBody></Law>
      """
  }

  @Test("the ref follows its text to the new number; the article that took over the number is not reported")
  func insertedArticle() throws {
    let folderScratch = try TempFolder()
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let laws = folder.appendingPathComponent("laws")
    try FileManager.default.createDirectory(at: laws, withIntermediateDirectories: true)
    let a = Self.law([
      ("1", "この法律は、試験のために定める。"), ("2", "事業者は、労働者の健康に配慮しなければならない。"),
      ("3", "労働者は、安全な作業に協力するよう努めなければならない。"),
    ])
    let b = Self.law([
      ("1", "この法律は、試験のために定める。"), ("2", "国は、事業者に対し必要な援助を行うものとする。"),
      ("3", "事業者は、労働者の健康に配慮しなければならない。"),
      ("4", "労働者は、安全な作業に協力するよう努めなければならない。"),
    ])
    try a.write(
      to: laws.appendingPathComponent("430AC0000000099_20200101_430AC0000000099.xml"), atomically: true, encoding: .utf8
    )
    try b.write(
      to: laws.appendingPathComponent("430AC0000000099_20210101_502AC0000000001.xml"), atomically: true, encoding: .utf8
    )
    let file = try guideline(
      [
        ("430AC0000000099", "Art2", "20200101_430AC0000000099"),
        ("430AC0000000099", "Art3/Para1", "2020-06-01"),
        ("430AC0000000099", "Art1", "20200101_430AC0000000099"),
      ], in: folder)
    let report = try check(file, registry: [laws.path], asOf: "2021-06-01")
    #expect(report.findings.count == 2)
    let art2 = try #require(report.findings.first { $0.provision == "Art2" })
    #expect(art2.status == .renumbered)
    #expect(art2.latestProvision == "Art3")
    let art3 = try #require(report.findings.first { $0.provision == "Art3/Para1" })
    #expect(art3.status == .renumbered)
    #expect(art3.latestProvision == "Art4/Para1")
    // The diff of the two revisions agrees: 第二条 is new, the others renumbered.
    let diff = try DocumentDiffer.diff(
      old: DocumentLoader.load(file: laws.appendingPathComponent("430AC0000000099_20200101_430AC0000000099.xml").path),
      new: DocumentLoader.load(file: laws.appendingPathComponent("430AC0000000099_20210101_502AC0000000001.xml").path))
    #expect(diff.changes.map(\.kind) == [.added, .renumbered, .renumbered])
    #expect(diff.changes.first?.id == "Art2")
  }
}

/// A registry file that cannot be read never counts as "nothing changed".
@Suite("Unreadable revisions in the registry")
struct UnreadableRevisionTests {
  /// A law folder with revision 2020-01-01 (readable) and 2021-01-01 (not XML).
  static func laws(in folder: URL, brokenPinned: Bool = false) throws -> URL {
    let laws = folder.appendingPathComponent("laws")
    try FileManager.default.createDirectory(at: laws, withIntermediateDirectories: true)
    let good = RenumberingFixtureTests.law([("1", "この法律は、試験のために定める。")])
    try (brokenPinned ? "<Law><LawBody>" : good).write(
      to: laws.appendingPathComponent("430AC0000000099_20200101_430AC0000000099.xml"), atomically: true, encoding: .utf8
    )
    try "<Law><LawBody>".write(
      to: laws.appendingPathComponent("430AC0000000099_20210101_502AC0000000001.xml"), atomically: true, encoding: .utf8
    )
    return laws
  }

  @Test func anUnreadableUpcomingRevisionIsReportedNotPassedOver() throws {
    let folder = try TempFolder.create()
    defer { try? FileManager.default.removeItem(at: folder) }
    let laws = try Self.laws(in: folder)
    let file = try guideline([("430AC0000000099", "Art1", "20200101_430AC0000000099")], in: folder)
    let report = try check(file, registry: [laws.path], asOf: "2020-06-01")
    let finding = try #require(report.findings.first)
    #expect(finding.status == .unresolved)
    #expect(finding.message.contains("430AC0000000099_20210101_502AC0000000001.xml"))
  }

  @Test func anUnreadablePinnedRevisionFailsValidationOfEveryRefToIt() throws {
    let folder = try TempFolder.create()
    defer { try? FileManager.default.removeItem(at: folder) }
    let laws = try Self.laws(in: folder, brokenPinned: true)
    let file = try guideline(
      [
        ("430AC0000000099", "Art1", "20200101_430AC0000000099"),
        ("430AC0000000099", "Art9", "20200101_430AC0000000099"),
      ],
      in: folder)
    let report = Validator.validate(paths: [file], options: .init(registry: ReferenceRegistry(folders: [laws.path])))
    let unreadable = report.diagnostics.filter { $0.rule == ReferenceRule.unreadable.id }
    #expect(unreadable.count == 2)
    #expect(unreadable.allSatisfy { $0.severity == .error && $0.message.contains("20200101_430AC0000000099") })
  }
}

/// The edition a notice compares with: `<supersedes>.xml` that does not parse is that error, not
/// "no edition beside it".
@Suite("A superseded edition that does not parse")
struct MalformedSupersededEditionTests {
  @Test func theParseErrorOfTheNamedEditionIsReported() throws {
    let folder = try TempFolder.create()
    defer { try? FileManager.default.removeItem(at: folder) }
    let edition = folder.appendingPathComponent("5.0.xml")
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: RepoPaths.path("guidelines/telework-security/5.0.xml")), to: edition)
    try "<guideline xmlns=\"urn:guidekit:guideline:1\">".write(
      to: folder.appendingPathComponent("4.0.xml"), atomically: true, encoding: .utf8)
    let tree = try DocumentLoader.load(file: edition.path)
    #expect(tree.info.supersedes == "4.0")
    #expect {
      _ = try NoticeBuilder.supersededEdition(of: tree)
    } throws: { error in
      let description = (error as? GuideKitError)?.description ?? ""
      return description.contains("4.0.xml") && !description.contains("names no edition")
    }
  }
}

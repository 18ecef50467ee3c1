import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// `<xref target="ID"/>`: text made from the target's current number, in Swift (reader, diff) and
/// in the stylesheets (HTML, text) alike; rules for a missing and a removed target; a target
/// renumbered is no change of the clause that refers to it.
@Suite("cross-references")
struct CrossReferenceTests {
  /// An edition whose clause `c-ref` refers to a clause, a section, a chapter and a clause without
  /// a number; `sectionNum` and `clauseNum` number the targets.
  static func edition(
    version: String = "1.0", supersedes: String? = nil, sectionNum: String = "2-1", clauseNum: String = "(3)",
    refText: String = "詳細は<xref target=\"c-mfa\"/>及び<xref target=\"s-auth\"/>を参照する。", extra: String = ""
  ) -> String {
    validationGuideline(
      version: version, supersedes: supersedes,
      """
        <summary><p>要点は<xref target="c-mfa"/>にまとめた。</p></summary>
        <chapter id="ch-1" num="第1章">
          <title>総則</title>
          <clause id="c-ref" num="(1)">
            ⟨ref⟩<p>\(refText)</p>
          </clause>
          <clause id="c-plain"><title>用語</title><p>用語を定める。<xref target="ch-2"/>も見る。</p></clause>
        </chapter>
        <chapter id="ch-2" num="第2章">
          <title>対策</title>
          <section id="s-auth" num="\(sectionNum)">
            <title>認証</title>
            <clause id="c-mfa" num="\(clauseNum)"><title>多要素認証</title><p>多要素認証を用いる。</p></clause>
            \(extra)
          </section>
        </chapter>
      """)
  }

  static func load(_ text: String, name: String = "1.0.xml") throws -> ClauseTree {
    try DocumentLoader.load(data: Data(MarkedText(text).text.utf8), fileName: name)
  }

  static func unit(_ tree: ClauseTree, _ id: String) -> GuideKit.Unit? {
    var found: GuideKit.Unit?
    tree.forEachUnit { if $0.id == id, found == nil { found = $0 } }
    return found
  }

  @Test("the reader labels a reference by its target's current number (section + clause), or its title")
  func reader() throws {
    let tree = try Self.load(Self.edition())
    let referring = try #require(Self.unit(tree, "c-ref"))
    #expect(referring.blocks.first?.text == "詳細は2-1(3)及び2-1を参照する。")
    #expect(referring.blocks.first?.template?.contains("\u{E000}c-mfa\u{E001}") == true)
    #expect(referring.crossReferences.map(\.target) == ["c-mfa", "s-auth"])
    #expect(referring.crossReferences.first?.line == MarkedText(Self.edition()).line("ref"))
    #expect(Self.unit(tree, "c-plain")?.blocks.first?.text == "用語を定める。第2章も見る。")
    #expect(tree.info.summary == ["要点は2-1(3)にまとめた。"])
    #expect(CrossReferences.labels(tree)["c-plain"] == "用語")
    // Renumbered: the same file with other numbers reads with the new ones.
    let renumbered = try Self.load(Self.edition(sectionNum: "3-4", clauseNum: "(5)"))
    #expect(Self.unit(renumbered, "c-ref")?.blocks.first?.text == "詳細は3-4(5)及び3-4を参照する。")
    // The parsed tree reads as the stream does.
    let text = MarkedText(Self.edition()).text
    let parsed = try DocumentLoader.read(try XMLDocument.parse(data: Data(text.utf8), fileName: "1.0.xml"))
    #expect(parsed == tree)
    // A missing target reads as such, never as an empty string.
    let missing = try Self.load(Self.edition(refText: "<xref target=\"nowhere\"/>を参照する。"))
    #expect(Self.unit(missing, "c-ref")?.blocks.first?.text == "〔参照先不明：nowhere〕を参照する。")
  }

  @Test("the schema takes an empty xref with a target id, nothing else")
  func schema() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("a/1.0.xml", Self.edition().replacingOccurrences(of: "id=\"sample\"", with: "id=\"a\""))
    try folder.add(
      "b/1.0.xml",
      Self.edition(refText: "<xref/>を参照する。").replacingOccurrences(of: "id=\"sample\"", with: "id=\"b\""))
    try folder.add(
      "c/1.0.xml",
      Self.edition(refText: "<xref target=\"c-mfa\">(3)</xref>を参照する。").replacingOccurrences(
        of: "id=\"sample\"", with: "id=\"c\""))
    let report = folder.validate()
    #expect(!report.diagnostics.contains { $0.file.contains("/a/") }, "\(report.diagnostics)")
    for name in ["b", "c"] {
      #expect(report.diagnostics.contains { $0.file.contains("/\(name)/") && $0.rule == "schema" }, "\(name)")
    }
  }

  @Test("validate: a target in no edition, and a target this edition removed (with its former number)")
  func rules() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g/1.0.xml", Self.edition(extra: "<clause id=\"c-old\" num=\"(4)\"><p>旧い対策。</p></clause>"))
    let second = Self.edition(
      version: "2.0", supersedes: "1.0",
      refText: "<xref target=\"c-old\"/>と<xref target=\"c-none\"/>を参照する。"
    )
    .replacingOccurrences(of: "issued=\"2024-04-01\"", with: "issued=\"2025-04-01\"")
    try folder.add("g/2.0.xml", second)
    let report = folder.validate()
    #expect(
      folder.findings(report).filter { $0.contains("[xref-") } == [
        folder.expect("g/2.0.xml", "ref", .error, "xref-removed-target"),
        folder.expect("g/2.0.xml", "ref", .error, "xref-unknown-target"),
      ])
    let removed = try #require(report.diagnostics.first { $0.rule == "xref-removed-target" })
    #expect(removed.message.contains("c-old") && removed.message.contains("2-1(4)") && removed.clause == "c-ref")
    // Validated alone, the file is checked with its sibling editions: the same findings.
    let alone = folder.validate(["g/2.0.xml"])
    #expect(alone.diagnostics.filter { $0.rule.hasPrefix("xref-") }.count == 2)
  }

  @Test("diff: a reference whose target was renumbered is no change; an edit around it is, without the number")
  func diff() throws {
    let old = try Self.load(Self.edition())
    let renumbered = try Self.load(Self.edition(version: "2.0", supersedes: "1.0", sectionNum: "3-1", clauseNum: "(5)"))
    let diff = try DocumentDiffer.diff(old: old, new: renumbered)
    #expect(!diff.changes.contains { $0.id == "c-ref" }, "\(diff.changes.map(\.id))")
    #expect(diff.changes.first { $0.id == "c-mfa" }?.kind == .renumbered)
    // The summary is no unit; the notice reads it labelled from the new edition.
    #expect(renumbered.info.summary == ["要点は3-1(5)にまとめた。"])

    let edited = try Self.load(
      Self.edition(
        version: "2.0", supersedes: "1.0", sectionNum: "3-1", clauseNum: "(5)",
        refText: "詳細は<xref target=\"c-mfa\"/>及び<xref target=\"s-auth\"/>を必ず参照する。"))
    let change = try #require(try DocumentDiffer.diff(old: old, new: edited).changes.first { $0.id == "c-ref" })
    #expect(change.kind == .modified)
    let changed = change.segments.filter { $0.op != .equal }.map(\.text)
    #expect(changed == ["必ず"], "\(change.segments)")
    // Pointing the reference at another target is an editor's change.
    let retargeted = try Self.load(
      Self.edition(
        version: "2.0", supersedes: "1.0", refText: "詳細は<xref target=\"ch-2\"/>及び<xref target=\"s-auth\"/>を参照する。"))
    let retarget = try #require(try DocumentDiffer.diff(old: old, new: retargeted).changes.first { $0.id == "c-ref" })
    #expect(retarget.kind == .modified)
    // The delta and the 新旧対照表 show the labels, never the tokens.
    let delta = DeltaDocument.xml(try DocumentDiffer.diff(old: old, new: edited))
    #expect(!delta.contains("\u{E000}") && delta.contains("3-1(5)"))
  }

  @Test("HTML links a reference to its target with the target's number and title; text prints the number")
  func render() throws {
    let folderScratch = try TempFolder(prefix: "guidekit-xref")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("1.0.xml").path
    try MarkedText(Self.edition(sectionNum: "3-1", clauseNum: "(5)")).text.write(
      toFile: file, atomically: true, encoding: .utf8)
    let renderer = Renderer()
    let html = try renderer.html(file: file)
    #expect(html.contains(##"<a class="xref" href="#c-mfa" title="多要素認証">3-1(5)</a>"##), "\(html)")
    #expect(html.contains(##"<a class="xref" href="#s-auth" title="認証">3-1</a>"##))
    #expect(html.contains(##"<a class="xref" href="#ch-2" title="対策">第2章</a>"##))
    let text = try renderer.text(file: file)
    #expect(text.contains("詳細は3-1(5)及び3-1を参照する。"), "\(text)")
    // The stylesheet and the reader give the same label to every target.
    let tree = try DocumentLoader.load(file: file)
    let labels = CrossReferences.labels(tree)
    #expect(["c-mfa", "s-auth", "ch-2"].allSatisfy { html.contains(">\(labels[$0] ?? "?")</a>") })
    // A missing target is shown as missing.
    try MarkedText(Self.edition(refText: "<xref target=\"nowhere\"/>を参照する。")).text.write(
      toFile: file, atomically: true, encoding: .utf8)
    #expect(try renderer.html(file: file).contains(#"<span class="xref missing">〔参照先不明：nowhere〕</span>"#))
    #expect(try renderer.text(file: file).contains("〔参照先不明：nowhere〕を参照する。"))
  }

  @Test("fmt keeps a cross-reference inline, as written")
  func format() throws {
    let text = MarkedText(Self.edition()).text
    let formatted = GuidelineFormatter.format(try XMLDocument.parse(data: Data(text.utf8), fileName: "x.xml").tree())
    #expect(formatted.contains("<p>詳細は<xref target=\"c-mfa\"/>及び<xref target=\"s-auth\"/>を参照する。</p>"))
  }
}

/// Golden files of the outputs of a fixture that uses every element added to the vocabulary
/// (a draft edition, cross-references to renumbered targets): the HTML page, the plain text and
/// the 新旧対照表. Rewrite with GUIDEKIT_UPDATE_GOLDEN=1 and review the diff.
@Suite("vocabulary golden outputs")
struct VocabularyGoldenTests {
  static let folder = "Tests/GuideKitTests/Fixtures/vocabulary"

  @Test("HTML, text and 新旧対照表 of the vocabulary fixture", arguments: ["2.0.html", "2.0.txt", "2.0-table.html"])
  func golden(_ name: String) throws {
    let old = RepoPaths.path(Self.folder + "/1.0.xml")
    let new = RepoPaths.path(Self.folder + "/2.0.xml")
    let renderer = Renderer()
    let output: String
    switch name {
    case "2.0.html": output = try renderer.html(file: new)
    case "2.0.txt": output = try renderer.text(file: new)
    default:
      let diff = try DocumentDiffer.diff(old: DocumentLoader.load(file: old), new: DocumentLoader.load(file: new))
      // The file names in the delta are the fixture's, relative to the repository.
      let delta = DeltaDocument.xml(diff).replacingOccurrences(of: RepoPaths.root.path + "/", with: "")
      output = try Stylesheets().transform("delta-table", xml: delta, fileName: "delta.xml")
    }
    let result = Golden.check(output, "vocabulary/" + name)
    #expect(result.matches, "golden vocabulary/\(name) differs")
  }

  @Test(
    "the bundled editions refer across sections by the targets' current numbers, and carry footnotes and appendices")
  func bundled() throws {
    let labor = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-labor/2021.xml"))
    let security = try DocumentLoader.load(file: RepoPaths.path("guidelines/telework-security/5.0.xml"))
    func text(_ tree: ClauseTree, _ id: String) -> String {
      CrossReferenceTests.unit(tree, id)?.blocks.map(\.text).joined(separator: "\n") ?? ""
    }
    #expect(text(labor, "rules-work-regulations").contains("費用負担（4(2)参照）等"))
    #expect(text(labor, "hrd-autonomy").contains("4(3)ウ参照"))
    #expect(text(security, "method-overview").contains("第3章(8)で別に留意点を示します"))
    #expect(text(security, "method-byod").contains("4-2の対策も参照"))
    #expect(text(security, "ch-3").contains("2-2で挙げた方式"))
    #expect(text(security, "intro-structure").contains("第2章では") && text(security, "intro-structure").contains("第5章では"))
    // Appendices: 別紙1 and 別紙2 after the chapters, named by the text that refers to them.
    #expect(labor.units.filter { $0.kind == .appendix }.map { $0.num ?? "" } == ["別紙1", "別紙2"])
    #expect(text(labor, "work-environment").contains("チェックリスト（労働者用）」（別紙2）を活用して"))
    #expect(text(labor, "app-safety-env").contains("労働者が別紙2により確認できるよう"))
    // Tables: measures by audience, and the comparison of methods, row by row.
    let roles = try #require(CrossReferenceTests.unit(security, "t-roles"))
    #expect(roles.kind == .table && roles.children.count == 7)
    #expect(
      CrossReferenceTests.unit(security, "t-roles-auth")?.blocks.map(\.displayText).first == "対策の分類　4-8 アカウント・認証管理")
    #expect(CrossReferenceTests.unit(security, "t-methods")?.children.map(\.id).last == "t-methods-standalone")
    // A figure beside the edition, hashed.
    let figure = try #require(CrossReferenceTests.unit(security, "fig-vpn"))
    #expect(figure.properties["src"] == "figures/vpn.svg" && figure.properties["sha256"]?.count == 64)
    // Footnotes, compared in place.
    #expect(text(security, "basics-zero-trust").contains("「ゼロトラスト」［注：利用者、端末及び通信のいずれも"))
    #expect(text(security, "method-vpn").hasPrefix("テレワーク端末からVPN［注：Virtual Private Network の略。"))
    #expect(text(labor, "minashi-offsite").contains("算定することが困難［注：情報通信機器が"))
  }
}

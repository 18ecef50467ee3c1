import Foundation
import Testing

@testable import GuideKit

/// One test per rule: a small marked fixture, the diagnostic expected at the marked line.
@Suite("Validation rules")
struct ValidationRuleTests {
  // MARK: XML layer

  @Test func xmlSyntax() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "bad.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              ⟨1⟩<p>閉じタグが違う。</note>
            </clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report).first == folder.expect("bad.xml", "1", .error, "xml-syntax"))
    #expect(report.diagnostics.allSatisfy { $0.rule == "xml-syntax" })
    #expect(report.exitStatus == 1)
  }

  @Test func schema() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "bad.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            ⟨1⟩<clause id="c-1" num="(1)" level="medium"><p>本文。</p></clause>
            ⟨2⟩<clause id="2-starts-with-a-digit"><p>本文。</p></clause>
            <clause id="c-3"><p>本文。</p>⟨3⟩<unknown/></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("bad.xml", "1", .error, "schema"), folder.expect("bad.xml", "1", .note, "schema"),
        folder.expect("bad.xml", "2", .error, "schema"), folder.expect("bad.xml", "2", .note, "schema"),
        folder.expect("bad.xml", "3", .error, "schema"), folder.expect("bad.xml", "3", .note, "schema"),
      ])
    #expect(report.exitStatus == 1)
  }

  @Test("schema messages name what is expected, guess misspellings, give the clause and keep libxml2's words as a note")
  func schemaMessagesAreExplained() throws {
    let folder = try ValidationFixtureFolder()
    // libxml2 stops checking an element's content at its first mistake: one mistake per file.
    let mistakes = [
      ("a-clasue", "⟨x⟩<clasue id=\"c-2\" num=\"(2)\"><p>二。</p></clasue>"),
      ("b-titel", "<clause id=\"c-3\" num=\"(3)\">⟨x⟩<titel>題</titel><p>三。</p></clause>"),
      ("c-levle", "⟨x⟩<clause id=\"c-4\" num=\"(4)\" levle=\"basic\"><p>四。</p></clause>"),
    ]
    for (name, mistake) in mistakes {
      try folder.add(
        "\(name).xml",
        validationGuideline(
          id: name,
          """
            <chapter id="ch-1" num="第1章">
              <title>総則</title>
              <clause id="c-1" num="(1)"><p>一。</p></clause>
              \(mistake)
            </chapter>
          """))
    }
    try folder.add(
      "d-untitled.xml",
      validationGuideline(id: "d-untitled", title: "x").replacingOccurrences(of: "  <title>x</title>\n", with: "")
        .replacingOccurrences(of: "  <issuer>", with: "  ⟨x⟩<issuer>"))
    let report = folder.validate()
    let errors = report.diagnostics.filter { $0.severity == .error }
    #expect(
      folder.findings(report).filter { $0.contains("error") } == [
        folder.expect("a-clasue.xml", "x", .error, "schema"), folder.expect("b-titel.xml", "x", .error, "schema"),
        folder.expect("c-levle.xml", "x", .error, "schema"), folder.expect("d-untitled.xml", "x", .error, "schema"),
      ])
    #expect(errors.map(\.clause) == ["ch-1", "c-3", "c-4", nil])
    #expect(
      errors[0].message.hasPrefix("<clasue> is not an element of the guideline vocabulary: did you mean <clause>?"))
    #expect(errors[0].message.contains("<section>"))
    #expect(errors[1].message.contains("did you mean <title>?"))
    #expect(errors[2].message.contains("no attribute levle: did you mean level?"))
    #expect(errors[3].message == "<title> is missing in <guideline>: it comes before <issuer>")
    let notes = report.diagnostics.filter { $0.severity == .note }
    #expect(notes.map(\.line) == errors.map(\.line))
    #expect(notes.allSatisfy { $0.message.hasPrefix("libxml2: Element '{urn:guidekit:guideline:1}") })
  }

  @Test("edit distance counts a swap of neighbours once")
  func editDistance() {
    #expect(SchemaMessages.editDistance("clasue", "clause") == 1)
    #expect(SchemaMessages.editDistance("titel", "title") == 1)
    #expect(SchemaMessages.editDistance("note", "p") == 4)
    #expect(SchemaMessages.closest("sectoin", among: ["section", "clause"]) == "section")
    #expect(SchemaMessages.closest("p", among: ["em", "list"]) == nil)
  }

  @Test func unsupportedDocument() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("html.xml", "<?xml version=\"1.0\"?>\n⟨1⟩<html><body/></html>\n")
    try folder.add(
      "other-namespace.xml",
      validationGuideline().replacingOccurrences(of: "urn:guidekit:guideline:1", with: "urn:example:other"))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("html.xml", "1", .error, "unsupported-document"),
        folder.expect("other-namespace.xml", "root", .error, "unsupported-document"),
      ])
    #expect(report.diagnostics.last?.message.contains("urn:example:other") == true)
    #expect(report.exitStatus == 1)
  }

  @Test func unreadable() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("ok.xml", validationGuideline())
    let report = folder.validate(["ok.xml", "missing.xml"])
    #expect(folder.findings(report) == ["missing.xml:0: error [unreadable]"])
    #expect(report.files == 1)
    #expect(report.exitStatus == 2)
  }

  @Test func xmlWarning() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "v11.xml",
      "⟨1⟩"
        + validationGuideline().replacingOccurrences(of: "version=\"1.0\" encoding", with: "version=\"1.1\" encoding"))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("v11.xml", "1", .warning, "xml-warning")])
    #expect(report.exitStatus == 0)
  }

  // MARK: Document rules

  @Test func duplicateID() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "dup.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)"><p>一。</p></clause>
            ⟨1⟩<clause id="c-1" num="(2)"><p>二。</p></clause>
            ⟨2⟩<section id="ch-1" num="1-1">
              <title>節</title>
              <clause id="c-3" num="(1)"><p>三。</p></clause>
            </section>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("dup.xml", "1", .error, "duplicate-id"), folder.expect("dup.xml", "2", .error, "duplicate-id"),
      ])
    #expect(report.diagnostics.map(\.clause) == ["c-1", "ch-1"])
  }

  @Test func invalidDate() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("feb30.xml", validationGuideline(issued: "2021-02-30", effective: "2021-13-01"))
    try folder.add("leap.xml", validationGuideline(id: "leap", issued: "2024-02-29", effective: "2024-02-29"))
    try folder.add("nonleap.xml", validationGuideline(id: "nonleap", issued: "2023-02-29", effective: nil))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("feb30.xml", "root", .error, "invalid-date"),
        folder.expect("feb30.xml", "root", .error, "invalid-date"),
        folder.expect("nonleap.xml", "root", .error, "invalid-date"),
      ])
    #expect(report.diagnostics.contains { $0.message.contains("issued=\"2021-02-30\"") })
    #expect(report.diagnostics.contains { $0.message.contains("effective=\"2021-13-01\"") })
  }

  @Test func effectiveBeforeIssued() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("early.xml", validationGuideline(issued: "2024-04-01", effective: "2024-03-31"))
    try folder.add("same-day.xml", validationGuideline(id: "same", issued: "2024-04-01", effective: "2024-04-01"))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("early.xml", "root", .error, "effective-before-issued")])
  }

  @Test func emptyClause() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "empty.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)"><p>本文。</p></clause>
            ⟨1⟩<clause id="c-2" num="(2)"><p>　 </p></clause>
            ⟨2⟩<clause id="c-3" num="(3)"><title>題だけ</title></clause>
            <clause id="c-4" num="(4)"><list><item>項目</item></list></clause>
            <clause id="c-5" num="(5)"><note>注記</note></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("empty.xml", "1", .error, "empty-clause"),
        folder.expect("empty.xml", "2", .error, "empty-clause"),
      ])
    #expect(report.diagnostics.map(\.clause) == ["c-2", "c-3"])
  }

  @Test func duplicateNum() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "num.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)"><p>一。</p></clause>
            ⟨1⟩<clause id="c-2" num="(1)"><p>二。</p></clause>
          </chapter>
          <chapter id="ch-2" num="第2章">
            <title>各論</title>
            <clause id="c-3" num="(1)"><p>別の章なので番号が重なってよい。</p></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("num.xml", "1", .error, "duplicate-num")])
    #expect(report.diagnostics.first?.clause == "c-2")
  }

  @Test func malformedLawID() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "law.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨1⟩<ref source="322XX0000000049" provision="Art38_2" pin="2025-06-01">労働基準法</ref>を参照。</p>
              <p>⟨2⟩<ref source="322AC0000000049" provision="Article38" pin="2025-06-01">労働基準法第38条</ref>を参照。</p>
              <p>⟨short⟩<ref source="426AC100000104" provision="Art23" pin="2025-07-01">サイバーセキュリティ基本法第23条</ref>。</p>
              <p><ref source="322AC0000000049" provision="Art38_2/Para1/Item2" pin="2025-06-01">正しい引用</ref>。</p>
              <p><ref source="nist-sp800-53" provision="ac-17" pin="rev5.0.1">LawId ではない</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("law.xml", "1", .error, "malformed-law-id"),
        folder.expect("law.xml", "2", .error, "malformed-law-id"),
        folder.expect("law.xml", "short", .error, "malformed-law-id"),
      ])
    #expect(report.diagnostics.allSatisfy { $0.clause == "c-1" })
    #expect(!LawID.isValid("426AC10000001040"))
    #expect(LawID.isValid("426AC1000000104") && LawID.isValid("322M40000100023"))
  }

  /// A registry with one clause set, `measures`, in two revisions.
  private func measuresRegistry(_ folder: ValidationFixtureFolder) throws -> ReferenceRegistry {
    for version in ["2018", "2021"] {
      try folder.add(
        "refs/measures/\(version).xml",
        validationGuideline(
          id: "measures", version: version, issued: "\(version)-04-01", effective: "\(version)-04-01",
          """
            <chapter id="m" num="1">
              <title>対策</title>
              <clause id="m-1" num="(1)"><p>対策一。</p></clause>
              \(version == "2021" ? "<clause id=\"m-new\" num=\"(2)\"><p>新しい対策。</p></clause>" : "")
            </chapter>
          """))
    }
    return folder.registry("refs")
  }

  @Test func refUnknownSource() throws {
    let folder = try ValidationFixtureFolder()
    let registry = try measuresRegistry(folder)
    try folder.add(
      "g/1.0.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨1⟩<ref source="no-such-source" provision="m-1" pin="2021">未知の出典</ref>。</p>
              <p><ref source="measures" provision="m-1" pin="2021">既知の出典</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate(["g"], options: ValidationOptions(registry: registry))
    #expect(folder.findings(report) == [folder.expect("g/1.0.xml", "1", .error, "ref-unknown-source")])
    #expect(report.diagnostics.first?.clause == "c-1")
    // Without a registry, references are not checked.
    #expect(folder.validate(["g"]).diagnostics.isEmpty)
  }

  /// A source that sources.json declares but that is not fetched yet is unverifiable (a warning
  /// saying to fetch it), as for an e-Gov LawId, not an unknown source: a fresh clone validates.
  @Test func refDeclaredButNotFetchedIsUnverifiable() throws {
    let folder = try ValidationFixtureFolder()
    _ = try measuresRegistry(folder)  // the source "measures", fetched
    _ = try folder.add(
      "refs/sources.json",
      data: Data(
        """
        {"sources": [{"id": "nist-sp800-53", "kind": "oscal", "title": "NIST SP 800-53", "revisions": [
          {"revision": "rev5.0.1", "url": "https://example.org/rev5.xml"}]}]}
        """.utf8))
    try folder.add(
      "g/1.0.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨1⟩<ref source="nist-sp800-53" provision="ac-17" pin="rev5.0.1">NIST SP 800-53 AC-17</ref>。</p>
              <p><ref source="measures" provision="m-1" pin="2021">既知の出典</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate(["g"], options: ValidationOptions(registry: folder.registry("refs")))
    #expect(folder.findings(report) == [folder.expect("g/1.0.xml", "1", .warning, "ref-unverifiable")])
    #expect(report.diagnostics.first?.message.contains("guidekit sources fetch") == true)
  }

  @Test func refUnknownProvision() throws {
    let folder = try ValidationFixtureFolder()
    let registry = try measuresRegistry(folder)
    try folder.add(
      "g/1.0.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨1⟩<ref source="measures" provision="m-nope" pin="2021">未知の項目</ref>。</p>
              <p>⟨2⟩<ref source="measures" provision="m-new" pin="2018">2018 年版にはまだない項目</ref>。</p>
              <p><ref source="measures" provision="m-new" pin="2021">2021 年版の項目</ref>。</p>
              ⟨3⟩<p><ref source="measures" provision="m-new">ピンのない引用</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate(["g"], options: ValidationOptions(registry: registry))
    #expect(
      folder.findings(report) == [
        folder.expect("g/1.0.xml", "1", .error, "ref-unknown-provision"),
        folder.expect("g/1.0.xml", "2", .error, "ref-unknown-provision"),
        folder.expect("g/1.0.xml", "3", .error, "ref-missing-pin"),
      ])
  }

  @Test func refUnknownProvisionInAnotherGuideline() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/1.0.xml", validationGuideline())
    try folder.add(
      "citing/1.0.xml",
      validationGuideline(
        id: "citing",
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="x-1" num="(1)">
              <p><ref source="sample" provision="c-2">既存の項目</ref>。</p>
              <p>⟨1⟩<ref source="sample" provision="c-9" pin="1.0">存在しない項目</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("citing/1.0.xml", "1", .error, "ref-unknown-provision")])
  }

  @Test func refUnknownPin() throws {
    let folder = try ValidationFixtureFolder()
    let registry = try measuresRegistry(folder)
    try folder.add(
      "g/1.0.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨1⟩<ref source="measures" provision="m-1" pin="2015">存在しない版</ref>。</p>
              <p><ref source="measures" provision="m-1" pin="2019-01-01">日付で指定した版</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate(["g"], options: ValidationOptions(registry: registry))
    #expect(folder.findings(report) == [folder.expect("g/1.0.xml", "1", .error, "ref-unknown-pin")])
    #expect(report.diagnostics.first?.clause == "c-1")
    #expect(report.diagnostics.first?.message.contains("2018, 2021") == true)
    #expect(report.exitStatus == 1)
  }

  @Test("a law that is not in the registry is unverifiable (a warning), not broken")
  func refUnverifiable() throws {
    let folder = try ValidationFixtureFolder()
    let registry = try measuresRegistry(folder)
    try folder.add(
      "g/1.0.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨1⟩<ref source="322AC0000000049" provision="Art32" pin="2099-01-01">労働基準法第32条</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate(["g"], options: ValidationOptions(registry: registry))
    #expect(folder.findings(report) == [folder.expect("g/1.0.xml", "1", .warning, "ref-unverifiable")])
    #expect(report.exitStatus == 0)
    let strict = folder.validate(["g"], options: ValidationOptions(strict: true, registry: registry))
    #expect(strict.exitStatus == 1)
  }

  @Test func refMissingPinAndEmptyRef() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/1.0.xml", validationGuideline())
    try folder.add(
      "citing/1.0.xml",
      validationGuideline(
        id: "citing",
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨nopin⟩<ref source="322AC0000000049" provision="Art32">労働基準法第32条</ref>。</p>
              <p>⟨empty⟩<ref source="322AC0000000049" provision="Art33" pin="2025-06-01"/>。</p>
              <p>⟨blank⟩<ref source="nist-sp800-53" provision="ac-17" pin="rev5.0.1">  </ref>。</p>
              <p><ref source="sample" provision="c-2">他のガイドラインはピンなしで最新版</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("citing/1.0.xml", "nopin", .error, "ref-missing-pin"),
        folder.expect("citing/1.0.xml", "empty", .error, "ref-empty"),
        folder.expect("citing/1.0.xml", "blank", .error, "ref-empty"),
      ])
    #expect(report.diagnostics.allSatisfy { $0.clause == "c-1" })
    #expect(report.diagnostics[0].message.contains("pin=\"…\""))
    #expect(report.diagnostics[1].message.contains("第33条"))
  }

  @Test func versionFileName() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/6.0.xml", validationGuideline(version: "6.1"))
    try folder.add("other/2021.xml", validationGuideline(id: "other", version: "2021"))
    try folder.add("draft/draft.xml", validationGuideline(id: "draft", version: "3.0"))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("sample/6.0.xml", "root", .error, "version-file-name")])
    #expect(report.diagnostics.first?.message.contains("6.1.xml") == true)
  }

  @Test func refMalformedPin() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "g.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨1⟩<ref source="322AC0000000049" provision="Art32" pin="2025-02-30">実在しない日付</ref>。</p>
              <p><ref source="322AC0000000049" provision="Art32" pin="2024-02-29">閏日</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("g.xml", "1", .error, "ref-malformed-pin")])
  }

  @Test func refTextMismatch() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "g.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p>⟨article⟩<ref source="322AC0000000049" provision="Art33" pin="2025-06-01">労働基準法第32条</ref>。</p>
              <p>⟨kanji⟩<ref source="322AC0000000049" provision="Art38_2/Para2" pin="2025-06-01">同法第三十八条の二第一項</ref>。</p>
              <p>⟨item⟩<ref source="322AC0000000049" provision="Art41/Para2/Item2" pin="2025-06-01">第４１条第２号</ref>。</p>
              <p><ref source="322AC0000000049" provision="Art38_2/Para1" pin="2025-06-01">第三十八条の二第一項</ref>。</p>
              <p><ref source="322AC0000000049" provision="Art41/Para1/Item2" pin="2025-06-01">第41条第2号</ref>。</p>
              <p><ref source="322AC0000000049" provision="Art32/Para1" pin="2025-06-01">労働基準法第32条</ref>。</p>
              <p><ref source="322AC0000000049" provision="Art36/Para6" pin="2025-06-01">同条第6項</ref>。</p>
              <p><ref source="nist-sp800-53" provision="ac-17" pin="rev5.0.1">AC-17</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("g.xml", "article", .error, "ref-text-mismatch"),
        folder.expect("g.xml", "kanji", .error, "ref-text-mismatch"),
        folder.expect("g.xml", "item", .error, "ref-text-mismatch"),
      ])
    #expect(report.diagnostics.allSatisfy { $0.clause == "c-1" })
    #expect(report.diagnostics.first?.message.contains("「第33条」") == true)
    #expect(report.diagnostics.dropFirst().first?.message.contains("「第三十八条の二第二項」") == true)
  }

  @Test("the bundled guidelines' ref texts name their provisions")
  func bundledRefTextsAgree() {
    let report = Validator.validate(paths: [RepoPaths.root.appendingPathComponent("guidelines").path])
    #expect(report.diagnostics.filter { $0.rule == "ref-text-mismatch" }.map(\.message) == [])
  }

  // MARK: Corpus rules

  @Test func duplicateVersion() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/a.xml", validationGuideline(version: "2.0"))
    try folder.add("sample/b.xml", validationGuideline(version: "2.0"))
    try folder.add("other/2.0.xml", validationGuideline(id: "other", version: "2.0"))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("sample/b.xml", "root", .error, "duplicate-version")])
    #expect(report.diagnostics.first?.message.contains("sample/a.xml") == true)
  }

  @Test func supersedesUnknown() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/1.0.xml", validationGuideline(version: "1.0"))
    try folder.add("sample/2.0.xml", validationGuideline(version: "2.0", supersedes: "1.0"))
    try folder.add("sample/3.0.xml", validationGuideline(version: "3.0", supersedes: "2.5"))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("sample/3.0.xml", "root", .error, "supersedes-unknown")])
    #expect(report.diagnostics.first?.message.contains("2.5") == true)
  }

  @Test func clauseRemoved() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "sample/1.0.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)"><p>一。</p></clause>
            <clause id="c-2" num="(2)"><p>二。</p></clause>
            <clause id="c-3" num="(3)"><p>三。</p></clause>
            <clause id="c-4" num="(4)"><p>四。</p></clause>
          </chapter>
        """))
    try folder.add(
      "sample/2.0.xml",
      validationGuideline(
        version: "2.0", supersedes: "1.0",
        """
          ⟨removals⟩<removals>
            <removed id="c-3" into="c-1">c-1 に統合した。</removed>
            ⟨still⟩<removed id="c-1">まだある。</removed>
            ⟨into⟩<removed id="c-4" into="c-9">存在しない統合先。</removed>
          </removals>
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)"><p>一。</p></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("sample/2.0.xml", "removals", .warning, "clause-removed"),
        folder.expect("sample/2.0.xml", "still", .error, "clause-removed"),
        folder.expect("sample/2.0.xml", "into", .error, "clause-removed"),
      ])
    #expect(report.diagnostics.first?.clause == "c-2")
    #expect(report.exitStatus == 1)
  }

  @Test func removedNamesNoClauseOfThePreviousEdition() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/1.0.xml", validationGuideline())
    try folder.add(
      "sample/2.0.xml",
      validationGuideline(
        version: "2.0", supersedes: "1.0",
        """
          <removals>
            <removed id="c-2" into="c-1">c-1 に統合した。</removed>
            ⟨typo⟩<removed id="c-22">打ち間違い。</removed>
          </removals>
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)"><p>一。</p></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("sample/2.0.xml", "typo", .error, "clause-removed")])
    #expect(report.diagnostics.first?.clause == "c-22")
  }

  @Test func issuedBeforeSupersededAndSupersedesSkips() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/4.0.xml", validationGuideline(version: "4.0", issued: "2018-04-01", effective: nil))
    try folder.add(
      "sample/5.0.xml", validationGuideline(version: "5.0", supersedes: "4.0", issued: "2021-05-31", effective: nil))
    try folder.add(
      "sample/6.0.xml", validationGuideline(version: "6.0", supersedes: "4.0", issued: "2026-04-01", effective: nil))
    try folder.add(
      "sample/7.0.xml", validationGuideline(version: "7.0", supersedes: "6.0", issued: "2025-04-01", effective: nil))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("sample/6.0.xml", "root", .error, "supersedes-skips"),
        folder.expect("sample/7.0.xml", "root", .error, "issued-before-superseded"),
      ])
    #expect(report.diagnostics.first?.message.contains("supersedes=\"5.0\"") == true)
  }

  @Test("validating one edition reads its sibling editions for the rules across editions")
  func oneFileReadsItsSiblings() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/1.0.xml", validationGuideline())
    try folder.add("sample/broken.xml", "<guideline>\n")
    try folder.add(
      "sample/2.0.xml",
      validationGuideline(
        version: "2.0", supersedes: "1.0", issued: "2023-04-01", effective: nil,
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            ⟨c1⟩<clause id="c-1" num="(1)"><p>一。</p></clause>
          </chapter>
        """))
    let report = folder.validate(["sample/2.0.xml"])
    #expect(
      folder.findings(report) == [
        folder.expect("sample/2.0.xml", "root", .error, "issued-before-superseded"),
        folder.expect("sample/2.0.xml", "c1", .warning, "clause-removed"),
      ])
    #expect(report.files == 1)
    #expect(!report.diagnostics.contains { $0.rule == "supersedes-unknown" })
  }

  @Test func clauseRemovedIsAWarningThatStrictTurnsIntoAnError() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("sample/1.0.xml", validationGuideline())
    try folder.add(
      "sample/2.0.xml",
      validationGuideline(
        version: "2.0", supersedes: "1.0",
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            ⟨c1⟩<clause id="c-1" num="(1)"><p>一。</p></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("sample/2.0.xml", "c1", .warning, "clause-removed")])
    #expect((report.errors, report.warnings, report.exitStatus) == (0, 1, 0))
    let strict = folder.validate(options: ValidationOptions(strict: true))
    #expect(folder.findings(strict) == [folder.expect("sample/2.0.xml", "c1", .error, "clause-removed")])
    #expect((strict.errors, strict.warnings, strict.exitStatus) == (1, 0, 1))
  }

  @Test func placeholderSummary() throws {
    let folder = try ValidationFixtureFolder()
    let summary = { (text: String) in "⟨summary⟩<summary><p>\(text)</p></summary>\n" + validationBody }
    try folder.add("started.xml", validationGuideline(summary(EditionMaker.summaryPlaceholder)))
    try folder.add("written.xml", validationGuideline(id: "written", summary("多要素認証の記述を改めた。")))
    try folder.add("none.xml", validationGuideline(id: "none"))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("started.xml", "summary", .warning, "placeholder-summary")])
    #expect(report.exitStatus == 0)
    #expect(folder.validate(options: ValidationOptions(strict: true)).exitStatus == 1)
  }

  @Test func titleEdition() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("stale.xml", validationGuideline(version: "6.0", title: "ガイドライン（第5版）"))
    try folder.add("kanji.xml", validationGuideline(id: "kanji", version: "12", title: "ガイドライン（第十一版）"))
    try folder.add("right.xml", validationGuideline(id: "right", version: "5.1", title: "ガイドライン（第５版）"))
    try folder.add("year.xml", validationGuideline(id: "year", version: "2021", title: "ガイドライン（第2版）"))
    try folder.add("plain.xml", validationGuideline(id: "plain", version: "3.0"))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("kanji.xml", "root", .warning, "title-edition"),
        folder.expect("stale.xml", "root", .warning, "title-edition"),
      ])
    #expect(report.diagnostics.first { $0.file.hasSuffix("stale.xml") }?.message.contains("第5版") == true)
  }

  @Test func titleLength() throws {
    let folder = try ValidationFixtureFolder()
    let long = String(repeating: "長", count: TitleLengthRule.maxCharacters + 1)
    let fits = String(repeating: "長", count: TitleLengthRule.maxCharacters)
    try folder.add(
      "titles.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>\(fits)</title>
            ⟨1⟩<clause id="c-1" num="(1)"><title>\(long)</title><p>本文。</p></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("titles.xml", "1", .error, "title-length")])
    #expect(report.diagnostics.map(\.clause) == ["c-1"])
  }

  @Test func everyRuleHasADescriptor() {
    let ids = Set(ValidationRules.descriptors.map(\.id))
    let expected: Set<String> = [
      "xml-syntax", "schema", "unsupported-document", "unreadable", "xml-warning", "duplicate-id",
      "invalid-date", "effective-before-issued", "empty-clause", "duplicate-num", "malformed-law-id",
      "ref-unknown-source", "ref-unknown-provision", "ref-unknown-pin", "ref-malformed-pin",
      "duplicate-version", "supersedes-unknown", "clause-removed", "placeholder-summary", "title-edition",
      "ref-text-mismatch", "ref-missing-pin", "ref-empty", "ref-unverifiable", "ref-unreadable-revision",
      "version-file-name",
      "issued-before-superseded", "supersedes-skips",
      "title-length", "unlinked-citation", "draft-past-date",
      "xref-unknown-target", "xref-removed-target", "figure-image", "figure-alt",
    ]
    #expect(ids == expected)
    #expect(ValidationRules.descriptors.count == expected.count, "rule ids are unique")
  }
}

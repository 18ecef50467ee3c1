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
      Set(folder.findings(report)) == [
        folder.expect("bad.xml", "1", .error, "schema"), folder.expect("bad.xml", "2", .error, "schema"),
        folder.expect("bad.xml", "3", .error, "schema"),
      ])
    #expect(report.exitStatus == 1)
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
              <p>⟨1⟩<ref source="322XX0000000049" provision="Art38_2">労働基準法</ref>を参照。</p>
              <p>⟨2⟩<ref source="322AC0000000049" provision="Article38">労働基準法第38条</ref>を参照。</p>
              <p><ref source="322AC0000000049" provision="Art38_2/Para1/Item2">正しい引用</ref>。</p>
              <p><ref source="nist-sp800-53" provision="ac-17">LawId ではない</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(
      folder.findings(report) == [
        folder.expect("law.xml", "1", .error, "malformed-law-id"),
        folder.expect("law.xml", "2", .error, "malformed-law-id"),
      ])
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
              <p>⟨1⟩<ref source="no-such-source" provision="m-1">未知の出典</ref>。</p>
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
              <p><ref source="measures" provision="m-new">最新版の項目</ref>。</p>
            </clause>
          </chapter>
        """))
    let report = folder.validate(["g"], options: ValidationOptions(registry: registry))
    #expect(
      folder.findings(report) == [
        folder.expect("g/1.0.xml", "1", .error, "ref-unknown-provision"),
        folder.expect("g/1.0.xml", "2", .error, "ref-unknown-provision"),
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
    #expect(folder.findings(report) == [folder.expect("g/1.0.xml", "1", .warning, "ref-unknown-pin")])
    #expect(report.exitStatus == 0)
    let strict = folder.validate(["g"], options: ValidationOptions(strict: true, registry: registry))
    #expect(folder.findings(strict) == [folder.expect("g/1.0.xml", "1", .error, "ref-unknown-pin")])
    #expect(strict.exitStatus == 1)
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
          <removals>
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
        folder.expect("sample/2.0.xml", "root", .warning, "clause-removed"),
        folder.expect("sample/2.0.xml", "still", .error, "clause-removed"),
        folder.expect("sample/2.0.xml", "into", .error, "clause-removed"),
      ])
    #expect(report.diagnostics.first?.clause == "c-2")
    #expect(report.exitStatus == 1)
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
            <clause id="c-1" num="(1)"><p>一。</p></clause>
          </chapter>
        """))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("sample/2.0.xml", "root", .warning, "clause-removed")])
    #expect((report.errors, report.warnings, report.exitStatus) == (0, 1, 0))
    let strict = folder.validate(options: ValidationOptions(strict: true))
    #expect(folder.findings(strict) == [folder.expect("sample/2.0.xml", "root", .error, "clause-removed")])
    #expect((strict.errors, strict.warnings, strict.exitStatus) == (1, 0, 1))
  }

  @Test func placeholderSummary() throws {
    let folder = try ValidationFixtureFolder()
    let summary = { (text: String) in "<summary><p>\(text)</p></summary>\n" + validationBody }
    try folder.add("started.xml", validationGuideline(summary(EditionMaker.summaryPlaceholder)))
    try folder.add("written.xml", validationGuideline(id: "written", summary("多要素認証の記述を改めた。")))
    try folder.add("none.xml", validationGuideline(id: "none"))
    let report = folder.validate()
    #expect(folder.findings(report) == [folder.expect("started.xml", "root", .warning, "placeholder-summary")])
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
      "title-length",
    ]
    #expect(ids == expected)
    #expect(ValidationRules.descriptors.count == expected.count, "rule ids are unique")
  }
}

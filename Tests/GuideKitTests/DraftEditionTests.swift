import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// Draft editions (`status="draft"`, `planned`): read, validated, formatted, diffed, rendered
/// marked 案, left out of publish (unless asked), of `show --as-of` and of `history`.
@Suite("draft editions")
struct DraftEditionTests {
  /// `validationGuideline` with `status` and `planned` on the root.
  static func edition(
    id: String = "sample", version: String = "1.0", supersedes: String? = nil, issued: String = "2024-04-01",
    status: String? = "draft",
    planned: String? = nil, body: String = validationBody
  ) -> String {
    var extra = ""
    if let status { extra += " status=\"\(status)\"" }
    if let planned { extra += " planned=\"\(planned)\"" }
    return validationGuideline(id: id, version: version, supersedes: supersedes, issued: issued, effective: nil, body)
      .replacingOccurrences(of: " issued=", with: "\(extra) issued=")
  }

  static func load(_ text: String, name: String = "1.0.xml") throws -> ClauseTree {
    try DocumentLoader.load(data: Data(MarkedText(text).text.utf8), fileName: name)
  }

  @Test("the reader keeps status and planned; without status an edition is final")
  func reader() throws {
    let draft = try Self.load(Self.edition(planned: "2027-04-01"))
    #expect(draft.info.status == "draft" && draft.info.isDraft)
    #expect(draft.info.planned == "2027-04-01")
    let final = try Self.load(Self.edition(status: "final"))
    #expect(final.info.status == "final" && !final.info.isDraft)
    let plain = try Self.load(Self.edition(status: nil))
    #expect(plain.info.status == nil && !plain.info.isDraft && plain.info.planned == nil)
    // The tree read from the parsed document says the same as the stream reader.
    let text = MarkedText(Self.edition(planned: "2027-04-01")).text
    let document = try XMLDocument.parse(data: Data(text.utf8), fileName: "1.0.xml")
    let tree = try DocumentLoader.read(document)
    #expect(tree.info.status == "draft" && tree.info.planned == "2027-04-01")
  }

  @Test("the schema takes status draft|final and a planned date, and refuses other states")
  func schema() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("a/1.0.xml", Self.edition(id: "a", planned: "2099-04-01"))
    try folder.add("b/1.0.xml", Self.edition(id: "b", status: "final"))
    try folder.add("c/1.0.xml", Self.edition(id: "c", status: "wip"))
    try folder.add("d/1.0.xml", Self.edition(id: "d", planned: "2027-02-30"))
    let report = folder.validate(options: ValidationOptions(today: "2026-01-01"))
    #expect(
      !report.diagnostics.contains { $0.file.contains("/a/") || $0.file.contains("/b/") }, "\(report.diagnostics)")
    #expect(report.diagnostics.contains { $0.file.contains("/c/") && $0.rule == "schema" && $0.severity == .error })
    #expect(
      report.diagnostics.contains {
        $0.file.contains("/d/") && $0.rule == "invalid-date" && $0.message.contains("planned=\"2027-02-30\"")
      })
  }

  @Test("validate warns on a draft whose planned day (else its issue day) has passed; never on a final edition")
  func pastDate() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("planned/1.0.xml", Self.edition(planned: "2026-03-01"))
    try folder.add("issued/1.0.xml", Self.edition(issued: "2026-02-01"))
    try folder.add("final/1.0.xml", Self.edition(issued: "2020-02-01", status: "final"))
    try folder.add("plain/1.0.xml", Self.edition(issued: "2020-02-01", status: nil))
    func warned(today: String) -> [String] {
      folder.validate(options: ValidationOptions(today: today)).diagnostics.filter { $0.rule == "draft-past-date" }
        .map { folder.relative($0.file) + ":" + String($0.line) + ":" + $0.severity.rawValue }.sorted()
    }
    #expect(warned(today: "2026-01-15") == [])
    #expect(warned(today: "2026-02-15") == ["issued/1.0.xml:2:warning"])
    #expect(warned(today: "2026-03-02") == ["issued/1.0.xml:2:warning", "planned/1.0.xml:2:warning"])
    // The planned day, not the issue day, counts when both are given.
    try folder.add("both/1.0.xml", Self.edition(issued: "2020-01-01", planned: "2026-06-01"))
    #expect(!warned(today: "2026-03-02").contains { $0.hasPrefix("both/") })
    #expect(RuleCatalog.entries.contains { $0.descriptor.id == "draft-past-date" })
  }

  @Test("fmt puts status and planned on the line of the dates, in a fixed order")
  func format() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <guideline planned="2027-04-01" xmlns="urn:guidekit:guideline:1" status="draft" version="2.0" xml:lang="ja" id="x" issued="2027-04-01"><title>案</title><issuer>総務省</issuer><chapter id="c"><title>章</title></chapter></guideline>
      """
    let formatted = GuidelineFormatter.format(try XMLDocument.parse(data: Data(text.utf8), fileName: "x.xml").tree())
    let lines = formatted.split(separator: "\n").map(String.init)
    #expect(lines[1] == #"<guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja""#, "\(formatted)")
    #expect(
      lines[3].trimmingCharacters(in: .whitespaces) == #"issued="2027-04-01" status="draft" planned="2027-04-01">"#)
    let again = GuidelineFormatter.format(try XMLDocument.parse(data: Data(formatted.utf8), fileName: "x.xml").tree())
    #expect(again == formatted)
  }

  static let body2 = """
      <chapter id="ch-1" num="第1章">
        <title>総則</title>
        <clause id="c-1" num="(1)"><p>テレワークを導入する。</p></clause>
        <clause id="c-2" num="(2)"><p>多要素認証を必ず用いる。</p></clause>
      </chapter>
    """

  @Test("the delta, the 新旧対照表, the redline, the pages and the notices of a draft are marked 案")
  func marked() throws {
    let old = try Self.load(Self.edition(status: nil), name: "1.0.xml")
    let draftText = MarkedText(Self.edition(version: "2.0", supersedes: "1.0", planned: "2027-04-01", body: Self.body2))
      .text
    let new = try DocumentLoader.load(data: Data(draftText.utf8), fileName: "2.0.xml")
    let diff = try DocumentDiffer.diff(old: old, new: new)
    let delta = DeltaDocument.xml(diff)
    #expect(delta.contains(#"status="draft" planned="2027-04-01""#), "\(delta)")
    let schema = try XMLSchema(path: try #require(BundledSchema.resourcePath("schemas/delta.xsd")))
    #expect(schema.validate(try XMLDocument.parse(data: Data(delta.utf8), fileName: "delta.xml")).isEmpty)
    let json = try encodedJSON(diff)
    #expect((json["new"] as? [String: Any])?["status"] as? String == "draft")
    #expect((json["old"] as? [String: Any])?["status"] == nil)

    let mark = Terms.shared["edition.draft.mark"]
    #expect(mark == "【案】")
    let sheets = Stylesheets()
    for name in ["delta-table", "delta-html"] {
      let html = try sheets.transform(name, xml: delta, fileName: "delta.xml")
      #expect(html.contains("<title>\(mark)"), "\(name)")
      #expect(html.contains(#"class="draft-mark""#), "\(name)")
    }
    // The same diff with a final new edition carries no mark.
    let final = try Self.load(Self.edition(version: "2.0", supersedes: "1.0", status: nil, body: Self.body2))
    let finalDelta = DeltaDocument.xml(try DocumentDiffer.diff(old: old, new: final))
    #expect(!finalDelta.contains("status="))
    for name in ["delta-table", "delta-html"] {
      #expect(!(try sheets.transform(name, xml: finalDelta, fileName: "delta.xml")).contains("draft-mark"))
    }

    let folderScratch = try TempFolder(prefix: "guidekit-draft")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("2.0.xml").path
    try draftText.write(toFile: file, atomically: true, encoding: .utf8)
    let renderer = Renderer()
    let page = try renderer.html(file: file)
    #expect(page.contains("<title>\(mark)") && page.contains(#"class="draft-mark""#))
    #expect(page.contains(Terms.shared["date.planned"]))
    let text = try renderer.text(file: file)
    #expect(text.split(separator: "\n").first?.contains(mark) == true, "\(text)")
    let noticeXML = NoticeBuilder.xml(edition: new, previous: (old, diff), links: .init())
    #expect(noticeXML.contains(#"status="draft""#))
    #expect(try renderer.notice(xml: noticeXML, text: false).contains(#"class="draft-mark""#))
    #expect(try renderer.notice(xml: noticeXML, text: true).contains(mark))
    let finalNotice = NoticeBuilder.xml(edition: final, previous: (old, diff), links: .init())
    #expect(!(try renderer.notice(xml: finalNotice, text: true)).contains(mark))
  }

  @Test("show --as-of and history pass drafts by")
  func inForce() throws {
    let first = try Self.load(Self.edition(version: "1.0", issued: "2024-04-01", status: nil))
    let draft = try Self.load(
      Self.edition(version: "2.0", supersedes: "1.0", issued: "2024-05-01", body: Self.body2), name: "2.0.xml")
    #expect(EditionInForce.select([first, draft], asOf: "2025-01-01")?.info.version == "1.0")
    #expect(EditionInForce.select([draft], asOf: "2025-01-01") == nil)
    let history = try #require(try ClauseHistory.build(editions: [first, draft], clause: "c-2"))
    #expect(history.entries.map(\.edition.version) == ["1.0"])
    // A clause only the draft has has no history.
    let added = try Self.load(
      Self.edition(
        version: "2.0", supersedes: "1.0", issued: "2024-05-01",
        body: Self.body2.replacingOccurrences(
          of: "</chapter>", with: "<clause id=\"c-3\"><p>新しい。</p></clause></chapter>")),
      name: "2.0.xml")
    #expect(try ClauseHistory.build(editions: [first, added], clause: "c-3") == nil)
  }

  @Test("a draft in progress with errors does not stop the others' publication; with --drafts it does")
  func draftWithErrorsIsLeftOutBeforeValidation() throws {
    let w = try PublishTests.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    // A copy of 5.0 as a draft 6.0 that still declares 5.0's removals: errors in 6.0.
    try Self.writeDraftSix(w, keepingRemovals: true)

    let plain = try Publisher(options: PublishTests.options(w)).publish()
    #expect(!plain.refused, "\(plain.diagnostics)")
    #expect(plain.files["telework-security/5.0.html"] != nil)
    var options = PublishTests.options(w)
    options.drafts = true
    let withDrafts = try Publisher(options: options).publish()
    #expect(withDrafts.refused)
    #expect(withDrafts.diagnostics.contains { $0.rule == "clause-removed" && $0.file.hasSuffix("6.0.xml") })
  }

  @Test("publish leaves drafts out; with drafts, their pages are marked 案, the feed still leaves them out")
  func publish() throws {
    let w = try PublishTests.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    // A draft 6.0 of the security guideline: 5.0 with another title and status.
    let six = try Self.writeDraftSix(w, keepingRemovals: false)
    #expect(six.contains(#"status="draft""#) && six.contains(#"version="6.0""#) && !six.contains("<removals>"))

    let plain = try Publisher(options: PublishTests.options(w)).publish()
    #expect(!plain.files.keys.contains { $0.hasPrefix("telework-security/6.0") }, "\(plain.files.keys.sorted())")
    let index = try String(contentsOfFile: w.out + "/index.html", encoding: .utf8)
    #expect(!index.contains("（第6版）") && !index.contains("draft-mark"))

    var options = PublishTests.options(w)
    options.drafts = true
    let withDrafts = try Publisher(options: options).publish()
    for path in ["6.0.html", "6.0.txt", "6.0-table.html", "6.0-redline.html", "6.0-notice.html", "6.0-notice.txt"] {
      let file = "telework-security/" + path
      #expect(withDrafts.files[file] != nil, "missing \(file)")
      let text = try String(contentsOfFile: w.out + "/" + file, encoding: .utf8)
      #expect(text.contains("【案】"), "\(file) is not marked")
    }
    #expect(!(try String(contentsOfFile: w.out + "/telework-security/5.0.html", encoding: .utf8)).contains("【案】"))
    let marked = try String(contentsOfFile: w.out + "/index.html", encoding: .utf8)
    #expect(marked.contains("（第6版）") && marked.contains("draft-mark"))
    // 最新版 stays on the final edition.
    let items = marked.components(separatedBy: "<li class=\"edition").dropFirst()
    let draftItem = try #require(items.first { $0.contains("telework-security/6.0.html") })
    let finalItem = try #require(items.first { $0.contains("telework-security/5.0.html") })
    #expect(finalItem.hasPrefix(" latest\"") && !draftItem.hasPrefix(" latest") && !draftItem.contains("最新版"))
    let feed = try String(contentsOfFile: w.out + "/feed.xml", encoding: .utf8)
    #expect(!feed.contains("6.0") && feed.contains("telework-security/5.0"))
  }

  /// Writes a draft 6.0 of the security guideline into the workspace: 5.0 with another version,
  /// title and status. 5.0's removals name clauses of 4.0, errors in 6.0, unless dropped.
  @discardableResult
  static func writeDraftSix(_ w: (root: URL, guidelines: String, out: String), keepingRemovals: Bool) throws -> String {
    let five = try String(contentsOfFile: w.guidelines + "/telework-security/5.0.xml", encoding: .utf8)
    var six =
      five
      .replacingOccurrences(of: #"version="5.0" supersedes="4.0""#, with: #"version="6.0" supersedes="5.0""#)
      .replacingOccurrences(of: "（第5版）", with: "（第6版）")
      .replacingOccurrences(of: #" issued="#, with: #" status="draft" planned="2027-04-01" issued="#)
    if !keepingRemovals {
      six = six.replacingOccurrences(of: #"<removals>[\s\S]*?</removals>"#, with: "", options: .regularExpression)
    }
    try six.write(toFile: w.guidelines + "/telework-security/6.0.xml", atomically: true, encoding: .utf8)
    return six
  }
}

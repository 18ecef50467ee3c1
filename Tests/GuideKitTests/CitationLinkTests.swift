import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// Every `<ref …>…</ref>` of a guideline file replaced by its text.
private func stripReferences(_ text: String) -> String {
  text.replacing(#/<ref [^>]*>([^<]*)</ref>/#) { String($0.output.1) }
}

/// `text` without the pin attributes of its refs.
private func withoutPins(_ text: String) -> String {
  text.replacing(#/ pin="[^"]*"/#, with: "")
}

/// The refs of a guideline text as (source, provision, words).
private func references(_ text: String) -> [String] {
  text.matches(of: #/<ref source="([^"]*)" provision="([^"]*)"[^>]*>([^<]*)</ref>/#).map {
    "\($0.output.1) \($0.output.2) \($0.output.3)"
  }
}

private func storeFolders() -> [String] {
  var folders = [RepoPaths.path("references")]
  if SharedData.isAvailable {
    folders += [SharedData.path("egov/laws"), SharedData.path("oscal/catalogs")]
  }
  return folders
}

private func linker(folders: [String] = storeFolders()) throws -> CitationLinker {
  let registry = ReferenceRegistry(folders: folders)
  let recognizer = try CitationRecognizer.store(folders: folders, registry: registry)
  return CitationLinker(finder: CitationFinder(recognizer: recognizer), registry: registry)
}

@Suite("guidekit link")
struct CitationLinkTests {
  @Test(
    "the bundled editions with their refs stripped are linked again to the same refs",
    arguments: [
      "guidelines/telework-labor/2018.xml", "guidelines/telework-labor/2021.xml",
      "guidelines/telework-security/4.0.xml", "guidelines/telework-security/5.0.xml",
    ])
  func bundledEditionsRelinked(path: String) throws {
    let original = try String(contentsOfFile: RepoPaths.path(path), encoding: .utf8)
    let stripped = stripReferences(original)
    let plan = try linker().plan(file: path, bytes: Array(stripped.utf8))
    let relinked = String(decoding: CitationLinker.apply(plan, to: Array(stripped.utf8)), as: UTF8.self)
    let want = references(original)
    let got = references(relinked)
    var remaining = want
    var correct = 0
    for ref in got {
      if let k = remaining.firstIndex(of: ref) {
        remaining.remove(at: k)
        correct += 1
      }
    }
    let precision = got.isEmpty ? 1 : Double(correct) / Double(got.count)
    let recall = want.isEmpty ? 1 : Double(correct) / Double(want.count)
    print(
      "\(path): \(want.count) refs; precision \(precision) (\(correct)/\(got.count)), recall \(recall) (\(correct)/\(want.count))"
    )
    #expect(precision >= 0.99 && recall >= 0.97)
    // Source, provision and words are the bundled ones, at the same places; only pins may differ.
    #expect(withoutPins(relinked) == withoutPins(original))
    #expect(plan.skipped.isEmpty, "\(plan.skipped.map(\.reason))")
  }

  @Test("link changes no byte but the tags it inserts")
  func bytePreservation() throws {
    let text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!DOCTYPE guideline>\r\n<!-- 労働基準法第1条 in a comment -->\r\n"
      + "<guideline xmlns=\"urn:guidekit:guideline:1\" xml:lang=\"ja\" id=\"g\" version=\"1.0\" issued=\"2021-04-01\" effective=\"2021-04-01\">\r\n"
      + "  <title>試験（第1版）</title>\r\n  <issuer>発行者</issuer>\r\n"
      + "  <chapter id=\"ch\" num=\"第1章\"><title>総則</title>\r\n"
      + "    <clause id=\"c1\" num=\"(1)\">\r\n"
      + "      <p>使用者は&amp;、労働基準法第32条及び<em>第34条</em>並びに同法第35条に従う。<![CDATA[労働基準法第36条]]>\u{3000}<ref source=\"322AC0000000049\" provision=\"Art37\" pin=\"2021-04-01\">労働基準法第37条</ref>、第39条</p>\r\n"
      + "      <note attr-like=\"a>b\">参考：NIST SP 800-53 AC-17(2)</note>\r\n"
      + "    </clause>\r\n  </chapter>\r\n</guideline>\r\n"
    let bytes = Array(text.utf8)
    let plan = try linker(folders: [RepoPaths.path("references")]).plan(file: "t.xml", bytes: bytes)
    let linked = CitationLinker.apply(plan, to: bytes)
    let out = String(decoding: linked, as: UTF8.self)
    let targets = out.matches(of: #/<ref source="([^"]*)" provision="([^"]*)"/#).map { "\($0.output.1) \($0.output.2)" }
    #expect(
      targets == [
        "322AC0000000049 Art32", "322AC0000000049 Art35", "322AC0000000049 Art37", "322AC0000000049 Art39",
        "nist-sp800-53 ac-17.2",
      ])
    // Removing exactly the inserted tags gives the input back, byte for byte.
    var restored = out
    for insertion in plan.insertions {
      restored = restored.replacingOccurrences(of: insertion.startTag, with: "")
    }
    restored = restored.replacingOccurrences(of: "</ref>", with: "")
    let original = text.replacingOccurrences(of: "</ref>", with: "")
    #expect(restored == original)
    // The comment, the CDATA section and the <em> are left alone; 第34条 inside <em> is reported.
    #expect(out.contains("<!-- 労働基準法第1条 in a comment -->"))
    #expect(out.contains("<![CDATA[労働基準法第36条]]>"))
    #expect(plan.skipped.map(\.found.text) == ["第34条"])
    // Without a store holding the law, the pin is the edition's issued date, with a note.
    #expect(plan.insertions.first?.pin == "2021-04-01")
    #expect(plan.insertions.first?.note?.contains("sources fetch") == true)
  }

  @Test("link writes the file atomically, and a second run changes nothing")
  func writesOnceAndIsIdempotent() throws {
    let folderScratch = try TempFolder(prefix: "guidekit-link")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("2021.xml").path
    let original = try String(contentsOfFile: RepoPaths.path("guidelines/telework-labor/2021.xml"), encoding: .utf8)
    try stripReferences(original).write(toFile: file, atomically: true, encoding: .utf8)
    let linker = try linker()
    let first = try linker.link(file: file, write: true)
    #expect(first.changed)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(first.new))
    #expect(first.unifiedDiff.hasPrefix("--- \(file)\n+++ \(file)\n@@ -"))
    let second = try linker.link(file: file, write: true)
    #expect(!second.changed)
    #expect(second.plan.insertions.isEmpty)
    // The linked edition is valid and has no unlinked citation left.
    let report = Validator.validate(paths: [file], options: .init(registry: ReferenceRegistry(folders: storeFolders())))
    #expect(
      report.diagnostics.filter { $0.rule == "unlinked-citation" || $0.rule == "schema" }.isEmpty,
      "\(report.diagnostics)")
  }

  @Test(
    "a hostile or foreign file is refused and left as it was",
    arguments: [
      "<guideline xmlns=\"urn:guidekit:guideline:1\"><p>労働基準法第32条</p>",
      "<!DOCTYPE g [<!ENTITY a \"労働基準法第32条\">]><guideline xmlns=\"urn:guidekit:guideline:1\"><p>&a;</p></guideline>",
      "<law><p>労働基準法第32条</p></law>",
    ])
  func hostileFileIsRefusedUntouched(text: String) throws {
    let folderScratch = try TempFolder(prefix: "guidekit-link-hostile")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("x.xml").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    #expect(throws: GuideKitError.self) { try linker().link(file: file, write: true) }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.xml"])
  }

  @Test(
    "validate reports each unlinked citation with file, line, clause and the <ref> it needs; --strict makes it an error"
  )
  func unlinkedCitationRule() throws {
    let folderScratch = try TempFolder(prefix: "guidekit-unlinked")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("1.0.xml").path
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="g" version="1.0" issued="2021-04-01" effective="2021-04-01">
        <title>試験</title>
        <issuer>発行者</issuer>
        <chapter id="ch" num="第1章">
          <title>総則</title>
          <clause id="c1" num="(1)">
            <p>使用者は<ref source="322AC0000000049" provision="Art32" pin="2021-04-01">労働基準法第32条</ref>に従う。</p>
            <p>休憩は同法第34条第2項による。職業安定法第5条の3も参照する。</p>
          </clause>
        </chapter>
      </guideline>

      """
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let report = Validator.validate(paths: [file])
    let found = report.diagnostics.filter { $0.rule == "unlinked-citation" }
    #expect(found.count == 2, "\(report.diagnostics)")
    #expect(found.allSatisfy { $0.line == 9 && $0.clause == "c1" && $0.severity == .warning })
    #expect(
      found.first?.message.contains(
        "<ref source=\"322AC0000000049\" provision=\"Art34/Para2\" pin=\"2021-04-01\">同法第34条第2項</ref>") == true)
    #expect(found.last?.message.contains("「職業安定法」 is not in the law-title table") == true)
    let strict = Validator.validate(paths: [file], options: .init(strict: true))
    #expect(strict.diagnostics.filter { $0.rule == "unlinked-citation" }.allSatisfy { $0.severity == .error })
    #expect(strict.exitStatus == 1)
  }
}

@Suite("Citation pins and contexts")
struct CitationPinTests {
  @Test(
    "the pin is the revision in force on the issued date, a named revision, or the newest catalog",
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func pins() {
    let registry = ReferenceRegistry(folders: [SharedData.path("egov/laws"), SharedData.path("oscal/catalogs")])
    let inForce = CitationPin.pin(source: "347AC0000000057", hint: nil, issued: "2026-02-01", registry: registry)
    #expect(inForce.pin == "20260101_507AC0000000033" && inForce.note == nil)
    let later = CitationPin.pin(source: "347AC0000000057", hint: nil, issued: "2026-05-01", registry: registry)
    #expect(later.pin == "20260401_507AC0000000033")
    let before = CitationPin.pin(source: "322AC0000000049", hint: nil, issued: "2021-03-25", registry: registry)
    #expect(before.pin == "2021-03-25")
    #expect(before.note?.contains("20250601_504AC0000000068") == true)
    let named = CitationPin.pin(
      source: "nist-sp800-53", kind: .control, hint: "rev5", issued: "2021-05-31", registry: registry)
    #expect(named.pin == "rev5.0.1")
    let newest = CitationPin.pin(
      source: "nist-sp800-53", kind: .control, hint: nil, issued: "2018-04-13", registry: registry)
    #expect(newest.pin == "rev5.0.1" && newest.note != nil)
    let absent = CitationPin.pin(source: "334AC0000000137", hint: nil, issued: "2021-03-25", registry: registry)
    #expect(absent.pin == "2021-03-25" && absent.note?.contains("sources fetch") == true)
  }

  @Test("each clause starts a new context; lines and clause ids are those of the words")
  func contextsPerClause() throws {
    let text = """
      <guideline xmlns="urn:guidekit:guideline:1" id="g" version="1" issued="2021-04-01">
        <chapter id="ch"><title>t</title>
          <clause id="a"><p>労働基準法第32条を守る。</p></clause>
          <clause id="b">
            <p>同法第34条による。</p>
            <note>労働契約法の定め（第5条）</note>
          </clause>
        </chapter>
      </guideline>
      """
    let finder = CitationFinder(recognizer: try repositoryRecognizer())
    let found = finder.find(in: Array(text.utf8)).citations
    #expect(found.map(\.text) == ["労働基準法第32条", "同法第34条", "第5条"])
    #expect(found.map(\.line) == [3, 5, 6])
    #expect(found.map(\.clause) == ["a", "b", "b"])
    #expect(found[1].citation.problem != nil && !found[1].isLinkable)
    #expect(found[2].citation.source == "419AC0000000128" && found[2].isLinkable)
  }

  @Test("a name the document defines for a law holds in every later clause")
  func definedNamesOutliveTheClause() throws {
    let text = """
      <guideline xmlns="urn:guidekit:guideline:1" id="g" version="1" issued="2021-04-01">
        <summary><p>労働基準法（以下「法」という。）の改正を踏まえる。</p></summary>
        <chapter id="ch"><title>t</title>
          <clause id="a"><p>法第32条を守る。</p></clause>
          <clause id="b"><p>方法第2条や同法第3条は引用ではない。</p></clause>
        </chapter>
      </guideline>
      """
    let found = CitationFinder(recognizer: try repositoryRecognizer()).find(in: Array(text.utf8)).citations
    #expect(found.map(\.text) == ["法第32条", "同法第3条"])
    #expect(found.first?.citation.source == "322AC0000000049" && found.first?.clause == "a")
    #expect(found.last?.citation.problem != nil)
  }
}

import Foundation
import GuideKitTestSupport
import Testing

/// `guidekit import` as a user runs it: exit status, messages, and nothing written on failure.
@Suite struct ImportCommandTests {
  private func expectRefused(
    _ path: String, status: Int32, mentioning words: [String], extra: [String] = [], folder: TempFolder
  ) throws {
    let output = folder.path("out/1.0.xml")
    let result = try GuideKitBinary.run(
      ["import", path, "--guideline", "sample", "--version", "1.0", "-o", output] + extra)
    #expect(result.status == status, "\(result)")
    for word in words { #expect(result.stderr.contains(word), "\(result)") }
    #expect(!FileManager.default.fileExists(atPath: output), "\(result)")
    #expect(result.stdout.isEmpty)
  }

  @Test func aFileThatIsNoZipExits2AndWritesNothing() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    let path = try folder.write("report.docx", "これはWord文書ではない。\n")
    try expectRefused(path, status: 2, mentioning: [path, "not a ZIP package"], folder: folder)
  }

  @Test func aZipBombExits2AndWritesNothing() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    let path = folder.path("bomb.docx")
    try DocxMaker.write([("word/document.xml", Data(repeating: 0x20, count: 8 << 20))], to: path)
    try DocxMaker.claimUncompressedSize(2000, at: path)
    try expectRefused(path, status: 2, mentioning: [path, "(word/document.xml)", "zip bomb"], folder: folder)
  }

  @Test func anEntryNamedDotDotExits2AndWritesNothing() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    let path = folder.path("out/escape.docx")
    try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
    try DocxMaker.docx(body: DocxMaker.p("第1章　総則", style: "1"), more: [("../../x", "x")], at: path)
    try expectRefused(path, status: 2, mentioning: [path, "'../../x'"], folder: folder)
    #expect(!folder.exists("x"))
  }

  @Test func anExternalEntityExits2AndWritesNothing() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    let path = folder.path("xxe.docx")
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <w:document xmlns:w="\(DocxMaker.w)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
      """
    try DocxMaker.write([("_rels/.rels", DocxMaker.packageRels), ("word/document.xml", xml)], to: path)
    try expectRefused(path, status: 2, mentioning: [path, "(word/document.xml)", "DOCTYPE"], folder: folder)
  }

  @Test func aClaimedHundredMegabyteEntryExits2AndWritesNothing() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    let path = folder.path("huge.docx")
    try DocxMaker.write([("word/document.xml", DocxMaker.document(DocxMaker.p("本文")))], to: path)
    try DocxMaker.claimUncompressedSize(100 << 20, at: path)
    try expectRefused(path, status: 2, mentioning: [path, "104857600"], folder: folder)
  }

  @Test func trackedChangesExit1WithTheirListAndWriteNothing() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    let path = folder.path("changes.docx")
    let body =
      DocxMaker.p("試験", style: "Title") + DocxMaker.p("総務省") + DocxMaker.p("第1章　総則", style: "1")
      + DocxMaker.p("(1)　目的", style: "3")
      + "<w:p><w:r><w:t>本文</w:t></w:r><w:ins w:id=\"1\"><w:r><w:t>を追加</w:t></w:r></w:ins></w:p>"
    try DocxMaker.docx(body: body, at: path)
    try expectRefused(path, status: 1, mentioning: ["1 tracked change", "挿入 (w:ins)「を追加」"], folder: folder)
    let output = folder.path("1.0.xml")
    let accepted = try GuideKitBinary.run(
      ["import", path, "--guideline", "sample", "--version", "1.0", "--accept-changes", "-o", output])
    #expect(accepted.status == 0, "\(accepted)")
    #expect(try String(contentsOfFile: output, encoding: .utf8).contains("<p>本文を追加</p>"))
  }

  @Test func theFixtureImportsWithSupersedesAndValidates() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    // The bundled editions (4.0, 5.0 and the figures), so that the folder validates as it is.
    try FileManager.default.copyItem(
      atPath: DocxMaker.packageRoot.appendingPathComponent("guidelines/telework-security").path,
      toPath: folder.path("telework-security"))
    let output = folder.path("telework-security/6.0.xml")
    let result = try GuideKitBinary.run([
      "import", DocxMaker.fixture("security-5.0-word.docx"), "--guideline", "telework-security", "--version", "6.0",
      "--supersedes", "5.0", "--issued", "2026-04-01", "-o", output,
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.contains("1 new"), "\(result)")
    #expect(result.stderr.contains("intro-related-docs"), "\(result)")
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<guideline xmlns=\"urn:guidekit:guideline:1\""))
    #expect(text.contains("supersedes=\"5.0\""))
    // Citations in the prose are marked up again, as `guidekit link` does.
    #expect(text.contains("<ref source=\"426AC1000000104\" provision=\"Art2\""), "\(text.prefix(3000))")
    // The folder validates with the previous edition beside it (only warnings: the removed clause).
    let validate = try GuideKitBinary.run(["validate", folder.path("telework-security")])
    #expect(validate.status == 0, "\(validate)")
    // fmt has nothing to change.
    let fmt = try GuideKitBinary.run(["fmt", "--check", output])
    #expect(fmt.status == 0, "\(fmt)")
  }

  @Test func aMissingPreviousEditionIsNamed() throws {
    let folder = try TempFolder(prefix: "guidekit-import")
    let output = folder.path("6.0.xml")
    let result = try GuideKitBinary.run([
      "import", DocxMaker.fixture("security-5.0-word.docx"), "--guideline", "telework-security", "--version", "6.0",
      "--supersedes", "4.9", "-o", output,
    ])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("previous edition 4.9 was not found"), "\(result)")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func badUsageExits64() throws {
    let result = try GuideKitBinary.run(["import", "x.docx", "--guideline", "1bad", "--version", "1.0"])
    #expect(result.status == 64, "\(result)")
  }
}

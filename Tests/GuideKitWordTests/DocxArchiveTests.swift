import Foundation
import GuideKitTestSupport
import GuideKitWord
import Testing

/// Hostile packages: each is refused with an error naming the file (and the part), nothing read
/// beyond the limits.
@Suite struct DocxArchiveTests {
  private func refusal(_ path: String, limits: DocxArchive.Limits = .init(), part: String = "word/document.xml")
    -> WordImportError?
  {
    do {
      var archive = try DocxArchive(file: path, limits: limits)
      _ = try archive.xml(part)
      return nil
    } catch {
      return error
    }
  }

  @Test func aFileThatIsNoZipIsRefused() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = try folder.write("report.docx", "<w:document>not a package</w:document>\n")
    let error = try #require(refusal(path))
    guard case .notZip(let file) = error else {
      Issue.record("expected notZip, got \(error)")
      return
    }
    #expect(file == path)
    #expect(error.description.contains("not a ZIP package"))
  }

  @Test func aZipBombIsStoppedByItsClaimedRatio() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("bomb.docx")
    // 8 MB of one byte deflates to a few kilobytes: a ratio of about 1000:1.
    try DocxMaker.write([("word/document.xml", Data(repeating: 0x20, count: 8 << 20))], to: path)
    let error = try #require(refusal(path))
    guard case .hostile(_, let part, let reason) = error else {
      Issue.record("expected hostile, got \(error)")
      return
    }
    #expect(part == "word/document.xml")
    #expect(reason.contains("compression ratio"), "\(reason)")
  }

  @Test func aZipBombThatUnderstatesItsSizeIsStoppedWhileInflating() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("liar.docx")
    try DocxMaker.write([("word/document.xml", Data(repeating: 0x20, count: 8 << 20))], to: path)
    // The directory now claims 1000 bytes: only the bytes actually inflated can stop it.
    try DocxMaker.claimUncompressedSize(1000, at: path)
    let error = try #require(refusal(path))
    guard case .hostile(_, let part, let reason) = error else {
      Issue.record("expected hostile, got \(error)")
      return
    }
    #expect(part == "word/document.xml")
    #expect(reason.contains("inflates"), "\(reason)")
  }

  @Test func aPartLargerThanTheLimitIsRefused() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("big.docx")
    // Real bytes, barely compressible, past a small per-part limit.
    var generator = SplitMix64(seed: 19)
    let bytes = Data((0..<(300 << 10)).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    try DocxMaker.write([("word/document.xml", bytes)], to: path)
    let error = try #require(refusal(path, limits: DocxArchive.Limits(maxPartBytes: 256 << 10)))
    guard case .hostile(_, _, let reason) = error else {
      Issue.record("expected hostile, got \(error)")
      return
    }
    #expect(reason.contains("262144"), "\(reason)")
  }

  @Test func aClaimedHundredMegabyteEntryIsRefusedBeforeItIsRead() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("claims.docx")
    try DocxMaker.write([("word/document.xml", DocxMaker.document(DocxMaker.p("本文")))], to: path)
    try DocxMaker.claimUncompressedSize(100 << 20, at: path)
    let error = try #require(refusal(path))
    guard case .hostile(_, let part, let reason) = error else {
      Issue.record("expected hostile, got \(error)")
      return
    }
    #expect(part == "word/document.xml")
    #expect(reason.contains("claims 104857600 bytes"), "\(reason)")
  }

  @Test(arguments: ["../../x", "/etc/passwd", "word/../../x", "C:\\x", "word\\document.xml"])
  func anEntryNamedOutsideThePackageIsRefused(name: String) throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("escape.docx")
    try DocxMaker.write(
      [("word/document.xml", DocxMaker.document(DocxMaker.p("本文"))), (name, "x")], to: path)
    let error = try #require(refusal(path))
    guard case .hostile(_, _, let reason) = error else {
      Issue.record("expected hostile, got \(error)")
      return
    }
    #expect(reason.contains("'\(name)'"), "\(reason)")
  }

  @Test func tooManyEntriesAreRefused() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("many.docx")
    try DocxMaker.write((0..<30).map { ("word/media/p\($0).xml", "<x/>") }, to: path)
    let error = try #require(refusal(path, limits: DocxArchive.Limits(maxEntries: 20)))
    #expect(error.description.contains("more than 20 entries"), "\(error)")
  }

  @Test func anExternalEntityInTheDocumentIsRefused() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let secret = try folder.write("secret.txt", "TOP-SECRET\n")
    let path = folder.path("xxe.docx")
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://\(secret)">]>
      <w:document xmlns:w="\(DocxMaker.w)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
      """
    try DocxMaker.write([("word/document.xml", xml)], to: path)
    let error = try #require(refusal(path))
    guard case .hostile(let file, let part, let reason) = error else {
      Issue.record("expected hostile, got \(error)")
      return
    }
    #expect(file == path)
    #expect(part == "word/document.xml")
    #expect(reason.contains("DOCTYPE"))
    #expect(!error.description.contains("TOP-SECRET"))
  }

  @Test func aMalformedPartIsNamed() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("broken.docx")
    try DocxMaker.write([("word/document.xml", "<w:document><w:body>")], to: path)
    let error = try #require(refusal(path))
    guard case .malformedPart(let file, let part, _) = error else {
      Issue.record("expected malformedPart, got \(error)")
      return
    }
    #expect(file == path)
    #expect(part == "word/document.xml")
  }

  @Test func aSoundPackageReadsWithinItsLimits() throws {
    let folder = try TempFolder(prefix: "guidekit-docx")
    let path = folder.path("ok.docx")
    try DocxMaker.docx(body: DocxMaker.p("本文"), at: path)
    var archive = try DocxArchive(file: path)
    #expect(archive.partNames.contains("word/document.xml"))
    let root = try #require(try archive.xml("word/document.xml"))
    #expect(root.name == "document")
    #expect(try archive.xml("word/missing.xml") == nil)
  }
}

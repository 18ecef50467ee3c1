import Foundation
import GuideKit
import GuideKitWord
import Testing
import ZIPFoundation

@Suite struct DocxWriterTests {
  @Test func sameEditionSameBytes() throws {
    let file = WordTest.edition("telework-security/5.0.xml")
    let first = try WordExport.edition(file: file)
    let second = try WordExport.edition(file: file)
    #expect(first == second)
    #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
  }

  @Test func sameDeltaSameBytes() throws {
    let (old, new) = WordTest.bundledPairs[0]
    let delta = try WordTest.delta(WordTest.edition(old), WordTest.edition(new))
    #expect(try WordExport.table(delta: delta) == WordExport.table(delta: delta))
  }

  /// Fixed order, fixed date (1980-01-01 00:00, in the DOS fields of every header), deflate: a
  /// clock, a time zone or a file system cannot change the bytes.
  @Test func entriesHaveFixedOrderDateAndCompression() throws {
    let bytes = try WordExport.edition(file: WordTest.edition("telework-labor/2021.xml"))
    let entries = try WordTest.entries(bytes)
    #expect(
      entries.map(\.name) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
        "word/numbering.xml", "word/footer1.xml", "word/footnotes.xml",
      ])
    for (name, entry, _) in entries { #expect(entry.isCompressed, "\(name)") }
    // Every local header: deflate (method 8, bytes 8…9), time 00:00 and date 1980-01-01 (bytes
    // 10…13, DOS format, little-endian).
    var offset = 0
    var headers = 0
    while offset + 30 <= bytes.count, bytes[offset..<offset + 4] == [0x50, 0x4B, 0x03, 0x04] {
      #expect(Array(bytes[offset + 8..<offset + 14]) == [8, 0, 0, 0, 0x21, 0])
      let compressed = Int(bytes[offset + 18]) | Int(bytes[offset + 19]) << 8 | Int(bytes[offset + 20]) << 16
      let nameLength = Int(bytes[offset + 26]) | Int(bytes[offset + 27]) << 8
      let extraLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
      offset += 30 + nameLength + extraLength + compressed
      headers += 1
    }
    #expect(headers == entries.count)
  }

  @Test func contentTypesNameEveryPart() throws {
    let bytes = try WordExport.edition(file: WordTest.edition("telework-security/5.0.xml"))
    let types = try WordTest.part(bytes, "[Content_Types].xml")
    let overrides = types.elements(
      named: "Override", namespace: "http://schemas.openxmlformats.org/package/2006/content-types")
    let named = Set(overrides.compactMap { $0[attribute: "PartName"] })
    for (name, _, _) in try WordTest.entries(bytes) where name != "[Content_Types].xml" && !name.hasSuffix(".rels") {
      #expect(named.contains("/" + name), "\(name)")
    }
    #expect(
      overrides.first { $0[attribute: "PartName"] == "/word/document.xml" }?[attribute: "ContentType"]
        == "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
  }

  @Test(arguments: [
    "/../x.xml", "/word/../../x", "word/document.xml", "/word//x.xml", "/a\\b.xml", "/./x", "/word/document.xml",
    "/WORD/Document.xml", "/wörd.xml", "",
  ])
  func unsafePartNamesAreRefused(name: String) {
    let flat = """
      <pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
        <pkg:part pkg:name="/word/document.xml" pkg:contentType="application/xml"><pkg:xmlData><d/></pkg:xmlData></pkg:part>
        <pkg:part pkg:name="\(name)" pkg:contentType="application/xml"><pkg:xmlData><x/></pkg:xmlData></pkg:part>
      </pkg:package>
      """
    #expect(throws: GuideKitError.self) { try WordExport.package(flat) }
  }

  /// A clause id becomes the bookmark name BookmarkName gives it, the bookmark's end its number,
  /// and an anchor the same name; text and attributes are escaped.
  @Test func bookmarksAreNamedAndNumbered() throws {
    let flat = """
      <pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage" xmlns:w="\(WordTest.w)" xmlns:gkw="urn:guidekit:word:1">
        <pkg:part pkg:name="/word/document.xml" pkg:contentType="application/xml"><pkg:xmlData>
          <w:document><w:body>
            <w:p><w:bookmarkStart gkw:clause="sec-1"/><w:r><w:t>a &amp; b &lt; c</w:t></w:r><w:bookmarkEnd gkw:clause="sec-1"/></w:p>
            <w:p><w:bookmarkStart gkw:clause="第2"/><w:bookmarkEnd gkw:clause="第2"/><w:hyperlink gkw:anchor="sec-1"/></w:p>
          </w:body></w:document>
        </pkg:xmlData></pkg:part>
      </pkg:package>
      """
    let document = try WordTest.part(try WordExport.package(flat), "word/document.xml")
    let starts = WordTest.all(document, "bookmarkStart")
    let ends = WordTest.all(document, "bookmarkEnd")
    #expect(starts.map { WordTest.attribute($0, "name") } == [BookmarkName.encode("sec-1"), BookmarkName.encode("第2")])
    #expect(starts.map { WordTest.attribute($0, "id") } == ["0", "1"])
    #expect(ends.map { WordTest.attribute($0, "id") } == ["0", "1"])
    #expect(WordTest.attribute(try #require(WordTest.all(document, "hyperlink").first), "anchor") == "gk_sec_002D1")
    #expect(WordTest.text(document) == "a & b < c")
    #expect(document.descendants { $0.attributes.contains { $0.namespaceURI == "urn:guidekit:word:1" } }.isEmpty)
  }
}

import Foundation
import GuideKitTestSupport
import Testing
import ZIPFoundation

#if canImport(Glibc)
  import Glibc
#endif

/// Small Word packages written in the tests, hostile ones included.
enum DocxMaker {
  static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
    """

  static let packageRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

  static let documentRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>
    """

  /// Heading styles as Word names them (`heading 1` …, outline levels through basedOn), a title
  /// and a character style for emphasis.
  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="\(w)">
    <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
    <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="MyClause"><w:name w:val="項目見出し"/><w:basedOn w:val="3"/></w:style>
    <w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
    <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
    </w:styles>
    """

  /// A document body wrapped in `w:document`.
  static func document(_ body: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:document xmlns:w="\(w)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)</w:body></w:document>
    """
  }

  /// A paragraph: style, text, and optional run markup written as is.
  static func p(_ text: String, style: String? = nil, numID: Int? = nil, level: Int = 0, extra: String = "") -> String {
    var pPr = ""
    if let style { pPr += "<w:pStyle w:val=\"\(style)\"/>" }
    if let numID { pPr += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>" }
    let properties = pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>"
    let run = text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    return "<w:p>\(properties)\(run)\(extra)</w:p>"
  }

  /// Writes a package of `parts` (name → text) at `path`, deflated, in the order given.
  static func write(_ parts: [(String, String)], to path: String) throws {
    try write(parts.map { ($0.0, Data($0.1.utf8)) }, to: path)
  }

  static func write(_ parts: [(String, Data)], to path: String) throws {
    try? FileManager.default.removeItem(atPath: path)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for (name, data) in parts {
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
      }
    }
  }

  /// A whole .docx: the usual parts around `body`, plus `more`.
  static func docx(body: String, numbering: String? = nil, more: [(String, String)] = [], at path: String) throws {
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRels), ("word/document.xml", document(body)),
      ("word/_rels/document.xml.rels", documentRels), ("word/styles.xml", styles),
    ]
    if let numbering { parts.append(("word/numbering.xml", numbering)) }
    parts += more
    try write(parts, to: path)
  }

  /// Sets the uncompressed size that the local header and the central directory claim for the
  /// first entry of the ZIP at `path` (a package that lies about its sizes).
  static func claimUncompressedSize(_ size: UInt32, at path: String) throws {
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    func put(_ value: UInt32, at offset: Int) {
      for i in 0..<4 { data[offset + i] = UInt8((value >> (8 * UInt32(i))) & 0xFF) }
    }
    // Local file header of the first entry: signature at 0, uncompressed size at 22.
    #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
    put(size, at: 22)
    // The first central directory header: uncompressed size at 24.
    let signature = Data([0x50, 0x4B, 0x01, 0x02])
    let range = try #require(data.range(of: signature))
    put(size, at: range.lowerBound + 24)
    try data.write(to: URL(fileURLWithPath: path))
  }

  /// The package root: this file is `<root>/Tests/GuideKitWordTests/DocxMaker.swift`.
  static let packageRoot = PackageRoot.url

  static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/GuideKitWordTests/Fixtures/\(name)").path
  }

  static func edition(_ guideline: String, _ version: String) -> String {
    packageRoot.appendingPathComponent("guidelines/\(guideline)/\(version).xml").path
  }
}

/// Runs the `guidekit` binary built next to the test bundle.
enum GuideKitBinary {
  typealias Result = ProgramRun

  static let url = BuiltProgram.url("guidekit")

  static func run(_ arguments: [String], in directory: URL = DocxMaker.packageRoot) throws -> Result {
    let binary = try #require(url, Comment(rawValue: BuiltProgram.absence("guidekit")))
    return try ProgramRunner.run(binary, arguments, in: directory)
  }
}

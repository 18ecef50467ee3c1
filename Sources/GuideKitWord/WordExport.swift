import FoundationEssentials
import GuideKit
import GuideKitXML

/// Word documents (.docx) made by XSLT from the same documents as the HTML: the 新旧対照表 from
/// a delta document (`delta-docx`), an edition from the guideline itself (`guideline-docx`), a
/// notice from the notice document (`notice-docx`). Each stylesheet writes the whole package as
/// Flat OPC (docx-common.xsl: styles, numbering, footer, properties), so an office restyles the
/// Word output as it restyles the HTML, with `--stylesheet NAME=FILE`; ``FlatPackage`` and
/// ``DocxWriter`` turn it into the bytes of the .docx, the same bytes for the same input.
public enum WordExport {
  /// One guideline edition as a .docx: headings with outline levels, clause ids as bookmarks
  /// (``BookmarkName``), numbers in the character style ClauseNumber, so that the document can
  /// be imported back.
  /// - Parameters:
  ///   - file: the edition's path (read unless `data` is given; names it in diagnostics).
  ///   - data: the edition's bytes, when the caller has read them.
  ///   - stylesheets: the stylesheets (overrides of `guideline-docx` apply).
  ///   - parameters: XSLT parameters (docx-common.xsl lists the fonts and sizes).
  /// - Returns: the bytes of the .docx file.
  /// - Throws: `GuideKitError` for an unreadable file, a document that is no guideline edition,
  ///   or a failing stylesheet.
  public static func edition(
    file: String, data: Data? = nil, stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:]
  ) throws(GuideKitError) -> [UInt8] {
    let document = try Renderer.guideline(file, data: data, use: "exported to Word")
    let flat = try stylesheets.transform("guideline-docx", document: document, parameters: parameters)
    return try package(flat, stylesheet: "guideline-docx")
  }

  /// The 新旧対照表 of a delta document (``DeltaDocument/xml(_:)``) as a .docx: A4 landscape
  /// (`paper=portrait` for portrait), the two columns 改正後 | 改正前 of equal width, the header
  /// row repeating on every page, changed spans underlined.
  /// - Parameters:
  ///   - delta: the delta document (XML text).
  ///   - stylesheets: the stylesheets (overrides of `delta-docx` apply).
  ///   - parameters: XSLT parameters (`title`, `paper`, and docx-common.xsl's).
  public static func table(
    delta: XMLDocument, stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:]
  ) throws(GuideKitError) -> [UInt8] {
    let flat = try stylesheets.transform("delta-docx", document: delta, parameters: parameters)
    return try package(flat, stylesheet: "delta-docx")
  }

  /// ``table(delta:stylesheets:parameters:)`` of a delta document given as text.
  public static func table(
    delta: String, stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:]
  ) throws(GuideKitError) -> [UInt8] {
    try table(delta: parse(delta, fileName: "delta.xml"), stylesheets: stylesheets, parameters: parameters)
  }

  /// The publication notice (``NoticeBuilder/xml(edition:previous:links:mainChanges:)``) as a
  /// .docx: the date (和暦 and 西暦) and the issuer at the top right, the title, then the
  /// numbered sections as in the HTML notice.
  public static func notice(
    document: XMLDocument, stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:]
  ) throws(GuideKitError) -> [UInt8] {
    let flat = try stylesheets.transform("notice-docx", document: document, parameters: parameters)
    return try package(flat, stylesheet: "notice-docx")
  }

  /// ``notice(document:stylesheets:parameters:)`` of a notice document given as text.
  public static func notice(
    xml: String, stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:]
  ) throws(GuideKitError) -> [UInt8] {
    try notice(document: parse(xml, fileName: "notice.xml"), stylesheets: stylesheets, parameters: parameters)
  }

  private static func parse(_ text: String, fileName: String) throws(GuideKitError) -> XMLDocument {
    do {
      return try XMLDocument.parse(data: Data(text.utf8), fileName: fileName)
    } catch {
      throw .xml(error)
    }
  }

  /// A Flat OPC package (what the stylesheets write) as the bytes of a .docx file.
  public static func package(_ flat: String, stylesheet: String = "package") throws(GuideKitError) -> [UInt8] {
    try DocxWriter.archive(FlatPackage.parts(Data(flat.utf8), fileName: "\(stylesheet) output"))
  }
}

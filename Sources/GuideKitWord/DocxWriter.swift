import FoundationEssentials
import GuideKit
import ZIPFoundation

/// One part of a Word package: its name inside the ZIP (`word/document.xml`, no leading slash),
/// its content type, and its bytes.
public struct DocxPart: Sendable, Hashable {
  public var name: String
  public var contentType: String
  public var data: Data

  public init(name: String, contentType: String, data: Data) {
    self.name = name
    self.contentType = contentType
    self.data = data
  }
}

/// Writes the ZIP file of a Word package so that the same parts always give the same bytes:
/// `[Content_Types].xml` first, then the parts in the order given, every entry deflated and
/// dated 1980-01-01 00:00 (the earliest date a ZIP entry holds), with fixed permissions.
/// ZIPFoundation writes each entry's local header with its sizes and CRC (no data descriptor)
/// and no extra fields, so nothing of the machine, the clock or the time zone enters the file.
public enum DocxWriter {
  /// The modification date of every entry: 1980-01-01T00:00:00Z (ZIPFoundation converts in UTC).
  public static let entryDate = Date(timeIntervalSince1970: 315_532_800)

  /// The package as the bytes of a .docx file.
  /// - Throws: `GuideKitError.io` when the ZIP file cannot be made (`path` names the part).
  public static func archive(_ parts: [DocxPart]) throws(GuideKitError) -> [UInt8] {
    let all = [contentTypes(parts)] + parts
    do {
      let archive = try Archive(accessMode: .create)
      for part in all {
        let data = part.data
        try archive.addEntry(
          with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
          permissions: 0o644, compressionMethod: .deflate
        ) { position, size in
          let start = Int(position)
          return data.subdata(in: start..<min(start + size, data.count))
        }
      }
      guard let bytes = archive.data else { throw GuideKitError.io(path: "docx", reason: "no ZIP data") }
      return [UInt8](bytes)
    } catch let error as GuideKitError {
      throw error
    } catch {
      throw .io(path: "docx", reason: "cannot write the ZIP package: \(error)")
    }
  }

  /// `[Content_Types].xml`: relationships and XML by extension, every other part by name.
  static func contentTypes(_ parts: [DocxPart]) -> DocxPart {
    var xml =
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
      + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
      + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
      + #"<Default Extension="xml" ContentType="application/xml"/>"#
    for part in parts where !part.name.hasSuffix(".rels") {
      xml +=
        #"<Override PartName="/\#(PartSerializer.escape(part.name, attribute: true))" ContentType="\#(PartSerializer.escape(part.contentType, attribute: true))"/>"#
    }
    xml += "</Types>"
    return DocxPart(
      name: "[Content_Types].xml", contentType: "application/vnd.openxmlformats-package.content-types+xml",
      data: Data(xml.utf8))
  }
}

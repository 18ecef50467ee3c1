import Foundation
import GuideKit
import GuideKitTestSupport
import GuideKitWord
import GuideKitXML
import Testing

/// The 新旧対照表 .docx read by programs that are not guidekit: LibreOffice (converted to PDF,
/// whose text poppler's pdftotext extracts) and python-docx. Each test skips, saying what to
/// install, where the program is missing; CI installs them (.ci/run).
@Suite(.serialized) struct ConsumerTests {
  static let soffice = WordTest.which("soffice")
  static let pdftotext = WordTest.which("pdftotext")
  static let python = WordTest.which("python3")
  static let hasPythonDocx: Bool = {
    guard let python else { return false }
    return (try? WordTest.run(python, ["-c", "import docx"]).status) == 0
  }()

  /// The 新旧対照表 .docx of each bundled pair of editions, written into `folder`.
  static func bundledTables(in folder: TempFolder) throws -> [(file: String, delta: XMLElement)] {
    try WordTest.bundledPairs.map { old, new in
      let delta = try WordTest.delta(WordTest.edition(old), WordTest.edition(new))
      let name = new.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".xml", with: "-table.docx")
      let file = try folder.write(name, data: Data(try WordExport.table(delta: delta)))
      return (file, try XMLDocument.parse(data: Data(delta.utf8), fileName: "delta.xml").rootElement())
    }
  }

  @Test(
    .enabled(
      if: soffice != nil && pdftotext != nil,
      "LibreOffice or pdftotext not installed (apt-get install libreoffice-writer-nogui poppler-utils)"),
    .timeLimit(.minutes(5)))
  func libreOfficeConvertsTheBundledTables() throws {
    let soffice = try #require(Self.soffice)
    let pdftotext = try #require(Self.pdftotext)
    let folder = try TempFolder()
    let tables = try Self.bundledTables(in: folder)
    let profile = try folder.makeFolder("profile")
    let out = try folder.makeFolder("pdf")
    let conversion = try WordTest.run(
      soffice,
      ["-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", "pdf", "--outdir", out]
        + tables.map(\.file))
    #expect(conversion.status == 0, "\(conversion.stderr)")
    for (file, delta) in tables {
      let pdf = out + "/" + (file.split(separator: "/").last ?? "").replacingOccurrences(of: ".docx", with: ".pdf")
      #expect(FileManager.default.fileExists(atPath: pdf), "\(conversion.stdout)\(conversion.stderr)")
      let text = try WordTest.run(pdftotext, ["-enc", "UTF-8", pdf, "-"])
      #expect(text.status == 0)
      let flat = text.stdout.filter { !$0.isWhitespace }
      #expect(flat.contains("新旧対照表"))
      #expect(flat.contains("（傍線部分は改正部分）"))
      // Every changed clause: its number and the start of its first line, on its side.
      for unit in delta.elements(named: "unit", namespace: DeltaDocument.namespace) {
        let side = unit[attribute: "change"] == "removed" ? "old" : "new"
        let line =
          unit.firstElement(named: side, namespace: DeltaDocument.namespace)?
          .elements(named: "line", namespace: DeltaDocument.namespace).first?.textContent ?? ""
        let start = String(line.filter { !$0.isWhitespace }.prefix(8))
        #expect(flat.contains(start), "\(unit[attribute: "id"] ?? ""): \(start)")
        if let num = unit[attribute: side == "old" ? "old-num" : "num"] {
          #expect(flat.contains(num.filter { !$0.isWhitespace }), "\(num)")
        }
      }
    }
  }

  static let reader = """
    import json, sys, docx
    from docx.oxml.ns import qn
    out = []
    for path in sys.argv[1:]:
        d = docx.Document(path)
        tables = []
        for t in d.tables:
            rows = []
            for r in t.rows:
                trPr = r._tr.trPr
                header = trPr is not None and trPr.find(qn('w:tblHeader')) is not None
                cells = []
                for c in r.cells:
                    text = ''.join(run.text for p in c.paragraphs for run in p.runs)
                    under = ''.join(run.text for p in c.paragraphs for run in p.runs if run.underline)
                    cells.append([text, under])
                rows.append({'header': header, 'cells': cells})
            tables.append({'columns': len(t.columns), 'rows': rows})
        out.append(tables)
    print(json.dumps(out, ensure_ascii=False))
    """

  struct Table: Decodable {
    struct Row: Decodable {
      var header: Bool
      var cells: [[String]]
    }
    var columns: Int
    var rows: [Row]
  }

  static func readWithPythonDocx(_ files: [String]) throws -> [[Table]] {
    let result = try WordTest.run(try #require(python), ["-c", reader] + files)
    try #require(result.status == 0, "\(result.stderr)")
    return try JSONDecoder().decode([[Table]].self, from: Data(result.stdout.utf8))
  }

  @Test(.enabled(if: hasPythonDocx, "python-docx not installed (pip install python-docx)"))
  func pythonDocxFindsTheTableHeaderAndUnderlines() throws {
    let folder = try TempFolder()
    // The fixture: underlines exactly on the diff's spans.
    let (delta, docx) = try TableFixture.make()
    let fixture = try folder.write("fixture.docx", data: Data(docx))
    let tables = try Self.bundledTables(in: folder)
    let read = try Self.readWithPythonDocx([fixture] + tables.map(\.file))
    for document in read {
      try #require(document.count == 1)
      let table = document[0]
      #expect(table.columns == 2)
      #expect(table.rows.first?.header == true)
      #expect(table.rows.dropFirst().allSatisfy { !$0.header })
      #expect(table.rows.first?.cells.map { $0[0] } == ["改正後", "改正前"])
    }
    let unit = try #require(
      delta.elements(named: "unit", namespace: DeltaDocument.namespace).first { $0[attribute: "id"] == "c-auth" })
    let inserted = unit.descendants { $0.name == "ins" }.map(\.textContent).joined()
    let deleted = unit.descendants { $0.name == "del" }.map(\.textContent).joined()
    let row = try #require(read[0][0].rows.first { $0.cells[0][0].contains("利用者の認証") })
    #expect(row.cells[0][1] == inserted)
    #expect(row.cells[1][1] == deleted)
    // Unchanged rows (（略）) have no underline.
    for row in read[0][0].rows where row.cells[0][0] == "（略）" {
      #expect(row.cells.allSatisfy { $0[1].isEmpty })
    }
  }
}

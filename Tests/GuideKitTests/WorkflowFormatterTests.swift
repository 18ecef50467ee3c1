import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// Every bundled file in the guideline vocabulary.
private let bundledFiles: [String] = {
  let folders = ["guidelines/telework-security", "guidelines/telework-labor", "references/ict-measures"]
  return folders.flatMap { folder -> [String] in
    let path = RepoPaths.path(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter { $0.hasSuffix(".xml") }.sorted().map { "\(path)/\($0)" }
  }
}()

private func parse(_ text: String, name: String = "test.xml") throws -> XMLTree {
  try XMLDocument.parse(data: Data(text.utf8), fileName: name).tree()
}

/// The element without line numbers, attributes sorted, and blank text dropped where it is only
/// layout (elements outside the mixed-content set): what fmt must keep.
private func normalized(_ element: XMLElement) -> XMLElement {
  var copy = element
  copy.line = 0
  copy.attributes.sort { ($0.prefix ?? "", $0.name) < ($1.prefix ?? "", $1.name) }
  let mixed = GuidelineFormatter.mixedContent.contains(element.name)
  copy.children = element.children.compactMap { node -> XMLNode? in
    switch node {
    case .element(let e): return .element(normalized(e))
    case .text(let t):
      if !mixed && t.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) { return nil }
      return .text(t)
    default: return node
    }
  }
  return copy
}

/// A dump of what a reader sees, without line numbers.
private func dump(_ tree: ClauseTree) -> String {
  var out =
    "\(tree.info.id) \(tree.info.version) \(tree.info.title) \(tree.info.summary) \(tree.info.removals.map { "\($0.id)>\($0.into ?? "")=\($0.reason)" })\n"
  func walk(_ units: [GuideKit.Unit], depth: Int) {
    for unit in units {
      out +=
        String(repeating: " ", count: depth)
        + "\(unit.kind) \(unit.id) \(unit.num ?? "-") \(unit.title ?? "-") \(unit.properties.sorted { $0.key < $1.key })\n"
      for block in unit.blocks { out += "  " + block.displayText + "\n" }
      for ref in unit.references { out += "  ref \(ref.source) \(ref.provision) \(ref.pin ?? "-") \(ref.label)\n" }
      walk(unit.children, depth: depth + 1)
    }
  }
  walk(tree.units, depth: 0)
  return out
}

@Suite("guidekit fmt: the canonical layout")
struct WorkflowFormatterTests {
  @Test func bundledFilesAreFound() {
    #expect(bundledFiles.count >= 6, "\(bundledFiles)")
  }

  @Test(arguments: bundledFiles)
  func formattingKeepsTheTextAndIsIdempotent(_ file: String) throws {
    let original = try XMLDocument.parse(file: file).tree()
    let once = GuidelineFormatter.format(original)
    let reparsed = try parse(once, name: file)
    // The same elements, attributes and text, byte for byte where text is content.
    #expect(normalized(reparsed.root) == normalized(original.root))
    #expect(reparsed.prolog == original.prolog && reparsed.epilog == original.epilog)
    // The reader sees the same clauses, numbers and text; a diff finds nothing.
    let before = GuidelineReader.read(original.root, file: file)
    let after = GuidelineReader.read(reparsed.root, file: file)
    #expect(dump(before) == dump(after))
    #expect(try DocumentDiffer.diff(old: before, new: after).isEmpty)
    // fmt(fmt(x)) == fmt(x)
    #expect(GuidelineFormatter.format(reparsed) == once)
  }

  @Test func layoutAttributeOrderCommentsAndEscaping() throws {
    let input = """
      <?xml version='1.0'?>
      <!-- head -->
      <?editor keep?>
      <guideline effective="2024-04-01" issued="2024-04-01" version="1.0" id="x" xml:lang="ja" xmlns="urn:guidekit:guideline:1" zeta="z" alpha="a &quot;q&quot;">
          <title>題  名 &amp; &lt;b&gt;</title>
        <issuer>総務省</issuer>   <!-- inside -->
        <chapter num="第1章" id="c"><title>章</title>
          <clause num="(1)" id="k" level="basic"><p>  前<ref pin="2024-01-01" provision="Art1" source="s">法<!--x-->律</ref>後
      続く  </p><list type="ordered"><item num="a">一</item></list><note/></clause>
        </chapter>
      </guideline>
      <!-- tail -->
      """
    let expected = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- head -->
      <?editor keep?>
      <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja"
                 id="x" version="1.0"
                 issued="2024-04-01" effective="2024-04-01"
                 alpha="a &quot;q&quot;" zeta="z">
        <title>題  名 &amp; &lt;b&gt;</title>
        <issuer>総務省</issuer>
        <!-- inside -->

        <chapter id="c" num="第1章">
          <title>章</title>
          <clause id="k" num="(1)" level="basic">
            <p>  前<ref source="s" provision="Art1" pin="2024-01-01">法<!--x-->律</ref>後
      続く  </p>
            <list type="ordered">
              <item num="a">一</item>
            </list>
            <note/>
          </clause>
        </chapter>
      </guideline>
      <!-- tail -->

      """
    let once = GuidelineFormatter.format(try parse(input))
    #expect(once == expected)
    #expect(GuidelineFormatter.format(try parse(once)) == once)
  }

  @Test func onlyTheGuidelineVocabularyIsFormatted() throws {
    #expect(!GuidelineFormatter.isGuideline(try parse("<Law><LawNum>x</LawNum></Law>")))
    #expect(GuidelineFormatter.isGuideline(try parse(#"<guideline xmlns="urn:guidekit:guideline:1"/>"#)))
    #expect(!GuidelineFormatter.isGuideline(try parse("<guideline/>")))
  }

  @Test func formatFileChecksThenWritesThenFindsNothing() throws {
    let folderScratch = try TempFolder(prefix: "guidekit-fmt")
    defer { withExtendedLifetime(folderScratch) {} }
    let folder = folderScratch.url
    let file = folder.appendingPathComponent("1.0.xml").path
    let text = """
      <guideline xmlns="urn:guidekit:guideline:1" id="x" version="1.0" issued="2024-04-01"><title>t</title><issuer>i</issuer>
      <chapter id="c"><clause id="k"><p>本文</p></clause></chapter></guideline>
      """
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    #expect(try GuidelineFormatter.formatFile(file, write: false) == .reformatted)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    #expect(try GuidelineFormatter.formatFile(file, write: true) == .reformatted)
    #expect(try GuidelineFormatter.formatFile(file, write: false) == .formatted)
    let other = folder.appendingPathComponent("law.xml").path
    try Data("<Law/>".utf8).write(to: URL(fileURLWithPath: other))
    #expect(try GuidelineFormatter.formatFile(other, write: true) == .skipped(root: "Law"))
  }
}

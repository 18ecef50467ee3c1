import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKitXML

/// Parses `bytes` and returns the diagnostics of the refusal (fails the test if it parses).
private func refusal(
  _ bytes: Data, file: String = "input.xml", sourceLocation: SourceLocation = #_sourceLocation
) -> [XMLDiagnostic] {
  do {
    _ = try XMLDocument.parse(data: bytes, fileName: file)
    Issue.record("the input was accepted", sourceLocation: sourceLocation)
    return []
  } catch {
    let diagnostics = error.diagnostics
    #expect(!diagnostics.isEmpty, sourceLocation: sourceLocation)
    for d in diagnostics {
      #expect(d.file == file, "every diagnostic names the file", sourceLocation: sourceLocation)
      #expect(d.severity == .error, sourceLocation: sourceLocation)
    }
    return diagnostics
  }
}

private func refusal(_ text: String, file: String = "input.xml", sourceLocation: SourceLocation = #_sourceLocation)
  -> [XMLDiagnostic]
{
  refusal(Data(text.utf8), file: file, sourceLocation: sourceLocation)
}

@Suite("Parsing well-formed input")
struct XMLParsingTests {
  @Test func treeKeepsNamesNamespacesAttributesAndLines() throws {
    let document = try XMLDocument.parse(
      data: Data(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- prolog -->
        <g:guideline xmlns:g="urn:guidekit:guideline:1" xml:lang="ja" id="x">
          <g:title>テレワーク<g:em>セキュリティ</g:em></g:title>
          <g:p><![CDATA[a < b]]> &amp; c</g:p>
        </g:guideline>
        """.utf8), fileName: "tree.xml")
    let tree = document.tree()
    #expect(tree.encoding == "UTF-8")
    #expect(tree.prolog == [.comment(" prolog ")])
    let root = tree.root
    #expect(root.name == "guideline")
    #expect(root.prefix == "g")
    #expect(root.namespaceURI == "urn:guidekit:guideline:1")
    #expect(root.line == 3)
    #expect(root[attribute: "id"] == "x")
    #expect(root[attribute: "lang", namespace: "http://www.w3.org/XML/1998/namespace"] == "ja")
    #expect(root.elements.map(\.line) == [4, 5])
    #expect(root.elements.first?.textContent == "テレワークセキュリティ")
    #expect(root.elements.last?.textContent == "a < b & c")
    #expect(document.warnings.isEmpty)
  }

  @Test func utf8WithByteOrderMarkIsAccepted() throws {
    let bytes = Data([0xEF, 0xBB, 0xBF]) + Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc>総務省</doc>\n".utf8)
    let document = try XMLDocument.parse(data: bytes, fileName: "bom.xml")
    #expect(document.rootElement().textContent == "総務省")
  }

  @Test func utf16IsAccepted() throws {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<doc a=\"属性\">厚生労働省</doc>\n"
    let littleEndian = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
    let bigEndian = Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
    for (name, bytes) in [("le.xml", littleEndian), ("be.xml", bigEndian)] {
      let root = try XMLDocument.parse(data: bytes, fileName: name).rootElement()
      #expect(root.textContent == "厚生労働省", "\(name)")
      #expect(root[attribute: "a"] == "属性", "\(name)")
    }
  }

  @Test func shiftJISIsAccepted() throws {
    let text = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<doc>総務省テレワーク</doc>\n"
    let bytes = try #require(text.data(using: .shiftJIS))
    // 総 is 0x91 0x8D in Shift_JIS: the bytes are really not UTF-8.
    #expect(bytes.firstRange(of: Data([0x91, 0x8D])) != nil)
    let document = try XMLDocument.parse(data: bytes, fileName: "sjis.xml")
    #expect(document.rootElement().textContent == "総務省テレワーク")
    #expect(document.tree().encoding == "Shift_JIS")
  }

  @Test func unsupportedVersionIsAWarningWithItsLine() throws {
    let document = try XMLDocument.parse(
      data: Data("<?xml version=\"1.1\"?>\n<doc/>\n".utf8), fileName: "v11.xml")
    #expect(document.warnings.map(\.line) == [1])
    #expect(document.warnings.map(\.severity) == [.warning])
    #expect(document.warnings.first?.file == "v11.xml")
  }
}

@Suite("Bad input")
struct XMLBadInputTests {
  @Test func malformedXMLNamesTheLine() {
    let diagnostics = refusal("<doc>\n  <p>text</q>\n</doc>\n")
    #expect(diagnostics.first?.line == 2)
    #expect(diagnostics.first?.message.contains("mismatch") == true)
  }

  @Test func unclosedDocument() {
    let diagnostics = refusal("<doc>\n<p>text</p>\n")
    #expect(diagnostics.allSatisfy { $0.line >= 1 })
  }

  @Test func emptyFile() {
    let diagnostics = refusal(Data())
    #expect(diagnostics.map(\.message) == ["the file is empty"])
  }

  @Test func whitespaceOnlyFile() {
    _ = refusal("  \n\n")
  }

  @Test func binaryJunk() {
    var generator = SplitMix64(seed: 42)
    let junk = Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    let diagnostics = refusal(junk, file: "junk.bin")
    #expect(diagnostics.first?.line == 1)
  }

  @Test func invalidUTF8ByteSequence() {
    var bytes = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc>\nok\n".utf8)
    bytes += Data([0xE7, 0xB7, 0x8F, 0xFF, 0xC0, 0xAF])  // 総, then bytes no UTF-8 text holds
    bytes += Data("</doc>\n".utf8)
    let diagnostics = refusal(bytes)
    #expect(diagnostics.first?.line == 4)
    #expect(diagnostics.first?.message.contains("UTF-8") == true)
  }

  @Test func nulByte() {
    let diagnostics = refusal(Data("<doc>\nbefore\u{0}after</doc>\n".utf8))
    #expect(diagnostics.first?.line == 2)
  }

  @Test func missingFile() throws {
    let folder = try TempFolder()
    let path = folder.url.appendingPathComponent("missing.xml").path
    #expect {
      try XMLDocument.parse(file: path)
    } throws: { error in
      guard let error = error as? XMLError, case .unreadable(let file, _) = error else { return false }
      return file == path && error.diagnostics.first?.file == path
    }
  }

  @Test func folderGivenAsAFile() throws {
    let folder = try TempFolder()
    let path = try folder.makeFolder("looks-like.xml")
    #expect {
      try XMLDocument.parse(file: path)
    } throws: { error in
      guard let error = error as? XMLError, case .unreadable(let file, let reason) = error else {
        return false
      }
      return file == path && reason.contains("folder")
    }
  }

  @Test func deviceAndEmptyFileAreRefused() throws {
    #expect {
      try XMLDocument.parse(file: "/dev/zero")
    } throws: { error in
      guard let error = error as? XMLError, case .unreadable(_, let reason) = error else { return false }
      return reason == "is not a regular file"
    }
    let folder = try TempFolder()
    let empty = try folder.write("empty.xml", "")
    #expect {
      try XMLDocument.parse(file: empty)
    } throws: { error in
      (error as? XMLError)?.diagnostics.map(\.message) == ["the file is empty"]
    }
  }

  /// A file is read in the parser's chunks: a document of many chunks, in an encoding the
  /// parser converts (a character may straddle two chunks), reads as the same bytes in memory do.
  @Test func fileReadInChunksEqualsBytesInMemory() throws {
    var body = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<doc>\n"
    for index in 0..<4000 { body += "  <p n=\"\(index)\">第\(index)条　テレワークの適正な実施</p>\n" }
    body += "</doc>\n"
    let bytes = try #require(body.data(using: .shiftJIS))
    #expect(bytes.count > 200_000)
    let folder = try TempFolder()
    let path = try folder.write("sjis.xml", data: bytes)
    let fromFile = try XMLDocument.parse(file: path)
    let fromMemory = try XMLDocument.parse(data: bytes, fileName: path)
    let fileText = fromFile.withRootElement { $0.textContent }
    #expect(fileText == fromMemory.withRootElement { $0.textContent })
    #expect(fileText?.contains("第3999条　テレワークの適正な実施") == true)
    #expect(fromFile.withRootElement { $0.elements.count } == 4000)
  }

  @Test func sizeLimitNamesTheFileAndItsSize() throws {
    let folder = try TempFolder()
    let path = try folder.write("big.xml", "<doc>" + String(repeating: "x", count: 2000) + "</doc>")
    #expect {
      try XMLDocument.parse(file: path, limits: XMLParseLimits(maxBytes: 1000))
    } throws: { error in
      guard let error = error as? XMLError, case .tooLarge(let file, let size, let limit) = error else {
        return false
      }
      return file == path && size == 2011 && limit == 1000
    }
  }

  @Test func twentyThousandDeepNestingIsRefusedQuickly() {
    let text = String(repeating: "<a>", count: 20_000) + String(repeating: "</a>", count: 20_000)
    let (diagnostics, elapsed) = timed { refusal(text) }
    #expect(diagnostics.contains { $0.message.contains("depth") })
    #expect(elapsed < .seconds(5))
  }

  @Test func thirtyMegabyteAttributeIsRefusedQuickly() {
    var bytes = Data("<doc\n  a=\"".utf8)
    bytes.append(Data(repeating: UInt8(ascii: "x"), count: 30 * 1024 * 1024))
    bytes.append(Data("\"/>\n".utf8))
    let (diagnostics, elapsed) = timed { refusal(bytes) }
    #expect(diagnostics.first?.line == 2)
    #expect(diagnostics.contains { $0.message.contains("too long") })
    #expect(elapsed < .seconds(10))
  }

  @Test func diagnosticsAreCapped() {
    // Thousands of errors in one file: the collector keeps a bounded number.
    let text = "<doc>" + String(repeating: "&bad;\n", count: 5000) + "</doc>"
    let diagnostics = refusal(text)
    #expect(diagnostics.count <= 500)
  }
}

/// `XMLDocument.stream`: the events a handler gets, and what is left of the document.
@Suite("XML streaming")
struct XMLStreamTests {
  /// Descends into elements named in `descend`, keeps those in `keep`, takes the rest whole.
  final class Recorder: XMLStreamHandler {
    let descend: Set<String>
    let keep: Set<String>
    var events: [String] = []

    init(descend: Set<String>, keep: Set<String> = []) {
      self.descend = descend
      self.keep = keep
    }

    func start(_ element: XMLElementView) -> XMLStreamChoice {
      events.append("start \(element.name)@\(element.line)")
      if keep.contains(element.name) { return .keep }
      return descend.contains(element.name) ? .descend : .whole
    }

    func element(_ element: XMLElementView) {
      events.append("whole \(element.name)@\(element.line) \(element.elements.map(\.name)) \(element.textContent)")
    }

    func end() { events.append("end") }
  }

  private let text = """
    <?xml version="1.0"?>
    <law>
      <chapter n="1">
        <title>第一章</title>
        <article n="1"><p>本文<em>強調</em></p></article>
        <article n="2"><p>二</p></article>
      </chapter>
      <note>注</note>
    </law>
    """

  @Test func eventsInDocumentOrderAndPartsFreed() throws {
    let recorder = Recorder(descend: ["law", "chapter"])
    let document = try XMLDocument.stream(data: Data(text.utf8), fileName: "law.xml", to: recorder)
    #expect(
      recorder.events == [
        "start law@2", "start chapter@3", "start title@4", "whole title@4 [] 第一章",
        "start article@5", "whole article@5 [\"p\"] 本文強調", "start article@6", "whole article@6 [\"p\"] 二",
        "end", "start note@8", "whole note@8 [] 注", "end",
      ])
    // Nothing was kept: each part is freed as the parse moves past it, and no document is left.
    #expect(document == nil)
  }

  @Test func keptElementsStayWhole() throws {
    let recorder = Recorder(descend: [], keep: ["law"])
    let document = try #require(try XMLDocument.stream(data: Data(text.utf8), fileName: "law.xml", to: recorder))
    #expect(recorder.events == ["start law@2"])
    let articles = try #require(
      document.withRootElement { root in root.descendants().filter { $0.name == "article" }.count })
    #expect(articles == 2)
  }

  @Test func malformedInputThrowsAfterPartialEvents() {
    let recorder = Recorder(descend: ["law"])
    #expect(throws: XMLError.self) {
      try XMLDocument.stream(data: Data("<law><a>x</a><b>".utf8), fileName: "bad.xml", to: recorder)
    }
    #expect(recorder.events.prefix(2) == ["start law@1", "start a@1"])
  }

  @Test func aDoctypeWithEntitiesIsRefusedBeforeTheHandlerSeesAnything() {
    let recorder = Recorder(descend: ["law"])
    let text = "<!DOCTYPE law [<!ENTITY e \"x\">]>\n<law><a>&e;</a></law>"
    #expect {
      try XMLDocument.stream(data: Data(text.utf8), fileName: "law.xml", to: recorder)
    } throws: { error in
      (error as? XMLError)?.diagnostics.contains { $0.message.contains("entity declarations refused") } ?? false
    }
    #expect(recorder.events.isEmpty)
  }

  @Test func elementsPastLine65535KeepTheirLines() throws {
    // libxml2 stores lines up to 65,534 in a node; a streamed element's line comes from the text
    // before it, which the reader has freed by the time the element is current.
    let text = "<law>\n" + String(repeating: "<p/>\n", count: 70_000) + "<a>x</a>\n</law>"
    let recorder = Recorder(descend: ["law"])
    try XMLDocument.stream(data: Data(text.utf8), fileName: "law.xml", to: recorder)
    #expect(recorder.events.contains("start p@70001"))
    #expect(recorder.events.suffix(3) == ["start a@70002", "whole a@70002 [] x", "end"])
  }

  @Test func anEmptyElementDescendedIntoEndsAtOnce() throws {
    let recorder = Recorder(descend: ["law", "part"])
    try XMLDocument.stream(data: Data("<law><part/><note/></law>".utf8), fileName: "law.xml", to: recorder)
    #expect(
      recorder.events == ["start law@1", "start part@1", "end", "start note@1", "whole note@1 [] ", "end"])
  }
}

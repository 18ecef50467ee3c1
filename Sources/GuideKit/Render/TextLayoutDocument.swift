import FoundationEssentials
import GuideKitXML

/// Lays out a text-layout document (`urn:guidekit:text:1`), as the text stylesheets emit it:
/// `<text><block indent hanging align>…</block><blank/>…</text>`. XSLT gives the structure;
/// Swift breaks lines (East Asian Width, kinsoku), which XSLT 1.0 cannot do.
public enum TextLayoutDocument {
  public static let namespace = "urn:guidekit:text:1"

  /// The blocks of a text-layout document; `nil` entries stand for blank lines.
  /// - Parameter fileName: what made the document (the stylesheet): its errors are that file's.
  ///   The document is output, not input, so the input size limit does not apply to it.
  public static func blocks(xml: String, fileName: String) throws(GuideKitError) -> [TextBlock?] {
    let root: XMLElement
    do {
      let limits = XMLParseLimits(maxBytes: Int(Int32.max))
      root = try XMLDocument.parse(data: Data(xml.utf8), fileName: fileName, limits: limits).rootElement()
    } catch {
      throw .xml(
        .transformFailed(
          error.diagnostics.map { d in
            var output = d
            output.message = "its output is no text-layout document (line \(d.line) of the output): \(d.message)"
            output.line = 0
            return output
          }))
    }
    guard root.name == "text", root.namespaceURI == namespace else {
      throw .xml(
        .transformFailed([
          XMLDiagnostic(
            file: fileName, line: 0, severity: .error,
            message:
              "its output is no text-layout document: the root is <\(root.name)>, not <text xmlns=\"\(namespace)\">")
        ]))
    }
    var out: [TextBlock?] = []
    for element in root.elements where element.namespaceURI == namespace {
      switch element.name {
      case "block":
        let alignment: TextBlock.Alignment =
          switch element[attribute: "align"] {
          case "center": .center
          case "trailing": .trailing
          default: .leading
          }
        out.append(
          TextBlock(
            text: ReaderText.normalize(element.textContent),
            indent: Int(element[attribute: "indent"] ?? "") ?? 0,
            hanging: element[attribute: "hanging"] ?? "",
            alignment: alignment))
      case "blank":
        out.append(nil)
      default:
        continue
      }
    }
    return out
  }

  /// The laid-out text, one line per line, ending with a newline.
  public static func render(xml: String, fileName: String, options: TextLayoutOptions) throws(GuideKitError)
    -> String
  {
    var single = options
    single.blankLinesBetweenBlocks = 0
    var lines: [String] = []
    for block in try blocks(xml: xml, fileName: fileName) {
      if let block {
        lines += TextLayout.lines(for: block, options: single)
      } else {
        lines.append("")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

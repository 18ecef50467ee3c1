import FoundationEssentials
import GuideKitXML

/// Lays out a text-layout document (`urn:guidekit:text:1`), as the text stylesheets emit it:
/// `<text><block indent hanging align>…</block><blank/>…</text>`. XSLT gives the structure;
/// Swift breaks lines (East Asian Width, kinsoku), which XSLT 1.0 cannot do.
public enum TextLayoutDocument {
  public static let namespace = "urn:guidekit:text:1"

  /// What a text-layout document holds, in order.
  enum Item {
    case block(TextBlock)
    case blank
    case table(TextTable)
  }

  /// The blocks of a text-layout document; `nil` entries stand for blank lines. A table gives its
  /// caption and one block per body row (its list form).
  /// - Parameter fileName: what made the document (the stylesheet): its errors are that file's.
  ///   The document is output, not input, so the input size limit does not apply to it.
  public static func blocks(xml: String, fileName: String) throws(GuideKitError) -> [TextBlock?] {
    try items(xml: xml, fileName: fileName).flatMap { item -> [TextBlock?] in
      switch item {
      case .block(let block): [block]
      case .blank: [nil]
      case .table(let table):
        (table.caption.isEmpty
          ? [] : [TextBlock(text: table.caption, indent: table.indent, hanging: "", alignment: .leading)])
          + table.listBlocks()
      }
    }
  }

  static func items(xml: String, fileName: String) throws(GuideKitError) -> [Item] {
    let document: XMLDocument
    do {
      let limits = XMLParseLimits(maxBytes: Int(Int32.max))
      document = try XMLDocument.parse(data: Data(xml.utf8), fileName: fileName, limits: limits)
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
    return try items(document, fileName: fileName)
  }

  /// The items of a text-layout document, read from its tree (a transformation's result tree,
  /// as `Stylesheets.transformToDocument` returns it, is read in place).
  static func items(_ document: XMLDocument, fileName: String) throws(GuideKitError) -> [Item] {
    let root = document.rootElement()
    guard root.name == "text", root.namespaceURI == namespace else {
      throw .xml(
        .transformFailed([
          XMLDiagnostic(
            file: fileName, line: 0, severity: .error,
            message:
              "its output is no text-layout document: the root is <\(root.name)>, not <text xmlns=\"\(namespace)\">")
        ]))
    }
    var out: [Item] = []
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
          .block(
            TextBlock(
              text: ReaderText.normalize(element.textContent),
              indent: Int(element[attribute: "indent"] ?? "") ?? 0,
              hanging: element[attribute: "hanging"] ?? "",
              alignment: alignment)))
      case "blank":
        out.append(.blank)
      case "table":
        out.append(.table(table(element)))
      default:
        continue
      }
    }
    return out
  }

  /// `<table indent><caption/><row head="yes"><cell rowspan colspan/></row></table>`.
  static func table(_ element: XMLElement) -> TextTable {
    var caption = ""
    var rows: [TextTable.Row] = []
    for child in element.elements where child.namespaceURI == namespace {
      if child.name == "caption" { caption = ReaderText.normalize(child.textContent) }
      guard child.name == "row" else { continue }
      let cells = child.elements.filter { $0.namespaceURI == namespace && $0.name == "cell" }.map { cell in
        TextTable.Cell(
          text: ReaderText.normalize(cell.textContent),
          rowspan: min(max(Int(cell[attribute: "rowspan"] ?? "") ?? 1, 1), 100),
          colspan: min(max(Int(cell[attribute: "colspan"] ?? "") ?? 1, 1), 100))
      }
      rows.append(TextTable.Row(head: child[attribute: "head"] == "yes", cells: cells))
    }
    return TextTable(indent: Int(element[attribute: "indent"] ?? "") ?? 0, caption: caption, rows: rows)
  }

  /// The laid-out text, one line per line, ending with a newline.
  public static func render(xml: String, fileName: String, options: TextLayoutOptions) throws(GuideKitError)
    -> String
  {
    render(try items(xml: xml, fileName: fileName), options: options)
  }

  /// The laid-out text of a text-layout document's tree, named after what made it (the
  /// stylesheet, as `Stylesheets.transformToDocument` names its result).
  public static func render(_ document: XMLDocument, options: TextLayoutOptions) throws(GuideKitError) -> String {
    render(try items(document, fileName: document.fileName), options: options)
  }

  private static func render(_ items: [Item], options: TextLayoutOptions) -> String {
    var single = options
    single.blankLinesBetweenBlocks = 0
    var lines: [String] = []
    for item in items {
      switch item {
      case .block(let block): lines += TextLayout.lines(for: block, options: single)
      case .blank: lines.append("")
      case .table(let table): lines += table.lines(options: single)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

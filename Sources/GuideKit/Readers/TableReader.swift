import GuideKitXML

/// Reads a `<table>` into a unit of kind `table` (its caption the title) whose children are its
/// rows, header rows first: units of kind `row`, aligned by id across editions. A row's blocks are
/// its cells, each labelled with its column's header text (and its spans), so that a row read on
/// its own — a diff entry, a line of the 新旧対照表 — says which column each cell stands in.
enum TableReader {
  static let namespace = GuidelineReader.namespace
  /// The largest span the schema allows.
  static let maxSpan = 100

  /// One cell as read: its text, place in the grid and spans.
  struct Cell {
    var text: String
    var column: Int
    var rowspan: Int
    var colspan: Int
    var line: Int
  }

  static func unit<Element: XMLElementReading>(_ table: Element) -> Unit {
    var caption: String?
    var head: [(id: String, line: Int, cells: [Cell])] = []
    var body: [(id: String, line: Int, cells: [Cell])] = []
    table.forEachElement { child in
      guard child.isInNamespace(namespace) else { return }
      switch child.name {
      case "caption": caption = InlineText.flatten(child)
      case "thead": head = rows(child)
      case "tbody": body = rows(child)
      default: break
      }
    }
    // Each column's header: the texts of the header cells covering it, joined by ／.
    var headers: [Int: [String]] = [:]
    for row in head {
      for cell in row.cells where !cell.text.isEmpty {
        for column in cell.column..<(cell.column + cell.colspan) { headers[column, default: []].append(cell.text) }
      }
    }
    func rowUnit(_ row: (id: String, line: Int, cells: [Cell]), labelled: Bool) -> Unit {
      let blocks = row.cells.map { cell in
        var label = labelled ? Self.header(of: cell, in: headers) : ""
        if cell.rowspan > 1 || cell.colspan > 1 { label += spanNote(cell) }
        var block = Block(kind: .paragraph, label: label.isEmpty ? nil : label, text: cell.text, line: cell.line)
        // A cross-reference in the cell is labelled with the rest of the edition's.
        if cell.text.contains("\u{E000}") { block.template = cell.text }
        return block
      }
      return Unit(kind: .row, id: row.id, blocks: blocks, line: row.line)
    }
    return Unit(
      kind: .table, id: table[attribute: "id"] ?? "", num: table[attribute: "num"], title: caption,
      children: head.map { rowUnit($0, labelled: false) } + body.map { rowUnit($0, labelled: true) },
      line: table.line)
  }

  /// The header texts of the columns a cell covers, each once, joined by ／.
  static func header(of cell: Cell, in headers: [Int: [String]]) -> String {
    var seen: [String] = []
    for column in cell.column..<(cell.column + cell.colspan) {
      for text in headers[column] ?? [] where !seen.contains(text) { seen.append(text) }
    }
    return seen.joined(separator: "／")
  }

  /// （2行結合）, （2列結合）, （2行2列結合）.
  static func spanNote(_ cell: Cell) -> String {
    let terms = Terms.shared
    var note = ""
    if cell.rowspan > 1 { note += "\(cell.rowspan)\(terms["table.rows"])" }
    if cell.colspan > 1 { note += "\(cell.colspan)\(terms["table.columns"])" }
    return "（\(note)\(terms["table.merged"])）"
  }

  /// The rows of a thead or tbody, each cell placed in the grid (`TableGrid`).
  static func rows<Element: XMLElementReading>(_ group: Element) -> [(id: String, line: Int, cells: [Cell])] {
    var out: [(id: String, line: Int, cells: [Cell])] = []
    group.forEachElement { row in
      guard row.hasName("row", namespace: namespace) else { return }
      var cells: [Cell] = []
      row.forEachElement { cell in
        guard cell.hasName("cell", namespace: namespace) else { return }
        // Spans as the schema bounds them (1…100), also for a file read without validation.
        let rowspan = min(max(1, Int(cell[attribute: "rowspan"] ?? "") ?? 1), maxSpan)
        let colspan = min(max(1, Int(cell[attribute: "colspan"] ?? "") ?? 1), maxSpan)
        cells.append(Cell(text: text(of: cell), column: 0, rowspan: rowspan, colspan: colspan, line: cell.line))
      }
      out.append((row[attribute: "id"] ?? "", row.line, cells))
    }
    let starts = TableGrid.columns(out.map { $0.cells.map { ($0.rowspan, $0.colspan) } })
    for (index, columns) in starts.enumerated() {
      for (cell, column) in columns.enumerated() { out[index].cells[cell].column = column }
    }
    return out
  }

  /// A cell's text: inline text as a paragraph's, or its paragraphs and list items joined by 「　」.
  static func text<Element: XMLElementReading>(of cell: Element) -> String {
    var hasBlocks = false
    cell.forEachElement { child in
      if child.isInNamespace(namespace), child.name == "p" || child.name == "list" { hasBlocks = true }
    }
    guard hasBlocks else { return GuidelineReader.textBlock(.paragraph, cell).text }
    return GuidelineReader.blocks(of: cell).map(\.displayText).joined(separator: "　")
  }
}

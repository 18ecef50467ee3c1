/// The grid of a table whose cells span rows and columns: the column each cell starts in.
enum TableGrid {
  /// - Parameter rows: each row's cells as (rowspan, colspan), both at least 1.
  /// - Returns: each cell's first column; a cell takes the first column that no cell above
  ///   spans into its row.
  static func columns(_ rows: [[(rowspan: Int, colspan: Int)]]) -> [[Int]] {
    var covered: [Int: Int] = [:]
    var out: [[Int]] = []
    for row in rows {
      var column = 0
      var starts: [Int] = []
      for cell in row {
        while (covered[column] ?? 0) > 0 { column += 1 }
        starts.append(column)
        if cell.rowspan > 1 {
          for spanned in column..<(column + cell.colspan) { covered[spanned] = cell.rowspan }
        }
        column += cell.colspan
      }
      // The row is done: every span covers one row fewer below it.
      covered = covered.mapValues { $0 - 1 }.filter { $0.value > 0 }
      out.append(starts)
    }
    return out
  }
}

/// A table of a text-layout document (`<table indent>` with `<caption>`, `<row head>` and
/// `<cell rowspan colspan>`): in columns by East Asian width when every cell fits on one line,
/// else as one block per body row, each cell after its column's header — never a line broken
/// inside a column.
struct TextTable {
  struct Cell {
    var text: String
    var rowspan = 1
    var colspan = 1
  }
  struct Row {
    var head: Bool
    var cells: [Cell]
  }
  var indent: Int
  var caption: String
  var rows: [Row]

  /// Spaces between two columns.
  static let gap = 2

  /// The caption, then the table in columns, or as a list when it does not fit.
  func lines(options: TextLayoutOptions) -> [String] {
    var out: [String] = []
    if !caption.isEmpty {
      out += TextLayout.lines(
        for: TextBlock(text: caption, indent: indent, hanging: "", alignment: .leading), options: options)
    }
    if let columns = columns(options: options) { return out + columns }
    for block in listBlocks() { out += TextLayout.lines(for: block, options: options) }
    return out
  }

  /// The rows in aligned columns, a rule under the header rows; nil when a cell spans or the
  /// columns are wider than the line.
  func columns(options: TextLayoutOptions) -> [String]? {
    guard !rows.isEmpty, rows.allSatisfy({ $0.cells.allSatisfy { $0.rowspan == 1 && $0.colspan == 1 } })
    else { return nil }
    let count = rows.map(\.cells.count).max() ?? 0
    func width(_ text: String) -> Int { EastAsianWidth.columns(of: text, ambiguous: options.ambiguous) }
    var widths = [Int](repeating: 0, count: count)
    for row in rows {
      for (index, cell) in row.cells.enumerated() { widths[index] = max(widths[index], width(cell.text)) }
    }
    let inner = widths.reduce(0, +) + Self.gap * max(count - 1, 0)
    guard indent + inner <= options.width else { return nil }
    let pad = String(repeating: " ", count: indent)
    var out: [String] = []
    for (index, row) in rows.enumerated() {
      var line = ""
      for column in 0..<count {
        let text = column < row.cells.count ? row.cells[column].text : ""
        line += text
        if column < count - 1 { line += String(repeating: " ", count: widths[column] - width(text) + Self.gap) }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      out.append(pad + line)
      if row.head, index + 1 < rows.count, !rows[index + 1].head {
        out.append(pad + String(repeating: "-", count: inner))
      }
    }
    return out
  }

  /// One block per body row, hanging on ・: its cells as 「header：text」 joined by 「　」 (empty
  /// cells left out).
  func listBlocks() -> [TextBlock] {
    let starts = TableGrid.columns(rows.map { $0.cells.map { ($0.rowspan, $0.colspan) } })
    var headers: [Int: [String]] = [:]
    for (row, columns) in zip(rows, starts) where row.head {
      for (cell, start) in zip(row.cells, columns) where !cell.text.isEmpty {
        for column in start..<(start + cell.colspan) { headers[column, default: []].append(cell.text) }
      }
    }
    return zip(rows, starts).filter { !$0.0.head }.map { row, columns in
      let parts = zip(row.cells, columns).filter { !$0.0.text.isEmpty }.map { cell, start in
        var seen: [String] = []
        for column in start..<(start + cell.colspan) {
          for text in headers[column] ?? [] where !seen.contains(text) { seen.append(text) }
        }
        let header = seen.joined(separator: "／")
        return header.isEmpty ? cell.text : header + "：" + cell.text
      }
      return TextBlock(text: parts.joined(separator: "　"), indent: indent, hanging: "・", alignment: .leading)
    }
  }
}

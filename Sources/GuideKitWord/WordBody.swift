import GuideKitXML

/// Inline content of a paragraph as the import keeps it.
enum WordInline: Equatable {
  case text(String, emphasis: Bool)
  case footnote(String)
}

/// A paragraph of the document body, with what the import needs to place it.
struct WordParagraph {
  var styleID: String?
  /// Outline level (0-based): the paragraph's own `w:outlineLvl`, else its style's.
  var outlineLevel: Int?
  /// The label Word's numbering gives the paragraph (`第2章`, `(3)`, `①`), and whether it is a bullet.
  var numberLabel: String?
  var isBullet = false
  var isListParagraph = false
  /// The text of the runs in the character style `ClauseNumber` (the number of a heading that
  /// guidekit exported).
  var numberRun: String?
  var inlines: [WordInline] = []
  /// Names of the bookmarks that start in the paragraph (or just before it).
  var bookmarks: [String] = []
  /// Tracked changes found in the paragraph (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`, formatting).
  var revisions: [String] = []
  var comments = 0
  /// Images, drawings, text boxes and embedded objects in the paragraph.
  var images = 0

  /// The plain text, footnotes left out.
  var plainText: String {
    inlines.reduce(into: "") { out, inline in
      if case .text(let text, _) = inline { out += text }
    }
  }
}

/// A table of the document body.
struct WordTable {
  struct Cell {
    var paragraphs: [WordParagraph]
    var colspan: Int
    /// `restart` for the first cell of a vertical merge, `continue` for the cells it covers.
    var verticalMerge: String?
  }
  struct Row {
    var cells: [Cell]
    var isHeader: Bool
  }
  var rows: [Row]
  var nestedTables = 0
}

enum WordBlock {
  case paragraph(WordParagraph)
  case table(WordTable)
}

/// Reads `w:body` into paragraphs and tables, Word's numbering counted in document order.
struct WordBodyReader {
  var styles: WordStyles
  var numbering: WordNumbering
  var footnotes: [String: String]
  private var pendingBookmarks: [String] = []

  init(styles: WordStyles, numbering: WordNumbering, footnotes: [String: String]) {
    self.styles = styles
    self.numbering = numbering
    self.footnotes = footnotes
  }

  mutating func read(body: XMLElement) -> [WordBlock] {
    var out: [WordBlock] = []
    readContainer(body, into: &out)
    return out
  }

  private mutating func readContainer(_ element: XMLElement, into out: inout [WordBlock]) {
    for child in element.elements where child.namespaceURI == WordNS.main {
      switch child.name {
      case "p":
        out.append(.paragraph(paragraph(child)))
      case "tbl":
        out.append(.table(table(child)))
      case "bookmarkStart":
        if let name = child.wordAttribute("name") { pendingBookmarks.append(name) }
      case "sdt":
        if let content = child.word("sdtContent") { readContainer(content, into: &out) }
      case "customXml", "ins", "moveTo":
        readContainer(child, into: &out)
      default:
        break
      }
    }
  }

  private mutating func table(_ element: XMLElement) -> WordTable {
    var table = WordTable(rows: [])
    for row in element.words("tr") {
      let isHeader = row.word("trPr")?.word("tblHeader")?.isOn ?? false
      var cells: [WordTable.Cell] = []
      for cell in row.words("tc") {
        let tcPr = cell.word("tcPr")
        let span = tcPr?.word("gridSpan")?.wordAttribute("val").flatMap { Int($0) } ?? 1
        var merge: String?
        if let vMerge = tcPr?.word("vMerge") { merge = vMerge.wordAttribute("val") ?? "continue" }
        var paragraphs: [WordParagraph] = []
        var blocks: [WordBlock] = []
        readContainer(cell, into: &blocks)
        for block in blocks {
          switch block {
          case .paragraph(let p): paragraphs.append(p)
          case .table(let nested):
            table.nestedTables += 1
            // A nested table's text is kept as paragraphs of the cell.
            for row in nested.rows {
              for c in row.cells { paragraphs.append(contentsOf: c.paragraphs) }
            }
          }
        }
        cells.append(WordTable.Cell(paragraphs: paragraphs, colspan: max(span, 1), verticalMerge: merge))
      }
      table.rows.append(WordTable.Row(cells: cells, isHeader: isHeader))
    }
    return table
  }

  private mutating func paragraph(_ element: XMLElement) -> WordParagraph {
    var paragraph = WordParagraph()
    paragraph.bookmarks = pendingBookmarks
    pendingBookmarks = []
    let pPr = element.word("pPr")
    paragraph.styleID = pPr?.word("pStyle")?.wordAttribute("val")
    if let own = pPr?.word("outlineLvl")?.wordAttribute("val").flatMap({ Int($0) }) {
      paragraph.outlineLevel = own < 9 ? own : nil
    } else {
      paragraph.outlineLevel = styles.outlineLevel(paragraph.styleID)
    }
    if let mark = pPr?.word("rPr") {
      if mark.word("ins") != nil { paragraph.revisions.append("挿入された段落記号 (w:ins)") }
      if mark.word("del") != nil { paragraph.revisions.append("削除された段落記号 (w:del)") }
    }
    if pPr?.word("pPrChange") != nil { paragraph.revisions.append("段落書式の変更 (w:pPrChange)") }
    var numID: Int?
    var level = 0
    if let numPr = pPr?.word("numPr") {
      numID = numPr.word("numId")?.wordAttribute("val").flatMap { Int($0) }
      level = numPr.word("ilvl")?.wordAttribute("val").flatMap { Int($0) } ?? 0
    } else if let inherited = styles.numbering(paragraph.styleID) {
      numID = inherited.numID
      level = inherited.level
    }
    if let numID, numID != 0 {
      paragraph.isListParagraph = true
      if case let (label, bullet)? = numbering.next(numID: numID, level: level) {
        paragraph.numberLabel = label
        paragraph.isBullet = bullet
      }
    }
    readInline(element, emphasis: false, into: &paragraph)
    return paragraph
  }

  /// The runs and what holds them (hyperlinks, fields, tracked changes, content controls).
  private mutating func readInline(_ element: XMLElement, emphasis: Bool, into paragraph: inout WordParagraph) {
    for child in element.elements {
      guard child.namespaceURI == WordNS.main else {
        // mc:AlternateContent and other extensions: drawings, text boxes.
        if child.name == "AlternateContent" { paragraph.images += 1 }
        continue
      }
      switch child.name {
      case "r":
        run(child, into: &paragraph)
      case "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo":
        readInline(child, emphasis: emphasis, into: &paragraph)
      case "sdt":
        if let content = child.word("sdtContent") { readInline(content, emphasis: emphasis, into: &paragraph) }
      case "ins":
        paragraph.revisions.append("挿入 (w:ins)「\(excerpt(child))」")
        readInline(child, emphasis: emphasis, into: &paragraph)
      case "moveTo":
        paragraph.revisions.append("移動先 (w:moveTo)「\(excerpt(child))」")
        readInline(child, emphasis: emphasis, into: &paragraph)
      case "del":
        paragraph.revisions.append("削除 (w:del)「\(excerpt(child))」")
      case "moveFrom":
        paragraph.revisions.append("移動元 (w:moveFrom)「\(excerpt(child))」")
      case "bookmarkStart":
        if let name = child.wordAttribute("name") { paragraph.bookmarks.append(name) }
      case "commentRangeStart":
        paragraph.comments += 1
      default:
        break
      }
    }
  }

  /// A short excerpt of the text a tracked change holds (inserted or deleted).
  private func excerpt(_ element: XMLElement) -> String {
    var text = ""
    func walk(_ e: XMLElement) {
      for child in e.elements {
        if child.isWord("t") || child.isWord("delText") { text += child.textContent } else { walk(child) }
      }
    }
    walk(element)
    return text.count > 20 ? String(text.prefix(20)) + "…" : text
  }

  private func run(_ element: XMLElement, into paragraph: inout WordParagraph) {
    let rPr = element.word("rPr")
    var emphasis = false
    var isNumber = false
    if let rPr {
      emphasis = WordStyles.hasEmphasis(rPr)
      if let style = rPr.word("rStyle")?.wordAttribute("val") {
        if styles.isEmphasis(characterStyle: style) { emphasis = true }
        if style == "ClauseNumber" || styles.name(style) == "clausenumber" || styles.name(style) == "clause number" {
          isNumber = true
        }
      }
      if rPr.word("rPrChange") != nil { paragraph.revisions.append("文字書式の変更 (w:rPrChange)") }
      if rPr.word("vanish")?.isOn == true { return }
    }
    var text = ""
    func flush() {
      guard !text.isEmpty else { return }
      if case .text(let previous, let previousEmphasis) = paragraph.inlines.last, previousEmphasis == emphasis {
        paragraph.inlines[paragraph.inlines.count - 1] = .text(previous + text, emphasis: emphasis)
      } else {
        paragraph.inlines.append(.text(text, emphasis: emphasis))
      }
      text = ""
    }
    if isNumber {
      for child in element.elements where child.isWord("t") {
        paragraph.numberRun = (paragraph.numberRun ?? "") + child.textContent
      }
    }
    for child in element.elements {
      guard child.namespaceURI == WordNS.main else { continue }
      switch child.name {
      case "t": text += child.textContent
      case "tab", "ptab": text += "\t"
      case "br", "cr": text += "\n"
      case "noBreakHyphen": text += "-"
      case "footnoteReference", "endnoteReference":
        flush()
        if let id = child.wordAttribute("id"), let note = footnotes[id] {
          paragraph.inlines.append(.footnote(note))
        }
      case "drawing", "pict", "object":
        paragraph.images += 1
      case "commentReference":
        paragraph.comments += child.wordAttribute("id") == nil ? 1 : 0
      default:
        break
      }
    }
    flush()
  }
}

/// The texts of the footnotes of `word/footnotes.xml` (or endnotes), by id; separators left out.
func wordFootnotes(_ root: XMLElement?) -> [String: String] {
  guard let root else { return [:] }
  var out: [String: String] = [:]
  for note in root.elements where note.isWord("footnote") || note.isWord("endnote") {
    guard let id = note.wordAttribute("id"), note.wordAttribute("type") == nil || note.wordAttribute("type") == "normal"
    else { continue }
    var text = ""
    func walk(_ e: XMLElement) {
      for child in e.elements {
        if child.isWord("t") {
          text += child.textContent
        } else if child.isWord("tab") {
          text += " "
        } else if child.isWord("del") || child.isWord("moveFrom") {
          continue
        } else {
          walk(child)
        }
      }
    }
    walk(note)
    // Word puts a space after the footnote mark; the note's text starts after it.
    out[id] = trimmedSpaces(text)
  }
  return out
}

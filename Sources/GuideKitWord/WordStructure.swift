import GuideKit

/// A chapter, section, clause or appendix of the imported edition.
final class ImportNode {
  enum Kind: Equatable {
    case chapter
    case section(depth: Int)
    case clause
    case appendix(kind: String)

    var element: String {
      switch self {
      case .chapter: "chapter"
      case .section: "section"
      case .clause: "clause"
      case .appendix: "appendix"
      }
    }
  }

  var kind: Kind
  var num: String?
  var values: [Int]
  var title: String?
  /// Clause ids carried by guidekit's bookmarks on the heading.
  var bookmarkIDs: [String]
  var blocks: [ImportBlock] = []
  var children: [ImportNode] = []
  var id = ""
  /// `level` and `audience` from the tags line under an exported clause heading.
  var level: String?
  var audience: [String] = []

  init(kind: Kind, num: String?, values: [Int], title: String?, bookmarkIDs: [String]) {
    self.kind = kind
    self.num = num
    self.values = values
    self.title = title
    self.bookmarkIDs = bookmarkIDs
  }

  /// The label warnings name the unit by.
  var place: String { num ?? title ?? kind.element }
}

/// Inline content with emphasis and footnotes marked by private-use characters (see `Inline`).
typealias MarkedText = String

enum Inline {
  static let emOpen: Character = "\u{E001}"
  static let emClose: Character = "\u{E002}"
  static let fnOpen: Character = "\u{E003}"
  static let fnClose: Character = "\u{E004}"

  /// True for the four markers (one scalar each, U+E001…U+E004); compares scalars, not graphemes.
  static func isMarker(_ c: Character) -> Bool {
    let scalars = c.unicodeScalars
    guard let first = scalars.first, (0xE001...0xE004).contains(first.value) else { return false }
    return scalars.count == 1
  }

  /// The inlines as one marked text, whitespace normalised as the readers normalise it.
  static func marked(_ inlines: [WordInline]) -> MarkedText {
    var raw = ""
    for inline in inlines {
      switch inline {
      case .text(let text, let emphasis):
        let clean = text.filter { !isMarker($0) }
        raw += emphasis && !clean.allSatisfy(\.isWhitespace) ? "\(emOpen)\(clean)\(emClose)" : clean
      case .footnote(let text):
        raw += "\(fnOpen)\(text.filter { !isMarker($0) })\(fnClose)"
      }
    }
    return normalize(raw)
  }

  /// Whitespace as `InlineText.normalize` makes it: runs become one space, a run holding a line
  /// break between two wide characters vanishes, leading and trailing whitespace goes. U+3000 stays.
  static func normalize(_ raw: String) -> String {
    // Scalar by scalar, as the readers' byte-level normalisation works.
    var out = String.UnicodeScalarView()
    var pendingSpace = false
    var pendingBreak = false
    var previous: Unicode.Scalar?
    for scalar in raw.unicodeScalars {
      if isSpace(scalar) {
        pendingSpace = true
        if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0B}"
          || scalar == "\u{0C}" || scalar == "\u{85}"
        {
          pendingBreak = true
        }
        continue
      }
      if pendingSpace, let previous {
        let join = pendingBreak && EastAsianWidth.isWide(previous) && EastAsianWidth.isWide(scalar)
        if !join { out.append(" ") }
      }
      pendingSpace = false
      pendingBreak = false
      out.append(scalar)
      if !(0xE001...0xE004).contains(scalar.value) { previous = scalar }
    }
    return String(out)
  }

  /// Unicode White_Space except U+3000 (text in Japanese), without a property table lookup.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F: true
    default: false
    }
  }

  /// Whether a character is wide (its first scalar, per `EastAsianWidth`).
  static func isWide(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    return EastAsianWidth.isWide(scalar)
  }

  /// The text without markers (footnotes left out).
  static func plain(_ marked: MarkedText) -> String {
    var out = ""
    var inNote = false
    for c in marked {
      if c == fnOpen {
        inNote = true
      } else if c == fnClose {
        inNote = false
      } else if !isMarker(c) && !inNote {
        out.append(c)
      }
    }
    return out
  }

  /// `marked` without its first `count` plain characters and the separators after them; markers kept.
  static func dropping(_ count: Int, from marked: MarkedText) -> MarkedText {
    var out = ""
    var left = count
    var skippingSeparators = true
    for c in marked {
      if isMarker(c) {
        out.append(c)
        continue
      }
      if left > 0 {
        left -= 1
        continue
      }
      if skippingSeparators, c == " " || c == "\u{3000}" || c == "\t" { continue }
      skippingSeparators = false
      out.append(c)
    }
    return out.replacing("\(emOpen)\(emClose)", with: "")
  }
}

/// A block of a unit: a paragraph, a note, a list, a table or a figure.
enum ImportBlock {
  case paragraph(MarkedText)
  case note(MarkedText)
  case list(ordered: Bool, items: [(num: String?, text: MarkedText)])
  case table(ImportTable)
  case figure(ImportFigure)
}

/// A figure of an exported edition: its caption from the document, its image from the previous
/// edition's figure of the same id.
struct ImportFigure {
  var id: String
  var num: String?
  var caption: String
  var src: String
  var alt: String
}

/// A paragraph before the first chapter, and what its style says it is.
struct PreambleParagraph {
  var paragraph: WordParagraph
  var isTitle: Bool
  var isMeta: Bool
}

struct ImportTable {
  struct Cell {
    var paragraphs: [MarkedText]
    var colspan: Int
    var rowspan: Int
  }
  struct Row {
    var cells: [Cell]
    var bookmarkIDs: [String]
    var id = ""
  }
  var num: String?
  var caption: String
  var bookmarkIDs: [String]
  var header: [Row]
  var body: [Row]
  var id = ""
}

/// Turns the paragraphs and tables of the body into chapters, sections, clauses and appendices.
struct StructureBuilder {
  let styles: WordStyles
  let file: String
  private(set) var roots: [ImportNode] = []
  private var stack: [ImportNode] = []
  /// Paragraphs before the first chapter (title, issuer, date, summary).
  private(set) var preamble: [PreambleParagraph] = []
  /// The paragraphs under 「問い合わせ先」 after the chapters.
  private(set) var contact: [MarkedText] = []
  private var inContact = false
  /// The previous edition's figures by id and by number: an exported figure (its caption and alt
  /// text; the image is not in the document) takes its image from there.
  var previousFigures: [String: GuideKit.Unit] = [:]
  private var expectFigureAlt = false
  private var lastParagraphWasCaption = false
  private(set) var warnings: [String] = []
  private(set) var revisions: [String] = []
  private(set) var comments = 0
  private(set) var commentPlaces: [String] = []
  /// The clause ids bookmarked in the last paragraph appended (a table's caption carries its table's).
  private var lastParagraphBookmarks: [String] = []
  /// True when clause headings are styled (then a plain paragraph starting with (1) is an item).
  private var styledClauses = false

  init(styles: WordStyles, file: String) {
    self.styles = styles
    self.file = file
  }

  mutating func build(_ blocks: [WordBlock]) {
    styledClauses = blocks.contains { block in
      guard case .paragraph(let p) = block, let level = p.outlineLevel else { return false }
      if level >= 2 { return true }
      if case let (label, _)? = NumberLabel.split(trimmedSpaces(p.plainText)), label.kind == .clause { return true }
      return false
    }
    // The outline level of the next heading after each block: a heading followed by a deeper one
    // is a chapter or section, one followed by a heading of its level or higher is a clause.
    var nextLevel: [Int?] = Array(repeating: nil, count: blocks.count)
    var following: Int?
    for index in blocks.indices.reversed() {
      nextLevel[index] = following
      if case .paragraph(let p) = blocks[index], let level = p.outlineLevel, !p.plainText.isEmpty { following = level }
    }
    for index in blocks.indices {
      switch blocks[index] {
      case .paragraph(let paragraph):
        add(paragraph, nextHeadingLevel: nextLevel[index])
      case .table(let table):
        add(table)
      }
    }
  }

  /// Where a paragraph stands, for messages: the open headings and the paragraph's first words.
  private func place(_ text: String) -> String {
    let path = stack.map(\.place).joined(separator: " ")
    let words = text.count > 24 ? String(text.prefix(24)) + "…" : text
    return (path.isEmpty ? "before the first chapter" : path) + (words.isEmpty ? "" : "「\(words)」")
  }

  private mutating func note(_ paragraph: WordParagraph, text: String) {
    for revision in paragraph.revisions { revisions.append("\(place(text)): \(revision)") }
    if paragraph.comments > 0 {
      comments += paragraph.comments
      commentPlaces.append(place(text))
    }
    if paragraph.images > 0 {
      warnings.append(
        "\(file): warning: \(place(text)): \(paragraph.images) image\(paragraph.images == 1 ? "" : "s") or drawing\(paragraph.images == 1 ? "" : "s") not imported: a <figure> needs its image file beside the edition (src) and alt text; add it by hand"
      )
    }
  }

  private static let contactHeadings: Set<String> = ["問い合わせ先", "問合せ先", "お問い合わせ先", "連絡先"]

  private mutating func add(_ paragraph: WordParagraph, nextHeadingLevel: Int?) {
    let plain = trimmedSpaces(Inline.normalize(paragraph.plainText))
    note(paragraph, text: plain)
    if plain.isEmpty
      && !paragraph.inlines.contains(where: { if case .footnote = $0 { return true } else { return false } })
    {
      return
    }
    if roots.isEmpty, styles.isTitle(paragraph.styleID) {
      preamble.append(PreambleParagraph(paragraph: paragraph, isTitle: true, isMeta: false))
      return
    }
    if let heading = heading(paragraph, plain: plain, nextHeadingLevel: nextHeadingLevel) {
      inContact = false
      open(heading)
      return
    }
    if !roots.isEmpty, Self.contactHeadings.contains(plain) {
      inContact = true
      return
    }
    if inContact {
      contact.append(Inline.marked(paragraph.inlines))
      return
    }
    guard let top = stack.last else {
      let name = styles.name(paragraph.styleID) ?? ""
      preamble.append(
        PreambleParagraph(
          paragraph: paragraph, isTitle: false, isMeta: name == "edition metadata" || paragraph.styleID == "Meta"))
      return
    }
    if top.kind == .clause, top.blocks.isEmpty, top.level == nil, top.audience.isEmpty,
      case let (level, audience)? = Self.clauseTags(plain)
    {
      top.level = level
      top.audience = audience
      return
    }
    content(paragraph, plain: plain, into: top)
  }

  private static let levels = ["基本": "basic", "発展": "advanced"]
  private static let audiences = [
    "経営者": "executive", "システム・セキュリティ管理者": "admin", "勤務者": "worker", "使用者": "employer",
    "労働者": "employee",
  ]

  /// The tags line guidekit writes under a clause heading: 「［基本］対象：経営者、勤務者」.
  static func clauseTags(_ text: String) -> (level: String?, audience: [String])? {
    var rest = Substring(text)
    var level: String?
    if rest.hasPrefix("［"), let close = rest.firstIndex(of: "］") {
      guard let value = levels[String(rest[rest.index(after: rest.startIndex)..<close])] else { return nil }
      level = value
      rest = rest[rest.index(after: close)...]
    }
    var audience: [String] = []
    if rest.hasPrefix("対象：") {
      for name in rest.dropFirst(3).split(separator: "、") {
        guard let value = audiences[trimmedSpaces(name)] else { return nil }
        audience.append(value)
      }
      rest = ""
    }
    guard rest.isEmpty, level != nil || !audience.isEmpty else { return nil }
    return (level, audience)
  }

  /// The unit a paragraph opens, if it is a heading.
  private func heading(_ paragraph: WordParagraph, plain: String, nextHeadingLevel: Int?) -> ImportNode? {
    var label: NumberLabel?
    var title = plain
    if let number = paragraph.numberRun.map(trimmedSpaces), !number.isEmpty, plain.hasPrefix(number) {
      // guidekit's own export: the number is the run in the ClauseNumber style.
      label = NumberLabel.classify(number) ?? NumberLabel(kind: .item, text: number, values: Self.digits(number))
      title = trimmedSpaces(plain.dropFirst(number.count))
    } else if let numberLabel = paragraph.numberLabel, !paragraph.isBullet {
      label =
        NumberLabel.classify(numberLabel) ?? NumberLabel(kind: .item, text: trimmedSpaces(numberLabel), values: [])
    } else if case let (found, rest)? = NumberLabel.split(plain) {
      label = found
      title = rest
    }
    if label == nil, paragraph.outlineLevel != nil, case let (found, rest)? = Self.namedNumber(plain) {
      label = found
      title = rest
    }
    let bookmarkIDs = paragraph.bookmarks.compactMap(BookmarkName.decode)
    func node(_ kind: ImportNode.Kind) -> ImportNode {
      ImportNode(
        kind: kind, num: label?.text, values: label?.values ?? [], title: title.isEmpty ? nil : title,
        bookmarkIDs: bookmarkIDs)
    }
    if let level = paragraph.outlineLevel {
      let styleName = styles.name(paragraph.styleID) ?? ""
      if case .appendix(let kind) = label?.kind { return node(.appendix(kind: kind)) }
      if paragraph.styleID == "Appendix" || styleName == "appendix heading" {
        return node(.appendix(kind: "attachment"))
      }
      if level == 0 || label?.kind == .chapter { return node(.chapter) }
      // A number like 2-1-1 names a section whatever its style (a subsection is often styled
      // like the clauses around it); its depth is the deeper of its level and its number's.
      if case .section(let parts) = label?.kind { return node(.section(depth: max(level, parts - 1))) }
      // A heading with deeper headings under it groups them: a section; else a clause.
      if let next = nextHeadingLevel, next > level { return node(.section(depth: level)) }
      return node(.clause)
    }
    // A short line that is only a number and a heading, in a document without heading styles.
    guard let label, plain.count <= 60, !plain.hasSuffix("。"), !title.isEmpty || label.kind == .clause else {
      return nil
    }
    switch label.kind {
    case .chapter: return node(.chapter)
    case .appendix(let kind): return node(.appendix(kind: kind))
    case .section(let parts) where !stack.isEmpty: return node(.section(depth: parts - 1))
    case .clause where !styledClauses && !stack.isEmpty: return node(.clause)
    default: return nil
    }
  }

  /// The numbers in a label (`1` → [1], `別表2-3` → [2, 3]).
  static func digits(_ text: String) -> [Int] {
    var out: [Int] = []
    var current = ""
    for c in text {
      if JapaneseNumeral.style(of: c) == .arabic || JapaneseNumeral.style(of: c) == .fullWidth {
        current.append(c)
      } else if !current.isEmpty {
        out.append(JapaneseNumeral.value(of: current) ?? 0)
        current = ""
      }
    }
    if !current.isEmpty { out.append(JapaneseNumeral.value(of: current) ?? 0) }
    return out.filter { $0 > 0 }
  }

  /// A heading's number of the form word + numeral + space: 事例1, 対策12, Q3 (the kind comes from
  /// the heading's outline level).
  static func namedNumber(_ text: String) -> (NumberLabel, String)? {
    let chars = Array(text)
    var i = 0
    while i < chars.count, i < 4, JapaneseNumeral.style(of: chars[i]) == nil, chars[i] != " ", chars[i] != "\u{3000}" {
      i += 1
    }
    guard i > 0, i < chars.count else { return nil }
    var end = i
    while end < chars.count,
      JapaneseNumeral.style(of: chars[end]) == .arabic || JapaneseNumeral.style(of: chars[end]) == .fullWidth
    {
      end += 1
    }
    guard end > i, end < chars.count, chars[end] == " " || chars[end] == "\u{3000}" || chars[end] == "\t",
      let value = JapaneseNumeral.value(of: String(chars[i..<end]))
    else { return nil }
    let rest = trimmedSpaces(String(chars[end...]))
    guard !rest.isEmpty else { return nil }
    return (NumberLabel(kind: .item, text: String(chars[0..<end]), values: [value]), rest)
  }

  private mutating func open(_ node: ImportNode) {
    switch node.kind {
    case .chapter, .appendix:
      stack = [node]
      roots.append(node)
    case .section(let depth):
      while let top = stack.last {
        if case .section(let d) = top.kind, d < depth { break }
        if top.kind == .chapter { break }
        stack.removeLast()
      }
      guard let parent = stack.last else {
        orphan(node)
        return
      }
      if case .appendix = parent.kind {
        // Appendices hold clauses only: the section becomes a clause.
        node.kind = .clause
      }
      parent.children.append(node)
      stack.append(node)
    case .clause:
      if stack.last?.kind == .clause { stack.removeLast() }
      guard let parent = stack.last else {
        orphan(node)
        return
      }
      parent.children.append(node)
      stack.append(node)
    }
  }

  /// A section or clause before any chapter: it opens a chapter of its own, with a warning.
  private mutating func orphan(_ node: ImportNode) {
    let chapter = ImportNode(kind: .chapter, num: nil, values: [], title: node.title ?? "（章名なし）", bookmarkIDs: [])
    warnings.append(
      "\(file): warning: \(node.place) stands before any chapter: put in a chapter of its own titled 「\(chapter.title ?? "")」"
    )
    roots.append(chapter)
    if case .section = node.kind { node.kind = .section(depth: 1) }
    chapter.children.append(node)
    stack = [chapter, node]
  }

  private static let notePrefixes = ["（注）", "(注)", "注）", "注)", "注：", "注:", "【注】", "〔注〕"]

  private mutating func content(_ paragraph: WordParagraph, plain: String, into top: ImportNode) {
    var marked = Inline.marked(paragraph.inlines)
    let styleName = styles.name(paragraph.styleID) ?? ""
    lastParagraphWasCaption = false
    if expectFigureAlt {
      expectFigureAlt = false
      if plain.hasPrefix("［"), plain.hasSuffix("］"), let colon = plain.firstIndex(of: "：") {
        if case .figure(var figure) = top.blocks.last {
          let alt = String(plain[plain.index(after: colon)..<plain.index(before: plain.endIndex)])
          if !alt.isEmpty { figure.alt = alt }
          top.blocks[top.blocks.count - 1] = .figure(figure)
        }
        return
      }
    }
    if styles.isCaption(paragraph.styleID), !plain.hasPrefix("表") {
      if figure(paragraph, plain: plain, into: top) { return }
    }
    if styles.isCaption(paragraph.styleID) { lastParagraphWasCaption = true }
    if styleName == "list labeled" || paragraph.styleID == "ListLabeled",
      let space = plain.firstIndex(where: { $0 == "\u{3000}" || $0 == " " })
    {
      let num = String(plain[..<space])
      appendItem(ordered: true, num: num, text: Inline.dropping(num.count, from: marked), to: top)
      return
    }
    if let prefix = Self.notePrefixes.first(where: { plain.hasPrefix($0) }) {
      append(.note(Inline.dropping(prefix.count, from: marked)), to: top, place: plain)
      return
    }
    if styleName.contains("note") || styleName == "注" || styleName.hasPrefix("注記") {
      append(.note(marked), to: top, place: plain)
      return
    }
    // An item: numbered by Word, in a list style, or starting with a number or a bullet.
    if let numberLabel = paragraph.numberLabel {
      appendItem(
        ordered: !paragraph.isBullet, num: paragraph.isBullet ? nil : trimmedSpaces(numberLabel), text: marked, to: top)
      return
    }
    if case let (label, _)? = NumberLabel.split(plain) {
      switch label.kind {
      case .item, .clause, .section:
        marked = Inline.dropping(label.text.count, from: marked)
        appendItem(ordered: true, num: label.text, text: marked, to: top)
        return
      case .bullet:
        marked = Inline.dropping(1, from: marked)
        appendItem(ordered: false, num: nil, text: marked, to: top)
        return
      default:
        break
      }
    }
    let list = styles.listKind(paragraph.styleID)
    if list.isList || paragraph.isListParagraph {
      appendItem(ordered: list.ordered, num: nil, text: marked, to: top)
      return
    }
    lastParagraphBookmarks = paragraph.bookmarks.compactMap(BookmarkName.decode)
    append(.paragraph(marked), to: top, place: plain)
  }

  /// A caption of a figure (図N…): with the previous edition's figure of that id (or number), a
  /// <figure> with its image; else a warning. True when the paragraph was taken as a figure.
  private mutating func figure(_ paragraph: WordParagraph, plain: String, into top: ImportNode) -> Bool {
    let ids = paragraph.bookmarks.compactMap(BookmarkName.decode)
    var num: String?
    var caption = plain
    if plain.hasPrefix("図") {
      let chars = Array(plain)
      var end = 1
      while end < chars.count, JapaneseNumeral.style(of: chars[end]) != nil || "-－‐.．".contains(chars[end]) { end += 1 }
      if end > 1 {
        num = String(chars[0..<end])
        caption = trimmedSpaces(String(chars[end...]))
      }
    }
    let figures = previousFigures
    let previous =
      ids.compactMap { figures[$0] }.first
      ?? figures.values.sorted { $0.id < $1.id }.first { $0.num != nil && $0.num == num }
    guard previous != nil || plain.hasPrefix("図") else {
      return false
    }
    expectFigureAlt = true
    guard let previous, let src = previous.properties["src"], top.kind == .clause || top.kind.element == "appendix"
    else {
      warnings.append(
        "\(file): warning: \(place(plain)): figure not imported: the document holds its caption, not its image; add <figure src alt> by hand (or import with --supersedes an edition that has it)"
      )
      return true
    }
    top.blocks.append(
      .figure(
        ImportFigure(
          id: ids.first ?? previous.id, num: num, caption: caption, src: src,
          alt: previous.properties["alt"] ?? caption)))
    return true
  }

  private mutating func appendItem(ordered: Bool, num: String?, text: MarkedText, to top: ImportNode) {
    if case .list(let wasOrdered, var items) = top.blocks.last, wasOrdered == ordered {
      items.append((num, text))
      top.blocks[top.blocks.count - 1] = .list(ordered: ordered, items: items)
    } else {
      append(.list(ordered: ordered, items: [(num, text)]), to: top, place: Inline.plain(text))
    }
  }

  private mutating func append(_ block: ImportBlock, to top: ImportNode, place text: String) {
    if top.kind != .clause, !top.children.isEmpty {
      // Text after a nested unit cannot stand in its container: it joins the last unit.
      warnings.append(
        "\(file): warning: \(place(text)): text after a nested unit moved into \(top.children.last?.place ?? "it")")
      top.children[top.children.count - 1].blocks.append(block)
      return
    }
    top.blocks.append(block)
  }

  private mutating func add(_ table: WordTable) {
    guard let top = stack.last else {
      warnings.append(
        "\(file): warning: a table before the first chapter (\(table.rows.count) rows) not imported: tables stand in clauses or appendices"
      )
      return
    }
    if table.nestedTables > 0 {
      warnings.append(
        "\(file): warning: \(place("")): \(table.nestedTables) table\(table.nestedTables == 1 ? "" : "s") nested in a table flattened into its cell's paragraphs"
      )
    }
    switch top.kind {
    case .clause, .appendix:
      break
    default:
      warnings.append(
        "\(file): warning: \(place("")): a table (\(table.rows.count) rows) not imported: in the vocabulary a table stands in a clause or an appendix, not directly in a \(top.kind.element); move it into a clause"
      )
      return
    }
    // The caption: the paragraph just before the table when it reads 表N… or has the Caption style.
    var caption: String?
    var num: String?
    var bookmarks: [String] = []
    if case .paragraph(let text) = top.blocks.last {
      let plain = trimmedSpaces(Inline.plain(text))
      if !plain.hasPrefix("表"), lastParagraphWasCaption {
        top.blocks.removeLast()
        bookmarks = lastParagraphBookmarks
        caption = plain
      } else if plain.hasPrefix("表") {
        top.blocks.removeLast()
        bookmarks = lastParagraphBookmarks
        let chars = Array(plain)
        var end = 1
        while end < chars.count, JapaneseNumeral.style(of: chars[end]) != nil || "-－‐.．".contains(chars[end]) {
          end += 1
        }
        if end > 1 {
          num = String(chars[0..<end])
          caption = trimmedSpaces(String(chars[end...]))
        } else {
          caption = plain
        }
      }
    }
    if caption?.isEmpty ?? true {
      warnings.append(
        "\(file): warning: \(place("")): a table without a caption (a paragraph 「表N　…」 before it): captioned 「表」; edit the caption"
      )
      caption = "表"
    }
    var rows: [ImportTable.Row] = []
    var headerCount = 0
    var pending: [Int: Int] = [:]  // grid column → index in `rows` of the cell's row, for row spans
    var cellIndex: [Int: Int] = [:]
    for (r, row) in table.rows.enumerated() {
      var out = ImportTable.Row(cells: [], bookmarkIDs: [])
      var column = 0
      for cell in row.cells {
        defer { column += cell.colspan }
        for p in cell.paragraphs {
          out.bookmarkIDs += p.bookmarks.compactMap(BookmarkName.decode)
          note(p, text: trimmedSpaces(p.plainText))
        }
        if cell.verticalMerge == "continue", let owner = pending[column], let index = cellIndex[column] {
          rows[owner].cells[index].rowspan += 1
          continue
        }
        let paragraphs = cell.paragraphs.map { Inline.marked($0.inlines) }.filter { !Inline.plain($0).isEmpty }
        out.cells.append(ImportTable.Cell(paragraphs: paragraphs, colspan: cell.colspan, rowspan: 1))
        if cell.verticalMerge == "restart" {
          pending[column] = r
          cellIndex[column] = out.cells.count - 1
        } else {
          pending[column] = nil
        }
      }
      if row.isHeader && headerCount == r { headerCount += 1 }
      rows.append(out)
    }
    if headerCount == rows.count { headerCount = max(rows.count - 1, 0) }
    guard !rows.isEmpty else { return }
    top.blocks.append(
      .table(
        ImportTable(
          num: num, caption: caption ?? "表", bookmarkIDs: bookmarks, header: Array(rows.prefix(headerCount)),
          body: Array(rows.dropFirst(headerCount)))))
  }
}

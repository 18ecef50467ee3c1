import GuideKit

/// The edition's own data: ids, dates, title, issuer and summary, from the options, the
/// paragraphs before the first chapter and the previous edition.
struct EditionHead {
  var guidelineID: String
  var version: String
  var supersedes: String?
  var issued: String
  var title = ""
  var issuer = ""
  var summary: [MarkedText] = []
  var contact: [MarkedText] = []
  var notes: [String] = []
  var warnings: [String] = []
  private let file: String
  private let issuedGiven: Bool

  init(options: WordImportOptions, file: String) {
    guidelineID = options.guidelineID
    version = options.version
    supersedes = options.previous?.info.version
    issued = options.issued ?? PinDate.today()
    issuedGiven = options.issued != nil
    self.file = file
  }

  private static let issuerEndings = ["省", "庁", "府", "局", "室", "課", "委員会", "機構", "センター", "本部", "会議"]

  private static let metaPrefixes = ["版：", "公表日：", "適用日：", "公表予定日：", "施行日："]
  private static let summaryHeadings: Set<String> = ["概要", "改定の概要"]

  mutating func take(_ preamble: [PreambleParagraph], previous: ClauseTree?) {
    var rest: [MarkedText] = []
    var dateFound = false
    if let titled = preamble.first(where: \.isTitle) {
      title = trimmedSpaces(Inline.normalize(titled.paragraph.plainText))
    }
    for entry in preamble where !entry.isTitle {
      let paragraph = entry.paragraph
      let plain = trimmedSpaces(Inline.normalize(paragraph.plainText))
      if plain.isEmpty || entry.isMeta || Self.metaPrefixes.contains(where: { plain.hasPrefix($0) })
        || Self.summaryHeadings.contains(plain)
      {
        continue
      }
      if title.isEmpty, paragraph.outlineLevel != nil || rest.isEmpty && Self.date(plain) == nil {
        title = plain
        continue
      }
      if !dateFound, let date = Self.date(plain) {
        dateFound = true
        if !issuedGiven {
          issued = date
          notes.append("\(file): note: issued and effective \(date), from 「\(plain)」 (--issued overrides)")
        }
        continue
      }
      if issuer.isEmpty, plain.count <= 40, Self.issuerEndings.contains(where: { plain.hasSuffix($0) }) {
        issuer = plain
        continue
      }
      rest.append(Inline.marked(paragraph.inlines))
    }
    summary = rest
    if title.isEmpty {
      if let previous {
        title = previous.info.title
        warnings.append("\(file): warning: no title before the first chapter: the previous edition's 「\(title)」 kept")
      } else {
        title = guidelineID
        warnings.append(
          "\(file): warning: no title before the first chapter (a paragraph in the Title style): titled 「\(title)」")
      }
    }
    if issuer.isEmpty {
      if let previousIssuer = previous?.info.issuer, !previousIssuer.isEmpty {
        issuer = previousIssuer
        notes.append("\(file): note: issuer 「\(issuer)」, as in the previous edition")
      } else {
        issuer = "（発行者）"
        warnings.append("\(file): warning: no issuer found before the first chapter: write it in <issuer>")
      }
    }
    if !summary.isEmpty {
      notes.append(
        "\(file): note: \(summary.count) paragraph\(summary.count == 1 ? "" : "s") before the first chapter kept as the <summary>"
      )
    }
  }

  /// A date written 令和3年5月31日, 平成30年4月1日, 2021年5月31日 (digits ASCII or full-width), as YYYY-MM-DD.
  static func date(_ text: String) -> String? {
    let folded = String(text.unicodeScalars.map { TextNormalization.foldWidth($0) }.map(Character.init))
    let eras: [(String, Int)] = [("令和", 2018), ("平成", 1988), ("", 0)]
    for (era, offset) in eras {
      guard let start = era.isEmpty ? folded.startIndex : folded.range(ofPrefix: era) else { continue }
      var rest = folded[start...]
      func number() -> Int? {
        if rest.hasPrefix("元") {
          rest = rest.dropFirst()
          return 1
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        rest = rest.dropFirst(digits.count)
        return Int(digits)
      }
      guard let year = number(), rest.first == "年" else { continue }
      rest = rest.dropFirst()
      guard let month = number(), rest.first == "月" else { continue }
      rest = rest.dropFirst()
      guard let day = number(), rest.first == "日" else { continue }
      rest = rest.dropFirst()
      guard trimmedSpaces(rest).isEmpty || rest.hasPrefix("（") || rest.hasPrefix("(") else { continue }
      let fullYear = offset + year
      guard era.isEmpty ? year > 1900 : true else { continue }
      let value = String(format4(fullYear)) + "-" + pad(month) + "-" + pad(day)
      return PinDate.isRealDate(value) ? value : nil
    }
    return nil
  }

  private static func format4(_ n: Int) -> String {
    String(repeating: "0", count: max(0, 4 - String(n).count)) + String(n)
  }
  private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension String {
  /// The index after `prefix` when the string starts with it, after optional spaces.
  fileprivate func range(ofPrefix prefix: String) -> String.Index? {
    let trimmed = drop { $0 == " " }
    guard trimmed.hasPrefix(prefix) else { return nil }
    return trimmed.index(trimmed.startIndex, offsetBy: prefix.count)
  }
}

/// Gives every unit its id: from guidekit's bookmarks; else, with a previous edition, the id of
/// the unit the diff's alignment pairs it with; else one made from its number path.
struct IDAssigner {
  let roots: [ImportNode]
  let previous: ClauseTree?
  private(set) var bookmarked = 0
  private(set) var aligned = 0
  private(set) var made = 0
  private(set) var unalignedPrevious: [String] = []
  private var used: Set<String> = []

  init(roots: [ImportNode], previous: ClauseTree?) {
    self.roots = roots
    self.previous = previous
  }

  static func isID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
    return id.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
    }
      && !id.contains("..") && !id.hasSuffix(".")
  }

  /// Every unit and table row, in document order.
  private func allNodes() -> [ImportNode] {
    var out: [ImportNode] = []
    func walk(_ node: ImportNode) {
      out.append(node)
      node.children.forEach(walk)
    }
    roots.forEach(walk)
    return out
  }

  mutating func assign(head: EditionHead) throws {
    let nodes = allNodes()
    // 1. Bookmarks of an exported document.
    for node in nodes {
      if let id = node.bookmarkIDs.first(where: { Self.isID($0) && !used.contains($0) }) {
        node.id = id
        used.insert(id)
        bookmarked += 1
      }
      for (index, block) in node.blocks.enumerated() {
        if case .figure(let figure) = block { used.insert(figure.id) }
        guard case .table(var table) = block else { continue }
        if let id = table.bookmarkIDs.first(where: { Self.isID($0) && !used.contains($0) }) {
          table.id = id
          used.insert(id)
        }
        for r in table.header.indices { take(&table.header[r]) }
        for r in table.body.indices { take(&table.body[r]) }
        node.blocks[index] = .table(table)
      }
    }
    // 2. The previous edition's ids, where the diff pairs units.
    if let previous {
      try align(nodes, previous: previous, head: head)
    }
    // 3. New ids from the number path, never one the previous edition had.
    var reserved: Set<String> = []
    previous?.forEachUnit { reserved.insert($0.id) }
    var paths: [ObjectIdentifier: String] = [:]
    func walk(_ node: ImportNode, parentPath: String, index: Int) {
      let own = node.values.isEmpty ? "u\(index)" : node.values.map(String.init).joined(separator: "-")
      let path: String
      switch node.kind {
      case .chapter: path = own
      case .section: path = node.values.count >= 2 ? own : parentPath + "-" + own
      case .clause: path = parentPath + "-" + own
      case .appendix: path = own
      }
      paths[ObjectIdentifier(node)] = path
      if node.id.isEmpty {
        let prefix: String
        switch node.kind {
        case .chapter, .section: prefix = "ch-"
        case .clause: prefix = "c-"
        case .appendix(let kind): prefix = kind == "enclosure" ? "enc-" : kind == "form" ? "form-" : "app-"
        }
        node.id = unique(prefix + path, reserved: reserved)
        made += 1
      }
      for (i, block) in node.blocks.enumerated() {
        guard case .table(var table) = block else { continue }
        if table.id.isEmpty { table.id = unique(node.id + "-table", reserved: reserved) }
        var n = 0
        for r in table.header.indices where table.header[r].id.isEmpty {
          n += 1
          table.header[r].id = unique(table.id + "-head" + (n > 1 ? "-\(n)" : ""), reserved: reserved)
        }
        n = 0
        for r in table.body.indices {
          n += 1
          if table.body[r].id.isEmpty { table.body[r].id = unique(table.id + "-r\(n)", reserved: reserved) }
        }
        node.blocks[i] = .table(table)
      }
      for (i, child) in node.children.enumerated() { walk(child, parentPath: path, index: i + 1) }
    }
    for (i, root) in roots.enumerated() { walk(root, parentPath: "", index: i + 1) }
  }

  private mutating func take(_ row: inout ImportTable.Row) {
    if let id = row.bookmarkIDs.first(where: { Self.isID($0) && !used.contains($0) }) {
      row.id = id
      used.insert(id)
    }
  }

  /// `base`, or `base-2`, `base-3` … : the first that no unit uses and the previous edition did not have.
  private mutating func unique(_ base: String, reserved: Set<String>) -> String {
    var candidate = base
    var n = 1
    while used.contains(candidate) || reserved.contains(candidate) {
      n += 1
      candidate = base + "-\(n)"
    }
    used.insert(candidate)
    return candidate
  }

  /// Pairs the units without an id with the previous edition's by the diff's alignment (clauses,
  /// appendices and table rows by their text; chapters and sections by number, then title).
  private mutating func align(_ nodes: [ImportNode], previous: ClauseTree, head: EditionHead) throws {
    // Temporary ids that no edition uses, so that only the texts pair units.
    var temporary: [String: (node: ImportNode?, table: (ImportNode, Int, Bool, Int)?)] = [:]
    var counter = 0
    func temp() -> String {
      counter += 1
      return "gk-import-tmp-\(counter)"
    }
    var restore: [(ImportNode, String)] = []
    for node in nodes {
      restore.append((node, node.id))
      if node.id.isEmpty {
        let id = temp()
        node.id = id
        temporary[id] = (node, nil)
      }
      for (index, block) in node.blocks.enumerated() {
        guard case .table(var table) = block else { continue }
        if table.id.isEmpty { table.id = temp() }
        for r in table.header.indices where table.header[r].id.isEmpty {
          let id = temp()
          table.header[r].id = id
          temporary[id] = (nil, (node, index, true, r))
        }
        for r in table.body.indices where table.body[r].id.isEmpty {
          let id = temp()
          table.body[r].id = id
          temporary[id] = (nil, (node, index, false, r))
        }
        node.blocks[index] = .table(table)
      }
    }
    let text = EditionWriter.write(head: head, roots: roots)
    let tree = try WordImporter.tree(text, file: "imported")
    let pairs = DocumentDiffer.alignment(old: previous, new: tree)
    var newToOld: [String: String] = [:]
    for (old, new) in pairs { newToOld[new] = old }
    // Undo the temporary ids, then take the aligned ones.
    for (node, id) in restore { node.id = id }
    for node in nodes {
      for (index, block) in node.blocks.enumerated() {
        guard case .table(var table) = block else { continue }
        if table.id.hasPrefix("gk-import-tmp-") { table.id = "" }
        node.blocks[index] = .table(table)
      }
    }
    var pairedOld: Set<String> = Set(used)
    for (tempID, target) in temporary.sorted(by: { $0.key < $1.key }) {
      guard let old = newToOld[tempID], !used.contains(old) else {
        if case let (node, index, header, r)? = target.table, case .table(var table) = node.blocks[index] {
          if header { table.header[r].id = "" } else { table.body[r].id = "" }
          node.blocks[index] = .table(table)
        }
        continue
      }
      used.insert(old)
      pairedOld.insert(old)
      aligned += 1
      if let node = target.node {
        node.id = old
      } else if case let (node, index, header, r)? = target.table, case .table(var table) = node.blocks[index] {
        if header { table.header[r].id = old } else { table.body[r].id = old }
        node.blocks[index] = .table(table)
      }
    }
    // Tables: the aligned clause's tables, in order.
    var previousUnits: [String: Unit] = [:]
    previous.forEachUnit { previousUnits[$0.id] = $0 }
    for node in nodes where !node.id.isEmpty {
      guard let old = previousUnits[node.id] else { continue }
      let oldTables = old.children.filter { $0.kind == .table }.map(\.id)
      var k = 0
      for (index, block) in node.blocks.enumerated() {
        guard case .table(var table) = block else { continue }
        if table.id.isEmpty, k < oldTables.count, !used.contains(oldTables[k]) {
          table.id = oldTables[k]
          used.insert(table.id)
        }
        k += 1
        node.blocks[index] = .table(table)
      }
    }
    // Chapters and sections: by number, then by title, among the previous edition's of that kind.
    var containers: [(kind: UnitKind, id: String, num: String?, title: String?)] = []
    previous.forEachUnit { unit in
      if unit.kind == .chapter || unit.kind == .section {
        containers.append((unit.kind, unit.id, unit.num, unit.title))
      }
    }
    for node in nodes where node.id.isEmpty {
      let kind: UnitKind
      switch node.kind {
      case .chapter: kind = .chapter
      case .section: kind = .section
      default: continue
      }
      let fold = { (s: String?) in s.map { TextNormalization.foldingWidth($0) } }
      let match =
        containers.first {
          $0.kind == kind && !used.contains($0.id) && node.num != nil && fold($0.num) == fold(node.num)
        }
        ?? containers.first { $0.kind == kind && !used.contains($0.id) && node.title != nil && $0.title == node.title }
      if let match {
        node.id = match.id
        used.insert(match.id)
        pairedOld.insert(match.id)
        aligned += 1
      }
    }
    previous.forEachUnit { unit in
      if unit.kind.isDiffUnit, unit.kind != .row, !pairedOld.contains(unit.id) { unalignedPrevious.append(unit.id) }
    }
  }
}

/// Writes the edition as guideline XML (then laid out by `GuidelineFormatter`).
enum EditionWriter {
  static func write(head: EditionHead, roots: [ImportNode]) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<guideline xmlns=\"urn:guidekit:guideline:1\" xml:lang=\"ja\""
    out += attribute("id", head.guidelineID) + attribute("version", head.version)
    if let supersedes = head.supersedes { out += attribute("supersedes", supersedes) }
    out += attribute("issued", head.issued) + attribute("effective", head.issued) + ">\n"
    out += "<title>\(escape(head.title))</title>\n<issuer>\(escape(head.issuer))</issuer>\n"
    // <contact> holds text only: the paragraphs under 問い合わせ先, joined.
    let contact = head.contact.map { trimmedSpaces(Inline.plain($0)) }.filter { !$0.isEmpty }
    if !contact.isEmpty { out += "<contact>\(escape(contact.joined(separator: " ")))</contact>\n" }
    if !head.summary.isEmpty {
      out += "<summary>\n"
      for p in head.summary { out += "<p>\(inline(p))</p>\n" }
      out += "</summary>\n"
    }
    for root in roots { write(root, into: &out) }
    out += "</guideline>\n"
    return out
  }

  private static func write(_ node: ImportNode, into out: inout String) {
    let element = node.kind.element
    out += "<\(element)" + attribute("id", node.id)
    if let num = node.num { out += attribute("num", num) }
    if case .appendix(let kind) = node.kind { out += attribute("kind", kind) }
    if let level = node.level { out += attribute("level", level) }
    if !node.audience.isEmpty { out += attribute("audience", node.audience.joined(separator: " ")) }
    out += ">\n"
    if let title = node.title {
      out += "<title>\(escape(title))</title>\n"
    } else if node.kind != .clause {
      out += "<title>\(escape(node.num ?? "（無題）"))</title>\n"
    }
    for block in node.blocks { write(block, into: &out) }
    for child in node.children { write(child, into: &out) }
    out += "</\(element)>\n"
  }

  private static func write(_ block: ImportBlock, into out: inout String) {
    switch block {
    case .paragraph(let text):
      out += "<p>\(inline(text))</p>\n"
    case .note(let text):
      out += "<note>\(inline(text))</note>\n"
    case .figure(let figure):
      out += "<figure" + attribute("id", figure.id) + (figure.num.map { attribute("num", $0) } ?? "")
      out += attribute("src", figure.src) + attribute("alt", figure.alt) + ">"
      out += "<caption>\(escape(figure.caption))</caption></figure>\n"
    case .list(let ordered, let items):
      out += ordered ? "<list type=\"ordered\">\n" : "<list>\n"
      for item in items {
        out += "<item" + (item.num.map { attribute("num", $0) } ?? "") + ">\(inline(item.text))</item>\n"
      }
      out += "</list>\n"
    case .table(let table):
      out += "<table" + attribute("id", table.id) + (table.num.map { attribute("num", $0) } ?? "") + ">\n"
      out += "<caption>\(escape(table.caption))</caption>\n"
      if !table.header.isEmpty {
        out += "<thead>\n"
        for row in table.header { write(row, into: &out) }
        out += "</thead>\n"
      }
      out += "<tbody>\n"
      for row in table.body { write(row, into: &out) }
      out += "</tbody>\n</table>\n"
    }
  }

  private static func write(_ row: ImportTable.Row, into out: inout String) {
    out += "<row" + attribute("id", row.id) + ">"
    for cell in row.cells {
      out += "<cell"
      if cell.colspan > 1 { out += attribute("colspan", String(cell.colspan)) }
      if cell.rowspan > 1 { out += attribute("rowspan", String(cell.rowspan)) }
      out += ">"
      if cell.paragraphs.count == 1 {
        out += inline(cell.paragraphs[0])
      } else {
        for p in cell.paragraphs { out += "<p>\(inline(p))</p>" }
      }
      out += "</cell>"
    }
    out += "</row>\n"
  }

  private static func attribute(_ name: String, _ value: String) -> String {
    " \(name)=\"\(escape(value).replacing("\"", with: "&quot;"))\""
  }

  static func escape(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x26: out.append(contentsOf: "&amp;".unicodeScalars)
      case 0x3C: out.append(contentsOf: "&lt;".unicodeScalars)
      case 0x3E: out.append(contentsOf: "&gt;".unicodeScalars)
      case 0x09, 0x0A: out.append(scalar)
      case 0...0x1F, 0xE001...0xE004: continue  // control characters XML cannot hold; markers
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Marked text as mixed content: `<em>` and `<fn>` for the markers; an empty one is left out.
  static func inline(_ marked: MarkedText) -> String {
    var out = ""
    var buffer = ""
    // The open elements and the length of `out` (in characters) before each start tag.
    var open: [(name: String, at: Int)] = []
    for c in marked {
      guard Inline.isMarker(c) else {
        buffer.append(c)
        continue
      }
      out += escape(buffer)
      buffer = ""
      switch c {
      case Inline.emOpen, Inline.fnOpen:
        if c == Inline.emOpen && open.last?.name == "fn" { continue }  // no emphasis kept inside a footnote
        let name = c == Inline.emOpen ? "em" : "fn"
        open.append((name, out.count))
        out += "<\(name)>"
      default:
        let name = c == Inline.emClose ? "em" : "fn"
        guard let last = open.last, last.name == name else { continue }
        open.removeLast()
        let content = String(out.dropFirst(last.at + name.count + 2))
        if content.allSatisfy(\.isWhitespace) {
          out = String(out.prefix(last.at)) + content
        } else {
          out += "</\(name)>"
        }
      }
    }
    out += escape(buffer)
    while let last = open.popLast() { out += "</\(last.name)>" }
    // Trailing spaces, as the reader trims them.
    while out.hasSuffix(" ") { out.removeLast() }
    return out
  }
}

import GuideKitXML

/// Builds the provisions of one law, keeping every id unique within the tree (the structure
/// around them is assembled by ``LawAssembler``).
///
/// Ids (DESIGN.md "References"): structure units are named by their path of structure
/// segments (`Chap1`, `Chap1/Sec2`, `Part1/Chap3`); articles are not prefixed by their chapter
/// (`Art38_2`), and their parts extend the article's id (`Art38_2/Para1/Item2/Sub1_3`, where
/// `Sub1_3` is the third `Subitem1`). Everything in a supplementary provision is prefixed by the
/// supplement's id (`Suppl/<AmendLawNum>/Art1`). Segments come from the e-Gov `Num` attributes,
/// or from the element's position among its like siblings when `Num` is missing. An id that would
/// repeat gets `-2`, `-3` … appended.
struct LawTreeBuilder {
  private var usedIDs: Set<String> = []

  /// The structure elements above the article: kind and id segment prefix.
  static let structures: [String: (kind: UnitKind, segment: String)] = [
    "Part": (.part, "Part"),
    "Chapter": (.lawChapter, "Chap"),
    "Section": (.lawSection, "Sec"),
    "Subsection": (.subsection, "Subsec"),
    "Division": (.division, "Div"),
  ]

  /// An article, paragraph, item or subitem with its parts.
  mutating func provision<Element: XMLElementReading>(
    _ element: Element, kind: UnitKind, id: String
  ) -> Unit {
    var num: String?
    var title: String?
    var blocks: [Block] = []
    var children: [Unit] = []
    var ordinals: [String: Int] = [:]
    for child in element.elements {
      let name = child.name
      switch name {
      case "ArticleTitle", "ParagraphNum", "ItemTitle":
        num = LawText.text(of: child)
      case "ArticleCaption", "ParagraphCaption":
        title = LawText.text(of: child)
      case "ParagraphSentence", "ItemSentence":
        appendSentence(child, to: &blocks)
      case "Paragraph", "Item":
        let ordinal = (ordinals[name] ?? 0) + 1
        ordinals[name] = ordinal
        let segment = (name == "Paragraph" ? "Para" : "Item") + Self.number(child, ordinal: ordinal)
        children.append(
          provision(
            child, kind: name == "Paragraph" ? .paragraph : .item,
            id: unique(Self.join(id, segment))))
      case "SupplNote":
        LawText.appendBlocks(of: child, kind: .note, to: &blocks)
      default:
        guard let subitem = Self.subitemPart(name) else {
          LawText.appendBlocks(of: child, kind: .paragraph, to: &blocks)
          continue
        }
        switch subitem.suffix {
        case "Title":
          num = LawText.text(of: child)
        case "Sentence":
          appendSentence(child, to: &blocks)
        case "":
          let ordinal = (ordinals[name] ?? 0) + 1
          ordinals[name] = ordinal
          let segment = "Sub\(subitem.level)_" + Self.number(child, ordinal: ordinal)
          children.append(provision(child, kind: .subitem, id: unique(Self.join(id, segment))))
        default:
          LawText.appendBlocks(of: child, kind: .paragraph, to: &blocks)
        }
      }
    }
    var properties: [String: String] = [:]
    if element[attribute: "Delete"] == "true" { properties["deleted"] = "true" }
    return Unit(
      kind: kind, id: id, num: num, title: title, blocks: blocks, children: children,
      line: element.line, properties: properties)
  }

  /// A sentence group (`ParagraphSentence`, `ItemSentence`, `Subitem1Sentence` …) as one block:
  /// sentences joined directly, columns separated by a full-width space. An empty group (e-Gov
  /// writes `<Sentence/>` for some paragraphs) gives no block.
  private func appendSentence<Element: XMLElementReading>(_ element: Element, to blocks: inout [Block]) {
    let text = LawText.text(of: element)
    guard !text.isEmpty else { return }
    blocks.append(Block(kind: .paragraph, text: text, line: element.line))
  }

  /// `id` made unique in the tree by a `-2`, `-3` … suffix when it is taken, and recorded.
  mutating func unique(_ id: String) -> String {
    var candidate = id
    var counter = 2
    while usedIDs.contains(candidate) {
      candidate = "\(id)-\(counter)"
      counter += 1
    }
    usedIDs.insert(candidate)
    return candidate
  }

  /// The `Num` attribute, or the ordinal when it is missing or empty.
  static func number<Element: XMLElementReading>(_ element: Element, ordinal: Int) -> String {
    if let num = element[attribute: "Num"]?.filter({ !$0.isWhitespace }), !num.isEmpty {
      return num
    }
    return String(ordinal)
  }

  static func join(_ parent: String, _ segment: String) -> String {
    parent.isEmpty ? segment : parent + "/" + segment
  }

  /// `Subitem3Title` → (3, "Title"); `Subitem2` → (2, ""); nil for other names.
  static func subitemPart(_ name: String) -> (level: Int, suffix: Substring)? {
    guard name.hasPrefix("Subitem") else { return nil }
    let rest = name.dropFirst("Subitem".count)
    let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
    guard let level = Int(digits) else { return nil }
    return (level, rest.dropFirst(digits.count))
  }

  /// `第一章　総則` → (`第一章`, `総則`); a heading without a full-width space is all number.
  static func splitHeading(_ heading: String?) -> (num: String?, title: String?) {
    guard let heading, !heading.isEmpty else { return (nil, nil) }
    guard let space = heading.firstIndex(of: "\u{3000}") else { return (heading, nil) }
    let num = String(heading[..<space])
    let title = String(heading[heading.index(after: space)...]).trimmingFullWidthSpaces()
    return (num, title.isEmpty ? nil : title)
  }
}

extension String {
  /// The string without leading and trailing full-width (U+3000) or ASCII spaces.
  fileprivate func trimmingFullWidthSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == "\u{3000}" || $0 == " " }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}

import GuideKitXML

/// Text extraction for e-Gov law XML, independent of how the file is formatted.
///
/// An element that holds text of its own (a `Sentence`, a title) is read as mixed content: its
/// text and its inline elements' text, in order, with whitespace normalised by
/// `ReaderText.normalize`. An element that holds only elements
/// (a `ParagraphSentence`, a `Column`, a `TableRow`) is read child by child, and the whitespace
/// between its children — which pretty-printing adds — is dropped. Adjacent `Sentence`s join directly, as printed law
/// text does (本文 and ただし書); other siblings (`Column`s of an item, cells of a table row) are
/// separated by a full-width space. Ruby readings (`Rt`) are left out: `<Ruby>哺<Rt>ほ</Rt></Ruby>`
/// reads as 哺.
enum LawText {
  /// The separator between sibling parts that are not both sentences.
  static let separator = "\u{3000}"

  /// The text of `element`, normalised.
  /// - Complexity: O(n) in the size of the subtree.
  static func text<Element: XMLElementReading>(of element: Element) -> String {
    if isInline(element) || hasOwnText(element) {
      var raw = ""
      appendMixed(element, to: &raw)
      return ReaderText.normalize(raw)
    }
    var out = ""
    var previousWasSentence = false
    for child in element.elements where child.name != "Rt" {
      let part = text(of: child)
      if part.isEmpty { continue }
      let isSentence = child.name == "Sentence"
      if !out.isEmpty && !(previousWasSentence && isSentence) { out += separator }
      out += part
      previousWasSentence = isSentence
    }
    return out
  }

  /// True for elements read as running text whatever they contain: sentences, titles, captions,
  /// labels, numbers and inline markup.
  static func isInline<Element: XMLElementReading>(_ element: Element) -> Bool {
    switch element.name {
    case "Sentence", "Ruby", "Sup", "Sub", "Line", "ArithFormulaNum":
      return true
    default:
      let name = element.name
      return name.hasSuffix("Title") || name.hasSuffix("Caption") || name.hasSuffix("Label")
        || name.hasSuffix("Num")
    }
  }

  /// True when a text child of `element` holds more than ASCII whitespace (the whitespace
  /// pretty-printing puts between elements).
  static func hasOwnText<Element: XMLElementReading>(_ element: Element) -> Bool {
    var found = false
    element.forEachChild { child in
      guard !found, case .text(let t) = child else { return }
      found = t.utf8.contains(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) })
    }
    return found
  }

  /// Appends the raw text of `element`'s subtree, ruby readings left out.
  private static func appendMixed<Element: XMLElementReading>(_ element: Element, to out: inout String) {
    element.forEachChild { child in
      switch child {
      case .text(let t): out += t
      case .element(let e) where e.name != "Rt": appendMixed(e, to: &out)
      default: break
      }
    }
  }

  /// Blocks for an element that is not a unit: a table row by row, a list entry by entry,
  /// anything else as one block of its text. Empty text gives no block.
  /// - Parameters:
  ///   - element: a `TableStruct`, `List`, `Remarks`, `FigStruct`, `SupplNote` …
  ///   - kind: the kind of the blocks made from running text.
  static func appendBlocks<Element: XMLElementReading>(
    of element: Element, kind: Block.Kind, to blocks: inout [Block]
  ) {
    let name = element.name
    switch name {
    case "TableStruct", "Table", "List", "StyleStruct", "FormatStruct", "NoteStruct", "FigStruct":
      for child in element.elements {
        appendBlocks(of: child, kind: kind, to: &blocks)
      }
    case _ where name.hasSuffix("Title"):
      append(text(of: element), kind: .heading, line: element.line, to: &blocks)
    case _
    where (name.hasPrefix("Sublist") && !name.hasSuffix("Sentence"))
      || name.hasPrefix("SupplProvisionAppdx"):
      for child in element.elements {
        appendBlocks(of: child, kind: kind, to: &blocks)
      }
    default:
      append(text(of: element), kind: kind, line: element.line, to: &blocks)
    }
  }

  private static func append(_ text: String, kind: Block.Kind, line: Int, to blocks: inout [Block]) {
    guard !text.isEmpty else { return }
    blocks.append(Block(kind: kind, text: text, line: line))
  }
}

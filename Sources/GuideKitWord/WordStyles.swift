import GuideKit
import GuideKitXML

/// WordprocessingML namespaces.
enum WordNS {
  static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
}

extension XMLElement {
  /// True for an element of WordprocessingML's main namespace with this local name.
  func isWord(_ local: String) -> Bool { name == local && namespaceURI == WordNS.main }

  /// The first child element in the main namespace with this local name.
  func word(_ local: String) -> XMLElement? {
    for child in children {
      if case .element(let element) = child, element.isWord(local) { return element }
    }
    return nil
  }

  /// Every child element in the main namespace with this local name.
  func words(_ local: String) -> [XMLElement] {
    children.compactMap { child in
      if case .element(let element) = child, element.isWord(local) { return element }
      return nil
    }
  }

  /// The child elements, in order.
  var elements: [XMLElement] { children.compactMap(\.element) }

  /// An attribute of the main namespace (`w:val`), or without namespace.
  func wordAttribute(_ local: String) -> String? {
    attributes.first { $0.name == local && ($0.namespaceURI == WordNS.main || $0.namespaceURI == nil) }?.value
  }

  /// An attribute in `namespace`.
  func attribute(_ local: String, namespace: String) -> String? {
    attributes.first { $0.name == local && $0.namespaceURI == namespace }?.value
  }

  /// True when an on/off property (`w:b`, `w:i`) is on: present without `w:val`, or with a true value.
  var isOn: Bool {
    guard let value = wordAttribute("val") else { return true }
    return !["0", "false", "off", "none"].contains(value)
  }
}

/// The paragraph and character styles of a document (`word/styles.xml`), with `basedOn`
/// inheritance resolved for what the import needs: outline level, numbering and emphasis.
struct WordStyles {
  struct Style {
    var id: String
    var name: String
    var basedOn: String?
    var outlineLevel: Int?
    var numID: Int?
    var numLevel: Int?
    var emphasis: Bool
  }

  private(set) var styles: [String: Style] = [:]
  private(set) var defaultParagraphStyle: String?

  init(_ root: XMLElement?) {
    guard let root else { return }
    for element in root.words("style") {
      guard let id = element.wordAttribute("styleId") else { continue }
      let pPr = element.word("pPr")
      let rPr = element.word("rPr")
      var style = Style(
        id: id, name: element.word("name")?.wordAttribute("val") ?? id,
        basedOn: element.word("basedOn")?.wordAttribute("val"),
        outlineLevel: pPr?.word("outlineLvl")?.wordAttribute("val").flatMap { Int($0) },
        numID: nil, numLevel: nil, emphasis: false)
      if let numPr = pPr?.word("numPr") {
        style.numID = numPr.word("numId")?.wordAttribute("val").flatMap { Int($0) }
        style.numLevel = numPr.word("ilvl")?.wordAttribute("val").flatMap { Int($0) }
      }
      if let rPr { style.emphasis = WordStyles.hasEmphasis(rPr) }
      styles[id] = style
      if element.wordAttribute("type") == "paragraph",
        element.wordAttribute("default").map({ $0 == "1" || $0 == "true" }) == true
      {
        defaultParagraphStyle = id
      }
    }
  }

  /// True when run properties turn bold, italic, underline or emphasis marks on.
  static func hasEmphasis(_ rPr: XMLElement) -> Bool {
    for local in ["b", "i", "bCs", "iCs"] where rPr.word(local)?.isOn == true { return true }
    if let underline = rPr.word("u"), let value = underline.wordAttribute("val"), value != "none" { return true }
    if let em = rPr.word("em"), em.wordAttribute("val") != "none" { return true }
    return false
  }

  /// The chain of a style and the styles it is based on, nearest first (cycles cut).
  func chain(_ id: String?) -> [Style] {
    var out: [Style] = []
    var seen: Set<String> = []
    var next = id ?? defaultParagraphStyle
    while let current = next, !seen.contains(current), let style = styles[current] {
      seen.insert(current)
      out.append(style)
      next = style.basedOn
    }
    return out
  }

  /// The style's name, lower-cased (`heading 1`, `title`, `list bullet`).
  func name(_ id: String?) -> String? {
    guard let id else { return nil }
    return (styles[id]?.name ?? id).lowercased()
  }

  /// The outline level (0-based) a paragraph of this style has: its own or inherited `outlineLvl`,
  /// or the number of a built-in `heading N` style.
  func outlineLevel(_ id: String?) -> Int? {
    for style in chain(id) {
      if let level = style.outlineLevel { return level < 9 ? level : nil }
      let name = style.name.lowercased()
      if name.hasPrefix("heading "), let n = Int(name.dropFirst(8)), (1...9).contains(n) { return n - 1 }
    }
    return nil
  }

  /// The numbering a paragraph of this style has, if any.
  func numbering(_ id: String?) -> (numID: Int, level: Int)? {
    for style in chain(id) {
      if let numID = style.numID { return (numID, style.numLevel ?? 0) }
    }
    return nil
  }

  /// True when the character style (or one it is based on) emphasises, or is named Strong/Emphasis.
  func isEmphasis(characterStyle id: String) -> Bool {
    chain(id).contains { $0.emphasis || ["strong", "emphasis", "intense emphasis"].contains($0.name.lowercased()) }
  }

  /// True when a paragraph style is the document title (`Title`).
  func isTitle(_ id: String?) -> Bool {
    chain(id).contains { $0.name.lowercased() == "title" || $0.id == "Title" }
  }

  /// True when a paragraph style names a list (`List Bullet`, `List Number 2`, `List Paragraph`).
  func listKind(_ id: String?) -> (ordered: Bool, isList: Bool) {
    for style in chain(id) {
      let name = style.name.lowercased()
      if name.hasPrefix("list bullet") { return (false, true) }
      if name.hasPrefix("list number") { return (true, true) }
    }
    return (false, false)
  }

  /// True when a paragraph style is a caption (`Caption`).
  func isCaption(_ id: String?) -> Bool {
    chain(id).contains { $0.name.lowercased() == "caption" }
  }
}

/// The list definitions of a document (`word/numbering.xml`) and the counters that number its
/// paragraphs as Word does.
struct WordNumbering {
  struct Level {
    var format: String
    var text: String
    var start: Int
    /// `w:isLgl`: every number in the label in Arabic digits (2-1 under a chapter counted ２).
    var legal = false
  }

  private var abstractLevels: [Int: [Int: Level]] = [:]
  private var numToAbstract: [Int: Int] = [:]
  private var startOverrides: [Int: [Int: Int]] = [:]
  private var counters: [Int: [Int: Int]] = [:]

  init(_ root: XMLElement?) {
    guard let root else { return }
    for abstract in root.words("abstractNum") {
      guard let id = abstract.wordAttribute("abstractNumId").flatMap({ Int($0) }) else { continue }
      var levels: [Int: Level] = [:]
      for lvl in abstract.words("lvl") {
        guard let ilvl = lvl.wordAttribute("ilvl").flatMap({ Int($0) }) else { continue }
        levels[ilvl] = Level(
          format: lvl.word("numFmt")?.wordAttribute("val") ?? "decimal",
          text: lvl.word("lvlText")?.wordAttribute("val") ?? "",
          start: lvl.word("start")?.wordAttribute("val").flatMap { Int($0) } ?? 1,
          legal: lvl.word("isLgl")?.isOn ?? false)
      }
      abstractLevels[id] = levels
    }
    for num in root.words("num") {
      guard let id = num.wordAttribute("numId").flatMap({ Int($0) }),
        let abstract = num.word("abstractNumId")?.wordAttribute("val").flatMap({ Int($0) })
      else { continue }
      numToAbstract[id] = abstract
      for override in num.words("lvlOverride") {
        if let ilvl = override.wordAttribute("ilvl").flatMap({ Int($0) }),
          let start = override.word("startOverride")?.wordAttribute("val").flatMap({ Int($0) })
        {
          startOverrides[id, default: [:]][ilvl] = start
        }
      }
    }
  }

  /// The level definition of a list, if the document defines it.
  func level(numID: Int, level: Int) -> Level? {
    guard let abstract = numToAbstract[numID] else { return nil }
    return abstractLevels[abstract]?[level]
  }

  /// Counts a paragraph numbered `numID`/`level` and returns its label (`第2章`, `(3)`, `ア`, `①`,
  /// a bullet character), or nil when the list is not defined or numbers nothing.
  mutating func next(numID: Int, level: Int) -> (label: String, bullet: Bool)? {
    guard numID != 0, let definition = self.level(numID: numID, level: level) else { return nil }
    var counts = counters[numID] ?? [:]
    let start = startOverrides[numID]?[level] ?? definition.start
    counts[level] = (counts[level] ?? (start - 1)) + 1
    for deeper in counts.keys where deeper > level { counts[deeper] = nil }
    counters[numID] = counts
    if definition.format == "bullet" { return (definition.text, true) }
    if definition.format == "none" { return nil }
    var label = ""
    var rest = Substring(definition.text)
    while let percent = rest.firstIndex(of: "%") {
      label += rest[rest.startIndex..<percent]
      let after = rest.index(after: percent)
      guard after < rest.endIndex, let digit = rest[after].wholeNumberValue, digit >= 1 else {
        rest = rest[after...]
        continue
      }
      let ilvl = digit - 1
      let format = definition.legal ? "decimal" : self.level(numID: numID, level: ilvl)?.format ?? "decimal"
      let value = counts[ilvl] ?? (startOverrides[numID]?[ilvl] ?? self.level(numID: numID, level: ilvl)?.start ?? 1)
      label += Self.format(value, format)
      rest = rest[rest.index(after: after)...]
    }
    label += rest
    return (label, false)
  }

  static let aiueo = Array("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン")
  static let iroha = Array("イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス")

  /// A counter value written in a `w:numFmt`.
  static func format(_ value: Int, _ format: String) -> String {
    func pick(_ list: [Character]) -> String {
      value >= 1 && value <= list.count ? String(list[value - 1]) : String(value)
    }
    switch format {
    case "decimalFullWidth", "decimalFullWidth2":
      return String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0) ?? $0) })
    case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
      return (1...20).contains(value)
        ? String(Character(Unicode.Scalar(0x2460 + UInt32(value - 1)) ?? "0")) : "(\(value))"
    case "decimalEnclosedParen":
      return "(\(value))"
    case "aiueoFullWidth", "aiueo": return pick(aiueo)
    case "irohaFullWidth", "iroha": return pick(iroha)
    case "japaneseCounting", "japaneseLegal", "japaneseDigitalTenThousand", "ideographTraditional":
      return (1...9999).contains(value) ? JapaneseCounting.kanji(value) : String(value)
    case "lowerLetter": return pick(Array("abcdefghijklmnopqrstuvwxyz"))
    case "upperLetter": return pick(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    case "lowerRoman": return LawNumbering.romanLowercase(value)
    case "upperRoman": return LawNumbering.romanLowercase(value).uppercased()
    default: return String(value)
    }
  }

}

/// Kanji numerals for `japaneseCounting` list levels (一, 十二, 百五).
enum JapaneseCounting {
  static func kanji(_ value: Int) -> String {
    let digits = Array("〇一二三四五六七八九")
    var out = ""
    var rest = value
    for (unit, mark) in [(1000, "千"), (100, "百"), (10, "十")] {
      let d = rest / unit
      if d > 0 { out += (d == 1 ? "" : String(digits[d])) + mark }
      rest %= unit
    }
    if rest > 0 { out.append(digits[rest]) }
    return out
  }
}

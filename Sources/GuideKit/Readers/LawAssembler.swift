import GuideKitXML

/// Assembles a law's `ClauseTree` from its elements in document order.
///
/// The skeleton — the root, `LawBody`, `MainProvision`, `SupplProvision` and the structure
/// elements 編・章・節・款・目 — opens (``start(_:)`` returns true) and closes (``end()``) around
/// complete parts (``part(_:)``: articles, titles, labels, anything else), so a reader can hand
/// over each part as soon as the parser has it and let the parser free it. ``LawReader`` feeds it
/// from a parsed tree, ``LawStreamReader`` straight from the parser.
///
/// What is read, and the ids (DESIGN.md "References"): structure units are named by their path of
/// structure segments (`Chap1`, `Chap1/Sec2`, `Part1/Chap3`); articles are not prefixed by their
/// chapter (`Art38_2`), and their parts extend the article's id (`Art38_2/Para1/Item2/Sub1_3`).
/// Everything in a supplementary provision is prefixed by the supplement's id
/// (`Suppl/<AmendLawNum>/Art1`). Segments come from the e-Gov `Num` attributes, or from the
/// element's position among its like siblings when `Num` is missing.
struct LawAssembler {
  private enum Role {
    case dataRoot, applData, lawFullText, law, lawBody, mainProvision, supplement
    case structure(UnitKind)
  }

  private struct Frame {
    let role: Role
    let name: String
    /// The id structure units inside extend (`""` at the top of the main provision).
    let id: String
    /// The prefix of article and paragraph ids inside (`""`, or a supplement's id).
    let prefix: String
    let line: Int
    var properties: [String: String] = [:]
    /// Children seen so far, by name: positions for ids without `Num`.
    var ordinals: [String: Int] = [:]
    /// The position of the child that started last.
    var pendingOrdinal = 0
    var units: [Unit] = []
    var blocks: [Block] = []
    /// A structure unit's first `<name>Title`, a supplement's first `SupplProvisionLabel`.
    var heading: String?
    /// Names of which only the first child counts (`LawTitle`, `LawId`, `LawBody` …), once seen.
    var seen: Set<String> = []

    init(role: Role, name: String, id: String = "", prefix: String = "", line: Int) {
      self.role = role
      self.name = name
      self.id = id
      self.prefix = prefix
      self.line = line
    }

    /// True the first time a child named `name` is taken.
    mutating func first(_ name: String) -> Bool { seen.insert(name).inserted }
  }

  private let file: String
  private var builder = LawTreeBuilder()
  private var frames: [Frame] = []
  private var rootLine = 0
  private var lawID: String?
  private var derivedLawID: String?
  private var title = ""
  private var units: [Unit] = []
  private var supplements: [Unit] = []

  init(file: String) {
    self.file = file
  }

  /// An element starts, inside the innermost open skeleton element (or as the root).
  /// - Returns: true when it belongs to the skeleton: its children follow as events, then
  ///   ``end()``. False when it is a part: pass it to ``part(_:)`` once complete.
  mutating func start<Element: XMLElementReading>(_ element: Element) -> Bool {
    let name = element.name
    let line = element.line
    guard let p = frames.indices.last else {
      rootLine = line
      if name == "Law" { derivedLawID = LawReader.derivedLawID(element) }
      frames.append(Frame(role: name == "Law" ? .law : .dataRoot, name: name, line: line))
      return true
    }
    var opened: Frame?
    switch frames[p].role {
    case .dataRoot:
      if name == "ApplData", frames[p].first(name) { opened = Frame(role: .applData, name: name, line: line) }
    case .applData:
      if name == "LawFullText", frames[p].first(name) { opened = Frame(role: .lawFullText, name: name, line: line) }
    case .lawFullText:
      if name == "Law", frames[p].first(name) {
        derivedLawID = LawReader.derivedLawID(element)
        opened = Frame(role: .law, name: name, line: line)
      }
    case .law:
      if name == "LawBody", frames[p].first(name) { opened = Frame(role: .lawBody, name: name, line: line) }
    case .lawBody:
      if name == "MainProvision" {
        opened = Frame(role: .mainProvision, name: name, line: line)
      } else if name == "SupplProvision" {
        opened = supplement(element)
      }
    case .mainProvision, .supplement, .structure:
      let ordinal = (frames[p].ordinals[name] ?? 0) + 1
      frames[p].ordinals[name] = ordinal
      frames[p].pendingOrdinal = ordinal
      if let structure = LawTreeBuilder.structures[name] {
        let number = LawTreeBuilder.number(element, ordinal: ordinal)
        let id = builder.unique(LawTreeBuilder.join(frames[p].id, structure.segment + number))
        var frame = Frame(
          role: .structure(structure.kind), name: name, id: id, prefix: frames[p].prefix, line: line)
        if element[attribute: "Delete"] == "true" { frame.properties["deleted"] = "true" }
        opened = frame
      }
    }
    guard let opened else { return false }
    frames.append(opened)
    return true
  }

  /// A complete part of the innermost open skeleton element (see ``start(_:)``).
  mutating func part<Element: XMLElementReading>(_ element: Element) {
    guard var frame = frames.popLast() else { return }
    defer { frames.append(frame) }
    let name = element.name
    switch frame.role {
    case .applData:
      if name == "LawId", frame.first(name) { lawID = LawText.text(of: element) }
    case .lawBody:
      if name == "LawTitle", frame.first(name) { title = LawText.text(of: element) }
    case .dataRoot, .lawFullText, .law:
      break
    case .mainProvision, .supplement, .structure:
      let number = LawTreeBuilder.number(element, ordinal: frame.pendingOrdinal)
      switch name {
      case "Article":
        let id = builder.unique(LawTreeBuilder.join(frame.prefix, "Art" + number))
        frame.units.append(builder.provision(element, kind: .article, id: id))
      case "Paragraph":
        let id = builder.unique(LawTreeBuilder.join(frame.prefix, "Para" + number))
        frame.units.append(builder.provision(element, kind: .paragraph, id: id))
      case "SupplProvisionLabel":
        if case .supplement = frame.role, frame.first(name) { frame.heading = LawText.text(of: element) }
      case _ where name == frame.name + "Title":
        if case .structure = frame.role, frame.first(name) { frame.heading = LawText.text(of: element) }
      default:
        LawText.appendBlocks(of: element, kind: .paragraph, to: &frame.blocks)
      }
    }
  }

  /// The innermost open skeleton element ends.
  mutating func end() {
    guard let frame = frames.popLast() else { return }
    switch frame.role {
    case .mainProvision:
      units.append(contentsOf: frame.units)
    case .supplement:
      let amendLawNum = frame.properties["amendmentLawNum"]
      supplements.append(
        Unit(
          kind: .supplement, id: frame.id, num: frame.heading, title: amendLawNum, blocks: frame.blocks,
          children: frame.units, line: frame.line, properties: frame.properties))
    case .structure(let kind):
      // 第一章　総則 → num 第一章, title 総則; a heading without a full-width space is all num.
      let (num, title) = LawTreeBuilder.splitHeading(frame.heading)
      let unit = Unit(
        kind: kind, id: frame.id, num: num, title: title, blocks: frame.blocks, children: frame.units,
        line: frame.line, properties: frame.properties)
      if frames.isEmpty { return }
      frames[frames.count - 1].units.append(unit)
    case .dataRoot, .applData, .lawFullText, .law, .lawBody:
      break
    }
  }

  /// The tree assembled so far (all of it once the root has ended). The law id is the API's
  /// `LawId`, else the e-Gov file name's, else one derived from the `<Law>` attributes.
  func tree() -> ClauseTree {
    let revision = SourceLocator(egovFile: file)
    var id = lawID
    if id?.isEmpty ?? true { id = revision?.source }
    if id?.isEmpty ?? true { id = derivedLawID }
    let info = DocumentInfo(
      kind: .law, id: id ?? "", version: revision?.revision ?? "", title: title, issuer: nil,
      effective: revision?.inForce, language: "ja", file: file, line: rootLine)
    return ClauseTree(info: info, units: units, supplements: supplements)
  }

  /// A `<SupplProvision>` opens: its id from `AmendLawNum` (`Suppl/<AmendLawNum>`, or `Suppl`
  /// for the original 附則).
  private mutating func supplement<Element: XMLElementReading>(_ element: Element) -> Frame {
    let amendLawNum = element[attribute: "AmendLawNum"].map { ReaderText.normalize($0) }
      .flatMap { $0.isEmpty ? nil : $0 }
    let id = builder.unique(amendLawNum.map { "Suppl/" + $0 } ?? "Suppl")
    var frame = Frame(role: .supplement, name: "SupplProvision", id: id, prefix: id, line: element.line)
    if let amendLawNum { frame.properties["amendmentLawNum"] = amendLawNum }
    if element[attribute: "Extract"] == "true" { frame.properties["extract"] = "true" }
    return frame
  }
}

/// Reads e-Gov law XML while the parser reads the file: each article, title or other part is
/// read as soon as it is complete and then freed, so memory holds the tree being built and one
/// article rather than the whole parsed document (an 800 KB law parses to about 6 MB of nodes).
/// A document that is not a law is left whole in the parsed document, for the other readers.
final class LawStreamReader: XMLStreamHandler {
  private(set) var assembler: LawAssembler

  init(file: String) {
    assembler = LawAssembler(file: file)
  }

  func start(_ element: XMLElementView) -> XMLStreamChoice {
    assembler.start(element) ? .descend : .whole
  }

  func element(_ element: XMLElementView) { assembler.part(element) }

  func end() { assembler.end() }
}

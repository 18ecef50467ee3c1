import FoundationEssentials
import GuideKitXML

/// Rewrites the `pin` (and, for renumbered refs, the `provision`) of reviewed references to the
/// latest revision, changing no other byte of the file (`guidekit impact --accept`).
public enum ReferenceRepinner {
  /// What an accept did to one file.
  public struct Outcome: Sendable {
    public var file: String
    public var repinned: [ImpactFinding]
    /// Findings that cannot be re-pinned (deleted, withdrawn, broken, unverifiable): the clause
    /// must be edited by hand.
    public var skipped: [ImpactFinding]
    /// Citation texts rewritten with a renumbered provision (「第23条」 → 「第22条」).
    public var retexted: [TextUpdate] = []
    /// Renumbered refs whose text names no provision accept could rewrite: re-pinned, but the
    /// text must be edited by hand.
    public var textNotUpdated: [TextUpdate] = []
  }

  /// The text of one renumbered `<ref>`, before and after.
  public struct TextUpdate: Sendable, Hashable {
    public var finding: ImpactFinding
    /// The citation as written (the whole ref text when no citation was found in it).
    public var old: String
    /// The citation written for the new provision; nil when the text was not updated.
    public var new: String?
  }

  /// Findings that a re-pin settles.
  static func isAcceptable(_ f: ImpactFinding) -> Bool {
    [.modified, .renumbered].contains(f.status) && f.latest != nil
  }

  /// Re-pins the acceptable findings of `report` (those of `clauses` when given), file by file.
  /// A ref whose provision changes also has the citation in its text rewritten to the new provision.
  /// - Throws: `GuideKitError.io` when a file cannot be read or replaced, `.xml` when it no longer
  ///   parses.
  public static func accept(_ report: ImpactReport, clauses: Set<String> = []) throws(GuideKitError)
    -> [Outcome]
  {
    let chosen = report.findings.filter { clauses.isEmpty || clauses.contains($0.clause) }
    var outcomes: [Outcome] = []
    for (file, findings) in Dictionary(grouping: chosen, by: \.file).sorted(by: { $0.key < $1.key }) {
      guard let data = FileManager.default.contents(atPath: file), String(data: data, encoding: .utf8) != nil
      else { throw .io(path: file, reason: "cannot read as UTF-8") }
      let (repinned, outcome) = try repin(data, file: file, findings: findings)
      if !outcome.repinned.isEmpty { try AtomicFile.write(repinned, to: file) }
      outcomes.append(outcome)
    }
    return outcomes
  }

  /// The document `data` with the `<ref>` of each acceptable finding re-pinned, and what was done.
  ///
  /// Each ref is found where libxml2 parsed it (`XMLDocument.startTags`): the start tag on the
  /// finding's line whose decoded `source`, `provision` and `pin` are the finding's. Only the
  /// bytes of the values changed (written escaped) and, for a renumbered ref, of the citation in
  /// its text change; every other byte stays.
  static func repin(_ data: Data, file: String, findings: [ImpactFinding]) throws(GuideKitError)
    -> (Data, Outcome)
  {
    let tags: [XMLStartTag]
    do {
      tags = try XMLDocument.startTags(named: "ref", namespace: GuidelineReader.namespace, in: data, fileName: file)
    } catch {
      throw .xml(error)
    }
    var outcome = Outcome(file: file, repinned: [], skipped: [])
    var taken = Set<Int>()
    var edits: [(tag: XMLStartTag, finding: ImpactFinding)] = []
    for finding in findings.sorted(by: { $0.line < $1.line }) {
      let index = tags.indices.first { !taken.contains($0) && matches(tags[$0], finding) }
      guard isAcceptable(finding), let index else {
        outcome.skipped.append(finding)
        continue
      }
      taken.insert(index)
      edits.append((tags[index], finding))
    }
    var bytes = [UInt8](data)
    // From the end of the file back, so that each edit leaves the offsets before it valid.
    for (tag, finding) in edits.sorted(by: { $0.tag.range.lowerBound > $1.tag.range.lowerBound }) {
      guard let rewritten = rewrite(&bytes, tag, finding) else {
        outcome.skipped.append(finding)
        continue
      }
      outcome.repinned.append(finding)
      if let update = rewritten.textUpdate {
        if update.new == nil {
          outcome.textNotUpdated.append(update)
        } else {
          outcome.retexted.append(update)
        }
      }
    }
    outcome.repinned.sort { $0.line < $1.line }
    outcome.skipped.sort { $0.line < $1.line }
    outcome.retexted.sort { $0.finding.line < $1.finding.line }
    outcome.textNotUpdated.sort { $0.finding.line < $1.finding.line }
    return (Data(bytes), outcome)
  }

  /// True when `tag` is the ref of `f`: on its line, with its (decoded) source, provision and pin.
  static func matches(_ tag: XMLStartTag, _ f: ImpactFinding) -> Bool {
    tag.line == f.line && tag.attributes["source"] == f.source && tag.attributes["provision"] == f.provision
      && tag.attributes["pin"] == f.pin
  }

  /// Re-pins the ref whose start tag is `tag` in `bytes`; with the citation in the ref's text
  /// rewritten when its provision changes (`textUpdate`). Nil, and `bytes` unchanged, when the
  /// tag does not have the attributes to change.
  static func rewrite(_ bytes: inout [UInt8], _ tag: XMLStartTag, _ f: ImpactFinding) -> Rewrite? {
    guard let latest = f.latest, var tagBytes = replacingValue(of: "pin", with: latest, in: Array(bytes[tag.range]))
    else { return nil }
    var update: TextUpdate?
    var contentEdit: (range: Range<Int>, bytes: [UInt8])?
    if let provision = f.latestProvision, provision != f.provision {
      guard let moved = replacingValue(of: "provision", with: provision, in: tagBytes) else { return nil }
      tagBytes = moved
      let selfClosing = bytes[tag.range.upperBound - 2] == UInt8(ascii: "/")
      // The ref's content, up to its end tag, unless it is empty (`<ref …/>`).
      if !selfClosing, let end = firstIndex(of: Array("</ref>".utf8), in: bytes, from: tag.range.upperBound) {
        let content = String(decoding: bytes[tag.range.upperBound..<end], as: UTF8.self)
        let retext = retextCitation(content, from: f.provision, to: provision)
        update = TextUpdate(finding: f, old: retext.old, new: retext.new)
        if let newContent = retext.content { contentEdit = (tag.range.upperBound..<end, Array(newContent.utf8)) }
      } else {
        update = TextUpdate(finding: f, old: "", new: nil)
      }
    }
    if let contentEdit { bytes.replaceSubrange(contentEdit.range, with: contentEdit.bytes) }
    bytes.replaceSubrange(tag.range, with: tagBytes)
    return Rewrite(textUpdate: update)
  }

  /// What `rewrite` did besides the pin.
  struct Rewrite {
    var textUpdate: TextUpdate?
  }

  /// The offset of the first `needle` in `bytes` at or after `start`.
  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard needle.count <= bytes.count else { return nil }
    var index = start
    while index + needle.count <= bytes.count {
      if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  /// The ref content with its one citation of `old` rewritten to cite `new`: the citation as
  /// written, as rewritten, and the new content; `new` and `content` are nil when the content holds
  /// no citation, or several, that names `old`.
  static func retextCitation(_ content: String, from old: String, to new: String)
    -> (old: String, new: String?, content: String?)
  {
    guard let oldProvision = ProvisionCitation(provisionPath: old),
      let newProvision = ProvisionCitation(provisionPath: new)
    else { return (content, nil, nil) }
    let naming = ProvisionCitation.matches(in: content).filter { $0.citation.names(oldProvision) }
    guard naming.count == 1, let match = naming.first else { return (content, nil, nil) }
    let written = String(content[match.range])
    guard let retargeted = match.citation.retargeted(to: newProvision) else { return (written, nil, nil) }
    var updated = content
    updated.replaceSubrange(match.range, with: retargeted.text)
    return (written, retargeted.text, updated)
  }

  /// The start tag's bytes with the value of attribute `name` replaced by `value`, escaped for
  /// the quote it is written in; nil when the tag has no such attribute. The tag is lexed as XML
  /// defines a start tag (names, `=` between optional white space, a value in `"` or `'`, which
  /// cannot hold its own quote), so no other attribute's name or value can be mistaken for it.
  static func replacingValue(of name: String, with value: String, in tag: [UInt8]) -> [UInt8]? {
    guard let (range, quote) = valueRange(of: name, in: tag) else { return nil }
    var escaped: [UInt8] = []
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "&"): escaped += Array("&amp;".utf8)
      case UInt8(ascii: "<"): escaped += Array("&lt;".utf8)
      case quote: escaped += Array((quote == UInt8(ascii: "\"") ? "&quot;" : "&apos;").utf8)
      default: escaped.append(byte)
      }
    }
    var replaced = tag
    replaced.replaceSubrange(range, with: escaped)
    return replaced
  }

  /// The byte range of the value of attribute `name` in a start tag's bytes (inside its quotes),
  /// and the quote.
  static func valueRange(of name: String, in tag: [UInt8]) -> (Range<Int>, UInt8)? {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    func ends(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") }
    var index = 1
    while index < tag.count, !isSpace(tag[index]), !ends(tag[index]) { index += 1 }
    while true {
      while index < tag.count, isSpace(tag[index]) { index += 1 }
      guard index < tag.count, !ends(tag[index]) else { return nil }
      let nameStart = index
      while index < tag.count, !isSpace(tag[index]), tag[index] != UInt8(ascii: "=") { index += 1 }
      let attributeName = tag[nameStart..<index]
      while index < tag.count, isSpace(tag[index]) { index += 1 }
      guard index < tag.count, tag[index] == UInt8(ascii: "=") else { return nil }
      index += 1
      while index < tag.count, isSpace(tag[index]) { index += 1 }
      guard index < tag.count, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") else { return nil }
      let quote = tag[index]
      index += 1
      let valueStart = index
      while index < tag.count, tag[index] != quote { index += 1 }
      guard index < tag.count else { return nil }
      if attributeName.elementsEqual(name.utf8) { return (valueStart..<index, quote) }
      index += 1
    }
  }
}

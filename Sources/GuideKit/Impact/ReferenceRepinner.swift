import FoundationEssentials

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
  /// - Throws: `GuideKitError.io` when a file cannot be read or replaced.
  public static func accept(_ report: ImpactReport, clauses: Set<String> = []) throws(GuideKitError)
    -> [Outcome]
  {
    let chosen = report.findings.filter { clauses.isEmpty || clauses.contains($0.clause) }
    var outcomes: [Outcome] = []
    for (file, findings) in Dictionary(grouping: chosen, by: \.file).sorted(by: { $0.key < $1.key }) {
      guard let data = FileManager.default.contents(atPath: file),
        var text = String(data: data, encoding: .utf8)
      else { throw .io(path: file, reason: "cannot read as UTF-8") }
      var outcome = Outcome(file: file, repinned: [], skipped: [])
      for finding in findings.sorted(by: { $0.line > $1.line }) {
        guard isAcceptable(finding), let rewritten = rewrite(text, finding) else {
          outcome.skipped.append(finding)
          continue
        }
        text = rewritten.text
        outcome.repinned.append(finding)
        if let update = rewritten.textUpdate {
          if update.new == nil {
            outcome.textNotUpdated.append(update)
          } else {
            outcome.retexted.append(update)
          }
        }
      }
      if !outcome.repinned.isEmpty { try AtomicFile.write(Data(text.utf8), to: file) }
      outcome.repinned.reverse()
      outcome.skipped.reverse()
      outcome.retexted.reverse()
      outcome.textNotUpdated.reverse()
      outcomes.append(outcome)
    }
    return outcomes
  }

  /// The text with the one `<ref>` of the finding re-pinned, or nil when it is not found exactly;
  /// with the citation in the ref's text rewritten when its provision changes (`textUpdate`).
  static func rewrite(_ text: String, _ f: ImpactFinding) -> (text: String, textUpdate: TextUpdate?)? {
    guard let latest = f.latest else { return nil }
    // The ref's start tag ends on `f.line` (libxml2's line); search from a few lines before.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard f.line >= 1, f.line <= lines.count else { return nil }
    let firstLine = max(0, f.line - 6)
    var offset = 0
    for line in lines[..<firstLine] { offset += line.utf8.count + 1 }
    var endOffset = offset
    for line in lines[firstLine..<f.line] { endOffset += line.utf8.count + 1 }
    let windowStart = text.utf8.index(text.startIndex, offsetBy: offset)
    let windowEnd = text.utf8.index(text.startIndex, offsetBy: min(endOffset, text.utf8.count))
    var match: Range<String.Index>?
    var searchStart = windowStart
    while let open = text[searchStart..<windowEnd].firstRange(of: "<ref"),
      let close = text[open.upperBound...].firstRange(of: ">")
    {
      let tag = String(text[open.lowerBound..<close.upperBound])
      if attribute("source", in: tag) == f.source, attribute("provision", in: tag) == f.provision,
        attribute("pin", in: tag) == f.pin
      {
        match = open.lowerBound..<close.upperBound
      }
      searchStart = close.upperBound
    }
    guard let range = match else { return nil }
    var tag = String(text[range])
    guard let pinned = replacing("pin", with: latest, in: tag) else { return nil }
    tag = pinned
    var update: TextUpdate?
    var rest = String(text[range.upperBound...])
    if let provision = f.latestProvision, provision != f.provision {
      guard let moved = replacing("provision", with: provision, in: tag) else { return nil }
      tag = moved
      // The ref's content, up to its end tag, unless it is empty (`<ref …/>`).
      if !tag.hasSuffix("/>"), let end = rest.firstRange(of: "</ref>") {
        let retext = retextCitation(String(rest[..<end.lowerBound]), from: f.provision, to: provision)
        update = TextUpdate(finding: f, old: retext.old, new: retext.new)
        if let newContent = retext.content { rest = newContent + rest[end.lowerBound...] }
      } else {
        update = TextUpdate(finding: f, old: "", new: nil)
      }
    }
    return (text[..<range.lowerBound] + tag + rest, update)
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

  /// The value of `name="…"` (or single quotes) in a start tag.
  static func attribute(_ name: String, in tag: String) -> String? {
    for quote in ["\"", "'"] {
      for separator in ["=", " = ", "= ", " ="] {
        if let start = tag.firstRange(of: " \(name)\(separator)\(quote)") ?? tag.firstRange(
          of: "\n\(name)\(separator)\(quote)")
          ?? tag.firstRange(of: "\t\(name)\(separator)\(quote)"),
          let end = tag[start.upperBound...].firstRange(of: quote)
        {
          return String(tag[start.upperBound..<end.lowerBound])
        }
      }
    }
    return nil
  }

  /// The tag with the value of `name` replaced, or nil when the attribute is not there.
  static func replacing(_ name: String, with value: String, in tag: String) -> String? {
    for quote in ["\"", "'"] {
      for separator in ["=", " = ", "= ", " ="] {
        for lead in [" ", "\n", "\t"] {
          if let start = tag.firstRange(of: "\(lead)\(name)\(separator)\(quote)"),
            let end = tag[start.upperBound...].firstRange(of: quote)
          {
            var replaced = tag
            replaced.replaceSubrange(start.upperBound..<end.lowerBound, with: value)
            return replaced
          }
        }
      }
    }
    return nil
  }
}

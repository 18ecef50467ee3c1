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
  }

  /// Findings that a re-pin settles.
  static func isAcceptable(_ f: ImpactFinding) -> Bool {
    [.modified, .renumbered].contains(f.status) && f.latest != nil
  }

  /// Re-pins the acceptable findings of `report` (those of `clauses` when given), file by file.
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
      var done: [ImpactFinding] = []
      var skipped: [ImpactFinding] = []
      for finding in findings.sorted(by: { $0.line > $1.line }) {
        guard isAcceptable(finding), let updated = rewrite(text, finding) else {
          skipped.append(finding)
          continue
        }
        text = updated
        done.append(finding)
      }
      if !done.isEmpty { try AtomicFile.write(Data(text.utf8), to: file) }
      outcomes.append(Outcome(file: file, repinned: done.reversed(), skipped: skipped.reversed()))
    }
    return outcomes
  }

  /// The text with the one `<ref>` of the finding re-pinned, or nil when it is not found exactly.
  static func rewrite(_ text: String, _ f: ImpactFinding) -> String? {
    guard let latest = f.latest else { return nil }
    // The ref's start tag ends on `f.line` (libxml2's line); search from a few lines before.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard f.line >= 1, f.line <= lines.count else { return nil }
    let firstLine = max(0, f.line - 6)
    var offset = 0
    for line in lines[..<firstLine] { offset += line.utf8.count + 1 }
    var endOffset = offset
    for line in lines[firstLine..<f.line] { endOffset += line.utf8.count + 1 }
    let utf8 = Array(text.utf8)
    let window = String(decoding: utf8[offset..<min(endOffset, utf8.count)], as: UTF8.self)
    var matches: [Range<String.Index>] = []
    var searchStart = window.startIndex
    while let open = window[searchStart...].firstRange(of: "<ref"),
      let close = window[open.upperBound...].firstRange(of: ">")
    {
      let tag = String(window[open.lowerBound..<close.upperBound])
      if attribute("source", in: tag) == f.source, attribute("provision", in: tag) == f.provision,
        attribute("pin", in: tag) == f.pin
      {
        matches.append(open.lowerBound..<close.upperBound)
      }
      searchStart = close.upperBound
    }
    guard let range = matches.last else { return nil }
    var tag = String(window[range])
    guard let pinned = replacing("pin", with: latest, in: tag) else { return nil }
    tag = pinned
    if f.status == .renumbered || f.latestProvision != nil, let provision = f.latestProvision {
      guard let moved = replacing("provision", with: provision, in: tag) else { return nil }
      tag = moved
    }
    var newWindow = window
    newWindow.replaceSubrange(range, with: tag)
    let before = String(decoding: utf8[..<offset], as: UTF8.self)
    let after = String(decoding: utf8[min(endOffset, utf8.count)...], as: UTF8.self)
    return before + newWindow + after
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

import FoundationEssentials

// The JSON of every report (DESIGN.md "JSON output"): each report's `Encodable` conformance, so
// that its keys stand in one place. Optional keys are left out when they have no value, except
// where DESIGN.md gives them as `null` (an impact finding's `pin` and `latest`).

extension ValidationReport: Encodable {
  private enum CodingKeys: String, CodingKey { case files, errors, warnings, diagnostics }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(files, forKey: .files)
    try c.encode(errors, forKey: .errors)
    try c.encode(warnings, forKey: .warnings)
    try c.encode(diagnostics, forKey: .diagnostics)
  }
}

/// An OSCAL successor as JSON: `{"rel", "id"}`.
struct SuccessorJSON: Encodable {
  var rel: String
  var id: String

  init(_ link: UnitLink) {
    rel = link.rel
    id = link.target
  }
}

extension DocumentDiff: Encodable {
  /// The keys of a diff, and the ones `diff --git` adds per file.
  enum CodingKeys: String, CodingKey {
    case kind, old, new, summary, changes
    case path, status, base, baseCommit, comparedWith
  }

  private struct InfoJSON: Encodable {
    var info: DocumentInfo
    private enum CodingKeys: String, CodingKey { case file, id, version, title, issued, effective, status, planned }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(info.file, forKey: .file)
      try c.encode(info.id, forKey: .id)
      try c.encode(info.version, forKey: .version)
      try c.encode(info.title, forKey: .title)
      try c.encodeIfPresent(info.issued, forKey: .issued)
      try c.encodeIfPresent(info.effective, forKey: .effective)
      if info.isDraft { try c.encode("draft", forKey: .status) }
      try c.encodeIfPresent(info.planned, forKey: .planned)
    }
  }

  /// The diff's own keys, into `c` (a `diff --git` file adds its keys to the same object).
  func encodeFields(into c: inout KeyedEncodingContainer<CodingKeys>) throws {
    try c.encode(kind.rawValue, forKey: .kind)
    try c.encode(InfoJSON(info: old), forKey: .old)
    try c.encode(InfoJSON(info: new), forKey: .new)
    try c.encode(summary, forKey: .summary)
    try c.encode(changes, forKey: .changes)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try encodeFields(into: &c)
  }
}

extension UnitChange: Encodable {
  private enum CodingKeys: String, CodingKey {
    case kind, id, oldId, oldNum, newNum, path, line, title, oldPath, movedPlace, segments, coarse, refs
    case splitFrom, mergedInto, status, withdrawn, successors
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(kind.rawValue, forKey: .kind)
    try c.encode(id, forKey: .id)
    try c.encodeIfPresent(oldID, forKey: .oldId)
    if let old, let num = old.num, new == nil || numChanged { try c.encode(num, forKey: .oldNum) }
    try c.encodeIfPresent(new?.num, forKey: .newNum)
    if let side = new ?? old {
      try c.encode(side.path, forKey: .path)
      try c.encode(side.line, forKey: .line)
      try c.encodeIfPresent(side.title, forKey: .title)
    }
    if let old, new != nil, old.path != new?.path { try c.encode(old.path, forKey: .oldPath) }
    if movedPlace { try c.encode(true, forKey: .movedPlace) }
    if kind == .modified {
      try c.encode(segments, forKey: .segments)
      if coarse { try c.encode(true, forKey: .coarse) }
    }
    if !references.isEmpty { try c.encode(references, forKey: .refs) }
    try c.encodeIfPresent(splitFrom, forKey: .splitFrom)
    try c.encodeIfPresent(mergedInto, forKey: .mergedInto)
    try c.encodeIfPresent(new?.status ?? old?.status, forKey: .status)
    if new?.status == "withdrawn", old?.status != "withdrawn" {
      try c.encode(true, forKey: .withdrawn)
      try c.encode((new?.links.successors ?? []).map(SuccessorJSON.init), forKey: .successors)
    }
  }
}

extension ReferenceChange: Encodable {
  private enum CodingKeys: String, CodingKey { case change, source, provision, label, pin, oldProvision, oldPin }

  /// `{"change", "source", "label", "provision", "oldProvision"?, "pin"?, "oldPin"?}`; a dropped
  /// citation gives its OLD values as `provision` and `pin`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let side = new ?? old
    try c.encode(kind.rawValue, forKey: .change)
    try c.encode(side?.source ?? "", forKey: .source)
    try c.encode(side?.provision ?? "", forKey: .provision)
    try c.encode(side?.label ?? "", forKey: .label)
    try c.encodeIfPresent(side?.pin, forKey: .pin)
    if let old, let new {
      if old.provision != new.provision { try c.encode(old.provision, forKey: .oldProvision) }
      if old.pin != new.pin { try c.encode(old.pin ?? "", forKey: .oldPin) }
    }
  }
}

extension GitReview: Encodable {
  /// An array with one diff per file (DESIGN.md's diff keys), plus `path`, `status`, `base`,
  /// `baseCommit` and `comparedWith`.
  public func encode(to encoder: any Encoder) throws {
    var files = encoder.unkeyedContainer()
    for file in self.files {
      try files.encode(FileJSON(file: file, base: base, commit: commit))
    }
  }

  private struct FileJSON: Encodable {
    var file: FileReview
    var base: String
    var commit: String

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: DocumentDiff.CodingKeys.self)
      try file.diff.encodeFields(into: &c)
      try c.encode(file.path, forKey: .path)
      try c.encode(file.status.rawValue, forKey: .status)
      try c.encode(base, forKey: .base)
      try c.encode(commit, forKey: .baseCommit)
      try c.encodeIfPresent(file.comparedWith, forKey: .comparedWith)
    }
  }
}

extension ImpactReport: Encodable {
  private enum CodingKeys: String, CodingKey {
    case asOf, references, current, stale, broken, unverifiable, missingSources, findings
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(asOf, forKey: .asOf)
    try c.encode(references, forKey: .references)
    try c.encode(current, forKey: .current)
    try c.encode(stale, forKey: .stale)
    try c.encode(broken, forKey: .broken)
    try c.encode(unverifiable, forKey: .unverifiable)
    try c.encode(missingSources, forKey: .missingSources)
    try c.encode(findings, forKey: .findings)
  }
}

extension ImpactFinding: Encodable {
  /// A finding's keys, and the ones an edition check adds per entry.
  enum CodingKeys: String, CodingKey {
    case file, line, clause, source, provision, status, label, message, guideline, pin, latest
    case clauseNum, pinDate, pinRevision, latestDate, latestProvision, segments, successors
    case upcomingRevision, upcomingDate, notFetched
    case oldPin, likelyMissedUpdate
  }

  func encodeFields(into c: inout KeyedEncodingContainer<CodingKeys>) throws {
    try c.encode(file, forKey: .file)
    try c.encode(line, forKey: .line)
    try c.encode(clause, forKey: .clause)
    try c.encode(source, forKey: .source)
    try c.encode(provision, forKey: .provision)
    try c.encode(status.rawValue, forKey: .status)
    try c.encode(provisionLabel, forKey: .label)
    try c.encode(message, forKey: .message)
    try c.encode(guideline, forKey: .guideline)
    // DESIGN.md gives `pin` and `latest` always, `null` when there is none.
    try c.encode(pin, forKey: .pin)
    try c.encode(latest, forKey: .latest)
    try c.encodeIfPresent(clauseNum, forKey: .clauseNum)
    try c.encodeIfPresent(pinnedDate, forKey: .pinDate)
    try c.encodeIfPresent(pinnedRevision, forKey: .pinRevision)
    try c.encodeIfPresent(latestDate, forKey: .latestDate)
    try c.encodeIfPresent(latestProvision, forKey: .latestProvision)
    if !segments.isEmpty { try c.encode(segments, forKey: .segments) }
    if !successors.isEmpty { try c.encode(successors.map(SuccessorJSON.init), forKey: .successors) }
    try c.encodeIfPresent(upcomingRevision, forKey: .upcomingRevision)
    try c.encodeIfPresent(upcomingDate, forKey: .upcomingDate)
    if notFetched { try c.encode(true, forKey: .notFetched) }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try encodeFields(into: &c)
  }
}

extension EditionCheck: Encodable {
  private enum CodingKeys: String, CodingKey { case changes, missedUpdates, entries }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(entries.count, forKey: .changes)
    try c.encode(missedUpdates.count, forKey: .missedUpdates)
    try c.encode(entries, forKey: .entries)
  }
}

extension EditionCheck.Entry: Encodable {
  /// The finding's keys with `oldPin` and `likelyMissedUpdate`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: ImpactFinding.CodingKeys.self)
    try change.encodeFields(into: &c)
    try c.encode(oldPin, forKey: .oldPin)
    try c.encode(likelyMissedUpdate, forKey: .likelyMissedUpdate)
  }
}

extension ClauseHistory: Encodable {
  /// `{"guideline", "clause", "editions": [{"version", "issued", "effective", "file", "change",
  /// "present", "id", "num", "title", "path", "text", "line", "oldId", "oldNum", "mergedInto",
  /// "refs", "segments"}]}`.
  private enum CodingKeys: String, CodingKey { case guideline, clause, editions }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(guideline, forKey: .guideline)
    try c.encode(clause, forKey: .clause)
    try c.encode(entries, forKey: .editions)
  }
}

extension ClauseHistory.Entry: Encodable {
  private enum CodingKeys: String, CodingKey {
    case version, file, change, present, issued, effective, id, num, title, path, text, line
    case oldId, oldNum, mergedInto, refs, segments
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(edition.version, forKey: .version)
    try c.encode(edition.file, forKey: .file)
    try c.encode(change.rawValue, forKey: .change)
    try c.encode(snapshot != nil, forKey: .present)
    try c.encodeIfPresent(edition.issued, forKey: .issued)
    try c.encodeIfPresent(edition.effective, forKey: .effective)
    if let s = snapshot {
      try c.encode(s.id, forKey: .id)
      try c.encodeIfPresent(s.num, forKey: .num)
      try c.encodeIfPresent(s.title, forKey: .title)
      try c.encode(s.path, forKey: .path)
      try c.encode(s.text, forKey: .text)
      try c.encode(s.line, forKey: .line)
    }
    try c.encodeIfPresent(oldID, forKey: .oldId)
    try c.encodeIfPresent(oldNum, forKey: .oldNum)
    try c.encodeIfPresent(mergedInto, forKey: .mergedInto)
    if !references.isEmpty { try c.encode(references, forKey: .refs) }
    if !segments.isEmpty { try c.encode(segments, forKey: .segments) }
  }
}

extension FormatRun: Encodable {
  private enum CodingKeys: String, CodingKey { case check, files, formatted, unformatted, reformatted, skipped }

  /// `{"check", "files", "formatted", "unformatted" | "reformatted", "skipped"}`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(check, forKey: .check)
    try c.encode(files.count, forKey: .files)
    try c.encode(formatted, forKey: .formatted)
    try c.encode(changed, forKey: check ? .unformatted : .reformatted)
    try c.encode(skipped, forKey: .skipped)
  }
}

extension CitationLinker.Report: Encodable {
  private enum CodingKeys: String, CodingKey { case files, linked, skipped }

  /// `{"files": [PLAN], "linked", "skipped"}`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(plans, forKey: .files)
    try c.encode(linked, forKey: .linked)
    try c.encode(skipped, forKey: .skipped)
  }
}

extension CitationLinker.Plan: Encodable {
  private enum CodingKeys: String, CodingKey { case file, insertions, skipped }
  private enum ItemKeys: String, CodingKey { case line, clause, text, source, provision, pin, note, reason }

  /// `{"file", "insertions": [{"line", "clause"?, "text", "source", "provision", "pin"?,
  /// "note"?}], "skipped": [{"line", "clause"?, "text", "reason"}]}`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(file, forKey: .file)
    var insertions = c.nestedUnkeyedContainer(forKey: .insertions)
    for insertion in self.insertions {
      var item = insertions.nestedContainer(keyedBy: ItemKeys.self)
      try item.encode(insertion.found.line, forKey: .line)
      try item.encodeIfPresent(insertion.found.clause, forKey: .clause)
      try item.encode(insertion.found.text, forKey: .text)
      try item.encode(insertion.source, forKey: .source)
      try item.encode(insertion.provision, forKey: .provision)
      try item.encodeIfPresent(insertion.pin, forKey: .pin)
      try item.encodeIfPresent(insertion.note, forKey: .note)
    }
    var skipped = c.nestedUnkeyedContainer(forKey: .skipped)
    for (found, reason) in self.skipped {
      var item = skipped.nestedContainer(keyedBy: ItemKeys.self)
      try item.encode(found.line, forKey: .line)
      try item.encodeIfPresent(found.clause, forKey: .clause)
      try item.encode(found.text, forKey: .text)
      try item.encode(reason, forKey: .reason)
    }
  }
}

/// `manifest.json` of a published site: `{"generator", "files": [{"path", "sha256"}]}`, files
/// in path order.
struct SiteManifest: Encodable {
  struct File: Encodable {
    var path: String
    var sha256: String
  }

  var generator = "guidekit \(GuideKitInfo.version)"
  var files: [File]

  /// - Parameter files: path → SHA-256 (hex).
  init(files: [String: String]) {
    self.files = files.keys.sorted().map { File(path: $0, sha256: files[$0] ?? "") }
  }
}

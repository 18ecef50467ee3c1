import FoundationEssentials
import GuideKitXML

/// The review of every guideline changed since a git revision (`guidekit diff --git BASE`):
/// each changed file against its version at BASE, read from git (no checkout).
public struct GitReview: Sendable {
  /// One changed file and its diff.
  public struct FileReview: Sendable {
    /// Path relative to the top level of the work tree.
    public var path: String
    public var status: GitRepository.ChangeStatus
    /// Old side `path@BASE` (for an added edition, the edition it supersedes; empty for another
    /// added file), new side the work tree (empty when deleted).
    public var diff: DocumentDiff
    /// For an added edition: the edition it was compared with (`path@BASE`, or a work-tree path
    /// when that edition is not committed at BASE).
    public var comparedWith: String?
  }

  /// The revision as given.
  public var base: String
  /// Its commit id.
  public var commit: String
  public var files: [FileReview]

  /// True when no file has a change.
  public var isEmpty: Bool { files.allSatisfy { $0.diff.isEmpty && $0.status == .modified } }

  /// Compares every changed `*.xml` under `paths` with its version at `base`.
  /// - Parameters:
  ///   - repository: the work tree.
  ///   - base: a revision (`origin/main`, a tag, a commit).
  ///   - paths: pathspecs relative to the repository's directory (default `guidelines/`).
  /// - Throws: `GitError` for git trouble, `GuideKitError` for an unreadable or malformed file.
  public static func review(
    repository: GitRepository, base: String, paths: [String], options: DiffOptions = .init()
  ) async throws -> GitReview {
    let commit = try await repository.resolveCommit(base)
    let changed = try await repository.changedFiles(since: commit, paths: paths.isEmpty ? ["guidelines"] : paths)
      .filter { $0.path.hasSuffix(".xml") }
    var files: [FileReview] = []
    for file in changed {
      let old: ClauseTree? =
        file.status == .added
        ? nil
        : try read(data: try await repository.contents(of: file.path, at: commit), name: "\(file.path)@\(base)")
      let new: ClauseTree?
      if file.status == .deleted {
        new = nil
      } else {
        let url = URL(fileURLWithPath: repository.workTreePath(file.path))
        let data: Data
        do {
          data = try Data(contentsOf: url)
        } catch {
          throw GuideKitError.io(path: file.path, reason: "cannot read: \(AtomicFile.reason(error))")
        }
        new = try read(data: data, name: file.path)
      }
      let diff: DocumentDiff
      var comparedWith: String?
      switch (old, new) {
      case (let o?, let n?): diff = try DocumentDiffer.diff(old: o, new: n, options: options)
      case (nil, let n?):
        if let (name, previous) = try await superseded(
          by: n, path: file.path, repository: repository, commit: commit, base: base)
        {
          comparedWith = name
          diff = try DocumentDiffer.diff(old: previous, new: n, options: options)
        } else {
          diff = try DocumentDiffer.diff(old: empty(like: n), new: n, options: options)
        }
      case (let o?, nil): diff = try DocumentDiffer.diff(old: o, new: empty(like: o), options: options)
      case (nil, nil): continue
      }
      files.append(FileReview(path: file.path, status: file.status, diff: diff, comparedWith: comparedWith))
    }
    return GitReview(base: base, commit: commit, files: files)
  }

  /// The edition an added edition supersedes, from its folder: `<supersedes>.xml` as committed at
  /// BASE, else in the work tree, else any file of the folder in the work tree with that version.
  /// - Returns: its name (`path@BASE` or the work-tree path) and tree; nil when the edition names
  ///   no edition it supersedes or none of the guideline's id is found.
  static func superseded(
    by edition: ClauseTree, path: String, repository: GitRepository, commit: String, base: String
  ) async throws -> (String, ClauseTree)? {
    guard edition.info.kind == .guideline, let version = edition.info.supersedes, !version.isEmpty,
      !version.contains("/")
    else { return nil }
    let folder = path.split(separator: "/").dropLast().joined(separator: "/")
    let candidate = folder.isEmpty ? "\(version).xml" : "\(folder)/\(version).xml"
    func matches(_ tree: ClauseTree) -> Bool {
      tree.info.id == edition.info.id && tree.info.version == version
    }
    // `<supersedes>.xml` committed at BASE: absent is normal, unreadable is an error.
    if let data = try? await repository.contents(of: candidate, at: commit) {
      let tree = try read(data: data, name: "\(candidate)@\(base)")
      if matches(tree) { return ("\(candidate)@\(base)", tree) }
    }
    let directory = repository.workTreePath(folder)
    var files = [candidate.lastPathPart]
    if let names = try? FileManager.default.contentsOfDirectory(atPath: directory) {
      files += names.filter { $0.hasSuffix(".xml") && $0 != candidate.lastPathPart && $0 != path.lastPathPart }.sorted()
    }
    for name in files {
      guard let data = try? Data(contentsOf: URL(fileURLWithPath: directory.joiningPath(name))) else { continue }
      let relative = folder.isEmpty ? name : "\(folder)/\(name)"
      // The edition named `<supersedes>.xml` must read; any other file may be no guideline.
      let tree =
        name == candidate.lastPathPart ? try read(data: data, name: relative) : try? read(data: data, name: relative)
      if let tree, matches(tree) { return (relative, tree) }
    }
    return nil
  }

  static func read(data: Data, name: String) throws(GuideKitError) -> ClauseTree {
    let document: XMLDocument
    do {
      document = try XMLDocument.parse(data: data, fileName: name)
    } catch {
      throw .xml(error)
    }
    return try DocumentLoader.read(document)
  }

  /// A document of the same kind and id with no units: the other side of an added or deleted file.
  public static func empty(like tree: ClauseTree) -> ClauseTree {
    var info = tree.info
    info.version = ""
    info.summary = []
    info.removals = []
    info.issued = nil
    info.effective = nil
    info.file = "/dev/null"
    return ClauseTree(info: info, units: [])
  }

  // MARK: - Output

  /// One Markdown report for a pull-request comment, in the words of the term table: a summary
  /// table, then a section per file made by the delta-markdown stylesheet (its size limit shared
  /// among the files).
  public func markdown(stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:])
    throws(GuideKitError) -> String
  {
    let terms = Terms.shared
    let short = String(commit.prefix(10))
    var out = "## \(terms["git.heading"])（`\(base)` \(terms["git.since"])、\(short)）\n\n"
    if files.isEmpty {
      out += terms["git.no-files"] + "\n"
      return out
    }
    let kinds = ChangeKind.allCases.map { terms["change.\($0.rawValue)"] }
    out += "| \(terms["git.file"]) | \(terms["git.status"]) | \(kinds.joined(separator: " | ")) |\n"
    out += "|---|---|" + String(repeating: "---:|", count: kinds.count) + "\n"
    for file in files {
      let s = file.diff.summary
      let counts = ChangeKind.allCases.map { String(s[$0.rawValue] ?? 0) }
      out +=
        "| `\(file.path)` | \(terms["git.status.\(file.status.rawValue)"]) | \(counts.joined(separator: " | ")) |\n"
    }
    var sheetParameters = parameters
    if sheetParameters["max-chars"] == nil {
      sheetParameters["max-chars"] = String(max(4000, 60000 / max(1, files.count)))
    }
    for file in files {
      out += "\n### `\(file.path)`（\(terms["git.status.\(file.status.rawValue)"])）\n\n"
      if let comparedWith = file.comparedWith {
        out += "\(terms["git.compared-with"])`\(comparedWith)`\n\n"
      }
      if file.diff.isEmpty {
        out += terms["git.no-text-change"] + "\n"
        continue
      }
      let section = try stylesheets.transform(
        "delta-markdown", document: DeltaDocument.document(file.diff, fileName: "\(file.path).delta.xml"),
        parameters: sheetParameters)
      out += Self.demoteHeadings(section)
      if !out.hasSuffix("\n") { out += "\n" }
    }
    return out
  }

  /// Makes the stylesheet's headings one level deeper, outside code fences.
  static func demoteHeadings(_ text: String) -> String {
    var fenced = false
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      if line.hasPrefix("```") { fenced.toggle() }
      if !fenced && line.hasPrefix("#") && line.count < 400 {
        let hashes = line.prefix { $0 == "#" }.count
        return hashes < 5 ? String(repeating: "#", count: 2) + line : String(line)
      }
      return String(line)
    }.joined(separator: "\n")
  }

  /// GitHub workflow commands: one `::notice` per changed clause at its line in the new file;
  /// removed clauses and deleted files are annotated on the file.
  public func github() -> String {
    var out = ""
    for file in files {
      let path = Self.escapeProperty(file.path)
      if file.status == .deleted {
        out += "::notice file=\(path),title=\(Self.escapeProperty("guidekit diff: file deleted"))::"
        out += Self.escapeData("\(file.path) was deleted since \(base)") + "\n"
        continue
      }
      for change in file.diff.changes {
        let label = [change.new?.num ?? change.old?.num, change.new?.title ?? change.old?.title]
          .compactMap { $0 }.joined(separator: " ")
        let title = Self.escapeProperty("guidekit diff: \(change.kind.rawValue) \(change.id)")
        var message = "\(change.kind.rawValue): \(change.id)"
        if !label.isEmpty { message += " \(label)" }
        if let oldID = change.oldID { message += " (was \(oldID))" }
        if change.numChanged, let oldNum = change.old?.num { message += " (was numbered \(oldNum))" }
        if change.kind == .modified {
          message += "\n" + TextRedline.inline(change.segments)
        }
        if let mergedInto = change.mergedInto { message += " (merged into \(mergedInto))" }
        for reference in change.references { message += "\n" + Self.describe(reference) }
        if let new = change.new {
          out += "::notice file=\(path),line=\(max(1, new.line)),title=\(title)::\(Self.escapeData(message))\n"
        } else {
          out += "::notice file=\(path),title=\(title)::\(Self.escapeData(message))\n"
        }
      }
    }
    return out
  }

  /// `ref LABEL (SOURCE): provision OLD -> NEW, pin OLD -> NEW`, as the text format says it.
  public static func describe(_ change: ReferenceChange) -> String {
    guard let side = change.new ?? change.old else { return "" }
    var out = "ref \(side.label) (\(side.source)): "
    if change.kind != "changed" { out += "\(change.kind), " }
    out += "provision "
    if let old = change.old, change.new != nil, old.provision != side.provision { out += "\(old.provision) -> " }
    out += side.provision
    let oldPin = change.new != nil && change.old?.pin != side.pin ? change.old.map { $0.pin ?? "" } : nil
    if side.pin != nil || oldPin != nil {
      out += ", pin "
      if let oldPin { out += "\(oldPin) -> " }
      out += side.pin ?? ""
    }
    return out
  }

  /// An array with one diff JSON per file (DESIGN.md's diff keys), plus `path`, `status` and `base`.
  public var json: [[String: Any]] {
    files.map { file in
      var o = file.diff.json
      o["path"] = file.path
      o["status"] = file.status.rawValue
      o["base"] = base
      o["baseCommit"] = commit
      if let comparedWith = file.comparedWith { o["comparedWith"] = comparedWith }
      return o
    }
  }

  /// Counts of changed units over all files, by kind.
  public var summary: [String: Int] {
    var total: [String: Int] = [:]
    for file in files {
      for (key, value) in file.diff.summary { total[key, default: 0] += value }
    }
    return total
  }

  static func escapeData(_ s: String) -> String {
    s.replacing("%", with: "%25").replacing("\r", with: "%0D")
      .replacing("\n", with: "%0A")
  }

  static func escapeProperty(_ s: String) -> String {
    escapeData(s).replacing(":", with: "%3A").replacing(",", with: "%2C")
  }
}

/// A redline in plain text: `[-deleted-]{+inserted+}` (the notation of `git diff --word-diff`).
public enum TextRedline {
  public static func inline(_ segments: [TextSegment]) -> String {
    segments.map { segment in
      switch segment.op {
      case .equal: segment.newSideText
      case .insert: "{+\(segment.text)+}"
      case .delete: "[-\(segment.text)-]"
      }
    }.joined()
  }
}

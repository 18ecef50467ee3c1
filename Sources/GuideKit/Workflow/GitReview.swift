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

  /// Counts of changed units over all files, by kind.
  public var summary: ChangeSummary {
    files.reduce(ChangeSummary()) { $0 + $1.diff.summary }
  }

}

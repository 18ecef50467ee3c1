import FoundationEssentials
import GuideKitXML
import Subprocess

/// Why a git operation failed.
public enum GitError: Error, Sendable, CustomStringConvertible {
  /// `git` could not be started.
  case gitUnavailable(String)
  /// The folder is not inside a git work tree.
  case notARepository(String)
  /// The revision is not known; `shallow` tells whether the clone is shallow.
  case unknownRevision(String, shallow: Bool)
  /// A git command failed.
  case failed(command: String, message: String)

  public var description: String {
    switch self {
    case .gitUnavailable(let reason):
      "guidekit: cannot run git: \(reason)"
    case .notARepository(let folder):
      "guidekit: \(folder) is not inside a git work tree"
    case .unknownRevision(let revision, shallow: true):
      """
      guidekit: \(revision) is not in this shallow clone; fetch it with: git fetch --deepen=100 \
      or git fetch origin \(revision.hasPrefix("origin/") ? String(revision.dropFirst(7)) : revision) \
      (actions/checkout: fetch-depth: 0)
      """
    case .unknownRevision(let revision, shallow: false):
      "guidekit: unknown git revision '\(revision)' (not a commit in this repository)"
    case .failed(let command, let message):
      "guidekit: git \(command) failed: \(message)"
    }
  }
}

/// A git work tree, read through the `git` command (no checkout, nothing written). Each method
/// awaits git's run (swift-subprocess), holding no thread while git works.
public struct GitRepository: Sendable {
  /// The folder git runs in; pathspecs are relative to it.
  public let directory: String
  /// The top level of the work tree (absolute).
  public let topLevel: String

  /// - Throws: `GitError.notARepository` or `.gitUnavailable`.
  public init(directory: String = FileManager.default.currentDirectoryPath) async throws(GitError) {
    self.directory = directory
    let result = try await Self.run(["rev-parse", "--show-toplevel"], in: directory)
    guard result.status == 0 else { throw .notARepository(directory) }
    topLevel = String(decoding: result.output, as: UTF8.self).trimmingWhitespace()
  }

  /// The output of one git command.
  struct Output {
    var status: Int32
    var output: Data
    var error: String
  }

  /// The most output one git command may give (a blob read by `show`, a file list).
  static let outputLimit = 256 * 1024 * 1024

  /// Runs `git -C directory arguments…` (found on `PATH`); the environment keeps git from
  /// prompting or paging. Both pipes are read while git runs, so a large blob cannot stall it.
  static func run(_ arguments: [String], in directory: String) async throws(GitError) -> Output {
    let environment = Environment.inherit.updating([
      "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C",
    ])
    do {
      let run = try await Subprocess.run(
        .name("git"), arguments: Arguments(["-C", directory] + arguments), environment: environment,
        input: .none, output: .bytes(limit: outputLimit), error: .bytes(limit: 1024 * 1024))
      let status: Int32 =
        switch run.terminationStatus {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
      return Output(
        status: status, output: Data(run.standardOutput),
        error: String(decoding: run.standardError, as: UTF8.self).trimmingWhitespace())
    } catch {
      throw .gitUnavailable(String(describing: error))
    }
  }

  func git(_ arguments: [String]) async throws(GitError) -> Output {
    try await Self.run(arguments, in: directory)
  }

  /// True in a shallow clone.
  public func isShallow() async -> Bool {
    guard let result = try? await git(["rev-parse", "--is-shallow-repository"]) else { return false }
    return String(decoding: result.output, as: UTF8.self).trimmingWhitespace()
      == "true"
  }

  /// The full commit id of `revision`.
  /// - Throws: `GitError.unknownRevision` (saying whether the clone is shallow).
  public func resolveCommit(_ revision: String) async throws(GitError) -> String {
    guard !revision.hasPrefix("-") else { throw .unknownRevision(revision, shallow: false) }
    let result = try await git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"])
    guard result.status == 0 else { throw .unknownRevision(revision, shallow: await isShallow()) }
    return String(decoding: result.output, as: UTF8.self).trimmingWhitespace()
  }

  /// How a file changed between a commit and the work tree.
  public enum ChangeStatus: String, Sendable {
    case added, modified, deleted
  }

  /// A changed file, its path relative to the top level.
  public struct ChangedFile: Sendable, Hashable {
    public var path: String
    public var status: ChangeStatus
  }

  /// The files changed between `commit` and the work tree under `paths` (untracked files count
  /// as added), sorted by path. Renames are a deletion plus an addition.
  public func changedFiles(since commit: String, paths: [String]) async throws(GitError) -> [ChangedFile] {
    let diff = try await git(["diff", "--name-status", "-z", "--no-renames", commit, "--"] + paths)
    guard diff.status == 0 else { throw .failed(command: "diff", message: diff.error) }
    var files: [String: ChangeStatus] = [:]
    let fields = diff.output.split(separator: 0, omittingEmptySubsequences: true).map {
      String(decoding: $0, as: UTF8.self)
    }
    var index = 0
    while index + 1 < fields.count {
      let status = fields[index]
      let path = fields[index + 1]
      index += 2
      switch status.first {
      case "A": files[path] = .added
      case "D": files[path] = .deleted
      default: files[path] = .modified
      }
    }
    let untracked = try await git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--"] + paths)
    if untracked.status == 0 {
      for name in untracked.output.split(separator: 0, omittingEmptySubsequences: true) {
        files[String(decoding: name, as: UTF8.self)] = .added
      }
    }
    return files.map { ChangedFile(path: $0.key, status: $0.value) }.sorted { $0.path < $1.path }
  }

  /// The bytes of `path` (relative to the top level) at `commit`.
  public func contents(of path: String, at commit: String) async throws(GitError) -> Data {
    let result = try await git(["show", "\(commit):\(path)"])
    guard result.status == 0 else { throw .failed(command: "show \(commit):\(path)", message: result.error) }
    return result.output
  }

  /// The absolute path of a top-level-relative path in the work tree.
  public func workTreePath(_ path: String) -> String {
    topLevel.joiningPath(path)
  }
}

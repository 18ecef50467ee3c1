import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the last publish into a folder made each file from, kept beside the folder
/// (`.NAME.guidekit/`) so that the output folder holds exactly the site: the lock, each file's
/// fingerprint digest and sha256 (`state.json`), and the stat cache.
struct BuildState {
  /// One file as the last publish left it.
  struct Entry {
    /// The digest of the file's fingerprint.
    var input: String
    /// The sha256 of the file.
    var output: String
    /// Size, time and inode as written (`statSignature`), when recorded.
    var stat: String?
  }

  /// Each file's fingerprint and sha256, in the state folder.
  static let stateFile = "state.json"
  /// Size, time and inode of each file as written: machine-local, so kept apart from the state
  /// file, which is as deterministic as the site.
  static let statCacheFile = "stat-cache.json"
  /// Where earlier versions kept the state, inside the output folder.
  static let legacyStateFile = ".guidekit-state.json"

  var entries: [String: Entry]

  /// The build state of `out`, kept beside it.
  static func folder(for out: String) -> String {
    let parent = out.parentPath
    return (parent.isEmpty ? "." : parent).joiningPath(".\(out.lastPathPart).guidekit")
  }

  /// The state of `out`; empty when there is none (or it cannot be read).
  static func read(_ out: String) -> BuildState {
    let folder = folder(for: out)
    guard let data = FileManager.default.contents(atPath: folder.joiningPath(stateFile)),
      let object = try? JSONDecoder().decode([String: [String: String]].self, from: data)
    else { return BuildState(entries: [:]) }
    let statPath = folder.joiningPath(statCacheFile)
    let stats =
      FileManager.default.contents(atPath: statPath).flatMap {
        try? JSONDecoder().decode([String: String].self, from: $0)
      } ?? [:]
    var entries: [String: Entry] = [:]
    for (key, value) in object {
      if let input = value["input"], let output = value["output"] {
        entries[key] = Entry(input: input, output: output, stat: stats[key])
      }
    }
    return BuildState(entries: entries)
  }

  /// The files of `jobs` that need not be made again (path → sha256): the fingerprint is unchanged
  /// and the file on disk is what was written: the same size, modification time and inode as
  /// recorded (as git's index does), else the same sha256.
  func reusable(_ jobs: [SiteJob], in out: String) -> [String: String] {
    var reusable: [String: String] = [:]
    for job in jobs {
      guard let entry = entries[job.path], entry.input == job.fingerprint.digest else { continue }
      let path = out.joiningPath(job.path)
      if let recorded = entry.stat, recorded == Self.statSignature(path) {
        reusable[job.path] = entry.output
      } else if let data = FileManager.default.contents(atPath: path), Publisher.hash(data) == entry.output {
        reusable[job.path] = entry.output
      }
    }
    return reusable
  }

  /// Writes the state of the site now in `out`: each job's fingerprint digest and sha256, and the
  /// stat cache of the files as they stand.
  static func write(jobs: [SiteJob], files: [String: String], out: String) throws(GuideKitError) {
    var state: [String: [String: String]] = [:]
    var statCache: [String: String] = [:]
    for job in jobs {
      state[job.path] = ["input": job.fingerprint.digest, "output": files[job.path] ?? ""]
      statCache[job.path] = statSignature(out.joiningPath(job.path))
    }
    let folder = folder(for: out)
    try AtomicFile.write(JSONOutput.string(statCache), to: folder.joiningPath(statCacheFile))
    try AtomicFile.write(JSONOutput.string(state), to: folder.joiningPath(stateFile))
  }

  /// The `files` of a manifest.json as path → sha256; nil when it is no manifest.
  static func manifestFiles(_ data: Data) -> [String: String]? {
    struct Manifest: Decodable {
      struct File: Decodable {
        var path: String
        var sha256: String
      }
      var files: [File]
    }
    guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return nil }
    var files: [String: String] = [:]
    for file in manifest.files { files[file.path] = file.sha256 }
    return files
  }

  /// The manifest.json of a site: the generator and every file with its sha256, sorted.
  static func manifest(_ files: [String: String]) -> String {
    JSONOutput.string(SiteManifest(files: files))
  }

  /// Size, modification time (ns), inode and device of a regular file; nil when it is not one.
  static func statSignature(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino):\(info.st_dev)"
  }
}

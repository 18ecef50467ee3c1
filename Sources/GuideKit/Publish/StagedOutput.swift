import FoundationEssentials
import GuideKitXML
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The site written into a staging folder beside the output folder, then swapped in whole
/// (renameat2 exchange), so that readers see the old site or the new one, never a mix.
struct StagedOutput {
  /// The output folder.
  let out: String
  /// The staging folder beside it (named with the pid, so that a live run's is never removed).
  let staging: String

  init(out: String) {
    self.out = out
    self.staging = Self.stagingPath(for: out)
  }

  /// Creates the staging folder and registers it for removal on an interrupt.
  func create() throws(GuideKitError) {
    do {
      try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    } catch {
      throw .io(path: staging, reason: "cannot create the staging folder: \(AtomicFile.reason(error))")
    }
    StagingCleanup.shared.register(staging)
  }

  /// Forgets the staging folder (swapped in, or removed).
  func finish() { StagingCleanup.shared.unregister(staging) }

  /// Removes the staging folder after a failure.
  func discard() { try? FileManager.default.removeItem(atPath: staging) }

  /// Writes a file of the site at `path` (relative) into the staging folder.
  func write(_ data: Data, at path: String) throws(GuideKitError) {
    let target = staging.joiningPath(path)
    try Self.makeFolder(for: target, inside: staging)
    try Self.write(data, to: target)
  }

  /// Puts the previous output's file at `path` into the staging folder: a hard link, else a copy.
  func reuse(_ path: String) throws(GuideKitError) {
    let target = staging.joiningPath(path)
    try Self.makeFolder(for: target, inside: staging)
    let source = out.joiningPath(path)
    if link(source, target) != 0 {
      guard let data = FileManager.default.contents(atPath: source) else {
        throw .io(path: source, reason: "cannot read the previous output")
      }
      try Self.write(data, to: target)
    }
  }

  /// Replaces the output folder by the staging folder atomically (renameat2 exchange), or by two
  /// renames where the file system cannot exchange.
  func swapIn() throws(GuideKitError) {
    let fm = FileManager.default
    if !fm.fileExists(atPath: out) {
      if rename(staging, out) != 0 {
        throw .io(path: out, reason: "cannot move the new site in place: \(String(cString: strerror(errno)))")
      }
      return
    }
    if FileSystem.exchange(staging, out) {
      try? fm.removeItem(atPath: staging)
      return
    }
    let old = out + ".guidekit-old-\(getpid())"
    guard rename(out, old) == 0 else {
      throw .io(path: out, reason: "cannot replace the output folder: \(String(cString: strerror(errno)))")
    }
    guard rename(staging, out) == 0 else {
      _ = rename(old, out)
      throw .io(path: out, reason: "cannot move the new site in place: \(String(cString: strerror(errno)))")
    }
    try? fm.removeItem(atPath: old)
  }

  /// Refuses, before anything is built, an output folder that cannot be replaced: one not
  /// writable (a `chmod 555` folder could be swapped away, but its old files never removed), on a
  /// read-only file system, or a mount point (which cannot be renamed); and a parent folder where
  /// the staging folder cannot be made.
  func checkReplaceable() throws(GuideKitError) {
    let parent = out.parentPath.isEmpty ? "." : out.parentPath
    func reason() -> String { String(cString: strerror(errno)) }
    var folder = stat()
    if lstat(out, &folder) == 0 {
      guard access(out, W_OK | X_OK) == 0 else {
        throw .io(path: out, reason: "cannot replace the output folder: \(reason())")
      }
      var above = stat()
      if stat(parent, &above) == 0, above.st_dev != folder.st_dev {
        throw .io(
          path: out,
          reason:
            "cannot replace the output folder: it is a mount point (another file system than \(parent)); publish swaps a new folder in by renaming, so publish into a folder inside it"
        )
      }
    }
    guard access(parent, W_OK | X_OK) == 0 else {
      throw .io(path: parent, reason: "cannot create the staging folder here: \(reason())")
    }
  }

  static func stagingPath(for out: String) -> String {
    let parent = out.parentPath
    let name = out.lastPathPart
    return (parent.isEmpty ? "." : parent).joiningPath(
      ".\(name).guidekit-staging-\(getpid())-\(UUID().uuidString.prefix(8))")
  }

  /// Removes staging folders left by a run that was killed (SIGKILL leaves no chance to clean up).
  func cleanStaleStaging() throws(GuideKitError) {
    let fm = FileManager.default
    let parent = out.parentPath
    let folder = parent.isEmpty ? "." : parent
    let name = out.lastPathPart
    guard let entries = try? fm.contentsOfDirectory(atPath: folder) else { return }
    for entry in entries
    where entry.hasPrefix(".\(name).guidekit-staging-") || entry.hasPrefix("\(name).guidekit-old-") {
      let path = folder.joiningPath(entry)
      // A folder still in use by a live run is kept: its pid is in the name.
      // The pid follows the marker (the output folder's name may itself contain "-").
      let staging = ".\(name).guidekit-staging-"
      let marker = entry.hasPrefix(staging) ? staging : "\(name).guidekit-old-"
      let pidPart = entry.dropFirst(marker.count).split(separator: "-").first
      if let pid = pidPart.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) == 0 { continue }
      if entry.hasPrefix("\(name).guidekit-old-"), !fm.fileExists(atPath: out) {
        _ = rename(path, out)
        continue
      }
      try? fm.removeItem(atPath: path)
    }
  }

  /// Creates the folders between `root` and `file`, never `root` itself: once an interrupt has
  /// removed the staging folder, a job still running fails instead of creating it again.
  static func makeFolder(for file: String, inside root: String) throws(GuideKitError) {
    let folder = file.parentPath
    guard folder.hasPrefix(root + "/") else { return }
    var path = root
    for component in folder.dropFirst(root.count + 1).split(separator: "/") {
      path += "/" + component
      if mkdir(path, 0o755) != 0, errno != EEXIST {
        throw .io(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
      }
    }
  }

  static func write(_ data: Data, to path: String) throws(GuideKitError) {
    do {
      try data.write(to: URL(fileURLWithPath: path))
    } catch {
      throw .io(path: path, reason: "cannot write: \(AtomicFile.reason(error))")
    }
  }
}

/// Staging folders of runs in progress, removed if the process is interrupted (SIGINT, SIGTERM).
public final class StagingCleanup: Sendable {
  public static let shared = StagingCleanup()
  private let folders = Mutex<Set<String>>([])

  func register(_ path: String) { folders.withLock { _ = $0.insert(path) } }
  func unregister(_ path: String) { folders.withLock { _ = $0.remove(path) } }

  /// Removes every registered staging folder (called from a signal handler's dispatch source).
  public func removeAll() {
    let paths = folders.withLock { current -> Set<String> in
      let copy = current
      current.removeAll()
      return copy
    }
    for path in paths {
      // Renamed first, atomically: jobs still running can no longer add files to it (they
      // write below the staging path, which is gone), so the removal cannot race with them.
      let removing = path + "-interrupted"
      let target = rename(path, removing) == 0 ? removing : path
      try? FileManager.default.removeItem(atPath: target)
    }
  }
}

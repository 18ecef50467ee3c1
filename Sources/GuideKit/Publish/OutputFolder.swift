import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PublishOptions {
  /// Why `out` cannot be the output folder, or nil when it can. A publish replaces its output
  /// folder whole, so the folder must be absent, empty or a site that guidekit wrote (it holds
  /// its manifest), and it must neither be, hold nor lie inside the guidelines folder or a
  /// reference folder: `--out guidelines` or `--out .` would otherwise swap the inputs away.
  public func outputFolderProblem() -> String? {
    guard let target = Self.absolutePath(out) else {
      return "--out \(out): the output folder's location cannot be resolved"
    }
    let inputs = [("the guidelines folder", guidelines)] + references.map { ("the reference folder", $0) }
    for (label, input) in inputs {
      guard let source = Self.absolutePath(input) else { continue }
      let relation: String? =
        if target == source {
          "is"
        } else if Self.isAncestor(target, of: source) {
          "holds"
        } else if Self.isAncestor(source, of: target) {
          "lies inside"
        } else {
          nil
        }
      if let relation {
        return
          "--out \(out) \(relation) \(label) (\(input)); a publish replaces its output folder whole, so choose a folder outside the inputs"
      }
    }
    var isFolder = false
    guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) else { return nil }
    guard isFolder else { return "--out \(out) is a file, not a folder" }
    if Self.isSite(out) { return nil }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
    guard entries.isEmpty else {
      return
        "--out \(out) holds \(entries.count) entr\(entries.count == 1 ? "y" : "ies") that guidekit did not write (no manifest.json of guidekit); a publish replaces its output folder whole, so choose a new or empty folder"
    }
    return nil
  }

  /// True when `folder` is a site guidekit wrote: its manifest.json names guidekit as the
  /// generator (or it holds the state file of earlier versions).
  static func isSite(_ folder: String) -> Bool {
    let fm = FileManager.default
    if fm.fileExists(atPath: folder.joiningPath(Publisher.legacyStateFile)) { return true }
    struct Manifest: Decodable { var generator: String }
    guard let data = fm.contents(atPath: folder.joiningPath("manifest.json")),
      let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
    else { return false }
    return manifest.generator.hasPrefix("guidekit ")
  }

  /// `path` made absolute with links resolved; for a path that does not exist yet, its nearest
  /// existing ancestor resolved and the rest appended. Nil when nothing of it resolves.
  static func absolutePath(_ path: String) -> String? {
    var missing: [String] = []
    var existing = path.isEmpty ? "." : path
    while true {
      if let resolved = realpath(existing, nil) {
        defer { free(resolved) }
        var result = String(cString: resolved)
        for part in missing.reversed() where part != "." {
          if part == ".." { return nil }  // Beneath a folder that does not exist: not resolvable.
          result = result == "/" ? "/" + part : result + "/" + part
        }
        return result
      }
      let parent = existing.parentPath
      let part = existing.lastPathPart
      guard !part.isEmpty, parent != existing else { return nil }
      missing.append(part)
      existing = parent.isEmpty ? "." : parent
    }
  }

  /// True when `folder` is a proper ancestor of `path` (both absolute and resolved).
  static func isAncestor(_ folder: String, of path: String) -> Bool {
    folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
  }
}

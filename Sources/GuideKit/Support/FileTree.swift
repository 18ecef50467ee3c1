import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Walks folders for guidekit's inputs.
enum FileTree {
  /// The size of `files` together, in bytes, following links; a file that cannot be examined
  /// counts 0 (reading it reports why).
  static func byteCount(of files: [String]) -> Int {
    files.reduce(0) { total, file in
      var info = stat()
      return total + (stat(file, &info) == 0 ? Int(info.st_size) : 0)
    }
  }

  /// The entries named `*.xml` under `folder`, recursively, sorted by path: files, links and
  /// anything else that is not a folder (the reader says why a device or a pipe cannot be read).
  /// Links to folders are not followed (no loops); `skipHidden` skips entries named `.…`.
  static func xmlFiles(under folder: String, skipHidden: Bool) -> [String] {
    var found: [String] = []
    var pending = [folder]
    while let current = pending.popLast() {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
      for name in names {
        if skipHidden && name.hasPrefix(".") { continue }
        let path = current.hasSuffix("/") ? current + name : current + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
          pending.append(path)
        case S_IFLNK where name.hasSuffix(".xml"):
          var target = stat()
          if stat(path, &target) != 0 || target.st_mode & S_IFMT != S_IFDIR { found.append(path) }
        case _ where name.hasSuffix(".xml"):
          found.append(path)
        default:
          break
        }
      }
    }
    return found.sorted()
  }
}

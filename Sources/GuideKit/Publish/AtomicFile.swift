import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that readers see the old content or the new, never a part of either.
public enum AtomicFile {
  /// Writes `data` to a temporary file beside `path`, then renames it over `path`.
  /// - Throws: `GuideKitError.io` naming the path and the system's reason.
  public static func write(_ data: Data, to path: String) throws(GuideKitError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).guidekit-\(UUID().uuidString).tmp")
    do {
      try data.write(to: temporary, options: [])
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .io(path: path, reason: "cannot write: \(reason(error))")
    }
    if rename(temporary.path, url.path) != 0 {
      let message = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .io(path: path, reason: "cannot replace: \(message)")
    }
  }

  public static func write(_ text: String, to path: String) throws(GuideKitError) {
    try write(Data(text.utf8), to: path)
  }

  /// The system's words for a file error (`No such file or directory`), else the error itself.
  static func reason(_ error: Error) -> String {
    if let posix = error as? POSIXError {
      return String(cString: strerror(posix.code.rawValue))
    }
    if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
      return String(cString: strerror(posix.code.rawValue))
    }
    return String(describing: error)
  }
}

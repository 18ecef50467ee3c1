import Foundation

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

  static func reason(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
  }
}

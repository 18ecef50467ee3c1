import FoundationEssentials
import GuideKitXML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on an output folder for the whole of a publish, so that two runs into one
/// folder (a CI job and an editor) take turns instead of mixing their sites.
///
/// The lock is `flock` on `lock` in the folder's build-state folder (`Publisher.stateFolder`),
/// beside the output folder. The kernel releases it when the process ends, however it ends: a
/// lock file left by a killed run does not block the next one.
final class OutputLock {
  private var descriptor: Int32

  /// Takes the lock on `out`.
  /// - Parameters:
  ///   - wait: wait for a run that holds it; when false, fail at once.
  ///   - waiting: told once, with the holder's pid when known, before waiting.
  /// - Throws: `GuideKitError.io` when the lock file cannot be opened, or it is held and `wait`
  ///   is false.
  init(out: String, wait: Bool, waiting: (Int32?) -> Void) throws(GuideKitError) {
    let folder = Publisher.stateFolder(for: out)
    let path = folder.joiningPath("lock")
    let folderError = Self.makeFolders(folder)
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      // A folder that could not be made explains a missing one better than ENOENT.
      let code = errno == ENOENT ? folderError ?? errno : errno
      throw .io(path: path, reason: "cannot open the output folder's lock: \(String(cString: strerror(code)))")
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let holder = Self.holder(descriptor)
      guard wait else {
        close(descriptor)
        throw .io(
          path: out,
          reason:
            "another publish into this folder is running\(holder.map { " (pid \($0))" } ?? ""); not waiting (--no-wait)"
        )
      }
      waiting(holder)
      while flock(descriptor, LOCK_EX) != 0 {
        guard errno == EINTR else {
          let reason = String(cString: strerror(errno))
          close(descriptor)
          throw .io(path: path, reason: "cannot lock the output folder: \(reason)")
        }
      }
    }
    // The holder's pid, for the message of a run that has to wait.
    let pid = Data("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
  }

  deinit { release() }

  /// Releases the lock (also done when the process ends).
  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }

  /// The pid written by the run that holds the lock, if it wrote one.
  private static func holder(_ descriptor: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 16)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingWhitespace())
  }

  /// Creates `folder` and its missing ancestors; the errno of the last that failed, if any.
  static func makeFolders(_ folder: String) -> Int32? {
    var path = folder.hasPrefix("/") ? "" : "."
    var failure: Int32?
    for component in folder.split(separator: "/") {
      path += "/" + component
      if mkdir(path, 0o755) != 0, errno != EEXIST { failure = errno }
    }
    return failure
  }
}

import FoundationEssentials
import GuideKitXML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock held for the whole of a run, so that two runs on one folder (a CI job and an
/// editor) take turns instead of mixing their work: publish's on an output folder, `sources
/// fetch`'s on a store.
///
/// The lock is `flock` on a lock file. The kernel releases it when the process ends, however it
/// ends: a lock file left by a killed run does not block the next one.
package final class ExclusiveLock {
  private var descriptor: Int32

  /// Takes the lock of `file`, creating the file and its folders as needed.
  /// - Parameters:
  ///   - folder: the folder the lock guards, named when it is held and `wait` is false.
  ///   - owner: what the folder is to the message, e.g. "the output folder".
  ///   - rival: what holds it, e.g. "another publish into this folder".
  ///   - wait: wait for a run that holds it; when false, fail at once.
  ///   - waiting: told once, with the holder's pid when known, before waiting.
  /// - Throws: `GuideKitError.io` when the lock file cannot be opened, or it is held and `wait`
  ///   is false.
  package init(
    file path: String, folder: String, owner: String, rival: String, wait: Bool, waiting: (Int32?) -> Void
  ) throws(GuideKitError) {
    let folderError = Self.makeFolders(path.parentPath)
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      // A folder that could not be made explains a missing one better than ENOENT.
      let code = errno == ENOENT ? folderError ?? errno : errno
      throw .io(path: path, reason: "cannot open the lock of \(owner): \(String(cString: strerror(code)))")
    }
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let holder = Self.holder(descriptor)
      guard wait else {
        close(descriptor)
        throw .io(
          path: folder,
          reason: "\(rival) is running\(holder.map { " (pid \($0))" } ?? ""); not waiting (--no-wait)")
      }
      waiting(holder)
      while flock(descriptor, LOCK_EX) != 0 {
        guard errno == EINTR else {
          let reason = String(cString: strerror(errno))
          close(descriptor)
          throw .io(path: path, reason: "cannot lock \(owner): \(reason)")
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
  package func release() {
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

extension ExclusiveLock {
  /// publish's lock on an output folder: `lock` in its build-state folder, beside it.
  static func output(_ out: String, wait: Bool, waiting: (Int32?) -> Void) throws(GuideKitError) -> ExclusiveLock {
    try ExclusiveLock(
      file: Publisher.stateFolder(for: out).joiningPath("lock"), folder: out, owner: "the output folder",
      rival: "another publish into this folder", wait: wait, waiting: waiting)
  }
}

import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `--format docx`: a binary file, written with `-o FILE` (atomically, as every output), or to
/// standard output only when that is not a terminal.
extension OutputOptions {
  /// Throws a usage error (exit 64) when a Word document would be written to a terminal. Call
  /// from `validate()`, before any work.
  func refuseBinaryOnTerminal() throws {
    if output == nil && isatty(STDOUT_FILENO) == 1 {
      throw ValidationError(
        "--format docx writes a Word document (binary): give -o FILE, or redirect standard output to a file")
    }
  }

  /// Writes the bytes of a binary output (exit 2 when they cannot be written).
  func emit(bytes: [UInt8]) throws {
    if let output {
      do {
        try AtomicFile.write(Data(bytes), to: output)
      } catch {
        Console.error(error.description)
        throw ExitCode(2)
      }
      return
    }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBufferPointer { buffer in
        write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      }
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        Console.error("guidekit: cannot write to standard output: \(String(cString: strerror(errno)))")
        throw ExitCode(2)
      }
    }
  }
}

import ArgumentParser
import FoundationEssentials
import GuideKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A command's `--format` values: each command declares the formats it writes as its own enum,
/// named as everywhere (text, json, markdown, sarif, github, html, table, xml), so that `--help`,
/// shell completion and the parser's error for a wrong value list exactly that command's formats.
package protocol CommandFormat: RawRepresentable<String>, ExpressibleByArgument, CaseIterable, Equatable {}

/// Options every command shares: where the output goes and how much is said.
package struct OutputOptions: ParsableArguments {
  package init() {}

  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write the output to FILE (replaced atomically) instead of standard output.", valueName: "FILE"))
  package var output: String?

  @Flag(name: .shortAndLong, help: "Print nothing but findings (no summary line).")
  package var quiet = false

  /// True when colour may be used on standard output.
  package var colorAllowed: Bool {
    output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  /// Throws a usage error (exit 64) when `--output` is one of `inputs`, the same file through any
  /// name or link: writing the output would replace a document the command reads.
  package func refuseInputs(_ inputs: [String?]) throws {
    guard let output else { return }
    var target = stat()
    guard stat(output, &target) == 0 else { return }
    for input in inputs.compactMap({ $0 }) {
      var source = stat()
      if stat(input, &source) == 0 && source.st_dev == target.st_dev && source.st_ino == target.st_ino {
        throw ValidationError(
          "--output \(output) is \(input == output ? "an input" : "the input \(input)") of this command; write the output to another file"
        )
      }
    }
  }

  /// Writes the command's main output.
  package func emit(_ text: String) throws {
    if let output {
      do {
        try AtomicFile.write(text, to: output)
      } catch {
        Console.error(error.description)
        throw ExitCode(2)
      }
    } else {
      Console.write(text, to: STDOUT_FILENO)
    }
  }

  /// A summary line on standard error, unless `--quiet`.
  package func summary(_ line: String) {
    if !quiet { Console.error(line) }
  }
}

#if canImport(Glibc)
  private let systemWrite = Glibc.write
#else
  private let systemWrite = Darwin.write
#endif

package enum Console {
  /// A progress line on standard error, redrawn in place; nil ends it.
  package static func progress(_ line: String?) {
    write(line.map { "\r\u{1B}[K" + $0 } ?? "\r\u{1B}[K", to: STDERR_FILENO)
  }

  /// A message on standard error, ending with a newline.
  package static func error(_ message: String) {
    write(message.hasSuffix("\n") ? message : message + "\n", to: STDERR_FILENO)
  }

  /// Writes all of `text` to a descriptor, across partial writes and interruptions; stops at
  /// the first other error (a closed pipe: the reader has gone).
  package static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
      guard let start = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let written = systemWrite(descriptor, start + offset, bytes.count - offset)
        if written > 0 {
          offset += written
        } else if written < 0 && errno == EINTR {
          continue
        } else {
          return
        }
      }
    }
  }
}

extension CommandFormat {
  /// Throws a usage error (exit 64) unless the format is one of `allowed`: for a mode of a command
  /// that writes fewer formats than the command (`diff --git`, `impact --against`).
  package static func check(_ format: Self, allowed: [Self], command: String) throws {
    guard allowed.contains(format) else {
      throw ValidationError(
        "\(command) does not write --format \(format.rawValue); choose one of: \(allowed.map(\.rawValue).joined(separator: ", "))"
      )
    }
  }
}

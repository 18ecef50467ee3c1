import ArgumentParser
import Foundation
import GuideKit

/// The output formats, named the same everywhere; each command accepts a subset.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, markdown, sarif, github, html, table, xml
}

/// Options every command shares: where the output goes and how much is said.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp("Write the output to FILE (replaced atomically) instead of standard output.", valueName: "FILE"))
  var output: String?

  @Flag(name: .shortAndLong, help: "Print nothing but findings (no summary line).")
  var quiet = false

  /// True when colour may be used on standard output.
  var colorAllowed: Bool {
    output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  /// Writes the command's main output.
  func emit(_ text: String) throws {
    if let output {
      do {
        try AtomicFile.write(text, to: output)
      } catch {
        Console.error(error.description)
        throw ExitCode(2)
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// A summary line on standard error, unless `--quiet`.
  func summary(_ line: String) {
    if !quiet { Console.error(line) }
  }
}

enum Console {
  static func error(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
  }
}

extension OutputFormat {
  /// Throws a usage error (exit 64) unless the format is one of `allowed`.
  static func check(_ format: OutputFormat, allowed: [OutputFormat], command: String) throws {
    guard allowed.contains(format) else {
      throw ValidationError(
        "\(command) does not write --format \(format.rawValue); choose one of: \(allowed.map(\.rawValue).joined(separator: ", "))"
      )
    }
  }
}

import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `guidekit sources`: the program `guidekit-sources` beside this one, run in this process's
/// place, so that the network stack it links costs the other commands nothing at start-up.
struct Sources: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources",
    abstract: "Fetch the laws and controls that guidelines cite into a locked, verifiable store.",
    discussion: """
      guidekit sources fetch|status|verify: see `guidekit sources --help`.
      """
  )

  @Argument(parsing: .captureForPassthrough, help: "fetch, status or verify, and their options.")
  var arguments: [String] = []

  func run() throws {
    Self.run(arguments)
  }

  /// Replaces this process with `guidekit-sources ARGUMENTS…`; returns only on failure, which it
  /// reports and exits 2 for.
  static func run(_ arguments: [String]) -> Never {
    let program = executableFolder().joiningPath("guidekit-sources")
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    execv(program, argv)
    let reason = String(cString: strerror(errno))
    Console.error(
      "\(program): error: cannot run guidekit sources (\(reason)); build it with `swift build` (or `swift build --product guidekit-sources`) and install it beside guidekit"
    )
    Glibc.exit(2)
  }

  /// The folder of the running executable (`/proc/self/exe`; else the invocation's path).
  static func executableFolder() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let path =
      count > 0
      ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      : CommandLine.arguments[0]
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }
}

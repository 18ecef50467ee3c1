import FoundationEssentials
import GuideKit
import GuideKitCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program of its own beside `guidekit` (`guidekit-sources`, `guidekit-serve`), run in this
/// process's place, so that the network stack it links costs the other commands nothing at
/// start-up.
enum SiblingProgram {
  /// Replaces this process with `guidekit-NAME ARGUMENTS…`; returns only on failure, which it
  /// reports and exits 2 for.
  /// - Parameters:
  ///   - name: the subcommand (`sources`, `serve`).
  ///   - arguments: the arguments after the subcommand.
  static func exec(_ name: String, _ arguments: [String]) -> Never {
    let product = "guidekit-\(name)"
    let program = executableFolder().joiningPath(product)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    execv(program, argv)
    let reason = String(cString: strerror(errno))
    Console.error(
      "\(program): error: cannot run guidekit \(name) (\(reason)); build it with `swift build` (or `swift build --product \(product)`) and install it beside guidekit"
    )
    exit(2)
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

import Foundation
import GuideKitTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one run of the `guidekit` binary did.
typealias CLIResult = ProgramRun

/// Runs the `guidekit` binary that the same `swift test` built (AssertExecuteCommand style).
enum CLI {
  /// The package root: this file is `<root>/Tests/GuideKitCLITests/CLISupport.swift`.
  static let packageRoot = PackageRoot.url

  /// `../shared/data` next to the package root.
  static let sharedData = PackageRoot.sharedData

  static var sharedDataIsAvailable: Bool {
    FileManager.default.fileExists(atPath: sharedData.appendingPathComponent("egov/laws").path)
  }

  /// The products folder holds the test bundle (`…PackageTests.xctest`, an executable on Linux, a
  /// bundle folder on macOS) and the `guidekit` executable side by side.
  static let binary = BuiltProgram.url("guidekit")

  static var binaryMessage: Comment {
    "the guidekit binary is not next to the test bundle (\(CommandLine.arguments[0]))"
  }

  /// How many times longer a child may take: `GUIDEKIT_TEST_TIMEOUT_SCALE`, set by
  /// scripts/sanitizers.sh, whose instrumented builds run ten to a hundred times slower.
  static let timeoutScale: Int = {
    guard let text = ProcessInfo.processInfo.environment["GUIDEKIT_TEST_TIMEOUT_SCALE"],
      let scale = Int(text), scale >= 1
    else { return 1 }
    return scale
  }()

  /// Runs `guidekit arguments…` in `directory`, killing it after `timeout` (times `timeoutScale`).
  static func run(
    _ arguments: [String], in directory: URL = packageRoot, timeout: Duration = .seconds(60),
    environment: [String: String] = [:]
  ) throws -> CLIResult {
    let binary = try #require(binary, binaryMessage)
    return try ProgramRunner.run(
      binary, arguments, in: directory, timeout: timeout * timeoutScale,
      environment: ["NO_COLOR": "1"].merging(environment) { _, new in new })
  }

  /// Runs `guidekit arguments…` (output discarded) and returns its exit status and the peak
  /// resident set of that one process, in bytes (`wait4`'s resource usage).
  /// The paths in `arguments` must be absolute: the child runs in this process's folder.
  static func runMeasuringMemory(_ arguments: [String]) throws -> (status: Int32, peakBytes: Int) {
    let binary = try #require(binary, binaryMessage)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([binary.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary.path, &actions, nil, argv, environ)
    try #require(spawned == 0, "posix_spawn failed: \(spawned)")
    // The child's own high-water mark (VmHWM), polled while it runs: wait4's ru_maxrss is no use
    // here, since a posix_spawn child starts out charged with the test runner's resident set.
    var status: Int32 = 0
    var peakKilobytes = 0
    while true {
      if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
      {
        peakKilobytes = max(peakKilobytes, value)
      }
      let waited = waitpid(pid, &status, WNOHANG)
      try #require(waited >= 0, "waitpid failed: errno \(errno)")
      if waited == pid { break }
      usleep(2_000)
    }
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, peakKilobytes * 1024)
  }
}

/// A guideline edition in the vocabulary, valid unless `body` breaks it.
func guidelineText(
  id: String = "sample", version: String = "1.0", supersedes: String? = nil, body: String? = nil
) -> String {
  let supersedesAttribute = supersedes.map { " supersedes=\"\($0)\"" } ?? ""
  return """
    <?xml version="1.0" encoding="UTF-8"?>
    <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="\(id)" version="\(version)"\(supersedesAttribute) issued="2024-04-01" effective="2024-04-01">
      <title>テスト用ガイドライン</title>
      <issuer>総務省</issuer>
      <chapter id="ch-1" num="第1章">
        <title>総則</title>
    \(body ?? defaultGuidelineBody)
      </chapter>
    </guideline>

    """
}

private let defaultGuidelineBody = """
      <clause id="c-1" num="(1)"><p>テレワークを導入する。</p></clause>
      <clause id="c-2" num="(2)"><p>多要素認証を用いる。</p></clause>
  """

import Foundation
import GuideKitTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one run of the `guidekit` binary did.
struct CLIResult: CustomStringConvertible {
  var status: Int32
  var stdout: String
  var stderr: String
  var elapsed: Duration
  var timedOut: Bool

  var description: String {
    "exit \(status)\(timedOut ? " (killed after timeout)" : "") in \(elapsed)\n--- stdout\n\(stdout.prefix(4000))\n--- stderr\n\(stderr.prefix(4000))"
  }
}

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
  static let binary: URL? = {
    var candidates: [URL] = []
    let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
      .resolvingSymlinksInPath()
    candidates.append(testExecutable.deletingLastPathComponent().appendingPathComponent("guidekit"))
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("guidekit"))
    }
    // macOS: …/debug/guidekitPackageTests.xctest/Contents/MacOS/guidekitPackageTests
    var folder = testExecutable
    for _ in 0..<4 {
      folder.deleteLastPathComponent()
      if folder.lastPathComponent.hasSuffix(".xctest") {
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent("guidekit"))
      }
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

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
    let scratch = try TempFolder.create(prefix: "guidekit-cli-output")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }

    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env.merge(environment) { _, new in new }
    process.environment = env
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err

    let clock = ContinuousClock()
    let start = clock.now
    let limit = timeout * timeoutScale
    try process.run()
    var timedOut = false
    while process.isRunning {
      if clock.now - start > limit {
        timedOut = true
        process.terminate()
        break
      }
      usleep(5_000)
    }
    process.waitUntilExit()
    let elapsed = clock.now - start
    return CLIResult(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
      elapsed: elapsed, timedOut: timedOut)
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

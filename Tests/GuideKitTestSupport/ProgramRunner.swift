import Foundation

/// The programs `swift build` made beside the test bundle (`guidekit`, `guidekit-serve`, …).
public enum BuiltProgram {
  /// The executable `name` in the build folder of the running test bundle, or nil.
  public static func url(_ name: String) -> URL? {
    let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
      .resolvingSymlinksInPath()
    var candidates = [testExecutable.deletingLastPathComponent().appendingPathComponent(name)]
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
    }
    // macOS: …/debug/guidekitPackageTests.xctest/Contents/MacOS/guidekitPackageTests
    var folder = testExecutable
    for _ in 0..<4 {
      folder.deleteLastPathComponent()
      if folder.lastPathComponent.hasSuffix(".xctest") {
        candidates.append(folder.deletingLastPathComponent().appendingPathComponent(name))
      }
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Why `url(name)` is nil, for a test's `#require`.
  public static func absence(_ name: String) -> String {
    "\(name) is not next to the test bundle (\(CommandLine.arguments[0])); build it with `swift build`"
  }
}

/// What a program run by `ProgramRunner` did.
public struct ProgramRun: CustomStringConvertible, Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
  public var elapsed: Duration
  public var timedOut: Bool

  public var description: String {
    "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout.prefix(3000))\n--- stderr\n\(stderr.prefix(3000))"
  }
}

/// Runs a program to its end (or kills it at a time limit), its output captured through files so
/// that a large output cannot fill a pipe and stall it.
public enum ProgramRunner {
  public static func run(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, timeout: Duration = .seconds(120),
    environment: [String: String] = [:]
  ) throws -> ProgramRun {
    let scratch = try TempFolder(prefix: "guidekit-program-output")
    let outURL = URL(fileURLWithPath: scratch.path("stdout"))
    let errURL = URL(fileURLWithPath: scratch.path("stderr"))
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
      try? out.close()
      try? err.close()
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    var timedOut = false
    while process.isRunning {
      if clock.now - start > timeout {
        timedOut = true
        process.terminate()
        break
      }
      usleep(5_000)
    }
    process.waitUntilExit()
    return ProgramRun(
      status: process.terminationStatus,
      stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
      elapsed: clock.now - start, timedOut: timedOut)
  }
}

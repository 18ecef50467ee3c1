import Foundation
import GuideKit
import GuideKitTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A publish workspace: a working folder (so that the default `references/` of the package is
/// not picked up), a guidelines folder and `site/` as the output folder.
private final class PublishWorkspace {
  let folder: TempFolder
  var root: String { folder.path }
  var guidelines: String { folder.path("guidelines") }
  var site: String { folder.path("site") }
  var manifest: String { folder.path("site/manifest.json") }

  init() throws {
    folder = try TempFolder()
    try writeEditions(["1.0", "2.0"])
  }

  /// Small editions of one guideline, each superseding the one before.
  func writeEditions(_ versions: [String], clauseText: String = "多要素認証を用いる。") throws {
    try? FileManager.default.removeItem(atPath: guidelines)
    var previous: String?
    for version in versions {
      let body = """
              <clause id="c-1" num="(1)"><p>テレワークを導入する（第\(version)版）。</p></clause>
              <clause id="c-2" num="(2)"><p>\(clauseText)</p></clause>
        """
      try folder.write(
        "guidelines/sample/\(version).xml", guidelineText(version: version, supersedes: previous, body: body))
      previous = version
    }
  }

  /// Many large editions, so that a publish runs long enough to be interrupted.
  func writeLargeEditions(editions: Int = 8, clauses: Int = 250) throws {
    try? FileManager.default.removeItem(atPath: guidelines)
    for edition in 1...editions {
      var body = ""
      for clause in 1...clauses {
        // Every edition rewords a different subset of clauses.
        let changed = (clause + edition) % 3 == 0 ? "（第\(edition)版で改正）" : ""
        body += """
                <clause id="c-\(clause)" num="(\(clause))"><p>第\(clause)項：テレワーク勤務者は、業務に用いる端末について、\
          組織が定めるルールに従い、OS及びソフトウェアを最新の状態に保ち、多要素認証を用いて接続する\(changed)。\
          VPN装置の脆弱性を悪用した攻撃に備え、https://example.go.jp/telework/\(clause) の手順を確認する。</p></clause>

          """
      }
      try folder.write(
        "guidelines/big/\(edition).0.xml",
        guidelineText(
          id: "big", version: "\(edition).0", supersedes: edition > 1 ? "\(edition - 1).0" : nil, body: body))
    }
  }

  /// The lock file of `site/` (in its build-state folder beside it).
  var lockFile: String { folder.path(".site.guidekit/lock") }

  /// `guidekit publish` arguments with explicit paths and no reference folder.
  func publishArguments(_ extra: [String] = []) -> [String] {
    ["publish", "--guidelines", guidelines, "--out", site, "--as-of", "2025-04-01", "--quiet"] + extra
  }

  func publish(_ extra: [String] = []) throws -> CLIResult {
    try CLI.run(publishArguments(extra), in: folder.url, timeout: .seconds(300))
  }

  /// Builds the previous site and returns its manifest.
  func buildPreviousSite() throws -> Data {
    let result = try publish()
    try #require(result.status == 0, "the first publish builds the site: \(result)")
    return try #require(FileManager.default.contents(atPath: manifest))
  }

  /// Staging and half-swapped folders beside the output folder.
  func leftovers(in parent: String? = nil) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent ?? root)) ?? []
    return names.filter { $0.contains(".guidekit-staging-") || $0.contains(".guidekit-old-") }
  }

  /// The site's files with their contents, to show that the previous output is intact.
  func siteSnapshot() -> [String: Data] {
    var snapshot: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: site)
    while let relative = enumerator?.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: (site as NSString).appendingPathComponent(relative)) {
        snapshot[relative] = data
      }
    }
    return snapshot
  }

  /// Starts `guidekit publish` in the background; stdout and stderr go to files of the workspace.
  func startPublish(_ extra: [String] = []) throws -> Process {
    let binary = try #require(CLI.binary, CLI.binaryMessage)
    let process = Process()
    process.executableURL = binary
    process.arguments = publishArguments(extra)
    process.currentDirectoryURL = folder.url
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    _ = FileManager.default.createFile(atPath: folder.path("child.stderr"), contents: nil)
    process.standardError = try FileHandle(forWritingTo: folder.url.appendingPathComponent("child.stderr"))
    try process.run()
    return process
  }

  var childStderr: String {
    (try? String(contentsOfFile: folder.path("child.stderr"), encoding: .utf8)) ?? ""
  }

  /// Waits until the running publish has created its staging folder (it is then building files).
  /// Builds a site, then starts a long publish over it and sends `signal` once its staging
  /// folder exists and files are being built. Returns the stopped process, the previous
  /// manifest and a snapshot of the previous site.
  func interruptedPublish(by signal: Int32) throws -> (
    process: Process, manifest: Data, before: [String: Data]
  ) {
    let manifest = try buildPreviousSite()
    let before = siteSnapshot()
    try writeLargeEditions()
    let process = try startPublish()
    let staged = waitForStaging(of: process)
    // Building the files takes a while after the staging folder appears.
    usleep(100_000)
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    try #require(staged, "the publish ran long enough to be interrupted: \(childStderr)")
    return (process, manifest, before)
  }

  func waitForStaging(of process: Process, timeout: Duration = .seconds(120)) -> Bool {
    let clock = ContinuousClock()
    let start = clock.now
    while clock.now - start < timeout, process.isRunning {
      if !leftovers().isEmpty { return true }
      usleep(2_000)
    }
    return false
  }
}

/// Root may mount: a read-only bind mount and a tiny tmpfs stand in for a read-only folder and a
/// full disk. Elsewhere those two tests are disabled (the "parent is a file" test still runs).
enum Mounts {
  static let available: Bool = {
    guard getuid() == 0, let folder = try? TempFolder() else { return false }
    let target = folder.path("probe")
    guard (try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)) != nil,
      run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", target])
    else { return false }
    return run(["umount", target])
  }()

  @discardableResult
  static func run(_ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}

@Suite("guidekit publish under faults", .serialized)
struct PublishFaultTests {
  @Test(.enabled(if: Mounts.available, "needs root and mount"))
  func readOnlyOutputFolderGivesExitTwoAndKeepsThePreviousSite() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    let before = workspace.siteSnapshot()
    try workspace.writeEditions(["1.0", "2.0", "3.0"])

    // The output folder and its parent (where the staging folder goes) become read-only.
    try #require(Mounts.run(["mount", "--bind", workspace.root, workspace.root]))
    defer {
      Mounts.run(["umount", workspace.root])
      withExtendedLifetime(workspace) {}
    }
    try #require(Mounts.run(["mount", "-o", "remount,bind,ro", workspace.root]))

    let result = try workspace.publish()
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("error"), "\(result)")
    // Foundation's wording: "The volume is read only." (strerror: "Read-only file system").
    #expect(result.stderr.lowercased().contains("read only") || result.stderr.contains("Read-only"), "\(result)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    #expect(workspace.siteSnapshot() == before, "the previous output is intact")
    #expect(workspace.leftovers().isEmpty)
  }

  @Test(.enabled(if: Mounts.available, "needs root and mount"))
  func outputFolderThatIsAReadOnlyMountGivesExitTwoAndLeavesNothing() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    let before = workspace.siteSnapshot()
    try workspace.writeEditions(["1.0", "2.0", "3.0"])
    // The output folder itself is a read-only mount; its parent stays writable.
    try #require(Mounts.run(["mount", "--bind", workspace.site, workspace.site]))
    defer {
      Mounts.run(["umount", workspace.site])
      withExtendedLifetime(workspace) {}
    }
    try #require(Mounts.run(["mount", "-o", "remount,bind,ro", workspace.site]))
    let result = try workspace.publish()
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("Read-only file system"), "the real cause: \(result)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    #expect(workspace.siteSnapshot() == before, "the previous output is intact")
    #expect(workspace.leftovers().isEmpty, "\(workspace.leftovers())")
  }

  @Test(.enabled(if: getuid() != 0, "root writes into a read-only folder anyway"))
  func outputFolderWithoutWritePermissionGivesExitTwoAndLeavesNothing() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    let before = workspace.siteSnapshot()
    try workspace.writeEditions(["1.0", "2.0", "3.0"])
    try #require(chmod(workspace.site, 0o555) == 0)
    defer { chmod(workspace.site, 0o755) }
    let result = try workspace.publish()
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("Permission denied"), "the real cause: \(result)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    #expect(workspace.siteSnapshot() == before, "the previous output is intact")
    #expect(workspace.leftovers().isEmpty, "\(workspace.leftovers())")
  }

  @Test func outputFolderUnderARegularFileGivesExitTwo() throws {
    let workspace = try PublishWorkspace()
    let file = try workspace.folder.write("not-a-folder", "keep me\n")
    let result = try CLI.run(
      ["publish", "--guidelines", workspace.guidelines, "--out", file + "/site", "--quiet"], in: workspace.folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains(file), "names the path: \(result)")
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me\n")
    #expect(workspace.leftovers().isEmpty)
  }

  @Test func outputFolderThatHoldsTheInputsOrOtherFilesIsRefusedUntouched() throws {
    let workspace = try PublishWorkspace()
    let edition = workspace.guidelines + "/sample/2.0.xml"
    let text = try String(contentsOfFile: edition, encoding: .utf8)
    let notes = try workspace.folder.write("notes/keep.txt", "keep me\n")
    for out in [workspace.guidelines, ".", workspace.guidelines + "/sample", "notes"] {
      let result = try CLI.run(
        ["publish", "--guidelines", workspace.guidelines, "--out", out, "--quiet"], in: workspace.folder.url)
      #expect(result.status == 64, "--out \(out): \(result)")
      #expect(result.stderr.contains("--out \(out)"), "names the folder: \(result)")
    }
    #expect(try String(contentsOfFile: edition, encoding: .utf8) == text, "the guidelines are untouched")
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "keep me\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path("notes")) == ["keep.txt"])
    #expect(workspace.leftovers().isEmpty)
    // A new folder, then the site it became, are fine.
    #expect(try workspace.publish().status == 0)
    #expect(try workspace.publish().status == 0)
  }

  @Test(.enabled(if: Mounts.available, "needs root and mount"))
  func fullDiskGivesExitTwoKeepsThePreviousSiteAndLeavesNoStaging() throws {
    let workspace = try PublishWorkspace()
    let disk = workspace.folder.path("disk")
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    try #require(Mounts.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", disk]))
    defer {
      Mounts.run(["umount", disk])
      withExtendedLifetime(workspace) {}
    }
    let site = disk + "/site"
    let arguments = ["publish", "--guidelines", workspace.guidelines, "--out", site, "--quiet"]

    let first = try CLI.run(arguments, in: workspace.folder.url)
    try #require(first.status == 0, "the small site fits: \(first)")
    let manifest = try #require(FileManager.default.contents(atPath: site + "/manifest.json"))

    // The next edition is some 1.5 MB of text: its pages cannot fit in 512 KB.
    try workspace.writeEditions(["1.0", "2.0"], clauseText: String(repeating: "ディスクが一杯になる。", count: 50_000))
    let result = try CLI.run(arguments, in: workspace.folder.url)
    #expect(result.status == 2, "\(result)")
    // Foundation's wording: "There isn’t enough space." (strerror: "No space left on device").
    #expect(result.stderr.contains("enough space") || result.stderr.contains("No space left"), "\(result)")
    #expect(FileManager.default.contents(atPath: site + "/manifest.json") == manifest)
    #expect(workspace.leftovers(in: disk).isEmpty, "no staging folder is left on the full disk")
  }

  @Test func missingStylesheetGivesExitTwoAndKeepsThePreviousSite() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    try workspace.writeEditions(["1.0", "2.0", "3.0"])
    let result = try workspace.publish(["--stylesheet", "delta-table=/nonexistent/office-table.xsl"])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("/nonexistent/office-table.xsl"), "names the stylesheet: \(result)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    #expect(workspace.leftovers().isEmpty)
  }

  @Test func sigintDuringPublishKeepsThePreviousSiteAndRemovesStaging() throws {
    let workspace = try PublishWorkspace()
    let (process, manifest, before) = try workspace.interruptedPublish(by: SIGINT)

    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 2, "\(workspace.childStderr)")
    #expect(workspace.childStderr.contains("interrupted"), "\(workspace.childStderr)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    #expect(workspace.siteSnapshot() == before, "the previous site is byte-identical")
    usleep(200_000)
    #expect(workspace.leftovers().isEmpty, "no staging folder is left: \(workspace.leftovers())")
  }

  @Test func sigkillDuringPublishKeepsThePreviousSiteAndTheNextRunCleansUp() throws {
    let workspace = try PublishWorkspace()
    let (process, manifest, before) = try workspace.interruptedPublish(by: SIGKILL)

    #expect(process.terminationReason == .uncaughtSignal)
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    #expect(workspace.siteSnapshot() == before, "the previous site is byte-identical")
    #expect(!workspace.leftovers().isEmpty, "SIGKILL leaves the staging folder behind")

    // The next run removes the leftover and succeeds.
    try workspace.writeEditions(["1.0", "2.0", "3.0"])
    let next = try workspace.publish()
    #expect(next.status == 0, "\(next)")
    #expect(workspace.leftovers().isEmpty, "the next run removed \(workspace.leftovers())")
    #expect(FileManager.default.contents(atPath: workspace.manifest) != manifest)
    #expect(FileManager.default.fileExists(atPath: workspace.site + "/sample/3.0.html"))
  }

  @Test func stagingOfALiveRunIsKeptAndOfADeadRunRemovedAlsoWhenTheNameHasHyphens() throws {
    let workspace = try PublishWorkspace()
    // A process that has exited: its pid names a dead run.
    let finished = Process()
    finished.executableURL = URL(fileURLWithPath: "/bin/true")
    try finished.run()
    finished.waitUntilExit()
    let live = workspace.folder.path(".my-site.guidekit-staging-\(getpid())-0badc0de")
    let dead = workspace.folder.path(".my-site.guidekit-staging-\(finished.processIdentifier)-deadbeef")
    for folder in [live, dead] {
      try FileManager.default.createDirectory(atPath: folder + "/sample", withIntermediateDirectories: true)
    }

    let result = try CLI.run(
      ["publish", "--guidelines", workspace.guidelines, "--out", workspace.folder.path("my-site"), "--quiet"],
      in: workspace.folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(FileManager.default.fileExists(atPath: live), "the staging folder of a live run is kept")
    #expect(!FileManager.default.fileExists(atPath: dead), "the staging folder of a dead run is removed")
  }

  /// The files of a site as path → sha256, by `sha256sum`: the manifest is held against an
  /// independent value, not against the function that wrote it.
  private static func hashes(_ site: String) throws -> [String: String] {
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: site)
    while let relative = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      let path = site + "/" + relative
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
        relative != "manifest.json"
      else { continue }
      files.append(relative)
    }
    return try SHA256Sum.of(files, in: site)
  }

  private static func manifestFiles(_ site: String) throws -> [String: String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: site + "/manifest.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let files = try #require(object["files"] as? [[String: String]])
    var out: [String: String] = [:]
    for file in files { out[file["path"] ?? ""] = file["sha256"] }
    return out
  }

  @Test func concurrentPublishesOfDifferentInputsNeverLeaveAMixedSite() throws {
    let workspace = try PublishWorkspace()
    let inputs = ["a", "b"].map { workspace.folder.path("guidelines-\($0)") }
    for input in inputs {
      try workspace.writeEditions(["1.0", "2.0"])
      try FileManager.default.moveItem(atPath: workspace.guidelines, toPath: input)
    }
    func arguments(_ input: String) -> [String] {
      ["publish", "--guidelines", input, "--out", workspace.site, "--as-of", "2025-04-01", "--quiet"]
    }
    let binary = try #require(CLI.binary, CLI.binaryMessage)
    let markers = ["markera", "markerb"]
    for trial in 0..<20 {
      // Both inputs share 1.0 and 2.0 (so each run reuses files of the site in place) and differ
      // in 3.0, which names its input and the trial in every page made from it.
      for (input, marker) in zip(inputs, markers) {
        let body = """
                <clause id="c-1" num="(1)"><p>テレワークを導入する（\(marker)\(trial)z）。</p></clause>
                <clause id="c-2" num="(2)"><p>多要素認証を用いる。</p></clause>
          """
        try guidelineText(version: "3.0", supersedes: "2.0", body: body).write(
          toFile: input + "/sample/3.0.xml", atomically: true, encoding: .utf8)
      }
      let processes = inputs.map { input in
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments(input)
        process.currentDirectoryURL = workspace.folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
      }
      // Started in turns so that either may come first.
      for process in trial % 2 == 0 ? processes : processes.reversed() { try process.run() }
      for process in processes { process.waitUntilExit() }
      #expect(processes.map(\.terminationStatus) == [0, 0], "trial \(trial)")
      let manifest = try Self.manifestFiles(workspace.site)
      #expect(try Self.hashes(workspace.site) == manifest, "trial \(trial): every file as the manifest says")
      // One input's site: the pages of 3.0 all name the same input, of this trial.
      var found: Set<String> = []
      // (The .docx files are compressed: their text is not searched.)
      for path in manifest.keys where path.hasPrefix("sample/3.0") && !path.hasSuffix(".docx") {
        let text = try String(contentsOfFile: workspace.site + "/" + path, encoding: .utf8)
        for marker in markers where text.contains(marker) {
          found.insert(text.contains("\(marker)\(trial)z") ? marker : "\(marker) of another trial")
        }
      }
      #expect(found.count == 1 && markers.contains(found.first ?? ""), "trial \(trial): \(found)")
    }
    #expect(workspace.leftovers().isEmpty)
  }

  @Test func noWaitFailsWhileAnotherPublishHoldsTheLockAndAWaitingRunSaysSo() throws {
    let workspace = try PublishWorkspace()
    _ = try workspace.buildPreviousSite()
    // This process holds the lock, as a running publish would.
    let descriptor = open(workspace.lockFile, O_RDWR)
    try #require(descriptor >= 0, "the first publish left its lock file at \(workspace.lockFile)")
    defer { close(descriptor) }
    try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)

    let refused = try workspace.publish(["--no-wait"])
    #expect(refused.status == 2, "\(refused)")
    #expect(refused.stderr.contains("another publish"), "\(refused)")

    let process = try workspace.startPublish()
    let clock = ContinuousClock()
    let start = clock.now
    while !workspace.childStderr.contains("waiting for another publish"), clock.now - start < .seconds(60) {
      usleep(10_000)
    }
    #expect(workspace.childStderr.contains("waiting for another publish"), "\(workspace.childStderr)")
    #expect(process.isRunning, "it waits while the lock is held")
    flock(descriptor, LOCK_UN)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(workspace.childStderr)")
  }

  @Test func aLockFileLeftByAKilledRunDoesNotBlock() throws {
    let workspace = try PublishWorkspace()
    _ = try workspace.buildPreviousSite()
    // A run that died: its pid in the lock file, the lock itself released by the kernel.
    let finished = Process()
    finished.executableURL = URL(fileURLWithPath: "/bin/true")
    try finished.run()
    finished.waitUntilExit()
    try "\(finished.processIdentifier)\n".write(toFile: workspace.lockFile, atomically: false, encoding: .utf8)
    try workspace.writeEditions(["1.0", "2.0", "3.0"])
    let result = try workspace.publish(["--no-wait"])
    #expect(result.status == 0, "\(result)")
    #expect(FileManager.default.fileExists(atPath: workspace.site + "/sample/3.0.html"))
  }

  @Test func publishValidatesFirstAndRefusesOnErrorsLeavingThePreviousSite() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    let before = workspace.siteSnapshot()
    let edition = workspace.guidelines + "/sample/3.0.xml"
    // A misspelt element (its title would silently vanish) and a duplicate id.
    let body = """
            <clause id="c-1" num="(1)"><titel>多要素認証</titel><p>テレワークを導入する。</p></clause>
            <clause id="c-1" num="(2)"><p>多要素認証を用いる。</p></clause>
      """
    try guidelineText(version: "3.0", supersedes: "2.0", body: body).write(
      toFile: edition, atomically: true, encoding: .utf8)
    let result = try workspace.publish()
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("3.0.xml:"), "the diagnostics name the file: \(result)")
    #expect(result.stderr.contains("titel"), "\(result)")
    #expect(result.stderr.contains("[duplicate-id]"), "\(result)")
    #expect(result.stderr.contains("not published"), "\(result)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    #expect(workspace.siteSnapshot() == before, "the previous site is byte-identical")
    #expect(workspace.leftovers().isEmpty)
  }

  @Test func aMalformedInputStopsPublishWithExitTwo() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    try workspace.folder.write("guidelines/sample/3.0.xml", "<guideline xmlns=\"urn:guidekit:guideline:1\"><title>")
    let result = try workspace.publish()
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains("3.0.xml:"), "\(result)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
  }

  @Test func publishPrintsWarningsAndRefusesThemWithStrict() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    // The untouched summary of new-edition: a warning.
    let text = guidelineText(version: "3.0", supersedes: "2.0").replacingOccurrences(
      of: "<issuer>総務省</issuer>", with: "<issuer>総務省</issuer>\n  <summary><p>（改定の概要を記載する）</p></summary>")
    try text.write(toFile: workspace.guidelines + "/sample/3.0.xml", atomically: true, encoding: .utf8)
    let strict = try workspace.publish(["--strict"])
    #expect(strict.status == 1, "\(strict)")
    #expect(strict.stderr.contains("[placeholder-summary]"), "\(strict)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    let lenient = try workspace.publish()
    #expect(lenient.status == 0, "\(lenient)")
    #expect(lenient.stderr.contains("warning:") && lenient.stderr.contains("[placeholder-summary]"), "\(lenient)")
    #expect(FileManager.default.fileExists(atPath: workspace.site + "/sample/3.0.html"))
  }

  @Test func aVersionThatCouldNameAnotherPageAndDuplicateEditionsAreRefused() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    // 2.0-table.html would be this edition's page and 2.0's 新旧対照表 at once.
    let hostile = try workspace.folder.write(
      "guidelines/sample/2.0-table.xml", guidelineText(version: "2.0-table", supersedes: "1.0"))
    let collision = try workspace.publish()
    #expect(collision.status == 1, "\(collision)")
    #expect(collision.stderr.contains("2.0-table.xml:"), "\(collision)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    try FileManager.default.removeItem(atPath: hostile)
    // Two files with one id and version: refused, naming both.
    try workspace.folder.write("guidelines/sample/copy.xml", guidelineText(version: "2.0", supersedes: "1.0"))
    let duplicate = try workspace.publish()
    #expect(duplicate.status == 1, "\(duplicate)")
    let line = duplicate.stderr.split(separator: "\n").first { $0.contains("[duplicate-version]") } ?? ""
    #expect(line.contains("copy.xml") && line.contains("2.0.xml"), "\(duplicate)")
    #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
  }

  @Test func inputDeletedMidRunGivesExitTwoOrACompleteSite() throws {
    let workspace = try PublishWorkspace()
    let manifest = try workspace.buildPreviousSite()
    try workspace.writeLargeEditions()

    let process = try workspace.startPublish()
    let staged = workspace.waitForStaging(of: process)
    // The newest edition's pages are among the last jobs: delete it while the site is built.
    try? FileManager.default.removeItem(atPath: workspace.guidelines + "/big/8.0.xml")
    process.waitUntilExit()
    try #require(staged, "the publish ran long enough: \(workspace.childStderr)")

    #expect(process.terminationReason == .exit)
    if process.terminationStatus == 0 {
      // Every file was read before the deletion: the new site is whole.
      #expect(FileManager.default.fileExists(atPath: workspace.site + "/big/8.0.html"))
    } else {
      #expect(process.terminationStatus == 2, "\(workspace.childStderr)")
      #expect(workspace.childStderr.contains("8.0.xml"), "names the file: \(workspace.childStderr)")
      #expect(FileManager.default.contents(atPath: workspace.manifest) == manifest)
    }
    #expect(workspace.leftovers().isEmpty, "\(workspace.leftovers())")
  }
}

import Foundation
import GuideKit
import GuideKitTestServers
import GuideKitTestSupport
import Testing

/// `guidekit sources` end to end: the built binary against a stand-in e-Gov API on 127.0.0.1.
@Suite(.enabled(if: CLI.sharedDataIsAvailable, "../shared/data is absent (a fresh clone): sources tests skipped"))
struct SourcesCommandTests {
  static let today = "2026-06-01"
  /// No proxy from the machine's environment reaches the loopback servers.
  static let environment = ["HTTP_PROXY": "", "HTTPS_PROXY": "", "http_proxy": "", "https_proxy": "", "CI": "1"]

  static func api() throws -> StandInEGovAPI {
    let folder = CLI.sharedData.appendingPathComponent("egov/laws").path
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }
    return try StandInEGovAPI(lawFiles: files.map { folder + "/" + $0 }, today: today)
  }

  /// A folder with one edition citing 労働安全衛生法 and サイバーセキュリティ基本法, and an empty store.
  static func workspace() throws -> TempFolder {
    let folder = try TempFolder(prefix: "guidekit-sources")
    try folder.write("guidelines/g/1.0.xml", SampleEditions.twoLaws)
    _ = try folder.makeFolder("references")
    return folder
  }

  @Test func fetchThenImpactThenANoChangeFetch() throws {
    let api = try Self.api()
    defer { api.stop() }
    let folder = try Self.workspace()

    let fetch = try CLI.run(
      ["sources", "fetch", "--egov-api", api.base, "--format", "json"], in: folder.url, environment: Self.environment)
    #expect(fetch.status == 0, "\(fetch.stderr)")
    let report = try JSONSerialization.jsonObject(with: Data(fetch.stdout.utf8)) as? [String: Any]
    #expect((report?["fetched"] as? [Any])?.count == 4)
    #expect(fetch.stderr.contains("4 fetched, 0 held, 0 failed"))

    // impact reads the store with no flags.
    let impact = try CLI.run(["impact", "--as-of", Self.today, "--format", "json"], in: folder.url)
    let json = try JSONSerialization.jsonObject(with: Data(impact.stdout.utf8)) as? [String: Any]
    let findings = json?["findings"] as? [[String: Any]] ?? []
    let upcoming = findings.first { $0["source"] as? String == "426AC1000000104" }
    #expect(upcoming?["status"] as? String == "upcoming", "\(impact.stdout)")
    #expect(upcoming?["latestProvision"] as? String == "Art17")
    #expect(json?["unverifiable"] as? Int == 0)

    let again = try CLI.run(
      ["sources", "fetch", "--egov-api", api.base], in: folder.url, environment: Self.environment)
    #expect(again.status == 0)
    #expect(again.stderr.contains("0 fetched, 4 held"), "\(again.stderr)")
    #expect(api.server.requests(pathPrefix: "/api/2/law_file/").count == 4, "the second fetch downloads no law file")
    #expect(api.server.requests.allSatisfy { $0.header("User-Agent")?.hasPrefix("guidekit/") == true })

    let verify = try CLI.run(["sources", "verify"], in: folder.url)
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    let status = try CLI.run(
      ["sources", "status", "--egov-api", api.base], in: folder.url, environment: Self.environment)
    #expect(status.status == 0, "nothing newer upstream: \(status.stdout)\(status.stderr)")
  }

  @Test func statusExitsOneWhenUpstreamHasNewerRevisions() throws {
    let api = try Self.api()
    defer { api.stop() }
    let folder = try Self.workspace()
    // Hold only what the pins name: take the newer revisions out of the lock and the store.
    #expect(try Self.fetch(api, in: folder).status == 0)
    let lockPath = folder.path("references/sources.lock")
    var lock =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: lockPath))) as? [String: Any] ?? [:]
    var sources = lock["sources"] as? [String: Any] ?? [:]
    var law = sources["426AC1000000104"] as? [String: Any] ?? [:]
    var revisions = law["revisions"] as? [String: Any] ?? [:]
    revisions["20261001_507AC0000000043"] = nil
    law["revisions"] = revisions
    sources["426AC1000000104"] = law
    lock["sources"] = sources
    try JSONSerialization.data(withJSONObject: lock).write(to: URL(fileURLWithPath: lockPath))

    let status = try CLI.run(
      ["sources", "status", "--egov-api", api.base, "--format", "json"], in: folder.url, environment: Self.environment)
    #expect(status.status == 1, "\(status.stderr)")
    #expect(status.stdout.contains("20261001_507AC0000000043"))
    let offline = try CLI.run(["sources", "status", "--offline"], in: folder.url)
    #expect(offline.status == 0)
    #expect(offline.stdout.contains("426AC1000000104"))
  }

  @Test func offlineFetchWithAnEmptyStoreNamesWhatIsMissing() throws {
    let folder = try Self.workspace()
    let result = try CLI.run(["sources", "fetch", "--offline"], in: folder.url)
    #expect(result.status == 2)
    #expect(result.stderr.contains("source 347AC0000000057 lacks"), "\(result.stderr)")
    #expect(result.stderr.contains("--offline fetches nothing"))
  }

  @Test func aFetchKilledMidwayLeavesAStoreThatVerifiesAndAFetchCompletes() throws {
    let api = try Self.api()
    defer { api.stop() }
    let folder = try Self.workspace()
    // The last file stalls: the process is killed while it waits for it.
    api.inject("/api/2/law_file/xml/426AC1000000104_20261001_507AC0000000043", [.stall])
    let process = try Self.start(["sources", "fetch", "--egov-api", api.base, "--timeout", "600"], in: folder)
    let lockPath = folder.path("references/sources.lock")
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      if let lock = try? SourceLock.read(store: folder.path("references")),
        lock.sources.values.reduce(0, { $0 + $1.revisions.count }) == 3
      {
        break
      }
      usleep(20_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(FileManager.default.fileExists(atPath: lockPath))

    let verify = try CLI.run(["sources", "verify"], in: folder.url)
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    #expect(verify.stderr.contains("3 files in the lock"))
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: folder.path("references")).filter {
      $0.hasSuffix(".tmp")
    }
    #expect(leftovers.isEmpty)

    let resumed = try CLI.run(
      ["sources", "fetch", "--egov-api", api.base], in: folder.url, environment: Self.environment)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("1 fetched, 3 held"), "\(resumed.stderr)")
    #expect(try CLI.run(["sources", "verify"], in: folder.url).status == 0)
  }

  @Test(.enabled(if: Mounts.available, "needs root and mount"))
  func aFullDiskExitsTwoKeepsAVerifiableStoreAndANextFetchCompletes() throws {
    let api = try Self.api()
    defer { api.stop() }
    let folder = try Self.workspace()
    // 1 MB holds the two small サイバーセキュリティ基本法 files, not both 800 KB 労働安全衛生法 ones.
    let store = folder.path("references")
    try #require(Mounts.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", store]))
    defer { Mounts.run(["umount", store]) }

    let full = try Self.fetch(api, in: folder)
    #expect(full.status == 2, "\(full)")
    #expect(full.stderr.contains("enough space") || full.stderr.contains("No space left"), "\(full.stderr)")
    let verify = try CLI.run(["sources", "verify"], in: folder.url)
    #expect(verify.status == 0, "what was stored verifies: \(verify)")
    let leftovers = try FileManager.default.subpathsOfDirectory(atPath: store).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty, "no temporary file is left on the full disk")

    try #require(Mounts.run(["mount", "-o", "remount,size=8m", store]))
    let resumed = try CLI.run(
      ["sources", "fetch", "--egov-api", api.base], in: folder.url, environment: Self.environment)
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try CLI.run(["sources", "verify"], in: folder.url).stderr.contains("4 files in the lock, 0 not matching"))
  }

  @Test func twoFetchesIntoOneStoreTakeTurns() throws {
    let api = try Self.api()
    defer { api.stop() }
    let folder = try Self.workspace()
    // The first fetch stalls on one file for its timeout, holding the store's lock meanwhile.
    api.inject("/api/2/law_file/xml/347AC0000000057_20260401_507AC0000000033", [.stall])
    let arguments = ["sources", "fetch", "--egov-api", api.base, "--timeout", "2", "--attempts", "2"]
    let first = try Self.start(arguments, in: folder)
    let lockFile = folder.path("references/.guidekit-lock")
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline, (try? String(contentsOfFile: lockFile, encoding: .utf8))?.isEmpty ?? true {
      usleep(20_000)
    }
    let second = try CLI.run(arguments, in: folder.url, environment: Self.environment)
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(
      second.stderr.contains("waiting for another fetch into references (pid \(first.processIdentifier))"),
      "\(second.stderr)")
    // The second found everything the first fetched in the lock: nothing was lost or fetched twice.
    #expect(second.stderr.contains("0 fetched, 4 held"), "\(second.stderr)")
    #expect(api.server.requests(pathPrefix: "/api/2/law_file/").count == 5, "4 files, one of them asked twice")
    #expect(try CLI.run(["sources", "verify"], in: folder.url).stderr.contains("4 files in the lock, 0 not matching"))
  }

  /// Runs `guidekit sources fetch` in `folder` against `api`.
  static func fetch(_ api: StandInEGovAPI, in folder: TempFolder) throws -> CLIResult {
    try CLI.run(["sources", "fetch", "--egov-api", api.base], in: folder.url, environment: environment)
  }

  /// Starts `guidekit arguments…` in `folder` without waiting for it.
  static func start(_ arguments: [String], in folder: TempFolder) throws -> Process {
    let binary: URL = try #require(CLI.binary, CLI.binaryMessage)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder.url
    process.environment = ProcessInfo.processInfo.environment.merging(Self.environment) { _, new in new }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  @Test func verifyNamesACorruptedFile() throws {
    let api = try Self.api()
    defer { api.stop() }
    let folder = try Self.workspace()
    #expect(try Self.fetch(api, in: folder).status == 0)
    let file = folder.path("references/347AC0000000057/347AC0000000057_20260401_507AC0000000033.xml")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
    bytes[bytes.count / 2] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: file))

    let verify = try CLI.run(["sources", "verify"], in: folder.url)
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("347AC0000000057_20260401_507AC0000000033.xml: error:"), "\(verify.stdout)")
    #expect(verify.stdout.contains("SHA-256"))
  }

  @Test func aFailedFetchExitsTwoNamingHostURLAndTheAPIsReason() throws {
    let api = try Self.api()
    defer { api.stop() }
    let folder = try Self.workspace()
    api.inject(
      "/api/2/law_revisions/347AC0000000057",
      [.json(400, "{\"code\":\"400001\",\"message\":\"法令IDが不正です。\"}")])
    let result = try CLI.run(
      ["sources", "fetch", "--egov-api", api.base], in: folder.url, environment: Self.environment)
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "error: 127.0.0.1: \(api.base)/law_revisions/347AC0000000057?response_format=json: HTTP 400: error_info 400001 法令IDが不正です。"
      ), "\(result.stderr)")
    // What could be fetched was, and verifies.
    #expect(try CLI.run(["sources", "verify"], in: folder.url).status == 0)
  }

  @Test func aMalformedSourcesFileStopsImpactAndPublish() throws {
    let folder = try Self.workspace()
    try folder.write(
      "references/sources.json", "{\"sources\": [{\"id\": \"../x\", \"kind\": \"oscal\", \"revisions\": []}]}")
    let impact = try CLI.run(["impact"], in: folder.url)
    #expect(impact.status == 2, "\(impact)")
    #expect(
      impact.stderr.contains("references/sources.json: error: source id \"../x\" is not a plain name"),
      "\(impact.stderr)")
    let publish = try CLI.run(["publish", "--out", "site"], in: folder.url)
    #expect(publish.status == 2, "\(publish)")
    #expect(publish.stderr.contains("references/sources.json"))
    #expect(!folder.exists("site/index.html"))
  }

  @Test func unfetchedSourcesAreUnverifiableNotBroken() throws {
    let folder = try Self.workspace()
    let impact = try CLI.run(["impact", "--format", "json"], in: folder.url)
    #expect(impact.status == 0, "unverifiable alone does not fail: \(impact.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(impact.stdout.utf8)) as? [String: Any]
    #expect(json?["broken"] as? Int == 0)
    #expect(json?["unverifiable"] as? Int == 2)
    let messages = (json?["findings"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
    #expect(messages.contains("source 347AC0000000057 not fetched: run `guidekit sources fetch`"))

    let strict = try CLI.run(["impact", "--strict"], in: folder.url)
    #expect(strict.status == 1)
    let html = try CLI.run(["impact", "--format", "html"], in: folder.url)
    #expect(html.stdout.contains("未取得"))
    #expect(html.stdout.contains("取得されていない引用元（guidekit sources fetch で取得する）"))
    // Counted as 未取得, not as 確認不能 (a pin the store does not hold).
    let markdown = try CLI.run(["impact", "--format", "markdown"], in: folder.url)
    #expect(markdown.stdout.contains("| 未取得 | 2 |"), "\(markdown.stdout)")
    #expect(!markdown.stdout.contains("| 確認不能 |"))
  }
}

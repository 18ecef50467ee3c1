import Foundation
import GuideKit
import GuideKitFetch
import GuideKitTestServers
import Testing

/// `guidekit sources fetch` against a stand-in e-Gov API v2 on 127.0.0.1.
@Suite(.enabled(if: FetchFixture.isAvailable, FetchFixture.absentMessage))
struct SourceFetchTests {
  @Test func fetchesEveryRevisionFromTheEarliestPinAndLocksThem() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)

    let report = try await FetchFixture.fetch(cited, store: store, api: api)
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(
      report.downloads.map { "\($0.source)_\($0.revision)" } == [
        "347AC0000000057_20260101_507AC0000000033", "347AC0000000057_20260401_507AC0000000033",
        "426AC1000000104_20250701_507AC0000000043", "426AC1000000104_20261001_507AC0000000043",
      ])
    let lock = try SourceLock.read(store: store)
    let entry = try #require(lock.entry(source: "426AC1000000104", revision: "20261001_507AC0000000043"))
    #expect(entry.status == "UnEnforced")
    #expect(entry.inForce == "2026-10-01")
    #expect(entry.path == "426AC1000000104/426AC1000000104_20261001_507AC0000000043.xml")
    #expect(entry.url == api.base + "/law_file/xml/426AC1000000104_20261001_507AC0000000043")
    // The hash is the file's, computed independently of the code under test.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: store + "/" + entry.path))
    let original = try Data(
      contentsOf: URL(fileURLWithPath: FetchFixture.lawsFolder + "/426AC1000000104_20261001_507AC0000000043.xml"))
    #expect(bytes == original)
    #expect(entry.size == original.count)
    #expect(SourceStore(folder: store).verify(lock).isEmpty)
    // The lock is sorted JSON without timestamps.
    let text = try String(contentsOfFile: store + "/sources.lock", encoding: .utf8)
    #expect(!text.contains("updated") && !text.contains("T0"))
    #expect(
      text.range(of: "347AC0000000057")?.lowerBound ?? text.endIndex < text.range(of: "426AC1000000104")?.lowerBound
        ?? text.startIndex)
  }

  @Test func aSecondFetchDownloadsNothingTheLockHolds() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)
    _ = try await FetchFixture.fetch(cited, store: store, api: api)
    let before = api.server.requests.count

    let again = try await FetchFixture.fetch(cited, store: store, api: api)
    let after = api.server.requests.dropFirst(before)
    #expect(again.downloads.isEmpty)
    #expect(again.held == 4)
    #expect(after.allSatisfy { $0.path.hasPrefix("/api/2/law_revisions/") }, "\(after.map(\.uri))")
    #expect(after.count == 2, "one listing per law")
  }

  @Test func refreshAsksWithIfNoneMatchAndKeepsUnchangedFiles() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)
    _ = try await FetchFixture.fetch(cited, store: store, api: api)
    let before = api.server.requests.count

    let refreshed = try await FetchFixture.fetch(cited, store: store, api: api, refresh: true)
    let files = api.server.requests.dropFirst(before).filter { $0.path.hasPrefix("/api/2/law_file/") }
    #expect(refreshed.downloads.isEmpty)
    #expect(files.count == 4)
    #expect(files.allSatisfy { $0.header("If-None-Match") != nil })
  }

  @Test func retriesTooManyRequestsAndUnavailableHonouringRetryAfter() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)
    let file = "/api/2/law_file/xml/347AC0000000057_20260401_507AC0000000033"
    api.inject(file, [.json(429, "{\"code\":\"429001\",\"message\":\"多すぎます\"}", headers: [("Retry-After", "1")])])
    api.inject(
      "/api/2/law_revisions/426AC1000000104",
      [.json(503, "{\"code\":\"503001\",\"message\":\"メンテナンス中\"}", headers: [("Retry-After", "0")])])
    let clock = ContinuousClock()
    let start = clock.now

    let report = try await FetchFixture.fetch(cited, store: store, api: api)
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.downloads.count == 4)
    #expect(api.server.requests(pathPrefix: file).count == 2)
    #expect(api.server.requests(pathPrefix: "/api/2/law_revisions/426AC1000000104").count == 2)
    // Retry-After: 1 was waited for (the back-off alone is 20 ms).
    #expect(clock.now - start >= .milliseconds(900))
  }

  @Test func aTruncatedBodyIsRetriedAndNeverStored() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)
    let file = "/api/2/law_file/xml/347AC0000000057_20260101_507AC0000000033"
    let truncated = TestAction.truncate(
      status: 200, headers: [("Content-Type", "application/xml")], body: Data("<?xml version=\"1.0\"?><Law".utf8),
      declaredLength: 50_000)
    api.inject(file, [truncated, truncated, truncated])

    let report = try await FetchFixture.fetch(
      cited, store: store, api: api, settings: FetchFixture.settings(attempts: 3))
    let failure = try #require(report.failures.first)
    #expect(report.failures.count == 1)
    #expect(failure.url.hasSuffix("347AC0000000057_20260101_507AC0000000033"))
    #expect(failure.host == "127.0.0.1")
    #expect(failure.reason.contains("after 3 attempts"))
    #expect(
      !FileManager.default.fileExists(atPath: store + "/347AC0000000057/347AC0000000057_20260101_507AC0000000033.xml"))
    let lock = try SourceLock.read(store: store)
    #expect(lock.entry(source: "347AC0000000057", revision: "20260101_507AC0000000033") == nil)
    // What did arrive whole is kept and verified.
    #expect(lock.entry(source: "347AC0000000057", revision: "20260401_507AC0000000033") != nil)
    #expect(SourceStore(folder: store).verify(lock).isEmpty)
    #expect(report.exitStatus == 2)
  }

  @Test func aBodyOfAnotherLawIsRefused() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)
    let other = try Data(
      contentsOf: URL(fileURLWithPath: FetchFixture.lawsFolder + "/322AC0000000049_20250601_504AC0000000068.xml"))
    api.substitute("/api/2/law_file/xml/426AC1000000104_20250701_507AC0000000043", with: other)

    let report = try await FetchFixture.fetch(cited, store: store, api: api)
    let failure = try #require(report.failures.first)
    #expect(failure.reason.contains("322AC0000000049"), "\(failure.reason)")
    #expect(failure.reason.contains("not 426AC1000000104"))
    #expect(
      !FileManager.default.fileExists(atPath: store + "/426AC1000000104/426AC1000000104_20250701_507AC0000000043.xml"))
  }

  @Test func invalidXMLIsRefused() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)
    api.substitute(
      "/api/2/law_file/xml/347AC0000000057_20260401_507AC0000000033",
      with: Data("<Law Era=\"Showa\" Year=\"47\" Num=\"057\" LawType=\"Act\"><LawBody>".utf8))

    let report = try await FetchFixture.fetch(cited, store: store, api: api)
    let failure = try #require(report.failures.first)
    #expect(failure.reason.contains("not well-formed"), "\(failure.reason)")
    #expect(report.downloads.count == 3)
  }

  @Test func aStalledServerTimesOut() async throws {
    let fixture = try FetchCase()
    let (api, store, cited) = (fixture.api, fixture.store, fixture.cited)
    api.inject("/api/2/law_revisions/347AC0000000057", [.stall, .stall])

    let report = try await FetchFixture.fetch(
      cited, store: store, api: api, settings: FetchFixture.settings(attempts: 2, readTimeout: 1))
    let failure = try #require(report.failures.first)
    #expect(failure.reason.contains("no data for 1 s"), "\(failure.reason)")
    #expect(failure.url.contains("law_revisions/347AC0000000057"))
    #expect(report.downloads.count == 2, "the other law is fetched all the same")
  }

  @Test func aRefusedConnectionNamesHostAndURL() async throws {
    let api = try FetchFixture.api()
    let base = api.base
    api.stop()  // nothing listens on that port any more
    let store = try FetchFixture.temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: store) }
    let cited = try FetchFixture.smallCitations(in: store)
    let fetcher = HTTPFetcher(settings: FetchFixture.settings(attempts: 2))
    let report = try await SourceFetcher(
      options: FetchOptions(store: store, api: EGovAPI(base: base), today: FetchFixture.today), fetcher: fetcher
    ).fetch(cited)
    await fetcher.shutdown()
    #expect(report.failures.count == 2)
    #expect(report.failures.allSatisfy { $0.description.hasPrefix("127.0.0.1: \(base)/law_revisions/") })
    #expect(report.failures.allSatisfy { $0.reason.contains("refused") }, "\(report.failures)")
  }

  @Test func aNotFoundCarriesTheAPIErrorInfo() async throws {
    let api = try FetchFixture.api()
    defer { api.stop() }
    let store = try FetchFixture.temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: store) }
    let file = store + "/g.xml"
    try """
    <guideline xmlns="urn:guidekit:guideline:1" id="g" version="1.0"><title>t</title><issuer>i</issuer>
    <chapter id="c" num="1"><title>c</title><clause id="a" num="1"><p>
    <ref source="999AC0000000999" provision="Art1" pin="2025-01-01">x</ref></p></clause></chapter></guideline>
    """.write(toFile: file, atomically: true, encoding: .utf8)
    let cited = CitedSources(trees: try GuidelineSet.load(paths: [file]))

    let report = try await FetchFixture.fetch(cited, store: store, api: api)
    let failure = try #require(report.failures.first)
    #expect(failure.status == 404)
    #expect(failure.reason.contains("error_info 404001"), "\(failure.reason)")
    #expect(api.server.requests(pathPrefix: "/api/2/law_revisions/999AC0000000999").count == 1, "a 404 is not retried")
  }

  @Test func everyRequestGoesThroughTheProxy() async throws {
    let api = try FetchFixture.api()
    defer { api.stop() }
    let proxy = try TestConnectProxy()
    defer { proxy.stop() }
    let store = try FetchFixture.temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: store) }
    let cited = try FetchFixture.smallCitations(in: store)
    var settings = try NetworkSettings.fromEnvironment(["HTTP_PROXY": "http://127.0.0.1:\(proxy.port)"])
    settings.attempts = 2
    settings.backoffMilliseconds = 20

    let report = try await FetchFixture.fetch(cited, store: store, api: api, settings: settings)
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.downloads.count == 4)
    #expect(!proxy.tunnels.isEmpty)
    #expect(proxy.tunnels.allSatisfy { $0 == "127.0.0.1:\(api.server.port)" })

    // NO_PROXY lets the same host bypass it.
    let bypass = try NetworkSettings.fromEnvironment([
      "HTTP_PROXY": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "localhost,127.0.0.1",
    ])
    #expect(bypass.proxy(scheme: "http", host: "127.0.0.1") == nil)
  }

  @Test func declaredCatalogsAreFetchedFromTheirURLs() async throws {
    let api = try FetchFixture.api()
    defer { api.stop() }
    let store = try FetchFixture.temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: store) }
    try """
    {"sources": [{"id": "nist-sp800-53", "kind": "oscal", "title": "NIST SP 800-53", "revisions": [
      {"revision": "rev4", "url": "\(api.staticURL("rev4.xml"))"},
      {"revision": "rev5.0.1", "url": "\(api.staticURL("rev5.0.1.xml"))"}]}]}
    """.write(toFile: store + "/sources.json", atomically: true, encoding: .utf8)
    let cited = try FetchFixture.bundledCitations()
    let report = try await FetchFixture.fetch(
      CitedSources(laws: [], others: cited.others), store: store, api: api)
    #expect(report.failures.isEmpty, "\(report.failures)")
    #expect(report.downloads.map(\.revision) == ["rev4", "rev5.0.1"])
    #expect(FileManager.default.fileExists(atPath: store + "/nist-sp800-53/rev5.0.1.xml"))
    // ict-measures is cited but neither declared nor in this store.
    #expect(report.warnings.contains { $0.contains("ict-measures") })
  }

  @Test func impactAfterAFetchFindsWhatTheLawRevisionsChange() async throws {
    let api = try FetchFixture.api()
    defer { api.stop() }
    let store = try FetchFixture.temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: store) }
    let cited = try FetchFixture.bundledCitations()
    let report = try await FetchFixture.fetch(CitedSources(laws: cited.laws, others: []), store: store, api: api)
    #expect(report.failures.isEmpty, "\(report.failures)")

    let trees = try GuidelineSet.load(paths: [FetchFixture.packageRoot.appendingPathComponent("guidelines").path])
    func impact(_ folders: [String], asOf: String = FetchFixture.today) -> ImpactReport {
      ImpactChecker(
        registry: ReferenceRegistry(folders: folders), options: ImpactOptions(asOf: asOf),
        guidelines: trees
      ).check(trees)
    }
    let fetched = impact([store])
    let direct = impact([FetchFixture.lawsFolder])
    let lawFindings = { (r: ImpactReport) in
      r.all.filter { LawID.looksLikeLawID($0.source) }.map {
        "\($0.file):\($0.line) \($0.status) \($0.latestProvision ?? "")"
      }
    }
    #expect(lawFindings(fetched) == lawFindings(direct))
    let statuses = Set(fetched.all.filter { LawID.looksLikeLawID($0.source) }.map(\.status))
    #expect(statuses.contains(.modified))
    #expect(statuses.contains(.upcoming))
    // サイバーセキュリティ基本法 of 2026-10-01 (未施行 on the stand-in's today) moves articles up by one.
    let upcoming = fetched.all.filter { $0.status == .upcoming && $0.source == "426AC1000000104" }
    #expect(upcoming.contains { $0.upcomingDate == "2026-10-01" && $0.latestProvision != nil })
    let later = impact([store], asOf: "2026-10-01")
    #expect(lawFindings(later) == lawFindings(impact([FetchFixture.lawsFolder], asOf: "2026-10-01")))
    #expect(later.all.contains { $0.status == .renumbered && $0.source == "426AC1000000104" })
  }
}

extension CitedSources {
  init(laws: [Source], others: [Source]) {
    self = CitedSources(trees: [])
    self.laws = laws
    self.others = others
  }
}

/// HTTPS: the system's CA store, plus the certificates of `SSL_CERT_FILE` (a ministry's
/// TLS-inspecting proxy, or here a self-signed test certificate).
@Suite(.enabled(if: FetchFixture.isAvailable && TestCertificate.canMake, "needs ../shared/data and openssl"))
struct SourceFetchTLSTests {
  @Test func httpsIsTrustedThroughSSLCertFileAndRefusedWithoutIt() async throws {
    let certificate = try TestCertificate()
    let api = try StandInEGovAPI(
      lawFiles: FetchFixture.lawFiles, today: FetchFixture.today,
      tls: (certificate.certificatePath, certificate.keyPath))
    defer { api.stop() }
    #expect(api.base.hasPrefix("https://127.0.0.1:"))
    let store = try FetchFixture.temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: store) }
    let cited = try FetchFixture.smallCitations(in: store)

    // Not in the system's store: refused, and nothing is stored.
    let refused = try await FetchFixture.fetch(
      cited, store: store, api: api, settings: FetchFixture.settings(attempts: 1))
    #expect(refused.failures.count == 2)
    #expect(refused.failures.allSatisfy { $0.reason.contains("TLS") }, "\(refused.failures)")
    #expect(refused.downloads.isEmpty)

    var trusted = try NetworkSettings.fromEnvironment(["SSL_CERT_FILE": certificate.certificatePath])
    trusted.attempts = 1
    let fetched = try await FetchFixture.fetch(cited, store: store, api: api, settings: trusted)
    #expect(fetched.failures.isEmpty, "\(fetched.failures)")
    #expect(fetched.downloads.count == 4)
  }
}

/// A self-signed certificate for 127.0.0.1, made by openssl in a temporary folder.
final class TestCertificate {
  static let canMake = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
  let folder: String
  var certificatePath: String { folder + "/cert.pem" }
  var keyPath: String { folder + "/key.pem" }

  init() throws {
    folder = try FetchFixture.temporaryStore()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certificatePath, "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "openssl made no certificate")
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }
}

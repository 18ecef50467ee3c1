import Foundation
import GuideKit
import GuideKitFetch
import GuideKitTestSupport
import Testing

struct RevisionPlanTests {
  /// Newest first, as the API lists them.
  let listed = [
    EGovRevision(
      lawRevisionID: "347AC0000000057_20270401_508AC0000000001", enforcementDate: "2027-04-01", status: "UnEnforced"),
    EGovRevision(
      lawRevisionID: "347AC0000000057_20260401_507AC0000000033", enforcementDate: "2026-04-01",
      status: "CurrentEnforced"),
    EGovRevision(
      lawRevisionID: "347AC0000000057_20260101_507AC0000000033", enforcementDate: "2026-01-01",
      status: "PreviousEnforced"),
    EGovRevision(
      lawRevisionID: "347AC0000000057_20250601_504AC0000000068", enforcementDate: nil, status: "PreviousEnforced"),
  ]

  func ids(_ plan: RevisionPlan) -> [String] { plan.revisions.map(\.revisionID) }

  @Test func fromTheEarliestPinnedRevisionToTheNewestUnenforcedIncluded() {
    let plan = RevisionPlan(
      revisions: listed, pins: ["20260101_507AC0000000033", "20260401_507AC0000000033"], today: "2026-06-01")
    #expect(ids(plan) == ["20270401_508AC0000000001", "20260401_507AC0000000033", "20260101_507AC0000000033"])
    #expect(plan.unmatchedPins.isEmpty)
  }

  @Test func aDatePinMeansTheRevisionInForceThatDay() {
    // 2025-12-31: the 2025-06-01 revision (its date taken from its id) is in force.
    let plan = RevisionPlan(revisions: listed, pins: ["2025-12-31"], today: "2026-06-01")
    #expect(ids(plan).last == "20250601_504AC0000000068")
    #expect(RevisionPlan(revisions: listed, pins: ["2026-01-01"], today: "2026-06-01").revisions.count == 3)
  }

  @Test func withoutPinsTheRevisionInForceTodayIsTheEarliest() {
    let plan = RevisionPlan(revisions: listed, pins: [], today: "2026-06-01")
    #expect(ids(plan) == ["20270401_508AC0000000001", "20260401_507AC0000000033"])
  }

  @Test func aPinNamingNoRevisionIsReportedAndEverythingIsFetched() {
    let plan = RevisionPlan(revisions: listed, pins: ["20200101_000000000000000"], today: "2026-06-01")
    #expect(plan.unmatchedPins == ["20200101_000000000000000"])
    #expect(plan.revisions.count == 4)
  }

  @Test func revisionsDecodeFromTheAPIsJSON() throws {
    let json = """
      {"law_info":{"law_type":"Act","law_id":"503AC0000000036","law_num":"令和三年法律第三十六号"},
       "revisions":[{"law_revision_id":"503AC0000000036_20240607_506AC0000000046","law_title":"デジタル庁設置法",
       "abbrev":null,"amendment_enforcement_date":"2024-06-07","current_revision_status":"CurrentEnforced"}]}
      """
    let law = try JSONDecoder().decode(EGovLaw.self, from: Data(json.utf8))
    #expect(law.lawID == "503AC0000000036")
    #expect(law.title == "デジタル庁設置法")
    #expect(law.revisions.first?.revisionID == "20240607_506AC0000000046")
    #expect(law.revisions.first?.inForce == "2024-06-07")
  }
}

struct NetworkSettingsTests {
  @Test func proxiesComeFromTheEnvironmentPerScheme() throws {
    let settings = try NetworkSettings.fromEnvironment([
      "HTTPS_PROXY": "http://user:p%40ss@proxy.example.go.jp:8080/", "http_proxy": "10.0.0.1:3128",
      "NO_PROXY": "localhost, .internal.example.go.jp,192.168.1.5:8443",
    ])
    #expect(
      settings.httpsProxy == ProxyAddress(host: "proxy.example.go.jp", port: 8080, user: "user", password: "p@ss"))
    #expect(settings.httpProxy == ProxyAddress(host: "10.0.0.1", port: 3128))
    #expect(settings.proxy(scheme: "https", host: "laws.e-gov.go.jp")?.host == "proxy.example.go.jp")
    #expect(settings.proxy(scheme: "http", host: "laws.e-gov.go.jp")?.host == "10.0.0.1")
    #expect(settings.proxy(scheme: "https", host: "LOCALHOST") == nil)
    #expect(settings.proxy(scheme: "https", host: "a.internal.example.go.jp") == nil)
    #expect(settings.proxy(scheme: "https", host: "internal.example.go.jp") == nil)
    #expect(settings.proxy(scheme: "https", host: "notinternal.example.go.jp") != nil)
    #expect(settings.proxy(scheme: "https", host: "192.168.1.5") == nil)
  }

  @Test func aWildcardBypassesEveryProxy() throws {
    let settings = try NetworkSettings.fromEnvironment(["HTTPS_PROXY": "proxy:1", "NO_PROXY": "*"])
    #expect(settings.proxy(scheme: "https", host: "laws.e-gov.go.jp") == nil)
  }

  @Test func badProxiesAreRefusedWithTheVariableNamed() {
    #expect(throws: FetchError.self) { try NetworkSettings.fromEnvironment(["HTTPS_PROXY": "socks5://p:1"]) }
    do {
      _ = try NetworkSettings.fromEnvironment(["HTTP_PROXY": "proxy:99999"])
      Issue.record("a port beyond 65535 was accepted")
    } catch {
      #expect(error.reason.contains("HTTP_PROXY"))
    }
  }

  @Test func defaultsAreThoseOfTheContract() {
    let settings = NetworkSettings()
    #expect(settings.perHost == 4)
    #expect(settings.userAgent == "guidekit/\(GuideKitInfo.version)")
    #expect(settings.attempts > 1)
  }
}

struct SourceStoreTests {
  @Test func lawIdentityToleratesTheMembersBillDigitOnly() {
    #expect(LawID.sameLaw("426AC0000000104", "426AC1000000104"))
    #expect(LawID.sameLaw("322AC0000000049", "322AC0000000049"))
    #expect(!LawID.sameLaw("322AC0000000049", "322AC0000000050"))
    #expect(!LawID.sameLaw("426AC0000000104", "426CO0000000104"))
    #expect(!LawID.sameLaw("", "322AC0000000049"))
  }

  @Test func theLockIsSortedJSONAndRoundTrips() throws {
    let folder = try TempFolder.create(prefix: "guidekit-lock").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var lock = SourceLock()
    lock.sources["b"] = LockedSource(
      kind: .oscal, revisions: ["r2": LockedRevision(path: "b/r2.xml", url: "https://x/b", sha256: "00", size: 1)])
    lock.sources["a"] = LockedSource(
      kind: .egov,
      revisions: [
        "r1": LockedRevision(path: "a/r1.xml", url: "https://x/a", sha256: "11", size: 2, inForce: "2026-01-01")
      ])
    try lock.write(store: folder)
    let text = try String(contentsOfFile: folder + "/sources.lock", encoding: .utf8)
    #expect(text.hasSuffix("}\n"))
    #expect(text.contains("https://x/a"), "slashes are not escaped")
    let a = try #require(text.range(of: "\"a\""))
    let b = try #require(text.range(of: "\"b\""))
    #expect(a.lowerBound < b.lowerBound)
    #expect(try SourceLock.read(store: folder) == lock)
  }

  @Test func verifyNamesMissingChangedAndForeignFiles() throws {
    let folder = try TempFolder.create(prefix: "guidekit-verify").path
    try FileManager.default.createDirectory(atPath: folder + "/g", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let text = """
      <guideline xmlns="urn:guidekit:guideline:1" id="g" version="1"><title>t</title><issuer>i</issuer></guideline>
      """
    let data = Data(text.utf8)
    try data.write(to: URL(fileURLWithPath: folder + "/g/1.xml"))
    try data.write(to: URL(fileURLWithPath: folder + "/g/2.xml"))
    let entry = { (path: String) in
      LockedRevision(path: path, url: "https://x", sha256: SourceStore.sha256(data), size: data.count)
    }
    var lock = SourceLock()
    lock.sources["g"] = LockedSource(
      kind: .guideline, revisions: ["1": entry("g/1.xml"), "2": entry("g/2.xml"), "3": entry("g/3.xml")])
    lock.sources["h"] = LockedSource(kind: .guideline, revisions: ["1": entry("g/1.xml")])
    #expect(SourceStore(folder: folder).verify(lock).map { "\($0.source) \($0.revision)" } == ["g 3", "h 1"])

    // One byte changed, same size: the hash tells.
    var changed = data
    changed[changed.count - 3] = UInt8(ascii: "X")
    try changed.write(to: URL(fileURLWithPath: folder + "/g/2.xml"))
    let problems = SourceStore(folder: folder).verify(lock)
    #expect(problems.contains { $0.revision == "2" && $0.reason.contains("SHA-256") })
    #expect(problems.contains { $0.source == "h" && $0.reason.contains("not h") })
  }
}

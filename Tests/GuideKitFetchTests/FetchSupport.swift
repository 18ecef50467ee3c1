import Foundation
import GuideKit
import GuideKitFetch
import GuideKitTestServers
import GuideKitTestSupport
import Testing

/// The shared e-Gov and OSCAL data, the stand-in API serving it, and a fresh store.
enum FetchFixture {
  static let packageRoot = PackageRoot.url
  static let sharedData = PackageRoot.sharedData
  static let lawsFolder = sharedData.appendingPathComponent("egov/laws").path
  static let oscalFolder = sharedData.appendingPathComponent("oscal/catalogs/nist-sp800-53").path

  static var isAvailable: Bool { FileManager.default.fileExists(atPath: lawsFolder) }
  static let absentMessage: Comment = "../shared/data is absent (a fresh clone): test of fetching real laws skipped"

  /// The day the stand-in API treats as today: the 2026-10-01 revisions are 未施行 then.
  static let today = "2026-06-01"

  static var lawFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: lawsFolder)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
      .map { lawsFolder + "/" + $0 }
  }

  static func api() throws -> StandInEGovAPI {
    try StandInEGovAPI(
      lawFiles: lawFiles,
      staticFiles: ["rev4.xml": oscalFolder + "/rev4.xml", "rev5.0.1.xml": oscalFolder + "/rev5.0.1.xml"],
      today: today)
  }

  /// The bundled guidelines' citations.
  static func bundledCitations() throws -> CitedSources {
    CitedSources(trees: try GuidelineSet.load(paths: [packageRoot.appendingPathComponent("guidelines").path]))
  }

  /// Citations of ``SampleEditions/twoLaws``, written into `folder`.
  static func smallCitations(in folder: String) throws -> CitedSources {
    let file = folder + "/g.xml"
    try SampleEditions.twoLaws.write(toFile: file, atomically: true, encoding: .utf8)
    return CitedSources(trees: try GuidelineSet.load(paths: [file]))
  }

  /// Fast settings for tests: short timeouts and back-off, no environment proxies.
  static func settings(attempts: Int = 3, readTimeout: Int64 = 5) -> NetworkSettings {
    var settings = NetworkSettings()
    settings.attempts = attempts
    settings.backoffMilliseconds = 20
    settings.readTimeout = readTimeout
    settings.connectTimeout = 5
    settings.requestTimeout = 60
    return settings
  }

  static func fetch(
    _ cited: CitedSources, store: String, api: StandInEGovAPI, settings: NetworkSettings = settings(),
    refresh: Bool = false
  ) async throws -> FetchReport {
    let fetcher = HTTPFetcher(settings: settings)
    let sources = SourceFetcher(
      options: FetchOptions(store: store, api: EGovAPI(base: api.base), refresh: refresh, today: today),
      fetcher: fetcher)
    let report = try await sources.fetch(cited)
    await fetcher.shutdown()
    return report
  }

  static func temporaryStore() throws -> String {
    try TempFolder.create(prefix: "guidekit-store").path
  }
}

/// A stand-in API, an empty store and the sample edition's citations, torn down with the value.
final class FetchCase {
  let api: StandInEGovAPI
  let store: String
  let cited: CitedSources

  init() throws {
    api = try FetchFixture.api()
    store = try FetchFixture.temporaryStore()
    cited = try FetchFixture.smallCitations(in: store)
  }

  deinit {
    api.stop()
    try? FileManager.default.removeItem(atPath: store)
  }

  func fetch(settings: NetworkSettings = FetchFixture.settings(), refresh: Bool = false) async throws -> FetchReport {
    try await FetchFixture.fetch(cited, store: store, api: api, settings: settings, refresh: refresh)
  }

  func lock() throws -> SourceLock { try SourceLock.read(store: store) }
}

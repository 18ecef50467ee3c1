import ArgumentParser
import Dispatch
import FoundationEssentials
import GuideKit
import GuideKitCLI
import GuideKitFetch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `guidekit sources`: run by `guidekit` (which passes it the arguments after `sources`), a
/// program of its own so that only it links the network stack.
@main
struct SourcesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "guidekit sources",
    abstract: "Fetch the laws and controls that guidelines cite into a locked, verifiable store.",
    discussion: """
      The store is the reference folder that impact, validate and publish read (default \
      references/). e-Gov laws come from the e-Gov 法令API Version 2 by LawId: every revision \
      from the earliest one a <ref> pins up to the newest, 未施行 (UnEnforced) ones included, as \
      <LawId>/<LawId>_<YYYYMMDD>_<AmendingLawId>.xml. Other sources (OSCAL catalogs, clause sets) \
      are declared with the URL of each revision in sources.json in the store. What the store \
      holds is recorded in sources.lock (URL, SHA-256, size, in-force date and status of every \
      file; sorted JSON without timestamps, to commit beside the guidelines).

      Network: HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured; the system's CA store is \
      trusted, plus the certificates in SSL_CERT_FILE. At most 4 requests go to a host at once; \
      429, 5xx and dropped connections are retried with back-off, honouring Retry-After.

      Examples:
        guidekit sources fetch
        guidekit sources status            # exit 1 when upstream has newer revisions
        guidekit sources verify
        guidekit sources fetch --offline   # check the store, never touch the network
      """,
    subcommands: [Fetch.self, Status.self, Verify.self]
  )
}

/// What fetch and status share: the editions whose citations count, the store, how the
/// network is used, and the output format.
struct StoreOptions: ParsableArguments {
  @Argument(help: ArgumentHelp("Guideline files or folders (default: guidelines/).", valueName: "PATH"))
  var paths: [String] = []

  @Option(help: ArgumentHelp("The store: the reference folder impact and publish read.", valueName: "DIR"))
  var store = "references"

  @Option(
    name: .customLong("egov-api"),
    help: ArgumentHelp("Base URL of the e-Gov 法令API Version 2.", valueName: "URL"))
  var egovAPI = EGovAPI.defaultBase

  @Option(help: ArgumentHelp("Seconds without data before a request is given up.", valueName: "SECONDS"))
  var timeout: Int = 60

  @Option(help: ArgumentHelp("Attempts per request, the first included.", valueName: "N"))
  var attempts: Int = 5

  @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
  var format: SourcesFormat = .text

  func validate() throws {
    guard (1...3600).contains(timeout) else { throw ValidationError("--timeout takes 1 to 3600 seconds") }
    guard (1...20).contains(attempts) else { throw ValidationError("--attempts takes 1 to 20") }
    guard egovAPI.hasPrefix("https://") || egovAPI.hasPrefix("http://") else {
      throw ValidationError("--egov-api takes an http:// or https:// URL")
    }
  }

  /// The network settings of the environment with this command's timeout and attempts.
  func networkSettings() throws -> NetworkSettings {
    do {
      var settings = try NetworkSettings.fromEnvironment(ProcessInfo.processInfo.environment)
      settings.readTimeout = Int64(timeout)
      settings.connectTimeout = Int64(min(timeout, 15))
      settings.attempts = attempts
      return settings
    } catch {
      Console.error("error: \(error.description)")
      throw ExitCode(2)
    }
  }

  /// The guideline editions under `paths` (default guidelines/) and the sources they cite.
  func cited() throws -> CitedSources {
    do {
      return CitedSources(trees: try GuidelineSet.load(paths: paths.isEmpty ? ["guidelines"] : paths))
    } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
  }
}

enum SourcesFormat: String, CommandFormat { case text, json }

extension SourcesCommand {
  struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fetch",
      abstract: "Fetch every source cited in PATH into the store.",
      discussion: """
        Downloads only what the lock lacks; each file is parsed and its LawId (or catalog) checked \
        before it is renamed into the store, and the lock is rewritten after each one, so an \
        interrupted fetch leaves a store that verify accepts and a next fetch completes. A failure \
        exits 2 naming the host, the URL and the reason; what was already verified stays.

        Examples:
          guidekit sources fetch
          guidekit sources fetch guidelines/telework-labour --store references
          guidekit sources fetch --refresh     # re-ask upstream for held files (If-None-Match)
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Re-check held files upstream with conditional requests.")
    var refresh = false

    @Flag(help: "Never use the network: say what the store lacks (exit 2 when it lacks anything).")
    var offline = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
      if offline && refresh { throw ValidationError("--refresh asks upstream; it cannot go with --offline") }
    }

    func run() throws {
      let cited = try storeOptions.cited()
      let store = storeOptions.store
      if offline {
        try offlineCheck(cited, store: store)
        return
      }
      let settings = try storeOptions.networkSettings()
      let showProgress = !output.quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
      let options = FetchOptions(store: store, api: EGovAPI(base: storeOptions.egovAPI), refresh: refresh) { pid in
        Console.error("guidekit sources: waiting for another fetch into \(store)\(pid.map { " (pid \($0))" } ?? "")")
      }
      let report = try online(settings) { fetcher throws(GuideKitError) in
        let sources = SourceFetcher(options: options, fetcher: fetcher ?? HTTPFetcher(settings: settings)) { progress in
          guard showProgress else { return }
          Console.progress(
            "guidekit sources: \(progress.done) of \(progress.total) revisions, \(ByteCount.text(progress.bytes))")
        }
        return try await sources.fetch(cited)
      }
      if showProgress { Console.progress(nil) }
      for warning in report.warnings { Console.error("warning: \(warning)") }
      for failure in report.failures { Console.error("error: \(failure.description)") }
      switch storeOptions.format {
      case .json:
        try output.emit(FetchJSON(report).encoded())
      case .text:
        try output.emit(
          report.downloads.map { d in
            "\(d.path): fetched \(d.revision)\(d.status.map { " (\($0))" } ?? ""), \(d.size) bytes\n"
          }.joined())
      }
      output.summary(
        "guidekit sources fetch: \(report.downloads.count) fetched, \(report.held) held, \(report.failures.count) failed (\(report.requests) requests)"
      )
      if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }

    /// `--offline`: no request; exit 2 when a cited pin has no file in the store.
    private func offlineCheck(_ cited: CitedSources, store: String) throws {
      let report = try online(nil) { fetcher throws(GuideKitError) in
        try await SourceStatus.report(cited, store: store, api: EGovAPI(), fetcher: fetcher)
      }
      let lacking = report.sources.filter { !$0.unheldPins.isEmpty || $0.held.isEmpty }
      for entry in lacking {
        let what = entry.unheldPins.isEmpty ? "no revision" : "pins \(entry.unheldPins.joined(separator: ", "))"
        Console.error("error: \(store): source \(entry.source) lacks \(what), and --offline fetches nothing")
      }
      output.summary(
        "guidekit sources fetch --offline: \(report.sources.count - lacking.count) of \(report.sources.count) cited sources held"
      )
      if !lacking.isEmpty { throw ExitCode(2) }
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "List cited sources, the revisions held, and newer revisions upstream.",
      discussion: """
        Online (the default), each e-Gov law's revision list is asked for, and declared sources \
        are compared with the lock: exit 1 when upstream has revisions the lock lacks (the \
        nightly job's trigger), 2 when upstream cannot be asked. With --offline, only the store \
        is read (exit 0).

        Examples:
          guidekit sources status
          guidekit sources status --offline --format json
        """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Read only the store; never use the network.")
    var offline = false

    @OptionGroup var output: OutputOptions

    func run() throws {
      let cited = try storeOptions.cited()
      let settings = try storeOptions.networkSettings()
      let store = storeOptions.store
      let api = EGovAPI(base: storeOptions.egovAPI)
      let report = try online(offline ? nil : settings) { fetcher throws(GuideKitError) in
        try await SourceStatus.report(cited, store: store, api: api, fetcher: fetcher)
      }
      switch storeOptions.format {
      case .json:
        try output.emit(JSONText.encode(report))
      case .text:
        var lines: [String] = []
        for entry in report.sources {
          var line =
            "\(entry.source)\(entry.title.map { " " + $0 } ?? "") [\(entry.kind)]: \(entry.references) refs; held \(entry.held.isEmpty ? "none" : entry.held.joined(separator: ", "))"
          if !entry.unheldPins.isEmpty { line += "; pins not held: \(entry.unheldPins.joined(separator: ", "))" }
          if !entry.newer.isEmpty { line += "; newer upstream: \(entry.newer.joined(separator: ", "))" }
          if let error = entry.error { line += "; error: \(error)" }
          lines.append(line + "\n")
        }
        try output.emit(lines.joined())
      }
      output.summary(
        "guidekit sources status: \(report.sources.count) cited sources"
          + (report.online ? ", \(report.newerCount) newer revisions upstream" : " (offline)")
          + (report.errorCount > 0 ? ", \(report.errorCount) not reachable" : ""))
      if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "verify",
      abstract: "Check the store against its lock: size, SHA-256, parse, and identity of every file.",
      discussion: """
        Exit 1 when a file is missing, differs from the lock, does not parse or holds another \
        law or catalog than its source; each such file is named.

        Examples:
          guidekit sources verify
          guidekit sources verify --store /srv/guidekit/references
        """
    )

    @Option(help: ArgumentHelp("The store.", valueName: "DIR"))
    var store = "references"

    @OptionGroup var output: OutputOptions

    func run() throws {
      let lock: SourceLock
      do {
        lock = try SourceLock.read(store: store)
      } catch {
        Console.error(error.description)
        throw ExitCode(2)
      }
      let problems = SourceStore(folder: store).verify(lock)
      try output.emit(problems.map { "\($0.path): error: \($0.source) \($0.revision): \($0.reason)\n" }.joined())
      let files = lock.sources.values.reduce(0) { $0 + $1.revisions.count }
      output.summary("guidekit sources verify: \(files) files in the lock, \(problems.count) not matching")
      if !problems.isEmpty { throw ExitCode(1) }
    }
  }
}

/// The JSON of a fetch: what was written, held and refused.
private struct FetchJSON: Encodable {
  struct Download: Encodable {
    var source: String
    var revision: String
    var path: String
    var size: Int
    var status: String?
  }
  struct Failure: Encodable {
    var host: String
    var url: String
    var reason: String
    var status: Int?
  }
  var fetched: [Download]
  var held: Int
  var failed: [Failure]
  var warnings: [String]
  var requests: Int

  init(_ report: FetchReport) {
    fetched = report.downloads.map {
      Download(source: $0.source, revision: $0.revision, path: $0.path, size: $0.size, status: $0.status)
    }
    held = report.held
    failed = report.failures.map { Failure(host: $0.host, url: $0.url, reason: $0.reason, status: $0.status) }
    warnings = report.warnings
    requests = report.requests
  }

  func encoded() -> String { JSONText.encode(self) }
}

/// Sorted, indented JSON without escaped slashes, with a final newline.
enum JSONText {
  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

enum ByteCount {
  static func text(_ bytes: Int) -> String {
    bytes < 1024 * 1024
      ? "\(bytes / 1024) KB" : "\(bytes / (1024 * 1024)).\(bytes % (1024 * 1024) * 10 / (1024 * 1024)) MB"
  }
}

/// Runs a command's async work from its synchronous `run()` and waits for it: with an HTTP
/// fetcher made from `settings` (nil: offline, no fetcher), shut down when the work ends.
/// - Throws: `ExitCode(2)` after printing a `GuideKitError`.
func online<T: Sendable>(
  _ settings: NetworkSettings?, _ work: @escaping @Sendable (HTTPFetcher?) async throws(GuideKitError) -> T
) throws -> T {
  let slot = Mutex<Result<T, GuideKitError>?>(nil)
  let done = DispatchSemaphore(value: 0)
  Task.detached {
    let fetcher = settings.map { HTTPFetcher(settings: $0) }
    let result: Result<T, GuideKitError>
    do throws(GuideKitError) {
      result = .success(try await work(fetcher))
    } catch {
      result = .failure(error)
    }
    await fetcher?.shutdown()
    slot.withLock { $0 = result }
    done.signal()
  }
  done.wait()
  switch slot.withLock({ $0 }) {
  case .success(let value): return value
  case .failure(let error):
    Console.error(error.description)
    throw ExitCode(2)
  case nil: throw ExitCode(2)
  }
}

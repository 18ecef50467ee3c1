import FoundationEssentials
import GuideKit
import GuideKitXML
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `guidekit serve` previews and how.
public struct ServeOptions: Sendable {
  /// Guideline files or folders (searched for `*.xml`).
  public var paths: [String]
  /// Reference registry folders (citations checked, clause sets rendered); missing ones are skipped.
  public var references: [String]
  public var host: String
  /// 0: a free port.
  public var port: Int
  /// The day held against pins and planned dates.
  public var asOf: String
  public var stylesheets: Stylesheets
  public var parameters: [String: String]
  /// How often the folders are looked at for changes.
  public var pollInterval: Duration
  /// The site's title (the index page), as `publish --title`.
  public var siteTitle = PublishOptions.defaultSiteTitle

  public init(
    paths: [String] = ["guidelines"], references: [String] = [], host: String = "127.0.0.1", port: Int = 8080,
    asOf: String = PinDate.today(), stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:],
    pollInterval: Duration = .milliseconds(100)
  ) {
    self.paths = paths
    self.references = references
    self.host = host
    self.port = port
    self.asOf = asOf
    self.stylesheets = stylesheets
    self.parameters = parameters
    self.pollInterval = pollInterval
  }
}

/// One finding shown in the preview: a `validate` diagnostic or an `impact` finding, with the
/// page of the edition it concerns.
public struct PreviewDiagnostic: Sendable, Codable, Hashable {
  public var file: String
  public var line: Int
  public var severity: String
  public var rule: String
  public var message: String
  public var clause: String?
  /// `validate` or `impact`.
  public var source: String
  /// The site path of the edition's page (`telework-security/5.0.html`), when it has one.
  public var page: String?
}

/// The body of `/api/diagnostics.json`.
public struct PreviewReport: Sendable, Codable {
  /// Increases with every change of the inputs that the site saw.
  public var generation: Int
  public var errors: Int
  public var warnings: Int
  public var diagnostics: [PreviewDiagnostic]
}

/// The site of `publish`, held in memory and kept up to date with the folders it is made from.
///
/// `refresh()` looks at every input's size, time and inode; only files whose signature changed
/// are read again, only documents whose bytes changed are parsed again, and only pages whose
/// fingerprint changed are rendered again (on request). A file that is not well-formed keeps its
/// last good text in the site, and its parse error in the diagnostics.
public final class PreviewSite: Sendable {
  public let options: ServeOptions

  private struct Input {
    var signature: String
    var data: Data
    var hash: String
  }

  private struct State {
    var inputs: [String: Input] = [:]
    /// The validate diagnostics of each file, as last checked.
    var validation: [String: [Diagnostic]] = [:]
    /// The last bytes of each file that parsed, with their tree.
    var lastGood: [String: (hash: String, data: Data, tree: ClauseTree)] = [:]
    var registrySignature: String?
    var registry = ReferenceRegistry(folders: [])
    var plan: SitePlan?
    /// Each path's job and fingerprint digest.
    var jobs: [String: (job: SiteJob, digest: String)] = [:]
    var report = PreviewReport(generation: 0, errors: 0, warnings: 0, diagnostics: [])
    /// Rendered files by fingerprint digest.
    var rendered: [String: RenderedFile] = [:]
  }

  private let state = Mutex(State())

  public init(options: ServeOptions) {
    self.options = options
  }

  /// The current diagnostics.
  public var report: PreviewReport { state.withLock { $0.report } }

  /// The current generation (0 before the first refresh).
  public var generation: Int { state.withLock { $0.report.generation } }

  /// The paths of the site as it stands.
  public var paths: [String] { state.withLock { $0.jobs.keys.sorted() } }

  /// Reads what changed in the folders and plans the site again.
  /// - Returns: true when an input changed (the first call always counts as a change).
  @discardableResult
  public func refresh() -> Bool {
    let files = Self.inputFiles(options.paths)
    let registryFiles = options.references.flatMap { Self.allFiles(under: $0) }
    let registrySignature = registryFiles.map { "\($0)|\(Self.signature($0) ?? "")" }.joined(separator: "\n")

    let (known, previousRegistry, first) = state.withLock { ($0.inputs, $0.registrySignature, $0.plan == nil) }
    var inputs = known
    var changed = first || previousRegistry != registrySignature || Set(inputs.keys) != Set(files)
    var next: [String: Input] = [:]
    for file in files {
      let signature = Self.signature(file) ?? ""
      if let known = inputs[file], known.signature == signature {
        next[file] = known
        continue
      }
      changed = true
      // A file that cannot be read now (being replaced) is read on the next look.
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      next[file] = Input(signature: signature, data: data, hash: Publisher.hash(data))
    }
    guard changed else { return false }
    inputs = next

    let lastGood = state.withLock { $0.lastGood }
    let registry =
      previousRegistry == registrySignature && !first
      ? state.withLock { $0.registry }
      : ReferenceRegistry(folders: options.references.filter { FileManager.default.fileExists(atPath: $0) })
    let ordered = inputs.keys.sorted()
    // Validated again: the files of every folder where a file changed, appeared or went (the
    // checks across editions take the editions of a guideline, which share its folder); all of
    // them when the registry changed. The other files keep their diagnostics.
    let registryChanged = first || previousRegistry != registrySignature
    let kept = registryChanged ? [:] : state.withLock { $0.validation }
    let touched = Set(ordered.filter { known[$0]?.hash != inputs[$0]?.hash } + known.keys.filter { inputs[$0] == nil })
    let folders = Set(touched.map(Self.folder))
    let recheck = ordered.filter { folders.contains(Self.folder($0)) || kept[$0] == nil }
    let validation = Validator.validate(
      inputs: recheck.compactMap { file in inputs[file].map { (file: file, data: $0.data) } },
      options: ValidationOptions(registry: registry.folders.isEmpty ? nil : registry, today: options.asOf))
    var byFile = kept.filter { inputs[$0.key] != nil && !recheck.contains($0.key) }
    for file in recheck { byFile[file] = [] }
    var others: [Diagnostic] = []
    for diagnostic in validation.diagnostics {
      if byFile[diagnostic.file] != nil {
        byFile[diagnostic.file]?.append(diagnostic)
      } else {
        others.append(diagnostic)
      }
    }
    let validated = ordered.flatMap { byFile[$0] ?? [] } + others

    // Trees: parsed again only where the bytes changed; a file that does not parse keeps its
    // last good tree.
    var good: [String: (hash: String, data: Data, tree: ClauseTree)] = [:]
    for file in ordered {
      guard let input = inputs[file] else { continue }
      if let known = lastGood[file], known.hash == input.hash {
        good[file] = known
      } else if let tree = try? DocumentLoader.load(data: input.data, fileName: file) {
        good[file] = (input.hash, input.data, tree)
      } else if let known = lastGood[file] {
        good[file] = known
      }
    }
    let trees = ordered.compactMap { good[$0]?.tree }.filter { $0.info.kind == .guideline }
    var publishOptions = PublishOptions(
      guidelines: "", references: options.references, out: "", asOf: options.asOf,
      stylesheets: options.stylesheets, parameters: options.parameters, siteTitle: options.siteTitle)
    publishOptions.drafts = true
    var extra: [Diagnostic] = registry.storeErrors.map {
      Diagnostic(file: options.references.first ?? "", line: 0, severity: .error, rule: "store", message: "\($0)")
    }
    var plan: SitePlan?
    do {
      plan = try SitePlan(
        trees: trees,
        inputData: good.mapValues(\.data).filter { entry in trees.contains { $0.info.file == entry.key } },
        registry: registry, options: publishOptions)
    } catch {
      extra.append(Diagnostic(file: Self.file(of: error), line: 0, severity: .error, rule: "site", message: "\(error)"))
    }

    state.withLock { state in
      let site = plan ?? state.plan
      var diagnostics = (validated + extra).map { Self.entry($0, source: "validate", site: site) }
      if let impact = site?.impact {
        diagnostics += impact.findings.filter { $0.status != .upcoming }.map {
          Self.entry($0.diagnostic, source: "impact", site: site)
        }
      }
      state.inputs = inputs
      state.validation = byFile
      state.lastGood = good
      state.registrySignature = registrySignature
      state.registry = registry
      if let plan {
        state.plan = plan
        state.jobs = Dictionary(plan.jobs.map { ($0.path, ($0, $0.fingerprint.digest)) }) { first, _ in first }
        let live = Set(state.jobs.values.map(\.digest))
        state.rendered = state.rendered.filter { live.contains($0.key) }
      }
      state.report = PreviewReport(
        generation: state.report.generation + 1,
        errors: diagnostics.filter { $0.severity == "error" }.count,
        warnings: diagnostics.filter { $0.severity == "warning" }.count,
        diagnostics: diagnostics)
    }
    return true
  }

  /// The file of the site at `path` (relative, `/`-separated), rendered on first request and kept
  /// until its fingerprint changes, with the generation of the site it belongs to; nil when the
  /// site has no such file.
  func file(at path: String) async throws -> (data: Data, generation: Int, rendered: RenderedFile)? {
    let found: (RenderedFile, Int)? = state.withLock { state in
      guard let (job, digest) = state.jobs[path] else { return nil }
      if let known = state.rendered[digest] { return (known, state.report.generation) }
      let made = RenderedFile(job)
      state.rendered[digest] = made
      return (made, state.report.generation)
    }
    guard let (rendered, generation) = found else { return nil }
    return (try await rendered.data(), generation, rendered)
  }

  // MARK: - Helpers

  private static func entry(_ d: Diagnostic, source: String, site: SitePlan?) -> PreviewDiagnostic {
    PreviewDiagnostic(
      file: d.file, line: d.line, severity: d.severity.rawValue, rule: d.rule, message: d.message, clause: d.clause,
      source: source, page: site?.editionPages[d.file])
  }

  private static func file(of error: Error) -> String {
    if case .io(let path, _) = error as? GuideKitError { return path }
    return ""
  }

  /// The folder of `file` (`a/b` for `a/b/c.xml`; empty for `c.xml`).
  static func folder(_ file: String) -> String {
    String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)])
  }

  /// The `*.xml` files under `paths`, without links that lead out of the folder they are in.
  static func inputFiles(_ paths: [String]) -> [String] {
    var files: [String] = []
    for path in paths {
      var isFolder = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
      guard isFolder, let root = realPath(path) else {
        files.append(path)
        continue
      }
      for file in InputFiles.collect([path]).files {
        guard let target = realPath(file), target.hasPrefix(root + "/") else { continue }
        files.append(file)
      }
    }
    var seen = Set<String>()
    return files.filter { seen.insert($0).inserted }
  }

  /// Every regular file under `folder` (hidden entries skipped), sorted.
  static func allFiles(under folder: String) -> [String] {
    var found: [String] = []
    var pending = [folder]
    while let current = pending.popLast() {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
      for name in names where !name.hasPrefix(".") {
        let path = current.joiningPath(name)
        var info = stat()
        guard lstat(path, &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFDIR { pending.append(path) } else { found.append(path) }
      }
    }
    return found.sorted()
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Size, modification time (ns) and inode; nil when the file is gone.
  static func signature(_ path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino)"
  }
}

/// A file of the site being rendered or rendered: concurrent requests for it wait for one render.
final class RenderedFile: Sendable {
  private let task: Task<Data, any Error>
  /// The page as last served, with the generation it names.
  private let served = Mutex<(generation: Int, page: LivePage)?>(nil)

  init(_ job: SiteJob) {
    task = Task.detached { try job.render() }
  }

  func data() async throws -> Data { try await task.value }

  /// The page with the live script linked in, made once per generation.
  func livePage(_ data: Data, generation: Int) -> LivePage {
    if let (known, page) = served.withLock({ $0 }), known == generation { return page }
    let page = LivePage(html: data, generation: generation)
    served.withLock { $0 = (generation, page) }
    return page
  }
}

import FoundationEssentials
import GuideKitXML
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Options of `guidekit publish`.
public struct PublishOptions: Sendable {
  public var guidelines: String
  public var references: [String]
  public var out: String
  public var asOf: String
  public var stylesheets: Stylesheets
  public var parameters: [String: String]
  public var layout: TextLayoutOptions
  /// Absolute base URL of the site for the feed (empty: relative links).
  public var baseURL: String
  public var siteTitle: String
  /// The title `guidekit publish` and `guidekit serve` give the site unless told otherwise.
  public static let defaultSiteTitle = "テレワーク関係ガイドライン"
  /// Wait for another publish into the same folder to end (false: fail at once).
  public var wait = true
  /// Warnings of the validation that precedes every publish refuse it, as errors do.
  public var strict = false
  /// Publish the impact report (impact.html, impact.json) as part of the site.
  public var impactReport = false
  /// Publish draft editions too (`--drafts`); their pages are marked 案.
  public var drafts = false
  /// When set, the 新旧対照表 and the notice are also written as Word documents
  /// (`<version>-table.docx`, `<version>-notice.docx`): the `delta-docx` and `notice-docx`
  /// stylesheets write a Flat OPC package, and this packs it into the bytes of a .docx (GuideKitWord's
  /// `WordExport.package`, which GuideKit cannot depend on).
  public var docxPackager: (@Sendable (_ flatPackage: String) throws(GuideKitError) -> Data)?

  public init(
    guidelines: String = "guidelines", references: [String] = [], out: String = "output",
    asOf: String = PinDate.today(), stylesheets: Stylesheets = Stylesheets(),
    parameters: [String: String] = [:], layout: TextLayoutOptions = .init(), baseURL: String = "",
    siteTitle: String = "ガイドライン"
  ) {
    self.guidelines = guidelines
    self.references = references
    self.out = out
    self.asOf = asOf
    self.stylesheets = stylesheets
    self.parameters = parameters
    self.layout = layout
    self.baseURL = baseURL
    self.siteTitle = siteTitle
  }
}

/// What a publish did.
public struct PublishResult: Sendable {
  /// Every file of the site (relative path → sha256), as in manifest.json.
  public var files: [String: String]
  /// Files produced anew in this run (their inputs changed).
  public var rebuilt: Int
  /// True when nothing changed and the output folder was left untouched.
  public var unchanged: Bool
  public var impact: ImpactReport?
  /// What validating the inputs found (warnings, or the errors that refused the publish).
  public var diagnostics: [Diagnostic] = []
  /// True when validation found errors (or warnings, with `strict`): nothing was written.
  public var refused = false
  /// True when an input could not be read at all (exit status 2 rather than 1).
  public var trouble = false
  /// The errors among `diagnostics`.
  public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
}

/// Builds the public site from the guidelines (DESIGN.md "publish"): deterministic, incremental,
/// atomic (built in a staging folder and swapped in), parallel across cores.
public final class Publisher: Sendable {
  public let options: PublishOptions
  /// Called with (done, total, path) as files are produced.
  let progress: (@Sendable (Int, Int, String) -> Void)?
  /// Called before waiting for another publish into the same folder, with its pid when known.
  let waiting: (@Sendable (Int32?) -> Void)?

  public init(
    options: PublishOptions, progress: (@Sendable (Int, Int, String) -> Void)? = nil,
    waiting: (@Sendable (Int32?) -> Void)? = nil
  ) {
    self.options = options
    self.progress = progress
    self.waiting = waiting
  }

  /// The build state of `out`, kept beside it (`.NAME.guidekit/`) so that the output folder
  /// holds exactly the site: the lock, what each file was made from, and the stat cache.
  public static func stateFolder(for out: String) -> String { BuildState.folder(for: out) }
  /// Where earlier versions kept the state, inside the output folder.
  static let legacyStateFile = BuildState.legacyStateFile
  static let keptFiles = ["README.md", ".gitkeep"]

  public func publish() throws(GuideKitError) -> PublishResult {
    let fm = FileManager.default
    if let problem = options.outputFolderProblem() { throw .invalidRequest(problem) }
    let lock = try ExclusiveLock.output(options.out, wait: options.wait) { [waiting] in waiting?($0) }
    defer { lock.release() }
    let output = StagedOutput(out: options.out)
    try output.checkReplaceable()
    try output.cleanStaleStaging()

    // 1. Inputs, each read once: validation, every page and every fingerprint derive from these
    // bytes, so that an input replaced while the site is built cannot mix two texts.
    let (paths, missing) = InputFiles.collect([options.guidelines])
    if let first = missing.first { throw .io(path: first, reason: "no such file or folder") }
    let bytes = try Self.readInputs(paths)
    // Drafts are left out unless asked for (`--drafts`), before validation: an edition in
    // progress does not stop the publication of the others.
    let inputs = zip(paths, bytes).map { (file: $0, data: $1) }.filter { input in
      options.drafts || XMLRootElement.attribute("status", in: input.data) != "draft"
    }
    let validation = Validator.validate(inputs: inputs, options: ValidationOptions(strict: options.strict))
    guard validation.errors == 0, !validation.trouble else {
      return PublishResult(
        files: [:], rebuilt: 0, unchanged: true, impact: nil, diagnostics: validation.diagnostics, refused: true,
        // An input that does not parse stops the publish as trouble (exit 2), as before.
        trouble: validation.trouble || validation.diagnostics.contains { $0.rule == ValidationRules.xmlSyntax.id })
    }
    let loaded = Parallel.map(inputs.count, work: inputs.reduce(0) { $0 + $1.data.count }) { index in
      Result { () throws(GuideKitError) in
        try DocumentLoader.load(data: inputs[index].data, fileName: inputs[index].file)
      }
    }
    var guidelineTrees: [ClauseTree] = []
    var inputData: [String: Data] = [:]
    for (input, result) in zip(inputs, loaded) {
      let tree = try result.get()
      guard tree.info.kind == .guideline else { continue }
      guidelineTrees.append(tree)
      inputData[input.file] = input.data
    }
    // Drafts are left out unless asked for (`--drafts`).
    let trees = guidelineTrees.filter { options.drafts || !$0.info.isDraft }
    let registry = ReferenceRegistry(folders: options.references.filter { fm.fileExists(atPath: $0) })
    if let error = registry.storeErrors.first { throw error }
    let plan = try SitePlan(trees: trees, inputData: inputData, registry: registry, options: options)
    var result = try build(plan.jobs, impact: plan.impact, into: output)
    result.diagnostics = validation.diagnostics
    return result
  }

  // MARK: - Building

  private func build(_ jobs: [SiteJob], impact: ImpactReport?, into output: StagedOutput) throws(GuideKitError)
    -> PublishResult
  {
    let fm = FileManager.default
    let out = options.out
    let previousState = BuildState.read(out)
    let reusable = previousState.reusable(jobs, in: out)
    // "Up to date" only when manifest.json lists exactly these files with these hashes: a site
    // that the manifest does not describe is rebuilt, whatever the state says.
    if reusable.count == jobs.count && Set(previousState.entries.keys) == Set(jobs.map(\.path)),
      let manifestData = fm.contents(atPath: out.joiningPath("manifest.json")),
      BuildState.manifestFiles(manifestData) == reusable
    {
      var files = reusable
      files["manifest.json"] = Self.hash(manifestData)
      return PublishResult(files: files, rebuilt: 0, unchanged: true, impact: impact)
    }

    // Compiled here, one after another, not lazily inside the parallel jobs (Stylesheets.precompile).
    try options.stylesheets.precompile(
      Stylesheets.publishing + (options.docxPackager == nil ? [] : ["delta-docx", "notice-docx"]))
    try output.create()
    defer { output.finish() }

    let done = Atomic<Int>(0)
    let total = jobs.count
    let progress = progress
    // Each job's output hash, or why it failed.
    let outcomes = Parallel.map(jobs.count, work: nil) { index -> Result<String, GuideKitError> in
      let job = jobs[index]
      let outcome = Result { () throws(GuideKitError) -> String in
        if let previous = reusable[job.path] {
          try output.reuse(job.path)
          return previous
        }
        let data = try job.render()
        try output.write(data, at: job.path)
        return Self.hash(data)
      }
      let count = done.add(1, ordering: .relaxed).newValue
      progress?(count, total, job.path)
      return outcome
    }
    var files: [String: String] = [:]
    for (job, outcome) in zip(jobs, outcomes) {
      switch outcome {
      case .success(let hash):
        files[job.path] = hash
      case .failure(let failure):
        output.discard()
        throw failure
      }
    }

    // manifest.json, then the swap.
    let manifest = BuildState.manifest(files)
    do throws(GuideKitError) {
      try output.write(Data(manifest.utf8), at: "manifest.json")
      for kept in Self.keptFiles {
        if let data = fm.contents(atPath: out.joiningPath(kept)) {
          try output.write(data, at: kept)
        }
      }
      try output.swapIn()
    } catch {
      output.discard()
      throw error
    }
    // The state describes the site now in place (renaming the staging folder into place keeps
    // sizes, times and inodes); a run killed before it is written leaves a state that the files
    // and the manifest do not match, so the next run rebuilds them.
    try BuildState.write(jobs: jobs, files: files, out: out)
    var all = files
    all["manifest.json"] = Self.hash(Data(manifest.utf8))
    return PublishResult(files: all, rebuilt: jobs.count - reusable.count, unchanged: false, impact: impact)
  }

  // MARK: - Helpers

  /// Reads each file once, in parallel unless they are small together.
  static func readInputs(_ files: [String]) throws(GuideKitError) -> [Data] {
    let results = Parallel.map(files.count, work: FileTree.byteCount(of: files)) { index in
      Result { () throws(GuideKitError) -> Data in
        do throws(XMLError) {
          return try XMLDocument.readInput(file: files[index])
        } catch {
          throw .xml(error)
        }
      }
    }
    return try results.map { result throws(GuideKitError) in try result.get() }
  }

  /// The lowercase hex SHA-256 of `data`, as manifest.json gives it.
  public static func hash(_ data: Data) -> String {
    SHA256.hash(data: data).hexString
  }
}

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
  public static func stateFolder(for out: String) -> String {
    let parent = out.parentPath
    return (parent.isEmpty ? "." : parent).joiningPath(".\(out.lastPathPart).guidekit")
  }
  /// Each file's fingerprint and sha256, in the state folder.
  static let stateFile = "state.json"
  /// Size, time and inode of each file as written: machine-local, so kept apart from the state
  /// file, which is as deterministic as the site.
  static let statCacheFile = "stat-cache.json"
  /// Where earlier versions kept the state, inside the output folder.
  static let legacyStateFile = ".guidekit-state.json"
  static let keptFiles = ["README.md", ".gitkeep"]

  /// One file of the site: its path, the fingerprint of everything it is made from, and how.
  struct Job: Sendable {
    var path: String
    var fingerprint: String
    var make: @Sendable () throws(GuideKitError) -> Data
  }

  public func publish() throws(GuideKitError) -> PublishResult {
    let fm = FileManager.default
    if let problem = options.outputFolderProblem() { throw .invalidRequest(problem) }
    let lock = try ExclusiveLock.output(options.out, wait: options.wait) { [waiting] in waiting?($0) }
    defer { lock.release() }
    try checkReplaceable()
    try cleanStaleStaging()

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
    // Versions are digits and dots (the schema's pattern), so that no edition's page can take the
    // name of another's 新旧対照表 (`5.0-table`); one file per edition.
    var seen: [String: String] = [:]
    for tree in trees {
      let version = tree.info.version
      let isVersion = version.split(separator: ".", omittingEmptySubsequences: false).allSatisfy {
        !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) }
      }
      guard isVersion, SafePath.join(tree.info.id, version) != nil else {
        throw .io(
          path: tree.info.file,
          reason: "guideline id \"\(tree.info.id)\" or version \"\(version)\" cannot name an output file")
      }
      if let other = seen.updateValue(tree.info.file, forKey: tree.info.id + "/" + version) {
        throw .io(path: tree.info.file, reason: "\(tree.info.id) version \(version) is also the version of \(other)")
      }
    }
    let editions = Dictionary(grouping: trees, by: { $0.info.id }).mapValues {
      $0.sorted { NaturalOrder.less($0.info.version, $1.info.version) }
    }
    let registryFolders = options.references
    let registry = ReferenceRegistry(folders: registryFolders.filter { fm.fileExists(atPath: $0) })
    if let error = registry.storeErrors.first { throw error }
    let clauseSets = Self.clauseSetRevisions(registry)

    // 2. Diffs between consecutive editions: computed on first use, by the jobs that need
    // them, so that a run with nothing to rebuild computes none.
    var diffs: [String: Once<DocumentDiff>] = [:]
    for (_, list) in editions {
      for (index, edition) in list.enumerated() {
        guard let previous = Self.previous(of: edition, in: list, index: index) else { continue }
        diffs[edition.info.file] = Once { () throws(GuideKitError) in
          try DocumentDiffer.diff(old: previous, new: edition)
        }
      }
    }

    // 3. Jobs.
    let styleFingerprint = try stylesheetFingerprint()
    let base =
      "guidekit \(GuideKitInfo.version)\u{1F}\(styleFingerprint)\u{1F}\(options.parameters.sorted { $0.key < $1.key })\u{1F}\(options.layout.width)"
    let inputHashes = inputData.mapValues { Self.hash($0) }
    let renderer = Renderer(stylesheets: options.stylesheets, parameters: options.parameters, layout: options.layout)
    let guidelineIDs = editions.keys.sorted().joined(separator: " ")
    // Links follow the pin: day pins of law citations resolved to the revision in force.
    let refRevisions = ReferenceLinks.revisionTable(trees, registry: registry)
    var jobs: [Job] = []
    var site = SiteDocument(title: options.siteTitle)

    for id in editions.keys.sorted() {
      guard let list = editions[id] else { continue }
      for (index, edition) in list.enumerated() {
        let version = edition.info.version
        let file = edition.info.file
        let previous = Self.previous(of: edition, in: list, index: index)
        let diff = diffs[file]
        let own = inputHashes[file] ?? ""
        let source = inputData[file] ?? Data()
        let pairHash = previous.map { own + (inputHashes[$0.info.file] ?? "") } ?? own
        let prefix = "\(id)/\(version)"
        var links = SiteDocument.EditionLinks(page: "\(prefix).html", text: "\(prefix).txt")
        links.notice = "\(prefix)-notice.html"
        links.noticeText = "\(prefix)-notice.txt"
        if diff != nil {
          links.table = "\(prefix)-table.html"
          links.redline = "\(prefix)-redline.html"
        }
        let pageParameters = [
          "home-href": "../index.html", "guideline-ids": guidelineIDs,
          "table-href": links.table.map { $0.lastPathPart } ?? "",
          "notice-href": "\(version)-notice.html",
          "redline-href": links.redline.map { $0.lastPathPart } ?? "",
          "ref-base": "../references/", "guideline-base": "../", "text-href": "\(version).txt",
          "ref-revisions": refRevisions, "figure-base": "\(version)/",
        ]
        jobs.append(
          Job(path: links.page, fingerprint: "\(base)\u{1F}page\u{1F}\(own)\u{1F}\(guidelineIDs)\u{1F}\(refRevisions)")
          {
            () throws(GuideKitError) in
            Data(try renderer.html(data: source, file: file, extra: pageParameters).utf8)
          })
        jobs.append(
          Job(path: links.text, fingerprint: "\(base)\u{1F}text\u{1F}\(own)") { () throws(GuideKitError) in
            Data(try renderer.text(data: source, file: file).utf8)
          })
        if let diff, let table = links.table, let redline = links.redline {
          let sheets = options.stylesheets
          // Navigation to the edition's other pages; no input paths on a public page.
          let navigation = [
            "home-href": "../index.html", "edition-href": "\(version).html", "table-href": table.lastPathPart,
            "redline-href": redline.lastPathPart, "notice-href": "\(version)-notice.html", "show-files": "no",
          ]
          let parameters = navigation.merging(options.parameters) { _, user in user }
          jobs.append(
            Job(path: table, fingerprint: "\(base)\u{1F}table\u{1F}\(pairHash)") { () throws(GuideKitError) in
              Data(
                try sheets.transform(
                  "delta-table", document: DeltaDocument.document(diff.get()), parameters: parameters
                )
                .utf8)
            })
          jobs.append(
            Job(path: redline, fingerprint: "\(base)\u{1F}redline\u{1F}\(pairHash)") { () throws(GuideKitError) in
              Data(
                try sheets.transform("delta-html", document: DeltaDocument.document(diff.get()), parameters: parameters)
                  .utf8)
            })
        }
        if let packager = options.docxPackager, let diff {
          let sheets = options.stylesheets
          let parameters = options.parameters
          jobs.append(
            Job(path: "\(prefix)-table.docx", fingerprint: "\(base)\u{1F}table-docx\u{1F}\(pairHash)") {
              () throws(GuideKitError) in
              try packager(
                try sheets.transform("delta-docx", document: DeltaDocument.document(diff.get()), parameters: parameters)
              )
            })
        }
        let noticeLinks = NoticeBuilder.Links(
          edition: "\(version).html", table: links.table.map { $0.lastPathPart },
          redline: links.redline.map { $0.lastPathPart }, text: "\(version).txt")
        // Each job builds its own tree: a transformation may write to its input's nodes.
        let notice: @Sendable () throws(GuideKitError) -> XMLDocument = { () throws(GuideKitError) in
          var comparison: (ClauseTree, DocumentDiff)?
          if let previous, let diff { comparison = (previous, try diff.get()) }
          return try NoticeBuilder.document(edition: edition, previous: comparison, links: noticeLinks)
        }
        jobs.append(
          Job(path: links.notice ?? "", fingerprint: "\(base)\u{1F}notice\u{1F}\(pairHash)") {
            () throws(GuideKitError) in
            Data(try renderer.notice(document: notice(), text: false).utf8)
          })
        if let packager = options.docxPackager {
          let sheets = options.stylesheets
          let parameters = options.parameters
          jobs.append(
            Job(path: "\(prefix)-notice.docx", fingerprint: "\(base)\u{1F}notice-docx\u{1F}\(pairHash)") {
              () throws(GuideKitError) in
              try packager(
                try sheets.transform("notice-docx", document: notice(), parameters: parameters))
            })
        }
        // A mailed notice needs absolute links: relative ones resolved against the base URL.
        let linkBase = NoticeBuilder.linkBase(siteURL: options.baseURL, guideline: id)
        let textRenderer = Renderer(
          stylesheets: options.stylesheets,
          parameters: linkBase.isEmpty
            ? options.parameters : options.parameters.merging(["base-url": linkBase]) { user, _ in user },
          layout: options.layout)
        jobs.append(
          Job(
            path: links.noticeText ?? "",
            fingerprint: "\(base)\u{1F}notice-text\u{1F}\(pairHash)\u{1F}\(options.baseURL)"
          ) {
            () throws(GuideKitError) in
            Data(try textRenderer.notice(document: notice(), text: true).utf8)
          })
        jobs += Self.figureJobs(edition, prefix: prefix, base: base)
        site.add(edition: edition, links: links)
      }
    }

    // Clause sets in the registry (the guideline vocabulary) get pages of their own.
    for revision in clauseSets {
      guard let path = SafePath.join("references", revision.source, revision.id) else { continue }
      let file = revision.path
      let source = try Self.readInputs([file])[0]
      let own = Self.hash(source)
      jobs.append(
        Job(path: path + ".html", fingerprint: "\(base)\u{1F}refpage\u{1F}\(own)") { () throws(GuideKitError) in
          Data(
            try renderer.html(
              data: source, file: file,
              extra: [
                "home-href": "../../index.html", "guideline-ids": guidelineIDs, "ref-base": "../",
                "guideline-base": "../../",
              ]
            ).utf8)
        })
      if let tree = try? registry.load(revision) {
        site.addReference(id: revision.source, href: path + ".html", title: tree.info.title)
      }
    }

    // Impact report: checked whenever there is a registry; published only when asked for, since
    // it lists the files and lines of every edition.
    var impact: ImpactReport?
    if !registry.folders.isEmpty {
      let checker = ImpactChecker(registry: registry, options: ImpactOptions(asOf: options.asOf), guidelines: trees)
      let report = checker.check(trees)
      impact = report
    }
    if let report = impact, options.impactReport {
      let registryHash = Self.registryFingerprint(registry)
      let inputs = trees.map { inputHashes[$0.info.file] ?? "" }.joined()
      let sheets = options.stylesheets
      let parameters = options.parameters
      jobs.append(
        Job(
          path: "impact.html",
          fingerprint: "\(base)\u{1F}impact\u{1F}\(inputs)\u{1F}\(registryHash)\u{1F}\(options.asOf)"
        ) { () throws(GuideKitError) in
          let document = try report.document(clauseTexts: ImpactRules.clauseTexts(trees, report: report))
          return Data(try sheets.transform("impact-html", document: document, parameters: parameters).utf8)
        })
      jobs.append(
        Job(
          path: "impact.json",
          fingerprint: "\(base)\u{1F}impact-json\u{1F}\(inputs)\u{1F}\(registryHash)\u{1F}\(options.asOf)"
        ) { () throws(GuideKitError) in
          Data(JSONOutput.string(report).utf8)
        })
      site.impact = report
    }

    // Index and feed.
    let siteHash = Self.hash(Data(site.xml().utf8))
    let finalSite = site
    let sheets = options.stylesheets
    let parameters = options.parameters
    let feedParameters = parameters.merging(["base-url": options.baseURL, "self-href": "feed.xml"]) { user, _ in user }
    jobs.append(
      Job(path: "index.html", fingerprint: "\(base)\u{1F}index\u{1F}\(siteHash)") { () throws(GuideKitError) in
        Data(try sheets.transform("site-index", document: finalSite.document(), parameters: parameters).utf8)
      })
    jobs.append(
      Job(path: "feed.xml", fingerprint: "\(base)\u{1F}feed\u{1F}\(siteHash)\u{1F}\(options.baseURL)") {
        () throws(GuideKitError) in
        Data(try sheets.transform("feed", document: finalSite.document(), parameters: feedParameters).utf8)
      })

    var result = try build(jobs, impact: impact)
    result.diagnostics = validation.diagnostics
    return result
  }

  // MARK: - Building

  private func build(_ jobs: [Job], impact: ImpactReport?) throws(GuideKitError) -> PublishResult {
    let fm = FileManager.default
    let out = options.out
    let previousState = Self.readState(out)
    // Reuse a file when its fingerprint is unchanged and the file on disk is what we wrote: the
    // same size, modification time and inode as recorded (as git's index does), else the same
    // sha256.
    var reusable: [String: String] = [:]
    for job in jobs {
      let fingerprint = Self.hash(Data(job.fingerprint.utf8))
      guard let entry = previousState[job.path], entry.input == fingerprint else { continue }
      let path = out.joiningPath(job.path)
      if let recorded = entry.stat, recorded == Self.statSignature(path) {
        reusable[job.path] = entry.output
      } else if let data = fm.contents(atPath: path), Self.hash(data) == entry.output {
        reusable[job.path] = entry.output
      }
    }
    // "Up to date" only when manifest.json lists exactly these files with these hashes: a site
    // that the manifest does not describe is rebuilt, whatever the state says.
    if reusable.count == jobs.count && Set(previousState.keys) == Set(jobs.map(\.path)),
      let manifestData = fm.contents(atPath: out.joiningPath("manifest.json")),
      Self.manifestFiles(manifestData) == reusable
    {
      var files = reusable
      files["manifest.json"] = Self.hash(manifestData)
      return PublishResult(files: files, rebuilt: 0, unchanged: true, impact: impact)
    }

    let reused = reusable
    // Compiled here, one after another, not lazily inside the parallel jobs (Stylesheets.precompile).
    try options.stylesheets.precompile(
      Stylesheets.publishing + (options.docxPackager == nil ? [] : ["delta-docx", "notice-docx"]))
    let staging = stagingPath()
    do {
      try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
    } catch {
      throw .io(path: staging, reason: "cannot create the staging folder: \(AtomicFile.reason(error))")
    }
    StagingCleanup.shared.register(staging)
    defer { StagingCleanup.shared.unregister(staging) }

    let done = Atomic<Int>(0)
    let total = jobs.count
    let progress = progress
    // Each job's output hash, or why it failed.
    let outcomes = Parallel.map(jobs.count, work: nil) { index -> Result<String, GuideKitError> in
      let job = jobs[index]
      let target = staging.joiningPath(job.path)
      let outcome = Result { () throws(GuideKitError) -> String in
        try Self.makeFolder(for: target, inside: staging)
        if let previous = reused[job.path] {
          let source = out.joiningPath(job.path)
          if link(source, target) != 0 {
            guard let data = FileManager.default.contents(atPath: source) else {
              throw .io(path: source, reason: "cannot read the previous output")
            }
            try Self.write(data, to: target)
          }
          return previous
        }
        let data = try job.make()
        try Self.write(data, to: target)
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
        try? fm.removeItem(atPath: staging)
        throw failure
      }
    }

    // manifest.json and the state file.
    var state: [String: [String: String]] = [:]
    var statCache: [String: String] = [:]
    for job in jobs {
      state[job.path] = ["input": Self.hash(Data(job.fingerprint.utf8)), "output": files[job.path] ?? ""]
      // Renaming the staging folder into place keeps sizes, times and inodes.
      statCache[job.path] = Self.statSignature(staging.joiningPath(job.path))
    }
    let manifest = JSONOutput.string(SiteManifest(files: files))
    do throws(GuideKitError) {
      try Self.write(Data(manifest.utf8), to: staging.joiningPath("manifest.json"))
      for kept in Self.keptFiles {
        let source = out.joiningPath(kept)
        if let data = fm.contents(atPath: source) {
          try Self.write(data, to: staging.joiningPath(kept))
        }
      }
      try swapIn(staging)
    } catch {
      try? fm.removeItem(atPath: staging)
      throw error
    }
    // The state describes the site now in place; a run killed before it is written leaves a state
    // that the files and the manifest do not match, so the next run rebuilds them.
    let stateFolder = Self.stateFolder(for: out)
    try AtomicFile.write(JSONOutput.string(statCache), to: stateFolder.joiningPath(Self.statCacheFile))
    try AtomicFile.write(JSONOutput.string(state), to: stateFolder.joiningPath(Self.stateFile))
    var all = files
    all["manifest.json"] = Self.hash(Data(manifest.utf8))
    return PublishResult(files: all, rebuilt: jobs.count - reusable.count, unchanged: false, impact: impact)
  }

  /// Replaces the output folder by the staging folder atomically (renameat2 exchange), or by two
  /// renames where the file system cannot exchange.
  private func swapIn(_ staging: String) throws(GuideKitError) {
    let fm = FileManager.default
    let out = options.out
    if !fm.fileExists(atPath: out) {
      if rename(staging, out) != 0 {
        throw .io(path: out, reason: "cannot move the new site in place: \(String(cString: strerror(errno)))")
      }
      return
    }
    if FileSystem.exchange(staging, out) {
      try? fm.removeItem(atPath: staging)
      return
    }
    let old = out + ".guidekit-old-\(getpid())"
    guard rename(out, old) == 0 else {
      throw .io(path: out, reason: "cannot replace the output folder: \(String(cString: strerror(errno)))")
    }
    guard rename(staging, out) == 0 else {
      _ = rename(old, out)
      throw .io(path: out, reason: "cannot move the new site in place: \(String(cString: strerror(errno)))")
    }
    try? fm.removeItem(atPath: old)
  }

  /// Refuses, before anything is built, an output folder that cannot be replaced: one not
  /// writable (a `chmod 555` folder could be swapped away, but its old files never removed), on a
  /// read-only file system, or a mount point (which cannot be renamed); and a parent folder where
  /// the staging folder cannot be made.
  private func checkReplaceable() throws(GuideKitError) {
    let out = options.out
    let parent = out.parentPath.isEmpty ? "." : out.parentPath
    func reason() -> String { String(cString: strerror(errno)) }
    var folder = stat()
    if lstat(out, &folder) == 0 {
      guard access(out, W_OK | X_OK) == 0 else {
        throw .io(path: out, reason: "cannot replace the output folder: \(reason())")
      }
      var above = stat()
      if stat(parent, &above) == 0, above.st_dev != folder.st_dev {
        throw .io(
          path: out,
          reason:
            "cannot replace the output folder: it is a mount point (another file system than \(parent)); publish swaps a new folder in by renaming, so publish into a folder inside it"
        )
      }
    }
    guard access(parent, W_OK | X_OK) == 0 else {
      throw .io(path: parent, reason: "cannot create the staging folder here: \(reason())")
    }
  }

  private func stagingPath() -> String {
    let parent = options.out.parentPath
    let name = options.out.lastPathPart
    return (parent.isEmpty ? "." : parent).joiningPath(
      ".\(name).guidekit-staging-\(getpid())-\(UUID().uuidString.prefix(8))")
  }

  /// Removes staging folders left by a run that was killed (SIGKILL leaves no chance to clean up).
  private func cleanStaleStaging() throws(GuideKitError) {
    let fm = FileManager.default
    let parent = options.out.parentPath
    let folder = parent.isEmpty ? "." : parent
    let name = options.out.lastPathPart
    guard let entries = try? fm.contentsOfDirectory(atPath: folder) else { return }
    for entry in entries
    where entry.hasPrefix(".\(name).guidekit-staging-") || entry.hasPrefix("\(name).guidekit-old-") {
      let path = folder.joiningPath(entry)
      // A folder still in use by a live run is kept: its pid is in the name.
      // The pid follows the marker (the output folder's name may itself contain "-").
      let staging = ".\(name).guidekit-staging-"
      let marker = entry.hasPrefix(staging) ? staging : "\(name).guidekit-old-"
      let pidPart = entry.dropFirst(marker.count).split(separator: "-").first
      if let pid = pidPart.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) == 0 { continue }
      if entry.hasPrefix("\(name).guidekit-old-"), !fm.fileExists(atPath: options.out) {
        _ = rename(path, options.out)
        continue
      }
      try? fm.removeItem(atPath: path)
    }
  }

  // MARK: - Helpers

  static func previous(of edition: ClauseTree, in list: [ClauseTree], index: Int) -> ClauseTree? {
    if let supersedes = edition.info.supersedes {
      return list.first { $0.info.version == supersedes }
    }
    return index > 0 ? list[index - 1] : nil
  }

  static func clauseSetRevisions(_ registry: ReferenceRegistry) -> [ReferenceRegistry.Revision] {
    registry.sources.values.flatMap { $0 }.filter { revision in
      guard !revision.isLaw, let tree = try? registry.load(revision) else { return false }
      return tree.info.kind == .guideline
    }.sorted { ($0.source, $0.id) < ($1.source, $1.id) }
  }

  static func registryFingerprint(_ registry: ReferenceRegistry) -> String {
    var parts: [String] = []
    for (_, revisions) in registry.sources.sorted(by: { $0.key < $1.key }) {
      // stat, not FileManager's attributes, which look up the owner's name (/etc/passwd, nscd).
      for r in revisions { parts.append("\(r.path)|\(statSignature(r.path) ?? "")") }
    }
    return hash(Data(parts.joined(separator: "\n").utf8))
  }

  private func stylesheetFingerprint() throws(GuideKitError) -> String {
    var parts: [String] = []
    for name in Stylesheets.bundledNames + options.stylesheets.overrides.keys.sorted() {
      let path = try options.stylesheets.path(for: name)
      parts.append(name + ":" + (try Self.fileHash(path)))
    }
    if let folder = BundledSchema.resourcePath("stylesheets"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    {
      for name in names.sorted() where !name.hasSuffix(".xsl") {
        parts.append(name + ":" + ((try? Self.fileHash(folder.joiningPath(name))) ?? ""))
      }
    }
    return Self.hash(Data(parts.joined(separator: "\n").utf8))
  }

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

  /// The images of an edition's figures, copied beside its page (`<id>/<version>/<src>`); an image
  /// that `FigureFiles.resolve` refuses (validate reports it) is left out.
  static func figureJobs(_ edition: ClauseTree, prefix: String, base: String) -> [Job] {
    var jobs: [Job] = []
    edition.forEachUnit { unit in
      guard unit.kind == .figure, let src = unit.properties["src"], let expected = unit.properties["sha256"],
        case .success(let path) = FigureFiles.resolve(src, edition: edition.info.file)
      else { return }
      jobs.append(
        Job(path: "\(prefix)/\(src)", fingerprint: "\(base)\u{1F}figure\u{1F}\(expected)") { () throws(GuideKitError) in
          guard let data = FileManager.default.contents(atPath: path), hash(data) == expected else {
            throw .io(path: path, reason: "the image changed while publishing")
          }
          return data
        })
    }
    return jobs
  }

  static func fileHash(_ path: String) throws(GuideKitError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .io(path: path, reason: "cannot read")
    }
    return hash(data)
  }

  /// The lowercase hex SHA-256 of `data`, as manifest.json gives it.
  public static func hash(_ data: Data) -> String {
    SHA256.hash(data: data).hexString
  }

  /// Creates the folders between `root` and `file`, never `root` itself: once an interrupt has
  /// removed the staging folder, a job still running fails instead of creating it again.
  static func makeFolder(for file: String, inside root: String) throws(GuideKitError) {
    let folder = file.parentPath
    guard folder.hasPrefix(root + "/") else { return }
    var path = root
    for component in folder.dropFirst(root.count + 1).split(separator: "/") {
      path += "/" + component
      if mkdir(path, 0o755) != 0, errno != EEXIST {
        throw .io(path: path, reason: "cannot create folder: \(String(cString: strerror(errno)))")
      }
    }
  }

  static func write(_ data: Data, to path: String) throws(GuideKitError) {
    do {
      try data.write(to: URL(fileURLWithPath: path))
    } catch {
      throw .io(path: path, reason: "cannot write: \(AtomicFile.reason(error))")
    }
  }

  /// The `files` of a manifest.json as path → sha256; nil when it is no manifest.
  static func manifestFiles(_ data: Data) -> [String: String]? {
    struct Manifest: Decodable {
      struct File: Decodable {
        var path: String
        var sha256: String
      }
      var files: [File]
    }
    guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return nil }
    var files: [String: String] = [:]
    for file in manifest.files { files[file.path] = file.sha256 }
    return files
  }

  static func readState(_ out: String) -> [String: (input: String, output: String, stat: String?)] {
    let folder = stateFolder(for: out)
    guard let data = FileManager.default.contents(atPath: folder.joiningPath(stateFile)),
      let object = try? JSONDecoder().decode([String: [String: String]].self, from: data)
    else { return [:] }
    let statPath = folder.joiningPath(statCacheFile)
    let stats =
      FileManager.default.contents(atPath: statPath).flatMap {
        try? JSONDecoder().decode([String: String].self, from: $0)
      } ?? [:]
    var out: [String: (input: String, output: String, stat: String?)] = [:]
    for (key, value) in object {
      if let input = value["input"], let output = value["output"] { out[key] = (input, output, stats[key]) }
    }
    return out
  }

  /// Size, modification time (ns), inode and device of a regular file; nil when it is not one.
  static func statSignature(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ino):\(info.st_dev)"
  }
}

/// Staging folders of runs in progress, removed if the process is interrupted (SIGINT, SIGTERM).
public final class StagingCleanup: Sendable {
  public static let shared = StagingCleanup()
  private let folders = Mutex<Set<String>>([])

  func register(_ path: String) { folders.withLock { _ = $0.insert(path) } }
  func unregister(_ path: String) { folders.withLock { _ = $0.remove(path) } }

  /// Removes every registered staging folder (called from a signal handler's dispatch source).
  public func removeAll() {
    let paths = folders.withLock { current -> Set<String> in
      let copy = current
      current.removeAll()
      return copy
    }
    for path in paths {
      // Renamed first, atomically: jobs still running can no longer add files to it (they
      // write below the staging path, which is gone), so the removal cannot race with them.
      let removing = path + "-interrupted"
      let target = rename(path, removing) == 0 ? removing : path
      try? FileManager.default.removeItem(atPath: target)
    }
  }
}

/// A value computed on first use, once: the first caller computes it, callers at the same time
/// wait for that result.
final class Once<Value: Sendable>: Sendable {
  private let state = Mutex<Result<Value, GuideKitError>?>(nil)
  private let make: @Sendable () throws(GuideKitError) -> Value

  init(_ make: @escaping @Sendable () throws(GuideKitError) -> Value) {
    self.make = make
  }

  func get() throws(GuideKitError) -> Value {
    let result = state.withLock { stored -> Result<Value, GuideKitError> in
      if let stored { return stored }
      let made: Result<Value, GuideKitError>
      do throws(GuideKitError) {
        made = .success(try make())
      } catch {
        made = .failure(error)
      }
      stored = made
      return made
    }
    return try result.get()
  }
}

import FoundationEssentials
import GuideKitXML
import Synchronization

/// Everything a file of the site is made from: when it is unchanged, the file is too.
public struct Fingerprint: Sendable, Hashable {
  /// What every file depends on: guidekit's version, the stylesheets, the parameters, the width.
  public var base: String
  public var kind: SiteJob.Kind
  /// The hashes and settings of this file's own inputs.
  public var inputs: [String]

  public init(base: String, kind: SiteJob.Kind, inputs: [String]) {
    self.base = base
    self.kind = kind
    self.inputs = inputs
  }

  /// The fingerprint as one string (fields separated by U+001F).
  public var text: String { ([base, kind.rawValue] + inputs).joined(separator: "\u{1F}") }
  /// The lowercase hex SHA-256 of `text`, as the state file records it.
  public var digest: String { Publisher.hash(Data(text.utf8)) }
}

/// One file of the site: its path, its fingerprint, and how to make its bytes (in memory).
public struct SiteJob: Sendable {
  /// What kind of file a job makes.
  public enum Kind: String, Sendable, Hashable {
    case page, text, table, redline, notice, noticeText = "notice-text", figure, referencePage = "refpage"
    case impact, impactJSON = "impact-json", index, feed
    case tableDocx = "table-docx", noticeDocx = "notice-docx"
  }

  /// The path inside the site, `/`-separated, made of validated ids.
  public var path: String
  public var fingerprint: Fingerprint
  let make: @Sendable () throws(GuideKitError) -> Data

  init(path: String, fingerprint: Fingerprint, make: @escaping @Sendable () throws(GuideKitError) -> Data) {
    self.path = path
    self.fingerprint = fingerprint
    self.make = make
  }

  /// The file's bytes, rendered in memory.
  public func render() throws(GuideKitError) -> Data { try make() }
}

/// The site of `publish` as a plan: the editions and reference trees turned into the files of the
/// site, each with its fingerprint and a way to render it. Making the plan renders nothing and
/// writes nothing: `Publisher` writes the files it must (re)build into a staged folder, and
/// `guidekit serve` renders the ones it is asked for into memory.
public struct SitePlan: Sendable {
  /// Every file of the site, in a fixed order.
  public var jobs: [SiteJob]
  /// The impact check of the editions against the registry, when there is a registry.
  public var impact: ImpactReport?
  /// The page of each edition (input file → path of its HTML page).
  public var editionPages: [String: String]
  /// The 新旧対照表 of each edition with a previous one (input file → path).
  public var tablePages: [String: String]

  /// Plans the site.
  /// - Parameters:
  ///   - trees: the guideline editions to publish (drafts already left out unless wanted).
  ///   - inputData: each edition's bytes, by file, as read once by the caller.
  ///   - registry: the reference registry (clause sets get pages; the impact check).
  ///   - options: the publish options (stylesheets, parameters, layout, titles, impact report).
  /// - Throws: an edition whose id or version cannot name a file, or two editions of one version.
  public init(
    trees: [ClauseTree], inputData: [String: Data], registry: ReferenceRegistry, options: PublishOptions
  ) throws(GuideKitError) {
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
    let clauseSets = Self.clauseSetRevisions(registry)

    // Diffs between consecutive editions: computed on first use, by the jobs that need them, so
    // that a run with nothing to rebuild computes none.
    var diffs: [String: Once<DocumentDiff>] = [:]
    for (_, list) in editions {
      for (index, edition) in list.enumerated() {
        guard let previous = Self.previous(of: edition, in: list, index: index) else { continue }
        diffs[edition.info.file] = Once { () throws(GuideKitError) in
          try DocumentDiffer.diff(old: previous, new: edition)
        }
      }
    }

    let base =
      "guidekit \(GuideKitInfo.version)\u{1F}\(try Self.stylesheetFingerprint(options.stylesheets))\u{1F}\(options.parameters.sorted { $0.key < $1.key })\u{1F}\(options.layout.width)"
    func fingerprint(_ kind: SiteJob.Kind, _ inputs: String...) -> Fingerprint {
      Fingerprint(base: base, kind: kind, inputs: inputs)
    }
    let inputHashes = inputData.mapValues { Publisher.hash($0) }
    let renderer = Renderer(stylesheets: options.stylesheets, parameters: options.parameters, layout: options.layout)
    let guidelineIDs = editions.keys.sorted().joined(separator: " ")
    // Links follow the pin: day pins of law citations resolved to the revision in force.
    let refRevisions = ReferenceLinks.revisionTable(trees, registry: registry)
    var jobs: [SiteJob] = []
    var site = SiteDocument(title: options.siteTitle)
    var editionPages: [String: String] = [:]
    var tablePages: [String: String] = [:]

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
        editionPages[file] = links.page
        tablePages[file] = links.table
        let pageParameters = [
          "home-href": "../index.html", "guideline-ids": guidelineIDs,
          "table-href": links.table.map { $0.lastPathPart } ?? "",
          "notice-href": "\(version)-notice.html",
          "redline-href": links.redline.map { $0.lastPathPart } ?? "",
          "ref-base": "../references/", "guideline-base": "../", "text-href": "\(version).txt",
          "ref-revisions": refRevisions, "figure-base": "\(version)/",
        ]
        jobs.append(
          SiteJob(path: links.page, fingerprint: fingerprint(.page, own, guidelineIDs, refRevisions)) {
            () throws(GuideKitError) in
            Data(try renderer.html(data: source, file: file, extra: pageParameters).utf8)
          })
        jobs.append(
          SiteJob(path: links.text, fingerprint: fingerprint(.text, own)) { () throws(GuideKitError) in
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
            SiteJob(path: table, fingerprint: fingerprint(.table, pairHash)) { () throws(GuideKitError) in
              Data(
                try sheets.transform(
                  "delta-table", document: DeltaDocument.document(diff.get()), parameters: parameters
                )
                .utf8)
            })
          jobs.append(
            SiteJob(path: redline, fingerprint: fingerprint(.redline, pairHash)) { () throws(GuideKitError) in
              Data(
                try sheets.transform("delta-html", document: DeltaDocument.document(diff.get()), parameters: parameters)
                  .utf8)
            })
        }
        if let packager = options.docxPackager, let diff {
          let sheets = options.stylesheets
          let parameters = options.parameters
          jobs.append(
            SiteJob(path: "\(prefix)-table.docx", fingerprint: fingerprint(.tableDocx, pairHash)) {
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
          SiteJob(path: links.notice ?? "", fingerprint: fingerprint(.notice, pairHash)) {
            () throws(GuideKitError) in
            Data(try renderer.notice(document: notice(), text: false).utf8)
          })
        if let packager = options.docxPackager {
          let sheets = options.stylesheets
          let parameters = options.parameters
          jobs.append(
            SiteJob(path: "\(prefix)-notice.docx", fingerprint: fingerprint(.noticeDocx, pairHash)) {
              () throws(GuideKitError) in
              try packager(try sheets.transform("notice-docx", document: notice(), parameters: parameters))
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
          SiteJob(path: links.noticeText ?? "", fingerprint: fingerprint(.noticeText, pairHash, options.baseURL)) {
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
      let source = try Publisher.readInputs([file])[0]
      let own = Publisher.hash(source)
      jobs.append(
        SiteJob(path: path + ".html", fingerprint: fingerprint(.referencePage, own)) { () throws(GuideKitError) in
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
      impact = checker.check(trees)
    }
    if let report = impact, options.impactReport {
      let registryHash = Self.registryFingerprint(registry)
      let inputs = trees.map { inputHashes[$0.info.file] ?? "" }.joined()
      let sheets = options.stylesheets
      let parameters = options.parameters
      jobs.append(
        SiteJob(path: "impact.html", fingerprint: fingerprint(.impact, inputs, registryHash, options.asOf)) {
          () throws(GuideKitError) in
          let document = try report.document(clauseTexts: ImpactRules.clauseTexts(trees, report: report))
          return Data(try sheets.transform("impact-html", document: document, parameters: parameters).utf8)
        })
      jobs.append(
        SiteJob(path: "impact.json", fingerprint: fingerprint(.impactJSON, inputs, registryHash, options.asOf)) {
          () throws(GuideKitError) in
          Data(JSONOutput.string(report).utf8)
        })
      site.impact = report
    }

    // Index and feed.
    let siteHash = Publisher.hash(Data(site.xml().utf8))
    let finalSite = site
    let sheets = options.stylesheets
    let parameters = options.parameters
    let feedParameters = parameters.merging(["base-url": options.baseURL, "self-href": "feed.xml"]) { user, _ in user }
    jobs.append(
      SiteJob(path: "index.html", fingerprint: fingerprint(.index, siteHash)) { () throws(GuideKitError) in
        Data(try sheets.transform("site-index", document: finalSite.document(), parameters: parameters).utf8)
      })
    jobs.append(
      SiteJob(path: "feed.xml", fingerprint: fingerprint(.feed, siteHash, options.baseURL)) {
        () throws(GuideKitError) in
        Data(try sheets.transform("feed", document: finalSite.document(), parameters: feedParameters).utf8)
      })

    self.jobs = jobs
    self.impact = impact
    self.editionPages = editionPages
    self.tablePages = tablePages
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
      for r in revisions { parts.append("\(r.path)|\(BuildState.statSignature(r.path) ?? "")") }
    }
    return Publisher.hash(Data(parts.joined(separator: "\n").utf8))
  }

  static func stylesheetFingerprint(_ stylesheets: Stylesheets) throws(GuideKitError) -> String {
    var parts: [String] = []
    for name in Stylesheets.bundledNames + stylesheets.overrides.keys.sorted() {
      let path = try stylesheets.path(for: name)
      parts.append(name + ":" + (try Self.fileHash(path)))
    }
    if let folder = BundledSchema.resourcePath("stylesheets"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    {
      for name in names.sorted() where !name.hasSuffix(".xsl") {
        parts.append(name + ":" + ((try? Self.fileHash(folder.joiningPath(name))) ?? ""))
      }
    }
    return Publisher.hash(Data(parts.joined(separator: "\n").utf8))
  }

  /// The images of an edition's figures, copied beside its page (`<id>/<version>/<src>`); an image
  /// that `FigureFiles.resolve` refuses (validate reports it) is left out.
  static func figureJobs(_ edition: ClauseTree, prefix: String, base: String) -> [SiteJob] {
    var jobs: [SiteJob] = []
    edition.forEachUnit { unit in
      guard unit.kind == .figure, let src = unit.properties["src"], let expected = unit.properties["sha256"],
        case .success(let path) = FigureFiles.resolve(src, edition: edition.info.file)
      else { return }
      jobs.append(
        SiteJob(path: "\(prefix)/\(src)", fingerprint: Fingerprint(base: base, kind: .figure, inputs: [expected])) {
          () throws(GuideKitError) in
          guard let data = FileManager.default.contents(atPath: path), Publisher.hash(data) == expected else {
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
    return Publisher.hash(data)
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

import ArgumentParser
import Dispatch
import FoundationEssentials
import GuideKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Publish: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish",
    abstract: "Publish the site: pages, 新旧対照表, notices, impact report, feed.",
    discussion: """
      Reads every edition under --guidelines (default guidelines/) and writes to --out (default \
      output/): an index, each edition's page and text, the 新旧対照表 and redline between \
      consecutive editions, the notices (HTML and text), the impact report (against \
      --references; default references/ when it exists), an Atom feed and manifest.json with \
      the sha256 of every file. Draft editions (status="draft") are left out unless --drafts is \
      given; then every page of a draft is marked 案 (and the feed still leaves it out). The site is built in a staging folder and swapped in atomically; \
      a run with nothing changed writes nothing. Because the output folder is replaced whole, it \
      must be new, empty or a site guidekit wrote, and apart from the guidelines and references.

      Examples:
        guidekit publish
        guidekit publish --references references \\
            --references ../shared/data/egov/laws \\
            --references ../shared/data/oscal/catalogs --out public
        guidekit publish --stylesheet delta-table=office-table.xsl \\
            --param paper=portrait
      """
  )

  @Option(help: ArgumentHelp("The guidelines folder.", valueName: "DIR"))
  var guidelines = "guidelines"

  @Option(
    name: .customLong("references"), help: ArgumentHelp("A reference registry folder (repeatable).", valueName: "DIR"))
  var references: [String] = []

  @Option(help: ArgumentHelp("The output folder.", valueName: "DIR"))
  var out = "output"

  @Option(help: ArgumentHelp("The day for the impact report (default: today).", valueName: "YYYY-MM-DD"))
  var asOf: String?

  @Option(help: ArgumentHelp("Text width of the .txt files, in display columns.", valueName: "COLUMNS"))
  var width = 70

  @Option(
    help: ArgumentHelp(
      "Absolute URL the site is served from, for the links of the feed and of the plain-text notices.",
      valueName: "URL"))
  var baseURL = ""

  @Option(help: ArgumentHelp("The site's title.", valueName: "TEXT"))
  var title = "テレワーク関係ガイドライン"

  @Flag(help: "Publish draft editions (status=\"draft\") too, each page marked 案; they are left out by default.")
  var drafts = false

  @OptionGroup var style: StyleOptions

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  /// `--references`, or `references/` when there is one.
  private var referenceFolders: [String] {
    references.isEmpty ? (FileManager.default.fileExists(atPath: "references") ? ["references"] : []) : references
  }

  func validate() throws {
    try Day.check(asOf, option: "--as-of")
    try TextWidth.check(width)
    let target = PublishOptions(guidelines: guidelines, references: referenceFolders, out: out)
    if let problem = target.outputFolderProblem() { throw ValidationError(problem) }
  }

  func run() throws {
    let folders = referenceFolders
    for folder in folders where !FileManager.default.fileExists(atPath: folder) {
      Console.error("\(folder): error: reference folder not found")
      throw ExitCode(2)
    }
    let showProgress = !quiet && isatty(STDERR_FILENO) == 1
    let interrupt = InterruptHandler()
    defer { interrupt.cancel() }
    do {
      try publishSite(folders: folders, showProgress: showProgress)
    } catch {
      if showProgress { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
      Console.error(error.description)
      throw ExitCode(2)
    }
  }

  private func publishSite(folders: [String], showProgress: Bool) throws(GuideKitError) {
    var options = PublishOptions(
      guidelines: guidelines, references: folders, out: out, asOf: asOf ?? PinDate.today(),
      stylesheets: try style.stylesheets(defaultName: nil), parameters: try style.parameters(),
      layout: TextLayoutOptions(width: width), baseURL: baseURL, siteTitle: title)
    options.drafts = drafts
    let publisher = Publisher(options: options) { done, total, path in
      if showProgress {
        Console.write("\r\u{1B}[K[\(done)/\(total)] \(path)", to: STDERR_FILENO)
      }
    }
    let result = try publisher.publish()
    if showProgress { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
    guard !quiet else { return }
    if result.unchanged {
      Console.error("guidekit publish: \(out)/ is up to date (\(result.files.count) files)")
    } else {
      Console.error("guidekit publish: \(result.files.count) files in \(out)/, \(result.rebuilt) rebuilt")
    }
    if let impact = result.impact {
      var line =
        "guidekit publish: impact as of \(impact.asOf): \(impact.stale) stale, \(impact.broken) broken, \(impact.unverifiable) unverifiable"
      if !impact.missingSources.isEmpty {
        line += "; not fetched: \(impact.missingSources.joined(separator: ", ")) (run `guidekit sources fetch`)"
      }
      Console.error(line)
    }
  }
}

/// On SIGINT or SIGTERM: remove staging folders, say so, exit 2; the previous site stays whole.
final class InterruptHandler {
  private var sources: [DispatchSourceSignal] = []

  init() {
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler {
        StagingCleanup.shared.removeAll()
        Console.error("guidekit: interrupted; the previous output is unchanged")
        exit(2)
      }
      source.resume()
      sources.append(source)
    }
  }

  func cancel() {
    sources.forEach { $0.cancel() }
  }
}

import ArgumentParser
import Dispatch
import FoundationEssentials
import GuideKit
import GuideKitCLI
import GuideKitWord
import Synchronization

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
      consecutive editions (and the 新旧対照表 as a Word document, <version>-table.docx), the \
      notices (HTML, text and Word), an Atom feed and manifest.json with \
      the sha256 of every file; with --impact-report also the impact report (against \
      --references; default references/ when it exists; without the flag only its summary is \
      printed). Every input is validated first: errors refuse the publish (exit 1, nothing \
      written; exit 2 for a file that does not parse), warnings are printed (and refuse it with --strict). Draft editions (status="draft") are left out unless --drafts is \
      given; then every page of a draft is marked 案 (and the feed still leaves it out). The site is built in a staging folder and swapped in atomically; \
      a run with nothing changed writes nothing. One publish at a time writes a folder: another \
      run waits for the lock (--no-wait: exit 2 instead). Build state (the lock, what each file \
      was made from) is kept beside the output folder in .NAME.guidekit/, not in it. Because the output folder is replaced whole, it \
      must be new, empty or a site guidekit wrote, and apart from the guidelines and references.

      Examples:
        guidekit publish
        guidekit publish --impact-report --references references \\
            --references ../shared/data/egov/laws \\
            --references ../shared/data/oscal/catalogs --out public
        guidekit publish --stylesheet delta-table=office-table.xsl \\
            --param paper=portrait
      """
  )

  @OptionGroup var guidelines: GuidelinesFolderOptions

  @OptionGroup var references: RegistryOptions

  @Option(help: ArgumentHelp("The output folder.", valueName: "DIR"))
  var out = "output"

  @OptionGroup var day: AsOfOptions

  @OptionGroup var layout: LayoutOptions

  @Option(
    help: ArgumentHelp(
      "Absolute URL the site is served from, for the links of the feed and of the plain-text notices.",
      valueName: "URL"))
  var baseURL = ""

  @Option(help: ArgumentHelp("The site's title.", valueName: "TEXT"))
  var title = PublishOptions.defaultSiteTitle

  @Flag(help: "Publish draft editions (status=\"draft\") too, each page marked 案; they are left out by default.")
  var drafts = false

  @OptionGroup var style: StyleOptions

  @Flag(
    help:
      "Publish the impact report (impact.html, impact.json) too; it lists the file and line of every cited clause.")
  var impactReport = false

  @Flag(help: "Treat warnings of the validation that precedes the publish as errors: refuse to publish.")
  var strict = false

  @Flag(
    help: "Fail at once (exit 2) when another publish into the same output folder is running, instead of waiting.")
  var noWait = false

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  /// `--references`, or `references/` when there is one.
  private var referenceFolders: [String] {
    references.given || FileManager.default.fileExists(atPath: RegistryOptions.defaultFolder)
      ? references.effectiveFolders : []
  }

  func validate() throws {
    try style.requireNames()
    let target = PublishOptions(guidelines: guidelines.folder, references: referenceFolders, out: out)
    if let problem = target.outputFolderProblem() { throw ValidationError(problem) }
  }

  func run() throws {
    let folders = referenceFolders
    for folder in folders where !FileManager.default.fileExists(atPath: folder) {
      Console.error("\(folder): error: reference folder not found")
      throw ExitCode(2)
    }
    let sheets = try style.stylesheets(defaultName: nil)
    let showProgress = !quiet && isatty(STDERR_FILENO) == 1
    let interrupt = InterruptHandler()
    defer { interrupt.cancel() }
    do {
      if let status = try publishSite(folders: folders, stylesheets: sheets, showProgress: showProgress) {
        throw ExitCode(status)
      }
    } catch let error as GuideKitError {
      // An interrupt made the run fail: the handler says so and exits once staging is removed.
      while interrupt.isInterrupted { pause() }
      if showProgress { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
      Console.error(error.description)
      throw ExitCode(2)
    }
  }

  /// Publishes; the exit status when validation refused the publish (2: an input unreadable).
  private func publishSite(folders: [String], stylesheets: Stylesheets, showProgress: Bool) throws(GuideKitError)
    -> Int32?
  {
    var options = PublishOptions(
      guidelines: guidelines.folder, references: folders, out: out, asOf: day.day,
      stylesheets: stylesheets, parameters: style.parameters(),
      layout: TextLayoutOptions(width: layout.width.count), baseURL: baseURL, siteTitle: title)
    options.wait = !noWait
    options.strict = strict
    options.impactReport = impactReport
    options.drafts = drafts
    options.docxPackager = { flat throws(GuideKitError) in Data(try WordExport.package(flat)) }
    let folder = out
    let publisher = Publisher(
      options: options,
      progress: { done, total, path in
        if showProgress {
          Console.write("\r\u{1B}[K[\(done)/\(total)] \(path)", to: STDERR_FILENO)
        }
      },
      waiting: { pid in
        Console.error(
          "guidekit publish: waiting for another publish into \(folder)/\(pid.map { " (pid \($0))" } ?? "") to finish")
      })
    let result = try publisher.publish()
    if showProgress { Console.write("\r\u{1B}[K", to: STDERR_FILENO) }
    // The validation that precedes every publish: its findings are printed even with --quiet.
    if !result.diagnostics.isEmpty {
      Console.write(DiagnosticFormatter.text(result.diagnostics), to: STDERR_FILENO)
    }
    if result.refused {
      Console.error(
        "guidekit publish: not published: the guidelines have \(result.errors) error\(result.errors == 1 ? "" : "s")\(strict ? " (warnings count with --strict)" : ""); \(out)/ is unchanged"
      )
      return result.trouble ? 2 : 1
    }
    guard !quiet else { return nil }
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
    return nil
  }
}

/// On SIGINT or SIGTERM: remove staging folders, say so, exit 2; the previous site stays whole.
final class InterruptHandler {
  private var sources: [DispatchSourceSignal] = []
  /// Set as the handler starts: jobs then fail (their staging folder is gone), and the run must
  /// leave the exit to the handler, which is still removing that folder.
  private final class Flag: Sendable { let value = Atomic<Bool>(false) }
  private let interrupted = Flag()

  var isInterrupted: Bool { interrupted.value.load(ordering: .acquiring) }

  init() {
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler { [interrupted] in
        interrupted.value.store(true, ordering: .releasing)
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

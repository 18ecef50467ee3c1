import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI
import GuideKitWord

struct Diff: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two editions, unit by unit, with Japanese redlines.",
    discussion: """
      OLD and NEW are two documents of one kind: two guideline editions, two revisions of an \
      e-Gov law (<Law> or the API's <DataRoot>), or two OSCAL catalogs. Units are aligned by id \
      (guideline clause id, OSCAL control id) and, for laws, by text first, so an article that \
      was renumbered (第十一条の二 → 第十二条) is reported as renumbered, not as a change of \
      the article that took over its number. Formatting alone is never a change. A <ref> \
      whose provision or pin changed is a citation change, listed apart from the text (kind \
      citation when the text is the same).

      Formats: text (unified, by unit), json, markdown (for a pull-request comment), html (the \
      new edition as a redline), table (the 新旧対照表, HTML), docx (the 新旧対照表 as a Word \
      document: A4 landscape, --param paper=portrait for portrait; binary, so -o FILE or a \
      redirect), xml (the delta document that every other format is made from).

      With --git BASE [PATH...], every *.xml file under PATH (default guidelines/) that changed \
      between the git revision BASE and the work tree is compared with its version at BASE, read \
      through git (no checkout), in one report: markdown for a pull-request comment, github (one \
      annotation per changed clause at its line), json (one diff per file) or text. An added \
      edition is compared with the edition it supersedes (as committed at BASE, else in the work \
      tree); other added files count every clause as added; deleted files are reported. A \
      shallow clone needs BASE fetched.

      Examples:
        guidekit diff guidelines/telework-security/4.0.xml \\
            guidelines/telework-security/5.0.xml
        guidekit diff old.xml new.xml --format table -o 新旧対照表.html
        guidekit diff old.xml new.xml --format docx -o 新旧対照表.docx
        guidekit diff law-20260101.xml law-20260401.xml --format json --exit-code
        guidekit diff --git origin/main --format markdown -o review.md
      """
  )

  @Argument(help: ArgumentHelp("The older document.", valueName: "OLD")) var old: String?
  @Argument(help: ArgumentHelp("The newer document.", valueName: "NEW")) var new: String?
  /// With --git, every positional argument is a PATH; the first two are `old` and `new`.
  @Argument(help: ArgumentHelp(visibility: .hidden)) var morePaths: [String] = []

  @Option(
    name: .customLong("git"),
    help: ArgumentHelp(
      "Compare every file changed since the git revision BASE with its version at BASE; the arguments are then PATHs (default: guidelines/).",
      valueName: "BASE"))
  var gitBase: String?

  enum Format: String, CommandFormat { case text, json, markdown, github, html, table, docx, xml }

  @Option(
    help: ArgumentHelp(
      "Output format (table: the 新旧対照表 as HTML; docx: the 新旧対照表 as a Word document; xml: the delta document; github: with --git only; html, table, docx and xml: without it).",
      valueName: "FORMAT"))
  var format: Format = .text

  @Flag(help: "Exit with status 1 when the documents differ.")
  var exitCode = false

  @Flag(help: "Count full-width and half-width forms as equal (１ = 1, Ａ = A, ｶ = カ).")
  var ignoreWidth = false

  @Flag(help: "Count differences in whitespace as equal.")
  var ignoreWhitespace = false

  @Option(
    help: ArgumentHelp(
      "The most work the inline diffs may take together, in millions of edit-graph steps (default 2000: a few seconds). Units beyond their share get a coarser redline; the report says which.",
      valueName: "MILLIONS"))
  var budget: Int = 2000

  @OptionGroup var style: StyleOptions
  @OptionGroup var output: OutputOptions

  var diffOptions: DiffOptions {
    DiffOptions(
      text: TextDiffOptions(ignoreWidth: ignoreWidth, ignoreWhitespace: ignoreWhitespace),
      workBudget: budget.multipliedReportingOverflow(by: 1_000_000).overflow ? Int.max : budget * 1_000_000)
  }

  func validate() throws {
    guard budget >= 0 else { throw ValidationError("--budget must be 0 or more") }
    try output.refuseInputs([old, new] + morePaths)
    if gitBase != nil {
      try Format.check(format, allowed: [.text, .json, .markdown, .github], command: "diff --git")
      return
    }
    try Format.check(format, allowed: [.text, .json, .markdown, .html, .table, .docx, .xml], command: "diff")
    if format == .docx { try output.refuseBinaryOnTerminal() }
    guard old != nil, new != nil else {
      throw ValidationError("diff needs OLD and NEW, or --git BASE [PATH...]")
    }
    guard morePaths.isEmpty else {
      throw ValidationError("diff compares two documents (OLD NEW); to review many files use --git BASE [PATH...]")
    }
  }

  func run() async throws {
    if let gitBase {
      try await runGit(base: gitBase)
      return
    }
    guard let old, let new else { throw ValidationError("diff needs OLD and NEW") }
    let (a, b) = try loadPair(old, new)
    let diff = try DocumentDiffer.diff(old: a, new: b, options: diffOptions)
    var rendered = ""
    var document: [UInt8]?
    switch format {
    case .docx:
      document = try WordExport.table(
        delta: DeltaDocument.document(diff), stylesheets: try style.stylesheets(defaultName: "delta-docx"),
        parameters: style.parameters())
    case .json:
      rendered = JSONOutput.string(diff)
    case .xml:
      rendered = DeltaDocument.xml(diff)
    default:
      let name =
        switch format {
        case .markdown: "delta-markdown"
        case .html: "delta-html"
        case .table: "delta-table"
        default: "delta-text"
        }
      var parameters = style.parameters()
      if format == .text && output.colorAllowed && parameters["color"] == nil { parameters["color"] = "1" }
      rendered = try style.stylesheets(defaultName: name).transform(
        name, document: DeltaDocument.document(diff), parameters: parameters)
    }
    if let document { try output.emit(bytes: document) } else { try output.emit(rendered) }
    let s = diff.summary
    output.summary(
      "guidekit diff: \(s.modified) modified, \(s.added) added, \(s.removed) removed, \(s.moved) moved, \(s.renumbered) renumbered, \(s.citation) citation, \(s.unchanged) unchanged"
    )
    if exitCode && !diff.isEmpty { throw ExitCode(1) }
  }

  /// `--git BASE [PATH...]`: one report over every changed file.
  func runGit(base: String) async throws {
    let paths = [old, new].compactMap { $0 } + morePaths
    let options = diffOptions
    let review = try await GitReview.review(
      repository: try await GitRepository(), base: base, paths: paths, options: options)
    let rendered: String
    switch format {
    case .json:
      rendered = JSONOutput.string(review)
    case .github:
      rendered = GitHubAnnotations.gitReview(review)
    case .markdown:
      rendered = try MarkdownFormat.gitReview(
        review, stylesheets: try style.stylesheets(defaultName: "delta-markdown"), parameters: style.parameters())
    default:
      rendered = try TextFormat.gitReview(
        review, stylesheets: try style.stylesheets(defaultName: "delta-text"), parameters: style.parameters())
    }
    try output.emit(rendered)
    let s = review.summary
    output.summary(
      "guidekit diff --git \(base): \(review.files.count) file\(review.files.count == 1 ? "" : "s"); \(s.modified) modified, \(s.added) added, \(s.removed) removed, \(s.moved) moved, \(s.renumbered) renumbered, \(s.citation) citation"
    )
    if exitCode && !review.files.isEmpty { throw ExitCode(1) }
  }
}

/// Loads two documents at once (both cores).
func loadPair(_ a: String, _ b: String) throws(GuideKitError) -> (ClauseTree, ClauseTree) {
  let trees = try DocumentLoader.load(files: [a, b])
  return (trees[0], trees[1])
}

import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

struct Impact: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impact",
    abstract: "Check every cited law article and security control against newer revisions.",
    discussion: """
      Every <ref source provision pin> in PATH is resolved at its pinned \
      revision and at the latest revision in force on --as-of (default today), in the reference \
      registry (--references, repeatable; default references/): e-Gov law files as downloaded \
      (<LawId>_<YYYYMMDD>_<AmendingLawId>.xml), OSCAL catalogs and clause sets as \
      <source-id>/<revision>.xml. A finding is modified, renumbered (the cited text moved to \
      another article: latestProvision), deleted, withdrawn (OSCAL), unresolved (broken), \
      unverifiable (the source is not fetched yet, or the pinned revision is not held: run \
      `guidekit sources fetch`) or upcoming (a scheduled revision changes it). Exit status 1 when \
      anything is stale or broken, and with --strict also when anything is unverifiable. With no \
      PATH, guidelines/ is checked: the latest edition of each guideline and the edition in force \
      on --as-of when it differs (--all-editions: every edition).

      Examples:
        guidekit impact --references references \\
            --references ../shared/data/egov/laws \\
            --references ../shared/data/oscal/catalogs
        guidekit impact --as-of 2026-06-01 --format sarif -o impact.sarif
        guidekit impact --format html -o impact.html
      """
  )

  @Argument(help: ArgumentHelp("Guideline files or folders (default: guidelines/).", valueName: "PATH"))
  var paths: [String] = []

  @OptionGroup var references: RegistryOptions
  @OptionGroup var day: AsOfOptions

  enum Format: String, CommandFormat { case text, json, markdown, sarif, github, html, xml }

  @Option(
    help: ArgumentHelp(
      "Output format (xml: the report document the markdown and html stylesheets read; with --against: text, json or github).",
      valueName: "FORMAT"))
  var format: Format = .text

  @Flag(help: "Also list current references (text format).")
  var all = false

  @Flag(help: "Also fail (exit 1) on unverifiable references: sources not fetched, pins not held.")
  var strict = false

  @Flag(
    help:
      "With no PATH: check every edition, not only the latest edition of each guideline and the one in force on --as-of."
  )
  var allEditions = false

  @Flag(
    help:
      "After review: rewrite the pin (and the provision of renumbered refs, and the 第N条第M項第K号 citation in their text) of the modified and renumbered references to the latest revision, changing no other byte; refs whose text could not be updated are listed."
  )
  var accept = false

  @Option(
    help: ArgumentHelp(
      "Edition check: compare the pins of the edition in PATH with those of this previous edition; flag clauses whose cited provision changed while their text did not.",
      valueName: "OLD"))
  var against: String?

  @Option(
    name: .customLong("clause"),
    help: ArgumentHelp("With --accept: only the references of this clause id (repeatable).", valueName: "ID"))
  var clauses: [String] = []

  @OptionGroup var style: StyleOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    if against != nil {
      try Format.check(format, allowed: [.text, .json, .github], command: "impact --against")
    }
    if accept {
      try Format.check(format, allowed: [.text], command: "impact --accept")
    }
    try output.refuseInputs(paths + [against])
  }

  func run() throws {
    let registry = try references.registry(requireDefault: true)
    if let error = registry.storeErrors.first { throw error }
    let trees = try GuidelineSet.load(paths: paths.isEmpty ? ["guidelines"] : paths)
    let day = day.day
    let checker = ImpactChecker(registry: registry, options: ImpactOptions(asOf: day), guidelines: trees)
    // Historic editions are not edited any more: by default only the current ones are checked.
    let checked = paths.isEmpty && !allEditions ? GuidelineSet.currentEditions(trees, asOf: day) : trees
    if let against {
      try editionCheck(against: against, trees: trees, checker: checker)
      return
    }
    let report = checker.check(checked)
    if accept {
      try acceptReviewed(report)
      return
    }
    let diagnostics = (all ? report.all : report.findings).map(\.diagnostic).sorted(by: Diagnostic.sortKey)
    switch format {
    case .json:
      try output.emit(JSONOutput.string(report))
    case .sarif:
      try output.emit(JSONOutput.string(SARIF.document(diagnostics: diagnostics, rules: ImpactRules.descriptors)))
    case .github:
      try output.emit(GitHubAnnotations.diagnostics(diagnostics))
    case .xml:
      try output.emit(report.xml(clauseTexts: ImpactRules.clauseTexts(trees, report: report)))
    case .markdown, .html:
      let name = format == .html ? "impact-html" : "impact-markdown"
      let texts = ImpactRules.clauseTexts(trees, report: report)
      try output.emit(
        try style.stylesheets(defaultName: name).transform(
          name, document: report.document(clauseTexts: texts), parameters: style.parameters()))
    default:
      try output.emit(DiagnosticFormatter.text(diagnostics, color: output.colorAllowed))
    }
    var line =
      "guidekit impact: \(report.references) references as of \(report.asOf): \(report.current) current, \(report.stale) stale, \(report.broken) broken, \(report.unverifiable) unverifiable, \(report.findings.count - report.stale - report.broken - report.unverifiable) other"
    if !report.missingSources.isEmpty {
      line += "; sources not in the registry: \(report.missingSources.joined(separator: ", "))"
    }
    output.summary(line)
    let status = report.exitStatus(strict: strict)
    if status != 0 { throw ExitCode(status) }
  }

  private func acceptReviewed(_ report: ImpactReport) throws {
    let outcomes = try ReferenceRepinner.accept(report, clauses: Set(clauses))
    try output.emit(TextFormat.accepted(outcomes))
    let count = outcomes.reduce(0) { $0 + $1.repinned.count }
    let untouched = outcomes.reduce(0) { $0 + $1.textNotUpdated.count }
    output.summary(
      "guidekit impact --accept: \(count) reference\(count == 1 ? "" : "s") re-pinned"
        + (untouched > 0 ? ", \(untouched) text\(untouched == 1 ? "" : "s") to edit by hand" : ""))
  }

  private func editionCheck(against: String, trees: [ClauseTree], checker: ImpactChecker) throws {
    guard trees.count == 1, let new = trees.first else {
      throw ValidationError("--against compares one edition: give exactly one guideline file as PATH")
    }
    let old = try DocumentLoader.load(file: against)
    let result = try EditionCheck.run(old: old, new: new, checker: checker)
    switch format {
    case .json: try output.emit(JSONOutput.string(result))
    case .github: try output.emit(GitHubAnnotations.diagnostics(result.diagnostics))
    default: try output.emit(DiagnosticFormatter.text(result.diagnostics, color: output.colorAllowed))
    }
    output.summary(
      "guidekit impact --against: \(result.entries.count) citations re-pinned, \(result.entries.filter { $0.change.status != .current }.count) provisions changed, \(result.missedUpdates.count) likely missed updates"
    )
    if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
  }
}

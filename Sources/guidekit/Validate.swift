import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check guideline files against the schema and the semantic rules.",
    discussion: """
      Validates every edition under PATH (files, or folders searched recursively for *.xml; \
      default guidelines/) against schemas/guideline.xsd and the semantic rules: duplicate ids, \
      repeated numbers, empty clauses, titles over 256 characters, dates, editions and supersedes, \
      malformed e-Gov LawIds, clauses dropped from the previous edition, citations in the prose not \
      marked up as <ref> (unlinked-citation; `guidekit link` inserts them), and — with --references \
      — every <ref> against the reference registry. Diagnostics read FILE:LINE: severity: MESSAGE [RULE].

      Examples:
        guidekit validate
        guidekit validate guidelines/telework-security --references references \\
            --references ../shared/data/egov/laws --format sarif -o validate.sarif
        guidekit validate --schema XMLSchemaForJapaneseLaw_v3.xsd laws/
        guidekit validate --schema schemas/atom.rng output/feed.xml

      --schema validates any XML against a W3C XML Schema or a RELAX NG grammar (XML syntax; \
      told apart by the schema's root element) instead, without the semantic rules; \
      schemas/atom.rng checks the Atom feed that publish writes.
      """
  )

  @Argument(help: ArgumentHelp("Files or folders to validate (default: guidelines/).", valueName: "PATH"))
  var paths: [String] = []

  enum Format: String, CommandFormat { case text, json, sarif, github }

  @Option(
    help: ArgumentHelp(
      "Output format: FILE:LINE diagnostics, JSON, SARIF 2.1.0 or GitHub annotations.", valueName: "FORMAT"))
  var format: Format = .text

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "Validate any XML against this W3C XML Schema or RELAX NG grammar instead (no semantic rules).",
      valueName: "SCHEMA"))
  var schema: String?

  @Option(
    name: .customLong("references"),
    help: ArgumentHelp("A reference registry folder; check every <ref> against it (repeatable).", valueName: "DIR"))
  var references: [String] = []

  @OptionGroup var output: OutputOptions

  func validate() throws {
    try output.refuseInputs(paths)
  }

  func run() throws {
    let registry = references.isEmpty ? nil : ReferenceRegistry(folders: references)
    if let registry {
      for folder in registry.missingFolders {
        Console.error("\(folder): error: reference folder not found")
        throw ExitCode(2)
      }
    }
    let options = ValidationOptions(schemaPath: schema, strict: strict, registry: registry)
    let report = Validator.validate(paths: paths.isEmpty ? ["guidelines"] : paths, options: options)
    switch format {
    case .json:
      try output.emit(JSONOutput.string(report))
    case .sarif:
      try output.emit(
        JSONOutput.string(SARIF.document(diagnostics: report.diagnostics, rules: ValidationRules.descriptors)))
    case .github:
      try output.emit(GitHubAnnotations.diagnostics(report.diagnostics))
    case .text:
      try output.emit(DiagnosticFormatter.text(report.diagnostics, color: output.colorAllowed))
    }
    output.summary(
      "guidekit validate: \(report.files) file\(report.files == 1 ? "" : "s"), \(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
    )
    if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
  }
}

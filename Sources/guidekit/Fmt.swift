import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

struct Fmt: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Format guideline XML canonically, so that a git diff shows only real changes.",
    discussion: """
      Rewrites each guideline file in one canonical layout: the XML declaration, two-space \
      indentation, attributes in a fixed order (xmlns, xml:lang, id, version, supersedes, issued, \
      effective, status, planned, num, level, audience, source, provision, pin, type, into, then the others \
      alphabetically), and one element per line where an element holds only elements. The text of \
      p, note, item, title, ref, em, term, issuer, contact, removed, fn, caption and cell is kept exactly as written \
      (never re-wrapped or trimmed), and so are comments and processing instructions. Formatting \
      twice gives the same file. Files are replaced atomically.

      Only documents in the guideline vocabulary are formatted: other XML found in a folder is \
      skipped; other XML named on the command line is an error (exit 2). \
      The names of the files that were (or, with --check, would be) rewritten are printed.

      Examples:
        guidekit fmt
        guidekit fmt guidelines/telework-security/5.0.xml
        guidekit fmt --check guidelines references/ict-measures
      """
  )

  @Argument(help: ArgumentHelp("Files or folders to format (default: guidelines/).", valueName: "PATH"))
  var paths: [String] = []

  @Flag(help: "Write nothing; list the files that are not formatted and exit 1 if there are any.")
  var check = false

  enum Format: String, CommandFormat { case text, json, github }

  @Option(
    help: ArgumentHelp("How the rewritten files are listed: names, JSON or GitHub annotations.", valueName: "FORMAT"))
  var format: Format = .text

  @OptionGroup var output: OutputOptions

  func validate() throws {
    try output.refuseInputs(paths)
  }

  func run() throws {
    let run = FormatRun.run(paths: paths, check: check)
    for problem in run.problems { Console.error(problem) }
    switch format {
    case .json:
      try output.emit(JSONOutput.string(run))
    case .github:
      try output.emit(GitHubAnnotations.unformatted(run.changed))
    default:
      try output.emit(run.changed.map { $0 + "\n" }.joined())
    }
    let verb = check ? "not formatted" : "reformatted"
    output.summary(
      "guidekit fmt: \(run.changed.count) \(verb), \(run.formatted) already formatted, \(run.skipped.count) skipped")
    if run.exitStatus != 0 { throw ExitCode(run.exitStatus) }
  }
}

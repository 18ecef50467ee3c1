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
    let given = paths.isEmpty ? ["guidelines"] : paths
    let (files, missing) = InputFiles.collect(given)
    var trouble = !missing.isEmpty
    for path in missing { Console.error("\(path): error: no such file or folder") }
    let explicit = Set(given)
    var changed: [String] = []
    var formatted = 0
    var skipped: [String] = []
    for file in files {
      do {
        switch try GuidelineFormatter.formatFile(file, write: !check) {
        case .formatted:
          formatted += 1
        case .reformatted:
          changed.append(file)
        case .skipped(let root):
          skipped.append(file)
          if explicit.contains(file) {
            Console.error(
              "\(file): error: not a guideline document (root <\(root)>); fmt formats the guideline vocabulary only")
            trouble = true
          }
        }
      } catch {
        Console.error("\(error)")
        trouble = true
      }
    }
    switch format {
    case .json:
      try output.emit(
        JSONOutput.string(
          [
            "check": check, "files": files.count, "formatted": formatted,
            (check ? "unformatted" : "reformatted"): changed, "skipped": skipped,
          ] as [String: Any]))
    case .github:
      try output.emit(
        changed.map { "::error file=\($0),title=guidekit fmt::not formatted; run guidekit fmt \($0)\n" }.joined())
    default:
      try output.emit(changed.map { $0 + "\n" }.joined())
    }
    let verb = check ? "not formatted" : "reformatted"
    output.summary(
      "guidekit fmt: \(changed.count) \(verb), \(formatted) already formatted, \(skipped.count) skipped")
    if trouble { throw ExitCode(2) }
    if check && !changed.isEmpty { throw ExitCode(1) }
  }
}

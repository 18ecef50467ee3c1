import ArgumentParser
import Foundation
import GuideKit

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two editions, unit by unit, with Japanese redlines.",
    discussion: """
      OLD and NEW are two documents of one kind: two guideline editions, two revisions of an
      e-Gov law (<Law> or the API's <DataRoot>), or two OSCAL catalogs. Units are aligned by id
      (guideline clause id, OSCAL control id) and, for laws, by text first, so an article that
      was renumbered (第十一条の二 → 第十二条) is reported as renumbered, not as a change of
      the article that took over its number. Formatting alone is never a change.

      Formats: text (unified, by unit), json, markdown (for a pull-request comment), html (the
      new edition as a redline), table (the 新旧対照表, HTML), xml (the delta document that every
      other format is made from).

      Examples:
        guidekit diff guidelines/telework-security/4.0.xml guidelines/telework-security/5.0.xml
        guidekit diff old.xml new.xml --format table -o 新旧対照表.html
        guidekit diff law-20260101.xml law-20260401.xml --format json --exit-code
      """
  )

  @Argument(help: "The older document.") var old: String
  @Argument(help: "The newer document.") var new: String

  @Option(help: "Output format: text, json, markdown, html, table or xml.")
  var format: OutputFormat = .text

  @Flag(help: "Exit with status 1 when the documents differ.")
  var exitCode = false

  @Flag(help: "Count full-width and half-width forms as equal (１ = 1, Ａ = A, ｶ = カ).")
  var ignoreWidth = false

  @Flag(help: "Count differences in whitespace as equal.")
  var ignoreWhitespace = false

  @OptionGroup var style: StyleOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try OutputFormat.check(format, allowed: [.text, .json, .markdown, .html, .table, .xml], command: "diff")
  }

  func run() throws {
    let textOptions = TextDiffOptions(ignoreWidth: ignoreWidth, ignoreWhitespace: ignoreWhitespace)
    let diff: DocumentDiff
    do {
      let (a, b) = try loadPair(old, new)
      diff = try DocumentDiffer.diff(old: a, new: b, options: DiffOptions(text: textOptions))
    } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
    let rendered: String
    do {
      switch format {
      case .json:
        rendered = JSONOutput.string(diff.json)
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
        var parameters = try style.parameters()
        if format == .text && output.colorAllowed && parameters["color"] == nil { parameters["color"] = "1" }
        rendered = try style.stylesheets(defaultName: name).transform(
          name, xml: DeltaDocument.xml(diff), fileName: "delta.xml", parameters: parameters)
      }
    } catch {
      Console.error(error.description)
      throw ExitCode(2)
    }
    try output.emit(rendered)
    let s = diff.summary
    output.summary(
      "guidekit diff: \(s["modified"] ?? 0) modified, \(s["added"] ?? 0) added, \(s["removed"] ?? 0) removed, \(s["moved"] ?? 0) moved, \(s["renumbered"] ?? 0) renumbered, \(s["unchanged"] ?? 0) unchanged"
    )
    if exitCode && !diff.isEmpty { throw ExitCode(1) }
  }
}

/// Loads two documents at once (both cores).
func loadPair(_ a: String, _ b: String) throws(GuideKitError) -> (ClauseTree, ClauseTree) {
  nonisolated(unsafe) var results: [Result<ClauseTree, GuideKitError>?] = [nil, nil]
  let paths = [a, b]
  DispatchQueue.concurrentPerform(iterations: 2) { index in
    results[index] = Result { () throws(GuideKitError) in try DocumentLoader.load(file: paths[index]) }
  }
  guard let first = results[0], let second = results[1] else {
    throw .io(path: a, reason: "internal: load did not finish")
  }
  return (try first.get(), try second.get())
}

/// `--stylesheet` and `--param`, shared by the commands that render through XSLT.
struct StyleOptions: ParsableArguments {
  @Option(
    name: .customLong("stylesheet"),
    help: ArgumentHelp(
      "Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).",
      valueName: "FILE"))
  var stylesheets: [String] = []

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp("Pass an XSLT parameter to the stylesheets, as a string (repeatable).", valueName: "NAME=VALUE"))
  var params: [String] = []

  func stylesheets(defaultName: String?) throws(GuideKitError) -> Stylesheets {
    Stylesheets(overrides: try Stylesheets.parseOverrides(stylesheets, defaultName: defaultName))
  }

  func parameters() throws(GuideKitError) -> [String: String] {
    try Stylesheets.parseParameters(params)
  }
}

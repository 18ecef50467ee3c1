import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

struct Show: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the edition of a guideline that was in force on a day.",
    discussion: """
      Picks the latest edition whose effective date (or, without one, its issue date) is on or \
      before --as-of, and renders it like `guidekit render`: HTML (default) or text laid out to \
      --width columns. Drafts (status="draft") are never in force. It is an error (exit 2) when \
      no edition was in force yet on that day.

      Examples:
        guidekit show telework-security --as-of 2019-01-01 --format text
        guidekit show telework-labor --as-of 2021-06-01 -o labor.html
      """
  )

  @Argument(help: ArgumentHelp("The guideline's id (its folder under --guidelines).", valueName: "GUIDELINE-ID"))
  var guidelineID: String

  @OptionGroup var day: AsOfOptions

  enum Format: String, CommandFormat { case html, text }

  @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
  var format: Format = .html

  @OptionGroup var layout: LayoutOptions

  @OptionGroup var guidelines: GuidelinesFolderOptions

  @OptionGroup var style: StyleOptions
  @OptionGroup var output: OutputOptions

  func run() throws {
    let day = day.day
    let editions = try EditionInForce.load(guideline: guidelineID, folder: guidelines.folder)
    guard let edition = EditionInForce.select(editions, asOf: day) else {
      let first = editions.filter { !$0.info.isDraft }.compactMap(EditionInForce.date(of:)).min() ?? "?"
      Console.error(
        "guidekit: no edition of \(guidelineID) was in force on \(day) (the first took effect on \(first))")
      throw ExitCode(2)
    }
    let file = edition.info.file
    let renderer = Renderer(
      stylesheets: try style.stylesheets(defaultName: format == .html ? "guideline-html" : "guideline-text"),
      parameters: style.parameters(), layout: TextLayoutOptions(width: layout.width.count))
    try output.emit(format == .html ? try renderer.html(file: file) : try renderer.text(file: file))
    output.summary(
      "guidekit show: \(guidelineID) \(edition.info.version) (in force from \(EditionInForce.date(of: edition) ?? "?")) as of \(day)"
    )
  }
}

import ArgumentParser
import GuideKit
import GuideKitCLI

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the rules that validate and impact report under.",
    discussion: """
      One line per rule: its id (the [RULE] of a diagnostic, SARIF's ruleId), its default \
      severity, the command that reports it and what it checks. --format markdown writes \
      docs/rules.md, the page SARIF's helpUri links to (scripts/generate-docs.sh runs it).

      Examples:
        guidekit rules
        guidekit rules --format markdown -o docs/rules.md
      """
  )

  enum Format: String, CommandFormat { case text, markdown }

  @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
  var format: Format = .text

  @OptionGroup var output: OutputOptions

  func run() throws {
    try output.emit(format == .markdown ? RuleCatalog.markdown() : RuleCatalog.text())
  }
}

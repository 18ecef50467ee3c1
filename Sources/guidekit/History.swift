import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show one clause through every edition of a guideline.",
    discussion: """
      Follows the clause by id from edition to edition (in version order; drafts, \
      status="draft", left out), also through renames: \
      consecutive editions are diffed and a clause whose id changed is followed to its new id. \
      For each edition it prints the version and issue date, the clause's number, title and text, \
      and the change since the edition before (first, added, unchanged, modified, moved, \
      renumbered, citation, removed), a modification as an inline redline: \
      [-deleted-]{+inserted+}, and every citation whose provision or pin changed.

      Examples:
        guidekit history telework-security m-auth-mfa
        guidekit history telework-labor work-hours --format json
      """
  )

  @Argument(help: ArgumentHelp("The guideline's id (its folder under --guidelines).", valueName: "GUIDELINE-ID"))
  var guidelineID: String

  @Argument(help: ArgumentHelp("The clause's id (in any edition).", valueName: "CLAUSE-ID"))
  var clauseID: String

  enum Format: String, CommandFormat { case text, json }

  @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
  var format: Format = .text

  @OptionGroup var guidelines: GuidelinesFolderOptions

  @OptionGroup var output: OutputOptions

  func run() throws {
    let editions = try EditionInForce.load(guideline: guidelineID, folder: guidelines.folder)
    guard let history = try ClauseHistory.build(editions: editions, clause: clauseID) else {
      Console.error("guidekit: no edition of \(guidelineID) has a clause with id '\(clauseID)'")
      throw ExitCode(2)
    }
    try output.emit(format == .json ? JSONOutput.string(history) : TextFormat.history(history))
    output.summary("guidekit history: \(clauseID) in \(history.entries.count) edition(s)")
  }
}

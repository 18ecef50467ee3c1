import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

struct NewEdition: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new-edition",
    abstract: "Start a new edition of a guideline from its latest one.",
    discussion: """
      Writes guidelines/<GUIDELINE-ID>/<VERSION>.xml: the latest edition's content with every id \
      kept, version set to VERSION, supersedes to the latest version, issued and effective to \
      --issued (default: today, Japan time), the summary replaced by the placeholder \
      「（改定の概要を記載する）」, <removals> dropped, and a title that names the latest edition's \
      number (（第5版）) naming the new one when VERSION starts a new edition (6.0). The file is \
      written in the canonical layout of `guidekit fmt`, so the first commit of the edition \
      diffs cleanly against the latest one. An existing file is never overwritten (exit 2); a VERSION that is not newer \
      than the latest edition, or that skips an edition number (7 after 5.0) without --allow-gap, \
      is a usage error (exit 64).

      Examples:
        guidekit new-edition telework-security --version 6.0
        guidekit new-edition telework-labor --version 2026 --issued 2026-04-01
      """
  )

  @Argument(help: ArgumentHelp("The guideline's id (its folder under --guidelines).", valueName: "GUIDELINE-ID"))
  var guidelineID: String

  @Option(help: ArgumentHelp("The new edition's version (digits and dots, e.g. 6.0).", valueName: "VERSION"))
  var version: String

  @Option(help: ArgumentHelp("Issue and effective date (default: today).", valueName: "YYYY-MM-DD"))
  var issued: Day?

  @OptionGroup var guidelines: GuidelinesFolderOptions

  @Flag(help: "Accept a VERSION whose edition number skips one (7 after 5.0).")
  var allowGap = false

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  func run() throws {
    let edition = try EditionMaker.plan(
      guidelineID: guidelineID, version: version, issued: issued?.text ?? PinDate.today(), folder: guidelines.folder,
      allowGap: allowGap)
    try EditionMaker.write(edition)
    if !quiet {
      print(edition.path)
      if let change = edition.titleChange {
        Console.error("guidekit new-edition: title 「\(change.old)」 → 「\(change.new)」")
      }
      Console.error(
        "guidekit new-edition: wrote \(edition.path) (supersedes \(edition.previousVersion)); edit its summary, then run guidekit validate"
      )
    }
  }
}

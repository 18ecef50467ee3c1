import ArgumentParser

/// `guidekit sources`: the program `guidekit-sources` beside this one, run in this process's
/// place, so that the network stack it links costs the other commands nothing at start-up.
struct Sources: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sources",
    abstract: "Fetch the laws and controls that guidelines cite into a locked, verifiable store.",
    discussion: """
      guidekit sources fetch|status|verify: see `guidekit sources --help`.
      """
  )

  @Argument(parsing: .captureForPassthrough, help: "fetch, status or verify, and their options.")
  var arguments: [String] = []

  func run() throws {
    SiblingProgram.exec(Self.configuration.commandName ?? "sources", arguments)
  }
}

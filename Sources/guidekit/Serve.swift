import ArgumentParser

/// `guidekit serve`: the program `guidekit-serve` beside this one, run in this process's place,
/// so that the HTTP server it links costs the other commands nothing at start-up.
struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview the site while editing: pages, 新旧対照表 and diagnostics at the clause, live.",
    discussion: """
      guidekit serve [PATH...] [--host 127.0.0.1] [--port 8080]: see `guidekit serve --help`.
      """
  )

  @Argument(parsing: .captureForPassthrough, help: "The guideline folders or files, and the options of serve.")
  var arguments: [String] = []

  func run() throws {
    SiblingProgram.exec(Self.configuration.commandName ?? "serve", arguments)
  }
}

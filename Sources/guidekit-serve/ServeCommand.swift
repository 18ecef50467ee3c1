import ArgumentParser

/// `guidekit serve`: run by `guidekit`, a program of its own so that only it links the server.
@main
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "guidekit serve",
    abstract: "Preview guideline editions while editing them."
  )

  func run() throws {
    throw ValidationError("guidekit serve is not built yet")
  }
}

import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI
import GuideKitServe

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `guidekit serve`: run by `guidekit`, a program of its own so that only it links the server.
@main
struct ServeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "guidekit serve",
    abstract: "Preview the site while editing: pages, 新旧対照表 and diagnostics at the clause, live.",
    discussion: """
      Serves the site that `guidekit publish` would write (index, edition pages, 新旧対照表, \
      redline, notices, feed), rendered by the same stylesheets, from memory; nothing is written. \
      Every validate diagnostic and every impact finding (against --references; default \
      references/ when it exists) is marked beside its clause, with file and line, and listed in a \
      panel on every page; /api/diagnostics.json has the same data. The folders are looked at every \
      100 ms: on a save only what changed is read and rendered again, and open pages update \
      themselves in place (Server-Sent Events), keeping their scroll position. A file that is not \
      well-formed shows its parse error on top of its last good rendering. Draft editions are shown.

      The first line on standard output is `guidekit serve: http://HOST:PORT/`. The server binds \
      127.0.0.1 unless --host says otherwise, answers only requests whose Host is that address, \
      serves only the site's paths (GET and HEAD), and stops on SIGINT or SIGTERM. Another --host makes \
      the preview readable by whoever reaches that address, without authentication: see SECURITY.md.

      Examples:
        guidekit serve
        guidekit serve guidelines/telework-security --references references --port 0
        guidekit serve --host 192.168.1.20 --port 8000
      """
  )

  @Argument(help: ArgumentHelp("Guideline files or folders (default: guidelines/).", valueName: "PATH"))
  var paths: [String] = []

  @OptionGroup var references: RegistryOptions

  @Option(help: ArgumentHelp("The address to listen on.", valueName: "ADDRESS"))
  var host = "127.0.0.1"

  @Option(help: ArgumentHelp("The port to listen on (0: a free port).", valueName: "PORT"))
  var port = 8080

  @OptionGroup var asOf: AsOfOptions

  @Option(help: ArgumentHelp("The site's title, as publish --title.", valueName: "TEXT"))
  var title = PublishOptions.defaultSiteTitle

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port \(port): a port is 0 to 65535") }
    guard !host.isEmpty else { throw ValidationError("--host: give an address, e.g. 127.0.0.1") }
  }

  func run() async throws {
    let inputs = paths.isEmpty ? ["guidelines"] : paths
    for path in inputs where !FileManager.default.fileExists(atPath: path) {
      Console.error("\(path): error: no such file or folder")
      throw ExitCode(2)
    }
    let folders = try references.existingFolders()
    var options = ServeOptions(
      paths: inputs, references: folders, host: host, port: port, asOf: asOf.day)
    options.siteTitle = title
    let server = PreviewServer(site: PreviewSite(options: options))
    do {
      try await server.run { url in
        Console.write("guidekit serve: \(url)\n", to: STDOUT_FILENO)
      }
    } catch {
      Console.error("guidekit serve: error: \(error)")
      throw ExitCode(2)
    }
  }
}

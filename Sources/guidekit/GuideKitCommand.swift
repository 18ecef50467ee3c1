import ArgumentParser
import GuideKit
import GuideKitCLI

#if Mimalloc
  import CMimalloc
#endif

@main
struct GuideKitCommand: AsyncParsableCommand {
  /// `guidekit sources …` and `guidekit serve …` run their programs before anything is parsed here.
  static func main() async {
    let arguments = CommandLine.arguments
    for command in [Sources.configuration.commandName, Serve.configuration.commandName]
    where arguments.count > 1 && arguments[1] == command {
      SiblingProgram.exec(arguments[1], Array(arguments.dropFirst(2)))
    }
    var command: any ParsableCommand
    do {
      command = try parseAsRoot(nil)
    } catch {
      exit(withError: error)
    }
    do {
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      exit(withError: ExitMapping.error(for: error))
    }
  }

  static let configuration = CommandConfiguration(
    commandName: "guidekit",
    abstract: "Validate, diff, impact-check and publish guideline documents kept as versioned XML.",
    discussion: """
      guidekit keeps government guidelines (e.g. the telework security and labour guidelines) as \
      one XML file per edition under guidelines/<guideline-id>/<version>.xml, checks them, compares \
      editions, checks every cited law article and security control against newer revisions of \
      its source, and publishes HTML pages, 新旧対照表 and notices.

      Exit status: 0 success, 1 findings (invalid documents, stale references, differences with \
      --exit-code), 2 trouble (unreadable input, I/O failure), 64 bad usage.
      """,
    version: versionText,
    subcommands: [
      Validate.self, Diff.self, Impact.self, Render.self, Notice.self, Publish.self, Fmt.self, NewEdition.self,
      History.self, Show.self, Sources.self, Serve.self, Link.self, Import.self, Rules.self,
    ]
  )
}

/// `guidekit --version`: the version and the allocator linked in (mimalloc reports 209 for 2.0.9).
let versionText: String = {
  #if Mimalloc
    let mimalloc = Int(mi_version())
    return "\(GuideKitInfo.version) (mimalloc \(mimalloc / 100).\(mimalloc / 10 % 10).\(mimalloc % 10))"
  #else
    return "\(GuideKitInfo.version) (system malloc)"
  #endif
}()

import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI

struct Link: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "link",
    abstract: "Mark up the citations found in the prose as <ref> elements.",
    discussion: """
      Finds the law provisions and controls cited in the text of each guideline file \
      (「労働基準法第32条」, 「同法第38条の2第1項」, 「第34条及び第35条」, 「NIST SP 800-53 AC-17(2)」, \
      「ICT対策 im-auth-01」) that are not yet inside a <ref>, and wraps each in a <ref> with its \
      source, provision and pin, changing no other byte; files are replaced atomically. The pin is \
      the revision of the source in force on the edition's issued date, from the reference store; \
      when the store does not hold it, the pin is that date and a note says so. Citations that \
      cannot be linked (a law title not in references/law-titles.json nor in the store, 附則, an \
      anaphor with nothing to refer to, words split by <em>) are listed on standard error. \
      `validate` reports the same citations as unlinked-citation warnings.

      Examples:
        guidekit link --dry-run guidelines/telework-labor/2021.xml
        guidekit link --references references --references ../shared/data/egov/laws
        guidekit link --format json imported.xml

      --dry-run writes nothing and prints the change as a unified diff; --format json writes \
      nothing and lists what link would insert and what it would skip.
      """
  )

  @Argument(help: ArgumentHelp("Guideline files or folders (default: guidelines/).", valueName: "PATH"))
  var paths: [String] = []

  enum Format: String, CommandFormat { case text, json }

  @Option(
    help: ArgumentHelp(
      "text: what was linked (a diff with --dry-run); json: the plan, nothing written.", valueName: "FORMAT"))
  var format: Format = .text

  @Flag(help: "Write nothing; print the change as a unified diff.")
  var dryRun = false

  /// The store: law titles (law-titles.json, e-Gov files) and the revisions to pin.
  @OptionGroup var references: RegistryOptions

  @OptionGroup var output: OutputOptions

  func validate() throws {
    try output.refuseInputs(paths)
  }

  func run() throws {
    let registry = try references.registry(requireDefault: false)
    let linker = try CitationLinker.store(folders: references.effectiveFolders, registry: registry)
    let (files, missing) = InputFiles.collect(paths.isEmpty ? ["guidelines"] : paths)
    var trouble = !missing.isEmpty
    for path in missing { Console.error("\(path): error: no such file or folder") }
    let write = !dryRun && format == .text
    var plans: [CitationLinker.Plan] = []
    var text = ""
    var linked = 0
    var skipped = 0
    for file in files {
      let result: CitationLinker.FileResult
      do {
        result = try linker.link(file: file, write: write)
      } catch {
        Console.error("\(file): error: \(error)")
        trouble = true
        continue
      }
      linked += result.plan.insertions.count
      skipped += result.plan.skipped.count
      for item in result.plan.skipped {
        Console.error("\(file):\(item.found.line): warning: 「\(item.found.text)」 not linked: \(item.reason)")
      }
      switch format {
      case .json:
        plans.append(result.plan)
      case .text:
        if dryRun {
          text += result.unifiedDiff
        } else {
          var notes: [String] = []
          for insertion in result.plan.insertions {
            text +=
              "\(file):\(insertion.found.line): \(insertion.found.text) → \(insertion.source) \(insertion.provision)\(insertion.pin.map { " pin=\($0)" } ?? "")\n"
            if let note = insertion.note, !notes.contains(note) { notes.append(note) }
          }
          // Each note once per file: it concerns a source, not a line.
          for note in notes { Console.error("\(file): note: \(note)") }
        }
      }
    }
    switch format {
    case .json:
      try output.emit(JSONOutput.string(CitationLinker.Report(plans: plans)))
    case .text:
      if !text.isEmpty { try output.emit(text) }
    }
    let verb = write ? "linked" : "would link"
    output.summary(
      "guidekit link: \(files.count) file\(files.count == 1 ? "" : "s"), \(verb) \(linked) citation\(linked == 1 ? "" : "s"), \(skipped) not linkable"
    )
    if trouble { throw ExitCode(2) }
  }
}

import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI
import GuideKitWord

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a Word document (.docx) as a guideline edition.",
    discussion: """
      Reads FILE.docx and writes the edition in the guideline vocabulary, in the canonical layout \
      of `guidekit fmt`, with the citations in its prose marked up as <ref>s (as `guidekit link` \
      does). Chapters, sections and clauses come from the heading styles and outline levels \
      (見出し 1 / Heading 1 …, inherited through styles.xml) and from the numbers ministries \
      write — 第1章, 2-1, (1)/（1）, 別紙1 —, typed or made by Word's numbering; paragraphs, \
      bullet and numbered lists (ア, ①, 1.), notes (（注）), emphasis, footnotes and tables in \
      clauses are kept, text normalised as the readers normalise it. An edition exported with \
      `render --format docx` comes back whole: its clause ids, numbers, level and audience tags, \
      contact and (with --supersedes) its figures' images.

      Clause ids: a document guidekit exported carries them as bookmarks and keeps them. \
      Otherwise, with --supersedes, every clause, appendix and table row the diff aligns with \
      one of the previous edition takes its id (unchanged and reworded clauses keep theirs), \
      chapters and sections are matched by number, then title, and only new units get new ids, \
      made from their number path (c-2-1-3 for (3) in 2-1) and never one the previous edition \
      had. The previous edition VERSION is looked for beside -o FILE, then in \
      <guidelines>/<GUIDELINE-ID>/; a path to an edition file may be given instead.

      Tracked changes are refused (exit 1, each listed with its place) unless \
      --accept-changes keeps insertions and drops deletions. Comments are dropped with a warning; \
      images and tables that the vocabulary cannot hold where they stand are reported with \
      their place, never dropped silently. The result is validated before it is written: an \
      edition that does not validate is printed as diagnostics and nothing is written (exit 1).

      The package is read defensively: a file that is not a ZIP, a zip bomb (entry count, sizes, \
      compression ratio), an entry named ../x or an XML part with a DOCTYPE or entities stops the \
      import with exit 2 and nothing written.

      Examples:
        guidekit import 6.0.docx --guideline telework-security --version 6.0 \\
            --supersedes 5.0 -o guidelines/telework-security/6.0.xml
        guidekit import guide.docx --guideline my-guide --version 1.0 -o 1.0.xml
        guidekit import draft.docx --guideline telework-labor --version 2026 \\
            --supersedes 2021 --accept-changes > 2026.xml
      """
  )

  @Argument(help: ArgumentHelp("The Word document to import.", valueName: "FILE.docx"))
  var file: String

  @Option(name: .customLong("guideline"), help: ArgumentHelp("The guideline's id.", valueName: "GUIDELINE-ID"))
  var guidelineID: String

  @Option(help: ArgumentHelp("The edition's version (e.g. 6.0).", valueName: "VERSION"))
  var version: String

  @Option(
    help: ArgumentHelp(
      "The previous edition (a version beside -o FILE or in the guidelines folder, or a file): its ids are kept.",
      valueName: "VERSION"))
  var supersedes: String?

  @Option(
    help: ArgumentHelp(
      "Issue and effective date (default: the date the document states, else today).", valueName: "YYYY-MM-DD"))
  var issued: Day?

  @Flag(help: "Accept tracked changes (keep insertions, drop deletions) instead of refusing them.")
  var acceptChanges = false

  @OptionGroup var guidelines: GuidelinesFolderOptions

  @OptionGroup var registry: RegistryOptions

  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard Self.isID(guidelineID) else {
      throw ValidationError(
        "--guideline must be an id (a letter, then letters, digits, '-', '_', '.'), not '\(guidelineID)'")
    }
    guard !version.isEmpty, version.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), version.first != ".",
      version.last != "."
    else {
      throw ValidationError("--version must be digits and dots (e.g. 6.0), not '\(version)'")
    }
    try output.refuseInputs([file])
  }

  static func isID(_ id: String) -> Bool {
    guard let first = id.first, first.isASCII, first.isLetter else { return false }
    return id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
  }

  func run() throws {
    let previous = try previousEdition()
    let result: WordImportResult
    do {
      result = try WordImporter.importDocument(
        file: file,
        options: WordImportOptions(
          guidelineID: guidelineID, version: version, previous: previous, issued: issued?.text,
          acceptChanges: acceptChanges))
    } catch let error as WordImportError {
      Console.error(error.description)
      throw ExitCode(2)
    } catch let refusal as WordImportRefusal {
      Console.error(refusal.description)
      throw ExitCode(1)
    }
    for line in result.warnings { Console.error(line) }
    if !output.quiet { for line in result.notes { Console.error(line) } }

    let name = output.output ?? "\(guidelineID)/\(version).xml"
    let linked = try link(result.xml, name: name)
    // Validated beside the previous edition, whose folder the edition belongs to, wherever it is written.
    var inputs: [(file: String, data: Data)] = []
    var checked = name
    if let previous, let bytes = FileManager.default.contents(atPath: previous.info.file) {
      let folder = previous.info.file.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        .joined(separator: "/")
      checked = (folder.isEmpty ? "" : folder + "/") + version + ".xml"
      inputs.append((previous.info.file, bytes))
    }
    inputs.append((checked, Data(linked.bytes)))
    let report = Validator.validate(inputs: inputs)
    let own = report.diagnostics.filter { $0.file == checked }.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.file = name
      return diagnostic
    }
    if own.contains(where: { DiagnosticFormatter.line($0).contains(": error: ") }) {
      Console.error(DiagnosticFormatter.text(own))
      Console.error("guidekit import: the edition made from \(file) does not validate; nothing written")
      throw ExitCode(1)
    }
    try output.emit(String(decoding: linked.bytes, as: UTF8.self))
    output.summary(
      "guidekit import: \(file) → \(output.output ?? "standard output"): ids \(result.bookmarkedIDs) from bookmarks, \(result.alignedIDs) from \(previous.map { "version " + $0.info.version } ?? "no previous edition"), \(result.newIDs) new; \(linked.count) citation\(linked.count == 1 ? "" : "s") linked; \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
    )
  }

  /// The previous edition's tree, looked up as the help says.
  private func previousEdition() throws -> ClauseTree? {
    guard let supersedes else { return nil }
    var candidates: [String] = []
    if supersedes.hasSuffix(".xml") || supersedes.contains("/") {
      candidates.append(supersedes)
    } else {
      if let path = output.output {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        candidates.append((folder.isEmpty ? "" : folder + "/") + supersedes + ".xml")
      }
      candidates.append("\(guidelines.folder)/\(guidelineID)/\(supersedes).xml")
    }
    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
      Console.error(
        "\(candidates.last ?? supersedes): error: the previous edition \(supersedes) was not found (looked for \(candidates.joined(separator: ", ")))"
      )
      throw ExitCode(2)
    }
    do {
      let tree = try DocumentLoader.load(file: path)
      guard tree.info.kind == .guideline else {
        Console.error("\(path): error: --supersedes needs a guideline edition, not a \(tree.info.kind.rawValue)")
        throw ExitCode(2)
      }
      return tree
    } catch let error as GuideKitError {
      Console.error(error.description)
      throw ExitCode(2)
    }
  }

  /// The edition with the citations of its prose marked up, and how many.
  private func link(_ xml: String, name: String) throws -> (bytes: [UInt8], count: Int) {
    let linker = try CitationLinker.store(
      folders: registry.effectiveFolders, registry: registry.registry(requireDefault: false))
    let bytes = Array(xml.utf8)
    let plan = linker.plan(file: name, bytes: bytes)
    if !output.quiet {
      for item in plan.skipped {
        Console.error("\(name):\(item.found.line): note: 「\(item.found.text)」 not linked: \(item.reason)")
      }
    }
    return (CitationLinker.apply(plan, to: bytes), plan.insertions.count)
  }
}

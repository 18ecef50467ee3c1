import Foundation
import GuideKitTestSupport
import Testing

/// `FILE:LINE: severity: MESSAGE [RULE]` (DESIGN.md), the line optional.
nonisolated(unsafe) private let diagnosticLine =
  #/^(?<file>[^:]+):(?:(?<line>[0-9]+):)? (?<severity>error|warning|note): (?<message>.+) \[(?<rule>[a-z-]+)\]$/#

private func lines(_ text: String) -> [String] {
  text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

private func json(_ text: String) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// An invalid edition: an empty clause on line 8 and a duplicate id on line 9.
private let invalidBody = """
      <clause id="c-1" num="(1)"><p>一。</p></clause>
      <clause id="c-2" num="(2)"><p> </p></clause>
      <clause id="c-1" num="(3)"><p>三。</p></clause>
  """

@Suite("guidekit validate")
struct ValidateCommandTests {
  @Test func theBinaryIsTheOneThisTestRunBuilt() throws {
    // A missing binary fails the CLI tests instead of skipping them.
    let binary = try #require(CLI.binary, CLI.binaryMessage)
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
      .resolvingSymlinksInPath().deletingLastPathComponent()
    // Linux: both in the products folder; macOS: the bundle's executable is inside it.
    #expect(bundleFolder.path.hasPrefix(binary.deletingLastPathComponent().path), "\(binary.path)")
    let version = try CLI.run(["--version"])
    #expect(version.status == 0, "\(version)")
    #expect(!version.stdout.isEmpty)
  }

  @Test func helpListsTheSubcommandAndAnExample() throws {
    let root = try CLI.run(["--help"])
    #expect(root.status == 0, "\(root)")
    #expect(root.stdout.contains("SUBCOMMANDS:"))
    #expect(root.stdout.contains("  validate "), "\(root)")
    #expect(root.stdout.contains("Exit status"))
    let validate = try CLI.run(["validate", "--help"])
    #expect(validate.status == 0, "\(validate)")
    #expect(validate.stdout.contains("Examples:"))
    #expect(validate.stdout.contains("guidekit validate guidelines/"))
    #expect(validate.stdout.contains("--references <DIR>"))
    let help = try CLI.run(["help", "validate"])
    #expect(help.stdout == validate.stdout)
  }

  @Test func bundledDataExitsZero() throws {
    let result = try CLI.run(["validate"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "")
    #expect(result.stderr.contains("4 files, 0 errors, 0 warnings"), "\(result)")
    let withMeasures = try CLI.run(["validate", "guidelines", "references/ict-measures"])
    #expect(withMeasures.status == 0, "\(withMeasures)")
    #expect(withMeasures.stderr.contains("6 files, 0 errors, 0 warnings"), "\(withMeasures)")
  }

  @Test func invalidFixtureExitsOneWithContractLines() throws {
    let folder = try TempFolder()
    let path = try folder.write("sample/1.0.xml", guidelineText(body: invalidBody))
    let result = try CLI.run(["validate", folder.path])
    #expect(result.status == 1, "\(result)")
    let found = lines(result.stdout)
    #expect(found.count == 2, "\(result)")
    for line in found {
      #expect(line.wholeMatch(of: diagnosticLine) != nil, "\(line)")
    }
    #expect(found.first?.hasPrefix("\(path):8: error: clause \"c-2\" has no text [empty-clause]") == true, "\(result)")
    #expect(found.last?.hasPrefix("\(path):9: error: duplicate id \"c-1\"") == true, "\(result)")
    #expect(result.stderr.contains("1 file, 2 errors, 0 warnings"), "\(result)")
  }

  @Test func missingFileExitsTwo() throws {
    let folder = try TempFolder()
    let missing = folder.path("missing.xml")
    let result = try CLI.run(["validate", missing])
    #expect(result.status == 2, "\(result)")
    #expect((result.stdout + result.stderr).contains(missing))
  }

  @Test(arguments: [
    ["validate", "--format", "table"], ["validate", "--format", "nonsense"], ["validate", "--frobnicate"],
    ["frobnicate"], ["validate", "--schema"], ["render", "guidelines/telework-labor/2018.xml", "--format", "json"],
    ["notice", "guidelines/telework-labor/2021.xml", "--width", "3"], ["publish", "--width", "1000"],
    ["publish", "--as-of", "2026-02-30"],
    ["impact", "--against", "guidelines/telework-labor/2018.xml", "--format", "sarif"],
    ["notice", "guidelines/telework-labor/2021.xml", "--main-changes", "-1"],
  ])
  func badUsageExits64(_ arguments: [String]) throws {
    let result = try CLI.run(arguments)
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout == "")
    #expect(result.stderr.contains("Error") || result.stderr.contains("error"), "\(result)")
  }

  @Test func aWrongFormatNamesTheCommandsFormats() throws {
    let result = try CLI.run(["validate", "--format", "table"])
    #expect(result.stderr.contains("'text', 'json', 'sarif' or 'github'"), "\(result)")
    let help = try CLI.run(["render", "--help"])
    let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("(values: html, text, docx; default: html)"), "\(help)")
    // A mode of a command that writes fewer formats says which.
    let against = try CLI.run(["impact", "--against", "guidelines/telework-labor/2018.xml", "--format", "sarif"])
    #expect(
      against.stderr.contains("impact --against does not write --format sarif; choose one of: text, json, github"))
  }

  @Test func jsonFormat() throws {
    let folder = try TempFolder()
    let path = try folder.write("sample/1.0.xml", guidelineText(body: invalidBody))
    let result = try CLI.run(["validate", "--format", "json", folder.path])
    #expect(result.status == 1, "\(result)")
    let object = try json(result.stdout)
    #expect(object["files"] as? Int == 1)
    #expect(object["errors"] as? Int == 2)
    #expect(object["warnings"] as? Int == 0)
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.map { $0["file"] as? String } == [path, path])
    #expect(diagnostics.map { $0["line"] as? Int } == [8, 9])
    #expect(diagnostics.map { $0["severity"] as? String } == ["error", "error"])
    #expect(diagnostics.map { $0["rule"] as? String } == ["empty-clause", "duplicate-id"])
    #expect(diagnostics.map { $0["clause"] as? String } == ["c-2", "c-1"])
    #expect(diagnostics.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
  }

  @Test func sarifFormat() throws {
    let folder = try TempFolder()
    try folder.write("sample/1.0.xml", guidelineText(body: invalidBody))
    let result = try CLI.run(["validate", "--format", "sarif", folder.path])
    #expect(result.status == 1, "\(result)")
    let sarif = try json(result.stdout)
    #expect(sarif["version"] as? String == "2.1.0")
    let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let ruleIDs = try #require(driver["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    for id in ["xml-syntax", "schema", "duplicate-id", "empty-clause", "ref-unknown-source", "clause-removed"] {
      #expect(ruleIDs.contains(id), "\(id)")
    }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.compactMap { $0["ruleId"] as? String } == ["empty-clause", "duplicate-id"])
    #expect(results.compactMap { $0["level"] as? String } == ["error", "error"])
    #expect(try startLines(results) == [8, 9])
  }

  @Test func sarifFingerprintsAreStableAndIgnoreMoves() throws {
    let folder = try TempFolder()
    try folder.write("sample/1.0.xml", guidelineText(body: invalidBody))
    let first = try json(CLI.run(["validate", "--format", "sarif", folder.path]).stdout)
    let second = try json(CLI.run(["validate", "--format", "sarif", folder.path]).stdout)
    try folder.write("sample/1.0.xml", guidelineText(body: "\n\n" + invalidBody))
    let moved = try json(CLI.run(["validate", "--format", "sarif", folder.path]).stdout)
    let prints = try [first, second, moved].map(fingerprints)
    #expect(prints[0].count == 2)
    #expect(Set(prints[0]).count == 2)
    #expect(prints[0] == prints[1], "stable across runs")
    #expect(prints[0] == prints[2], "unchanged when the clauses move")
    let lines = try [first, moved].map { try startLines(results($0)) }
    #expect(lines[0] == [8, 9])
    #expect(lines[1] == [10, 11])
  }

  @Test func githubFormat() throws {
    let folder = try TempFolder()
    let path = try folder.write("sample/1.0.xml", guidelineText(body: invalidBody))
    let result = try CLI.run(["validate", "--format", "github", folder.path])
    #expect(result.status == 1, "\(result)")
    #expect(
      lines(result.stdout) == [
        "::error file=\(path),line=8,title=guidekit empty-clause::clause \"c-2\" has no text (clause c-2)",
        "::error file=\(path),line=9,title=guidekit duplicate-id::duplicate id \"c-1\" (first used on line 7) (clause c-1)",
      ], "\(result)")
  }

  @Test func outputFileAndQuiet() throws {
    let folder = try TempFolder()
    try folder.write("sample/1.0.xml", guidelineText(body: invalidBody))
    let output = folder.path("out/report.json")
    try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: true)
    let result = try CLI.run(["validate", "--format", "json", "-o", output, "--quiet", folder.path("sample")])
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout == "")
    #expect(result.stderr == "", "--quiet prints no summary")
    let written = try String(contentsOfFile: output, encoding: .utf8)
    #expect(try json(written)["errors"] as? Int == 2)
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let folder = try TempFolder()
    try folder.write("sample/1.0.xml", guidelineText())
    try folder.write(
      "sample/2.0.xml",
      guidelineText(
        version: "2.0", supersedes: "1.0", body: "      <clause id=\"c-1\" num=\"(1)\"><p>一。</p></clause>"))
    let relaxed = try CLI.run(["validate", folder.path])
    #expect(relaxed.status == 0, "\(relaxed)")
    #expect(lines(relaxed.stdout).count == 1)
    #expect(relaxed.stdout.contains(": warning: ") && relaxed.stdout.contains("[clause-removed]"), "\(relaxed)")
    let strict = try CLI.run(["validate", "--strict", folder.path])
    #expect(strict.status == 1, "\(strict)")
    #expect(strict.stdout.contains(": error: ") && strict.stdout.contains("[clause-removed]"), "\(strict)")
    #expect(strict.stderr.contains("1 error, 0 warnings"), "\(strict)")
  }

  @Test(.enabled(if: CLI.sharedDataIsAvailable, "../shared/data is absent: e-Gov schema test skipped"))
  func schemaOptionValidatesAnEGovLaw() throws {
    let laws = CLI.sharedData.appendingPathComponent("egov/laws")
    let schema = CLI.sharedData.appendingPathComponent("egov/schema/XMLSchemaForJapaneseLaw_v3.xsd").path
    let law = laws.appendingPathComponent("322AC0000000049_20250601_504AC0000000068.xml").path
    let result = try CLI.run(["validate", "--schema", schema, law])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "")
    #expect(result.stderr.contains("1 file, 0 errors"), "\(result)")
    // Without --schema, a law is not a guideline.
    let plain = try CLI.run(["validate", law])
    #expect(plain.status == 1, "\(plain)")
    #expect(plain.stdout.contains("[unsupported-document]"), "\(plain)")
  }

  @Test func schemaOptionTakesARelaxNGGrammarAndChecksThePublishedFeed() throws {
    let folder = try TempFolder()
    let site = folder.path("site")
    let publish = try CLI.run(["publish", "--out", site, "--quiet"])
    #expect(publish.status == 0, "\(publish)")
    let feed = site + "/feed.xml"
    let valid = try CLI.run(["validate", "--schema", "schemas/atom.rng", feed])
    #expect(valid.status == 0, "\(valid)")
    #expect(valid.stdout == "", "\(valid)")
    // A date without its time is no Atom date: one error per distinct message, at its line.
    let text = try String(contentsOfFile: feed, encoding: .utf8)
    let broken = try folder.write("broken-feed.xml", text.replacingOccurrences(of: "T00:00:00+09:00<", with: "<"))
    let invalid = try CLI.run(["validate", "--schema", "schemas/atom.rng", broken, "--format", "json"])
    #expect(invalid.status == 1, "\(invalid)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(invalid.stdout.utf8)) as? [String: Any])
    let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
    #expect(!diagnostics.isEmpty)
    #expect(diagnostics.allSatisfy { ($0["rule"] as? String) == "schema" && ($0["line"] as? Int ?? 0) > 1 })
    let keys = diagnostics.map { "\($0["line"] ?? ""):\($0["message"] ?? "")" }
    #expect(Set(keys).count == keys.count, "repeated diagnostics: \(keys)")
  }

  @Test func missingSchemaIsTrouble() throws {
    let folder = try TempFolder()
    try folder.write("sample/1.0.xml", guidelineText())
    let result = try CLI.run(["validate", "--schema", folder.path("none.xsd"), folder.path])
    #expect(result.status == 2, "\(result)")
    #expect((result.stdout + result.stderr).contains(folder.path("none.xsd")))
  }

  @Test(.enabled(if: CLI.sharedDataIsAvailable, "../shared/data is absent: --references test skipped"))
  func referencesResolveForTheBundledGuidelines() throws {
    let result = try CLI.run([
      "validate", "--references", "references", "--references", CLI.sharedData.appendingPathComponent("egov/laws").path,
      "--references", CLI.sharedData.appendingPathComponent("oscal/catalogs").path,
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout == "", "\(result)")
  }

  @Test(.enabled(if: CLI.sharedDataIsAvailable, "../shared/data is absent: --references test skipped"))
  func referencesFindUnknownSourceArticleAndPin() throws {
    let folder = try TempFolder()
    let path = try folder.write(
      "g/1.0.xml",
      guidelineText(
        body: """
              <clause id="c-1" num="(1)">
                <p><ref source="322AC0000000049" provision="Art32" pin="20250601_504AC0000000068">第32条</ref>。</p>
                <p><ref source="325AC0000000999" provision="Art1">存在しない法令</ref>。</p>
                <p><ref source="322AC0000000049" provision="Art999" pin="20250601_504AC0000000068">存在しない条</ref>。</p>
                <p><ref source="322AC0000000049" provision="Art32" pin="19990101_411AC0000000000">存在しない版</ref>。</p>
              </clause>
          """))
    let result = try CLI.run([
      "validate", "--references", CLI.sharedData.appendingPathComponent("egov/laws").path, folder.path,
    ])
    #expect(result.status == 1, "\(result)")
    #expect(
      lines(result.stdout).compactMap { $0.wholeMatch(of: diagnosticLine).map { "\($0.line ?? ""):\($0.rule)" } }
        == ["9:ref-missing-pin", "9:ref-unverifiable", "10:ref-unknown-provision", "11:ref-unknown-pin"],
      "\(result)")
    #expect(result.stdout.hasPrefix(path))
  }

  @Test func missingReferenceFolderIsTrouble() throws {
    let folder = try TempFolder()
    let result = try CLI.run(["validate", "--references", folder.path("none"), "guidelines"])
    #expect(result.status == 2, "\(result)")
    #expect(result.stderr.contains(folder.path("none")))
  }
}

private func results(_ sarif: [String: Any]) throws -> [[String: Any]] {
  let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
  return try #require(run["results"] as? [[String: Any]])
}

private func fingerprints(_ sarif: [String: Any]) throws -> [String] {
  try results(sarif).map { result in
    let prints = try #require(result["partialFingerprints"] as? [String: String])
    #expect(prints.count == 1)
    return try #require(prints.values.first)
  }
}

private func startLines(_ results: [[String: Any]]) throws -> [Int] {
  try results.map { result in
    let location = try #require((result["locations"] as? [[String: Any]])?.first)
    let region = try #require((location["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
    return try #require(region["startLine"] as? Int)
  }
}

/// The OASIS SARIF 2.1.0 schema in ../shared/data, and a JSON Schema validator to apply it
/// (Python's `jsonschema`, when the machine has it).
enum SARIFSchema {
  static let path = CLI.sharedData.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path

  static let script = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1]))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
    for error in errors[:20]:
        print(list(error.path), error.message)
    sys.exit(1 if errors else 0)
    """

  static let isAvailable: Bool = {
    guard FileManager.default.fileExists(atPath: path) else { return false }
    return (try? python(["-c", "import jsonschema"]).status) == 0
  }()

  static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}

@Suite(
  "guidekit validate --format sarif against the OASIS schema",
  .enabled(if: SARIFSchema.isAvailable, "the SARIF schema or python3 jsonschema is absent"))
struct SARIFSchemaTests {
  @Test func sarifOutputConformsToTheSchema() throws {
    let folder = try TempFolder()
    try folder.write("sample/1.0.xml", guidelineText(body: invalidBody))
    try folder.write("sample/bad.xml", "<guideline>\n<oops>\n")
    try folder.write("sample/html.xml", "<?xml version=\"1.1\"?>\n<html/>\n")
    let output = folder.path("out.sarif")
    let result = try CLI.run(["validate", "--format", "sarif", "-o", output, folder.path("sample")])
    #expect(result.status == 1, "\(result)")
    let script = try folder.write("check.py", SARIFSchema.script)
    let check = try SARIFSchema.python([script, SARIFSchema.path, output])
    #expect(check.status == 0, "\(check.output)")
  }
}

@Suite("--output never replaces an input")
struct OutputIsNotAnInputTests {
  @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
    let folder = try TempFolder()
    let source = CLI.packageRoot.appendingPathComponent("guidelines/telework-labor/2018.xml").path
    let edition = try folder.write("2018.xml", data: try Data(contentsOf: URL(fileURLWithPath: source)))
    let newer = CLI.packageRoot.appendingPathComponent("guidelines/telework-labor/2021.xml").path
    let before = try Data(contentsOf: URL(fileURLWithPath: edition))
    try FileManager.default.createSymbolicLink(atPath: folder.path("link.xml"), withDestinationPath: edition)
    let cases: [[String]] = [
      ["render", edition, "-o", edition], ["render", edition, "-o", folder.path("link.xml")],
      ["diff", edition, newer, "--format", "table", "-o", edition], ["validate", edition, "-o", edition],
      ["notice", newer, "--against", edition, "-o", edition], ["fmt", edition, "-o", edition],
      ["impact", edition, "-o", edition],
    ]
    for arguments in cases {
      let result = try CLI.run(arguments, in: folder.url)
      #expect(result.status == 64, "\(arguments): \(result)")
      #expect(result.stderr.contains("--output"), "\(result)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: edition)) == before, "\(arguments) left the input as it was")
    }
    // Another file is fine.
    #expect(try CLI.run(["render", edition, "-o", folder.path("2018.html")], in: folder.url).status == 0)
  }
}

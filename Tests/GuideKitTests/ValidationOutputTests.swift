import Foundation
import Testing

@testable import GuideKit

/// A fixture with one finding of several rules, for the output formats.
private let findingsBody = """
    <chapter id="ch-1" num="第1章">
      <title>総則</title>
      ⟨empty⟩<clause id="c-1" num="(1)"><p> </p></clause>
      <clause id="c-2" num="(2)"><p>二。</p></clause>
      ⟨dup⟩<clause id="c-2" num="(3)"><p>三、「引用」と 100% の語を含む。</p></clause>
    </chapter>
  """

/// Parses the JSON text the formatters write.
private func jsonObject(_ text: String) throws -> [String: Any] {
  let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(object as? [String: Any])
}

private func sarif(_ report: ValidationReport) throws -> [String: Any] {
  try jsonObject(
    JSONOutput.string(SARIF.document(diagnostics: report.diagnostics, rules: ValidationRules.descriptors)))
}

private func results(_ sarif: [String: Any]) throws -> [[String: Any]] {
  let runs = try #require(sarif["runs"] as? [[String: Any]])
  return try #require(runs.first?["results"] as? [[String: Any]])
}

private func fingerprints(_ sarif: [String: Any]) throws -> [String] {
  try results(sarif).map { result in
    let prints = try #require(result["partialFingerprints"] as? [String: String])
    return try #require(prints.values.first)
  }
}

private func startLines(_ sarif: [String: Any]) throws -> [Int] {
  try results(sarif).map { result in
    let locations = try #require(result["locations"] as? [[String: Any]])
    let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
    let region = try #require(physical["region"] as? [String: Any])
    return try #require(region["startLine"] as? Int)
  }
}

@Suite("Validation output formats")
struct ValidationOutputTests {
  @Test func jsonHasTheKeysOfTheDesign() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g.xml", validationGuideline(findingsBody))
    try folder.add("ok.xml", validationGuideline(id: "ok"))
    let report = folder.validate()
    let object = try jsonObject(JSONOutput.string(report))
    #expect(object["files"] as? Int == 2)
    #expect(object["errors"] as? Int == 2)
    #expect(object["warnings"] as? Int == 0)
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == 2)
    for d in diagnostics {
      #expect(Set(d.keys).isSuperset(of: ["file", "line", "severity", "rule", "message"]))
      #expect((d["file"] as? String)?.hasSuffix("/g.xml") == true)
      #expect(d["severity"] as? String == "error")
    }
    let marked = try #require(folder.marked["g.xml"])
    #expect(diagnostics.map { $0["line"] as? Int } == [marked.line("empty"), marked.line("dup")])
    #expect(diagnostics.map { $0["rule"] as? String } == ["empty-clause", "duplicate-id"])
    #expect(diagnostics.map { $0["clause"] as? String } == ["c-1", "c-2"])
  }

  @Test func jsonOfAValidRun() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("ok.xml", validationGuideline())
    let object = try jsonObject(JSONOutput.string(folder.validate()))
    #expect(object["files"] as? Int == 1)
    #expect(object["errors"] as? Int == 0)
    #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
  }

  @Test func textLinesFollowTheContract() throws {
    let folder = try ValidationFixtureFolder()
    let path = try folder.add("g.xml", validationGuideline(findingsBody))
    let marked = try #require(folder.marked["g.xml"])
    let text = DiagnosticFormatter.text(folder.validate().diagnostics)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines[0] == "\(path):\(marked.line("empty")): error: clause \"c-1\" has no text [empty-clause]")
    #expect(lines[1].hasPrefix("\(path):\(marked.line("dup")): error: duplicate id \"c-2\""))
    #expect(lines[1].hasSuffix(" [duplicate-id]"))
    #expect(!text.contains("\u{1B}"), "no colour unless asked")
    #expect(DiagnosticFormatter.text(folder.validate().diagnostics, color: true).contains("\u{1B}[1;31merror\u{1B}[0m"))
  }

  @Test func githubAnnotations() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g.xml", validationGuideline(findingsBody))
    try folder.add("v.xml", "<?xml version=\"1.1\"?>\n<html/>\n")
    let diagnostics =
      folder.validate().diagnostics + [
        Diagnostic(file: "a,b:c.xml", line: 0, severity: .note, rule: "xml-syntax", message: "50% done\nnext line")
      ]
    let lines = GitHubAnnotations.diagnostics(diagnostics).split(separator: "\n").map(String.init)
    #expect(lines.count == diagnostics.count)
    let pattern = #/^::(error|warning|notice) file=[^,:]+,line=[1-9][0-9]*,title=guidekit [a-z-]+::.+$/#
    for line in lines {
      #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }
    let marked = try #require(folder.marked["g.xml"])
    #expect(
      lines.contains {
        $0.hasPrefix("::error file=\(folder.path("g.xml")),line=\(marked.line("empty")),title=guidekit empty-clause::")
      })
    #expect(lines.contains { $0.hasPrefix("::warning ") && $0.contains("title=guidekit xml-warning") })
    // Properties escape , and :, data escapes % and newlines; a missing line reads 1.
    #expect(lines.last == "::notice file=a%2Cb%3Ac.xml,line=1,title=guidekit xml-syntax::50%25 done%0Anext line")
  }

  @Test func sarifHasThe210Shape() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g.xml", validationGuideline(findingsBody))
    try folder.add("bad.xml", "<doc>\n<unclosed>\n")
    let report = folder.validate()
    let document = try sarif(report)
    #expect(document["version"] as? String == "2.1.0")
    #expect((document["$schema"] as? String)?.contains("sarif") == true)
    let runs = try #require(document["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let tool = try #require(runs[0]["tool"] as? [String: Any])
    let driver = try #require(tool["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "guidekit")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ruleIDs = rules.compactMap { $0["id"] as? String }
    #expect(Set(ruleIDs) == Set(ValidationRules.descriptors.map(\.id)))
    for rule in rules {
      #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
    }
    let found = try results(document)
    #expect(found.count == report.diagnostics.count)
    #expect(found.count >= 3)
    for result in found {
      let ruleID = try #require(result["ruleId"] as? String)
      #expect(ruleIDs.contains(ruleID))
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ruleIDs[index] == ruleID, "ruleIndex points at the rule")
      #expect(["error", "warning", "note"].contains(result["level"] as? String))
      #expect((result["message"] as? [String: Any])?["text"] is String)
      let locations = try #require(result["locations"] as? [[String: Any]])
      let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
      let artifact = try #require(physical["artifactLocation"] as? [String: Any])
      #expect((artifact["uri"] as? String)?.isEmpty == false)
    }
    #expect(try startLines(document).allSatisfy { $0 >= 1 })
    #expect(Set(found.compactMap { $0["ruleId"] as? String }) == ["empty-clause", "duplicate-id", "xml-syntax"])
  }

  @Test func sarifFingerprintsAreStableAcrossRuns() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g.xml", validationGuideline(findingsBody))
    let first = try fingerprints(sarif(folder.validate()))
    let second = try fingerprints(sarif(folder.validate()))
    #expect(first.count == 2)
    #expect(first == second)
    #expect(Set(first).count == first.count, "each result has its own fingerprint")
  }

  @Test func sarifFingerprintsDoNotChangeWhenTheClauseMoves() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g.xml", validationGuideline(findingsBody))
    let before = try sarif(folder.validate())
    // The same findings, every clause three lines further down.
    let moved = findingsBody.replacingOccurrences(
      of: "<title>総則</title>", with: "<title>総則</title>\n<!-- 一 -->\n<!-- 二 -->\n<!-- 三 -->")
    try folder.add("g.xml", validationGuideline(moved))
    let after = try sarif(folder.validate())
    #expect(try startLines(after) == startLines(before).map { $0 + 3 })
    #expect(try fingerprints(after) == fingerprints(before))
  }

  @Test func sarifFingerprintsDifferForDifferentFindings() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g.xml", validationGuideline(findingsBody))
    let before = try fingerprints(sarif(folder.validate()))
    try folder.add("g.xml", validationGuideline(findingsBody.replacingOccurrences(of: "\"c-1\"", with: "\"c-9\"")))
    let after = try fingerprints(sarif(folder.validate()))
    #expect(before[0] != after[0], "another clause is another finding")
    #expect(before[1] == after[1])
  }
}

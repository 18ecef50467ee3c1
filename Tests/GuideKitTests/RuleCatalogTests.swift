import Foundation
import Testing

@testable import GuideKit

@Suite("docs/rules.md and the rule descriptors")
struct RuleCatalogTests {
  @Test("docs/rules.md is what `guidekit rules --format markdown` writes (run scripts/generate-docs.sh)")
  func upToDate() throws {
    let committed = try String(contentsOfFile: RepoPaths.path("docs/rules.md"), encoding: .utf8)
    #expect(committed == RuleCatalog.markdown(), "docs/rules.md is out of date: run scripts/generate-docs.sh")
  }

  @Test("one section per rule, and every rule id declared in the source is listed")
  func everyDescriptor() throws {
    let markdown = RuleCatalog.markdown()
    let ids = RuleCatalog.entries.map(\.descriptor.id)
    #expect(Set(ids).count == ids.count)
    for id in ids { #expect(markdown.contains("\n## \(id)\n"), "no section for \(id)") }
    // Every RuleDescriptor(id: "…") written anywhere in the library is registered, so a new rule
    // cannot be left out of the page.
    let sources = RepoPaths.root.appendingPathComponent("Sources/GuideKit")
    let enumerator = FileManager.default.enumerator(atPath: sources.path)
    var declared = Set<String>()
    let pattern = #/RuleDescriptor\(\s*id:\s*"([a-z0-9-]+)"/#
    while let relative = enumerator?.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
      for match in text.matches(of: pattern) { declared.insert(String(match.1)) }
    }
    #expect(declared.count >= 15, "\(declared)")
    #expect(declared.subtracting(ids).isEmpty, "rules not in the catalog: \(declared.subtracting(ids))")
  }

  @Test("SARIF helpUri links to the rule's section of docs/rules.md")
  func sarifHelpURI() throws {
    let document = try encodedJSON(SARIF.document(diagnostics: [], rules: ValidationRules.descriptors))
    let runs = try #require(document["runs"] as? [[String: Any]])
    let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    for rule in rules {
      let id = try #require(rule["id"] as? String)
      let uri = try #require(rule["helpUri"] as? String)
      #expect(uri.hasSuffix("docs/rules.md#\(id)"))
    }
  }
}

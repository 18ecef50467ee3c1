import Foundation
import GuideKit
import Testing

/// The 新旧対照表 and the notice of each bundled edition pair, rendered as publish renders them,
/// byte for byte: a change of a stylesheet, the term table, the delta or the notice document shows
/// here as a reviewable diff of the golden HTML (GUIDEKIT_UPDATE_GOLDEN=1 records, and fails).
@Suite("Rendered 新旧対照表 and notice pages of the bundled editions")
struct RenderedPageGoldenTests {
  static let pairs = [
    ("telework-security", "4.0", "5.0"),
    ("telework-labor", "2018", "2021"),
  ]

  static func load(_ guideline: String, _ version: String) throws -> ClauseTree {
    try DocumentLoader.load(file: RepoPaths.path("guidelines/\(guideline)/\(version).xml"))
  }

  @Test(arguments: pairs)
  func comparisonTable(guideline: String, old: String, new: String) throws {
    let diff = try DocumentDiffer.diff(old: Self.load(guideline, old), new: Self.load(guideline, new))
    let html = try Stylesheets().transform("delta-table", document: DeltaDocument.document(diff))
    #expect(html.contains("改正後") && html.contains("改正前"))
    let result = Golden.check(html, "pages/\(guideline)-\(new)-table.html")
    #expect(result.matches, "the 新旧対照表 of \(guideline) \(new) differs from its golden file")
  }

  @Test(arguments: pairs)
  func notice(guideline: String, old: String, new: String) throws {
    let previous = try Self.load(guideline, old)
    let edition = try Self.load(guideline, new)
    let diff = try DocumentDiffer.diff(old: previous, new: edition)
    let links = NoticeBuilder.Links(
      edition: "\(new).html", table: "\(new)-table.html", redline: "\(new)-redline.html", text: "\(new).txt")
    let document = try NoticeBuilder.document(edition: edition, previous: (previous, diff), links: links)
    let html = try Renderer(stylesheets: Stylesheets()).notice(document: document, text: false)
    #expect(html.contains(edition.info.title))
    let result = Golden.check(html, "pages/\(guideline)-\(new)-notice.html")
    #expect(result.matches, "the notice of \(guideline) \(new) differs from its golden file")
  }
}

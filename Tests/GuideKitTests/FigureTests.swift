import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// `<figure src alt>`: an SVG or PNG beside the edition, checked to stay in the guideline's
/// folder, hashed for the diff, copied by publish, never parsed.
@Suite("figures")
struct FigureTests {
  static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#
  static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]

  static func edition(
    id: String = "sample", version: String = "1.0", supersedes: String? = nil, src: String = "figures/a.svg",
    alt: String = "四角形を示した図。"
  ) -> String {
    validationGuideline(
      id: id, version: version, supersedes: supersedes,
      """
        <chapter id="ch-1" num="第1章">
          <title>総則</title>
          <clause id="c-1" num="(1)">
            <p>構成は<xref target="fig-1"/>のとおりとする。</p>
            ⟨fig⟩<figure id="fig-1" num="図1" src="\(src)" alt="\(alt)"><caption>構成図</caption></figure>
          </clause>
        </chapter>
      """)
  }

  /// A guideline folder `g/<id>/` with an edition and `figures/a.svg`.
  static func folder(_ text: String = edition(), svg: String = svg) throws -> (root: URL, file: String) {
    let root = try TempFolder.create(prefix: "guidekit-figure")
    let folder = root.appendingPathComponent("g/sample")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("figures"), withIntermediateDirectories: true)
    try svg.write(to: folder.appendingPathComponent("figures/a.svg"), atomically: true, encoding: .utf8)
    let file = folder.appendingPathComponent("1.0.xml").path
    try MarkedText(text).text.write(toFile: file, atomically: true, encoding: .utf8)
    return (root, file)
  }

  @Test("the reader gives a figure unit with caption, alt text and the image's SHA-256")
  func reader() throws {
    let (root, file) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let tree = try DocumentLoader.load(file: file)
    let figure = try #require(CrossReferenceTests.unit(tree, "fig-1"))
    #expect(figure.kind == .figure && figure.num == "図1" && figure.title == "構成図")
    let hash = try #require(figure.properties["sha256"])
    #expect(hash.count == 64)
    #expect(figure.blocks.map(\.displayText) == ["代替テキスト　四角形を示した図。", "画像　figures/a.svg（sha256:\(hash)）"])
    #expect(CrossReferenceTests.unit(tree, "c-1")?.blocks.first?.text == "構成は図1のとおりとする。")
    #expect(tree.diffUnits().map(\.unit.id) == ["c-1", "fig-1"])
  }

  @Test("the schema refuses a path with .., an absolute path, another format, no alt")
  func schema() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("a/figures/a.svg", data: Data(Self.svg.utf8))
    try folder.add("a/1.0.xml", Self.edition(id: "a"))
    for (name, text) in [
      ("b", Self.edition(id: "b", src: "../a/figures/a.svg")), ("c", Self.edition(id: "c", src: "/etc/passwd.svg")),
      ("d", Self.edition(id: "d", src: "figures/a.gif")),
      ("e", Self.edition(id: "e").replacingOccurrences(of: #" alt="四角形を示した図。""#, with: "")),
      ("f", Self.edition(id: "f", src: #"figures\a.svg"#)),
    ] {
      try folder.add("\(name)/1.0.xml", text)
    }
    let report = folder.validate()
    #expect(!report.diagnostics.contains { $0.file.contains("/a/") }, "\(report.diagnostics)")
    for name in ["b", "c", "d", "e", "f"] {
      #expect(report.diagnostics.contains { $0.file.contains("/\(name)/") && $0.rule == "schema" }, "\(name)")
    }
  }

  @Test("hostile images: missing, a symlink out of the folder, a folder, the wrong format, blank alt")
  func hostile() throws {
    let folder = try ValidationFixtureFolder()
    let outside = try folder.add("secret.svg", data: Data(Self.svg.utf8))
    try folder.add("g/figures/real.svg", data: Data(Self.svg.utf8))
    try FileManager.default.createSymbolicLink(atPath: folder.path("g/figures/link.svg"), withDestinationPath: outside)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("g/figures/inside.svg"), withDestinationPath: folder.path("g/figures/real.svg"))
    try FileManager.default.createDirectory(atPath: folder.path("g/figures/dir.svg"), withIntermediateDirectories: true)
    try folder.add("g/figures/fake.png", data: Data(Self.svg.utf8))
    try folder.add("g/figures/fake.svg", data: Data(Self.png))
    func check(_ src: String, alt: String = "図。") throws -> [String] {
      try folder.add("g/1.0.xml", Self.edition(id: "g", src: src, alt: alt))
      return folder.validate(["g/1.0.xml"]).diagnostics.map { "\($0.rule): \($0.message)" }
    }
    #expect(try check("figures/real.svg") == [])
    #expect(try check("figures/inside.svg") == [], "a link that stays inside is fine")
    #expect(
      try check("figures/none.svg") == [#"figure-image: figure "fig-1": image "figures/none.svg" does not exist"#])
    #expect(try check("figures/link.svg").first?.contains("leads outside the guideline's folder") == true)
    #expect(try check("figures/dir.svg").first?.contains("is not a regular file") == true)
    #expect(try check("figures/fake.png").first?.contains("is not a PNG file") == true)
    #expect(try check("figures/fake.svg").first?.contains("is not a SVG file") == true)
    #expect(try check("figures/real.svg", alt: "  ").map { $0.hasPrefix("figure-alt:") } == [true])
    // The reader never reads through the link: no hash, and publish leaves it out.
    #expect(FigureFiles.hash("figures/link.svg", edition: folder.path("g/1.0.xml")) == nil)
  }

  @Test("a huge SVG referencing the network is copied and hashed as bytes, never parsed nor fetched")
  func hugeSVG() throws {
    // External references of every kind an SVG may hold; nothing listens on port 9 of the test host.
    var svg = """
      <?xml version="1.0"?>
      <!DOCTYPE svg SYSTEM "http://127.0.0.1:9/svg.dtd" [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
      <image href="http://127.0.0.1:9/a.png"/><use xlink:href="http://127.0.0.1:9/b.svg#c"/>&x;
      <style>@import url(http://127.0.0.1:9/c.css);</style>

      """
    svg += String(repeating: "<rect width=\"1\" height=\"1\"/>\n", count: 300_000)
    svg += "</svg>\n"
    let (root, file) = try Self.folder(svg: svg)
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(svg.utf8.count > 8_000_000)
    let tree = try DocumentLoader.load(file: file)
    #expect(CrossReferenceTests.unit(tree, "fig-1")?.properties["sha256"]?.count == 64)
    let report = Validator.validate(paths: [file])
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    let out = root.appendingPathComponent("site").path
    _ = try Publisher(options: PublishOptions(guidelines: root.appendingPathComponent("g").path, out: out)).publish()
    let copied = FileManager.default.contents(atPath: out + "/sample/1.0/figures/a.svg")
    #expect(copied == Data(svg.utf8))
    // Over the size limit: refused by validate, left out of the site.
    let tooBig = String(repeating: "<!-- padding -->", count: FigureFiles.maxBytes / 16 + 1)
    try ("<svg>" + tooBig + "</svg>").write(
      toFile: root.appendingPathComponent("g/sample/figures/a.svg").path, atomically: true, encoding: .utf8)
    #expect(Validator.validate(paths: [file]).diagnostics.map(\.rule) == ["figure-image"])
  }

  @Test("diff: a replaced image and a changed alt text are changes of the figure")
  func diff() throws {
    let (root, file) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let old = try DocumentLoader.load(file: file)
    let folder = root.appendingPathComponent("g/sample")
    try Self.svg.replacingOccurrences(of: "width=\"10\"", with: "width=\"5\"").write(
      to: folder.appendingPathComponent("figures/b.svg"), atomically: true, encoding: .utf8)
    let second = folder.appendingPathComponent("2.0.xml").path
    try MarkedText(Self.edition(version: "2.0", supersedes: "1.0", src: "figures/b.svg")).text.write(
      toFile: second, atomically: true, encoding: .utf8)
    let replaced = try DocumentDiffer.diff(old: old, new: try DocumentLoader.load(file: second))
    let change = try #require(replaced.changes.first { $0.id == "fig-1" })
    #expect(change.kind == .modified && replaced.changes.count == 1)
    #expect(change.segments.contains { $0.op == .insert && $0.text.contains("b") })
    // The same file name with other bytes: the hash tells.
    try Self.svg.replacingOccurrences(of: "width=\"10\"", with: "width=\"7\"").write(
      to: folder.appendingPathComponent("figures/a.svg"), atomically: true, encoding: .utf8)
    let redrawn = try DocumentDiffer.diff(old: old, new: try DocumentLoader.load(file: file))
    #expect(redrawn.changes.map(\.id) == ["fig-1"])
    // The alt text.
    try MarkedText(Self.edition(version: "2.0", supersedes: "1.0", alt: "正方形を示した図。")).text.write(
      toFile: second, atomically: true, encoding: .utf8)
    let alt = try DocumentDiffer.diff(
      old: try DocumentLoader.load(file: file), new: try DocumentLoader.load(file: second))
    #expect(alt.changes.first?.segments.filter { $0.op != .equal }.map(\.text).sorted() == ["四角形", "正方形"])
  }

  @Test("HTML shows the image with its alt text and caption; text its caption and alt; publish copies it")
  func render() throws {
    let (root, file) = try Self.folder()
    defer { try? FileManager.default.removeItem(at: root) }
    let html = try Renderer().html(file: file)
    #expect(
      html.contains(
        #"<figure class="gk-figure" id="fig-1"><img src="figures/a.svg" alt="四角形を示した図。" loading="lazy"><figcaption><span class="num">図1</span>　構成図</figcaption></figure>"#
      ), "\(html)")
    #expect(try Renderer().text(file: file).contains("［図1　構成図］四角形を示した図。"))
    let out = root.appendingPathComponent("site").path
    let result = try Publisher(options: PublishOptions(guidelines: root.appendingPathComponent("g").path, out: out))
      .publish()
    #expect(result.files["sample/1.0/figures/a.svg"] != nil)
    let page = try String(contentsOfFile: out + "/sample/1.0.html", encoding: .utf8)
    #expect(page.contains(#"<img src="1.0/figures/a.svg""#))
  }
}

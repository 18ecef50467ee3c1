import Foundation
import GuideKitTestSupport
import GuideKitXML
import Synchronization
import Testing

@testable import GuideKit

@Suite("publish")
struct PublishTests {
  /// A copy of the bundled guidelines in a temporary folder, and an output folder beside it.
  static func workspace() throws -> (root: URL, guidelines: String, out: String) {
    let root = try TempFolder.create(prefix: "guidekit-publish")
    let guidelines = root.appendingPathComponent("guidelines")
    try FileManager.default.copyItem(at: RepoPaths.root.appendingPathComponent("guidelines"), to: guidelines)
    return (root, guidelines.path, root.appendingPathComponent("site").path)
  }

  static func options(_ w: (root: URL, guidelines: String, out: String)) -> PublishOptions {
    PublishOptions(
      guidelines: w.guidelines, references: [RepoPaths.path("references")], out: w.out, asOf: "2026-11-25")
  }

  static func contents(_ folder: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = (folder as NSString).appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
        out[relative] = FileManager.default.contents(atPath: path)
      }
    }
    return out
  }

  @Test("the whole site: pages, tables, notices, impact, feed and a manifest with every file's sha256")
  func wholeSite() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    var options = Self.options(w)
    options.impactReport = true
    let result = try Publisher(options: options).publish()
    #expect(!result.unchanged)
    let files = try Self.contents(w.out)
    for expected in [
      "index.html", "feed.xml", "manifest.json", "impact.html", "impact.json",
      "telework-security/5.0.html", "telework-security/5.0.txt", "telework-security/5.0-table.html",
      "telework-security/5.0-redline.html", "telework-security/5.0-notice.html", "telework-security/5.0-notice.txt",
      "telework-security/4.0.html", "telework-labor/2021-table.html", "references/ict-measures/2021.html",
    ] {
      #expect(files[expected] != nil, "missing \(expected)")
    }
    #expect(files["telework-security/4.0-table.html"] == nil)  // a first edition has no table
    // The manifest lists every other file with its sha256.
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: files["manifest.json"] ?? Data()) as? [String: Any])
    let listed = try #require(manifest["files"] as? [[String: String]])
    let generated = Set(files.keys).subtracting(["manifest.json"])
    #expect(Set(listed.compactMap { $0["path"] }) == generated)
    // Checked against sha256sum, not against the function that wrote them.
    let sums = try SHA256Sum.of(listed.compactMap { $0["path"] }, in: w.out)
    for entry in listed {
      let path = try #require(entry["path"])
      #expect(entry["sha256"] == sums[path], "\(path)")
    }
    // The 新旧対照表 reads as one: title, note, columns, 新設 and 削除.
    let table = String(decoding: files["telework-security/5.0-table.html"] ?? Data(), as: UTF8.self)
    for phrase in ["新旧対照表", "（傍線部分は改正部分）", "改正後", "改正前", "（新設）", "（削除）", "（略）"] {
      #expect(table.contains(phrase), "table lacks \(phrase)")
    }
    // The notice gives the date in 和暦 and 西暦.
    let notice = String(decoding: files["telework-security/5.0-notice.txt"] ?? Data(), as: UTF8.self)
    #expect(notice.contains("令和3年5月31日"))
    #expect(notice.contains("2021"))
    // Text pages respect the width (70 columns).
    let text = String(decoding: files["telework-labor/2021.txt"] ?? Data(), as: UTF8.self)
    #expect(
      text.split(separator: "\n").allSatisfy {
        EastAsianWidth.columns(of: $0) <= 70 || !$0.contains(" ") && $0.contains("http")
      })
  }

  @Test("an output file changed by hand, even to the same size, is rebuilt on the next run")
  func editedOutputIsRebuilt() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    _ = try Publisher(options: Self.options(w)).publish()
    let first = try Self.contents(w.out)
    let page = w.out + "/telework-labor/2021.html"
    let original = try Data(contentsOf: URL(fileURLWithPath: page))
    // Same length, different bytes: only the stat cache's time and the sha256 can tell.
    var edited = original
    edited[edited.count / 2] = edited[edited.count / 2] == 0x41 ? 0x42 : 0x41
    try edited.write(to: URL(fileURLWithPath: page))

    let second = try Publisher(options: Self.options(w)).publish()
    #expect(!second.unchanged)
    #expect(second.rebuilt == 1)
    #expect(try Self.contents(w.out) == first)
  }

  @Test("deterministic, and incremental: a second run with nothing changed writes nothing")
  func deterministicAndIncremental() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    let full = try Publisher(options: Self.options(w)).publish()
    let first = try Self.contents(w.out)
    let inode = try FileManager.default.attributesOfItem(atPath: w.out + "/index.html")[.systemFileNumber] as? Int

    let second = try Publisher(options: Self.options(w)).publish()
    #expect(second.unchanged)
    #expect(second.files == full.files, "an unchanged run reports the same files, manifest.json included")
    #expect(try Self.contents(w.out) == first)
    let after = try FileManager.default.attributesOfItem(atPath: w.out + "/index.html")[.systemFileNumber] as? Int
    #expect(inode == after)

    // A fresh build into another folder gives byte-identical files.
    let other = w.root.appendingPathComponent("site2").path
    var options = Self.options(w)
    options.out = other
    _ = try Publisher(options: options).publish()
    #expect(try Self.contents(other) == first)

    // Changing one edition rebuilds that guideline's files, not the other guideline's.
    let file = w.guidelines + "/telework-labor/2021.xml"
    let edited = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
      of: "テレワーク", with: "在宅勤務等", options: [], range: nil)
    try edited.write(toFile: file, atomically: true, encoding: .utf8)
    let third = try Publisher(options: Self.options(w)).publish()
    #expect(!third.unchanged)
    #expect(third.rebuilt < third.files.count / 2)
    let now = try Self.contents(w.out)
    #expect(now["telework-security/5.0-table.html"] == first["telework-security/5.0-table.html"])
    #expect(now["telework-labor/2021.html"] != first["telework-labor/2021.html"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: w.root.path).allSatisfy { !$0.contains("staging") })
  }

  @Test("with a base URL, the plain-text notice lists absolute URLs")
  func noticeTextLinksAreAbsolute() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    var options = Self.options(w)
    options.baseURL = "https://guidelines.example.jp/site"
    _ = try Publisher(options: options).publish()
    let text = try String(contentsOfFile: w.out + "/telework-security/5.0-notice.txt", encoding: .utf8)
    #expect(text.contains("https://guidelines.example.jp/site/telework-security/5.0-table.html"), "\(text)")
    #expect(text.contains("https://guidelines.example.jp/site/telework-security/5.0.html"), "\(text)")
    #expect(!text.contains(": 5.0"), "\(text)")
  }

  @Test("every page leads back: the 新旧対照表 and redline link to the index, the edition and the notice")
  func pagesAreNoDeadEnds() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    _ = try Publisher(options: Self.options(w)).publish()
    let files = try Self.contents(w.out)
    for page in ["telework-security/5.0-table.html", "telework-security/5.0-redline.html"] {
      let html = String(decoding: files[page] ?? Data(), as: UTF8.self)
      for link in ["href=\"../index.html\"", "href=\"5.0.html\"", "href=\"5.0-notice.html\""] {
        #expect(html.contains(link), "\(page) lacks \(link)")
      }
      #expect(html.contains("aria-current=\"page\""), "\(page) marks itself in the navigation")
    }
    let notice = String(decoding: files["telework-security/5.0-notice.html"] ?? Data(), as: UTF8.self)
    #expect(notice.contains("../index.html") && notice.contains("5.0.html") && notice.contains("5.0-table.html"))
    // No page names a file of the build machine or the repository, and the impact report, which
    // lists the file and line of every cited clause, is left out unless asked for.
    let forbidden = [
      w.root.path, RepoPaths.root.path, "telework-security/4.0.xml", "telework-security/5.0.xml",
      "telework-labor/2021.xml",
    ]
    for (path, data) in files {
      let text = String(decoding: data, as: UTF8.self)
      let named = forbidden.filter { text.contains($0) }
      #expect(named.isEmpty, "\(path) names \(named)")
    }
    #expect(files["impact.html"] == nil && files["impact.json"] == nil)
    #expect(!String(decoding: files["index.html"] ?? Data(), as: UTF8.self).contains("impact.html"))
    // The redline footer is readable: no more the 3.0:1 grey.
    let redline = String(decoding: files["telework-security/5.0-redline.html"] ?? Data(), as: UTF8.self)
    #expect(redline.contains(".foot{color:#57606a"))
  }

  @Test("the output folder holds exactly the site: build state is kept beside it, and builds are identical")
  func buildStateIsKeptOutsideTheSite() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    _ = try Publisher(options: Self.options(w)).publish()
    let enumerator = FileManager.default.enumerator(atPath: w.out)
    var hidden: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      if relative.lastPathPart.hasPrefix(".") { hidden.append(relative) }
    }
    #expect(hidden == [], "nothing but the site in the output folder")
    let state = Publisher.stateFolder(for: w.out)
    #expect(state == w.root.appendingPathComponent(".site.guidekit").path)
    #expect(FileManager.default.fileExists(atPath: state + "/state.json"))
    // A second build into another folder: every file byte-identical, nothing left out.
    var options = Self.options(w)
    options.out = w.root.appendingPathComponent("site2").path
    _ = try Publisher(options: options).publish()
    #expect(try Self.contents(options.out) == Self.contents(w.out))
  }

  @Test("each input is read once: an input replaced while the site is built changes no page")
  func inputsAreReadOnce() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    let files = ["2018", "2021"].map { w.guidelines + "/telework-labor/\($0).xml" }
    let originals = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
    #expect(originals.allSatisfy { !$0.contains("差替後") && $0.contains("テレワーク") })
    let replaced = Atomic<Bool>(false)
    let publisher = Publisher(options: Self.options(w)) { _, _, _ in
      // After the first file is made, both editions are replaced on disk.
      guard !replaced.exchange(true, ordering: .relaxed) else { return }
      for (file, text) in zip(files, originals) {
        try? text.replacingOccurrences(of: "テレワーク", with: "差替後")
          .write(toFile: file, atomically: true, encoding: .utf8)
      }
    }
    let result = try publisher.publish()
    let didReplace = replaced.load(ordering: .relaxed)
    #expect(didReplace)
    let site = try Self.contents(w.out)
    for (path, data) in site where path.hasPrefix("telework-labor/") {
      #expect(!String(decoding: data, as: UTF8.self).contains("差替後"), "\(path) is made from the text first read")
    }
    // The fingerprints are of those bytes too: the next run sees the new text and rebuilds.
    #expect(!result.unchanged)
    let next = try Publisher(options: Self.options(w)).publish()
    #expect(!next.unchanged)
    #expect(try String(contentsOfFile: w.out + "/telework-labor/2021.html", encoding: .utf8).contains("差替後"))
  }

  @Test("'up to date' never trusts a site that its manifest does not describe")
  func upToDateChecksTheManifest() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    _ = try Publisher(options: Self.options(w)).publish()
    let first = try Self.contents(w.out)
    let manifestPath = w.out + "/manifest.json"
    let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
    // Another run's manifest: one file's hash differs from the file in place.
    let hash = Publisher.hash(first["index.html"] ?? Data())
    try manifest.replacingOccurrences(of: hash, with: String(repeating: "0", count: 64))
      .write(toFile: manifestPath, atomically: true, encoding: .utf8)
    let second = try Publisher(options: Self.options(w)).publish()
    #expect(!second.unchanged)
    #expect(try Self.contents(w.out) == first)
  }

  @Test("the feed is Atom with one entry per edition")
  func feed() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    var options = Self.options(w)
    options.baseURL = "https://guidelines.example.jp/"
    _ = try Publisher(options: options).publish()
    let document = try XMLDocument.parse(file: w.out + "/feed.xml")
    let ns = ["a": "http://www.w3.org/2005/Atom"]
    #expect(try document.number("count(/a:feed/a:entry)", namespaces: ns) == 4)
    for required in ["id", "title", "updated"] {
      #expect(try document.number("count(/a:feed/a:\(required))", namespaces: ns) == 1)
      #expect(try document.number("count(/a:feed/a:entry[not(a:\(required))])", namespaces: ns) == 0)
    }
    #expect(try document.number("count(/a:feed/a:entry[not(a:link[@rel='alternate'])])", namespaces: ns) == 0)
    let link = try document.string("string(/a:feed/a:entry[1]/a:link[@rel='alternate']/@href)", namespaces: ns)
    #expect(link.hasPrefix("https://guidelines.example.jp/"))
  }

  @Test("the feed is valid against the Atom grammar and the rules RFC 4287 states in prose")
  func feedIsValidAtom() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    for baseURL in ["", "https://guidelines.example.jp/"] {
      var options = Self.options(w)
      options.baseURL = baseURL
      _ = try Publisher(options: options).publish()
      let document = try XMLDocument.parse(file: w.out + "/feed.xml")
      let grammar = try XMLRelaxNG(path: RepoPaths.path("schemas/atom.rng"))
      #expect(grammar.validate(document).map(\.message) == [], "base URL \(baseURL)")
      let ns = ["a": "http://www.w3.org/2005/Atom"]
      // 4.1.1: a feed without an author needs one in every entry.
      #expect(
        try document.number("count(/a:feed[not(a:author)]/a:entry[not(a:author)])", namespaces: ns) == 0)
      // 4.1.1, 4.1.2: at most one alternate link per type and language; guidekit writes one
      // (a link without rel is an alternate link).
      #expect(
        try document.number(
          "count(//*[count(a:link[@rel='alternate' or not(@rel)]) > 1])", namespaces: ns) == 0)
      // 4.1.2: an entry without content has an alternate link and a summary.
      #expect(
        try document.number(
          "count(/a:feed/a:entry[not(a:content)][not(a:link[@rel='alternate']) or not(a:summary)])",
          namespaces: ns) == 0)
      // 4.2.6: ids are unique in the feed.
      #expect(try document.number("count(//a:id[. = preceding::a:id])", namespaces: ns) == 0)
    }
  }

  @Test("the Atom grammar refuses what RFC 4287 forbids")
  func atomGrammarRefuses() throws {
    let grammar = try XMLRelaxNG(path: RepoPaths.path("schemas/atom.rng"))
    let valid = """
      <feed xmlns="http://www.w3.org/2005/Atom">
        <id>tag:example.jp,2021:feed</id>
        <title>t</title>
        <updated>2021-05-31T00:00:00+09:00</updated>
        <author><name>総務省</name></author>
        <entry>
          <id>tag:example.jp,2021:e1</id>
          <title type="text">e</title>
          <updated>2021-05-31T00:00:00Z</updated>
          <link rel="alternate" type="text/html" href="e1.html"/>
          <summary>s</summary>
        </entry>
      </feed>
      """
    func check(_ text: String) throws -> Bool {
      grammar.validate(try XMLDocument.parse(data: Data(text.utf8), fileName: "feed.xml")).isEmpty
    }
    #expect(try check(valid))
    let broken: [(String, String)] = [
      ("<updated>2021-05-31T00:00:00+09:00</updated>", "<updated>2021-05-31</updated>"),  // no time
      ("<updated>2021-05-31T00:00:00Z</updated>", "<updated>2021-05-31T00:00:00</updated>"),  // no zone
      ("<id>tag:example.jp,2021:e1</id>", ""),  // an entry without id
      ("<title>t</title>", "<title>t</title><title>u</title>"),  // two titles
      ("<id>tag:example.jp,2021:feed</id>", "<id>feed</id>"),  // not an absolute IRI
      ("<author><name>総務省</name></author>", "<author><email>a</email></author>"),  // no name
      ("type=\"text\">e", "type=\"markdown\">e"),  // unknown text type
      ("href=\"e1.html\"/>", "/>"),  // a link without href
      ("<summary>s</summary>", "<summary>s</summary><atom:x xmlns:atom=\"http://www.w3.org/2005/Atom\"/>"),
    ]
    for (from, to) in broken {
      #expect(valid.contains(from), "\(from)")
      #expect(try !check(valid.replacingOccurrences(of: from, with: to)), "\(from) → \(to)")
    }
    // Foreign markup is allowed where RFC 4287 section 6 allows it.
    #expect(
      try check(
        valid.replacingOccurrences(
          of: "<summary>s</summary>", with: "<summary>s</summary><gk:edition xmlns:gk=\"urn:x\">5.0</gk:edition>")))
  }

  @Test("ids that could name a path outside the output folder never reach the file system")
  func unsafeIDs() throws {
    #expect(SafePath.join("telework-security", "5.0") == "telework-security/5.0")
    for bad in ["..", "../etc", "a/b", "", ".hidden", "a..b", "名前", "a b", String(repeating: "a", count: 200)] {
      #expect(SafePath.join(bad, "1.0") == nil, "\(bad)")
    }
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    let file = w.guidelines + "/telework-labor/2021.xml"
    let hostile = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
      of: "id=\"telework-labor\"", with: "id=\"../../escape\"")
    try hostile.write(toFile: file, atomically: true, encoding: .utf8)
    // Validation refuses it first (the id's schema pattern); the publisher would refuse it too.
    let result = try Publisher(options: Self.options(w)).publish()
    #expect(result.refused)
    #expect(result.diagnostics.contains { $0.message.contains("../../escape") })
    #expect(
      !FileManager.default.fileExists(atPath: w.root.deletingLastPathComponent().appendingPathComponent("escape").path))
    #expect(!FileManager.default.fileExists(atPath: w.out))
  }

  @Test("the quick start's publish may write the repository's output folder (absent, or a site)")
  func quickStartOutputFolder() {
    let options = PublishOptions(
      guidelines: RepoPaths.path("guidelines"), references: [RepoPaths.path("references")],
      out: RepoPaths.path("output"))
    #expect(options.outputFolderProblem() == nil, "a file kept in output/ would stop `guidekit publish`")
  }

  @Test("the output folder is replaced whole, so it must be new, empty or a site, and apart from the inputs")
  func outputFolderGuard() throws {
    let w = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    func problem(_ out: String, references: [String] = []) -> String? {
      PublishOptions(guidelines: w.guidelines, references: references, out: out).outputFolderProblem()
    }
    let root = w.root.path
    // Apart from the inputs: not the guidelines folder, nor a folder holding it or inside it.
    #expect(problem(w.guidelines)?.contains("is the guidelines folder") == true)
    #expect(problem(root)?.contains("holds the guidelines folder") == true)
    #expect(problem("/")?.contains("holds the guidelines folder") == true)
    #expect(problem(w.guidelines + "/telework-labor/site")?.contains("lies inside the guidelines folder") == true)
    #expect(problem(w.guidelines + "/../guidelines")?.contains("is the guidelines folder") == true)
    let references = root + "/references"
    try FileManager.default.createDirectory(atPath: references, withIntermediateDirectories: true)
    #expect(problem(references, references: [references])?.contains("is the reference folder") == true)
    // Through a link to the guidelines folder.
    try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: w.guidelines)
    #expect(problem(root + "/link")?.contains("is the guidelines folder") == true)
    // New, empty or a previous site: fine; anything else is refused, a file too.
    #expect(problem(w.out) == nil)
    #expect(problem(root + "/new/deeper/site") == nil)
    try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
    #expect(problem(root + "/empty") == nil)
    try FileManager.default.createDirectory(atPath: root + "/notes", withIntermediateDirectories: true)
    try "keep".write(toFile: root + "/notes/keep.txt", atomically: true, encoding: .utf8)
    #expect(problem(root + "/notes")?.contains("did not write") == true)
    #expect(problem(root + "/notes/keep.txt")?.contains("not a folder") == true)

    // publish() refuses before it reads or writes anything, and the folder keeps its files.
    var options = Self.options(w)
    options.out = root + "/notes"
    #expect(throws: GuideKitError.self) { try Publisher(options: options).publish() }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/notes") == ["keep.txt"])
    options.out = w.guidelines
    #expect(throws: GuideKitError.self) { try Publisher(options: options).publish() }
    #expect(FileManager.default.fileExists(atPath: w.guidelines + "/telework-labor/2021.xml"))
    // A site guidekit wrote is replaced on the next run.
    _ = try Publisher(options: Self.options(w)).publish()
    #expect(problem(w.out) == nil)
    // A site is told by its manifest: another generator's is refused; an earlier version's site
    // (its state file inside) is taken, and the state file does not survive the next run.
    try FileManager.default.createDirectory(atPath: root + "/other", withIntermediateDirectories: true)
    try #"{"generator": "hugo", "files": []}"#.write(
      toFile: root + "/other/manifest.json", atomically: true, encoding: .utf8)
    #expect(problem(root + "/other")?.contains("did not write") == true)
    try FileManager.default.createDirectory(atPath: root + "/old", withIntermediateDirectories: true)
    try "{}".write(toFile: root + "/old/.guidekit-state.json", atomically: true, encoding: .utf8)
    try "old".write(toFile: root + "/old/index.html", atomically: true, encoding: .utf8)
    #expect(problem(root + "/old") == nil)
    options = Self.options(w)
    options.out = root + "/old"
    _ = try Publisher(options: options).publish()
    #expect(!FileManager.default.fileExists(atPath: root + "/old/.guidekit-state.json"))
  }

}

/// libxslt's generic error handler is process-wide: a run compiles its stylesheets before its
/// work fans out to threads.
@Suite("Stylesheets compiled before the work fans out")
struct StylesheetPrecompileTests {
  @Test func precompileCompilesEveryNamedStylesheetOrSaysWhichIsMissing() throws {
    let sheets = Stylesheets()
    #expect(sheets.compiledNames.isEmpty)
    try sheets.precompile(Stylesheets.publishing)
    #expect(sheets.compiledNames == Stylesheets.publishing.sorted())
    #expect(throws: GuideKitError.self) { try Stylesheets().precompile(["no-such-stylesheet"]) }
  }

  @Test func publishCompilesEveryStylesheetItMayApplyBeforeItsJobs() throws {
    let w = try PublishTests.workspace()
    defer { try? FileManager.default.removeItem(at: w.root) }
    let options = PublishTests.options(w)
    _ = try Publisher(options: options).publish()
    // impact-html included, though this run publishes no impact report: none is compiled in a job.
    #expect(options.stylesheets.compiledNames == Stylesheets.publishing.sorted())
  }
}

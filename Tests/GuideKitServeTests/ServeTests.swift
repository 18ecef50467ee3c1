// Tests of the live preview server: the `guidekit-serve` binary on loopback, on a copy of the
// bundled guidelines.
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import GuideKitServe

@Suite("guidekit serve over HTTP", .serialized)
struct ServeHTTPTests {
  @Test("first line, every route of the site and of the server, HEAD, and a clean stop on SIGTERM")
  func routes() throws {
    let serve = try ServeProcess()
    #expect(serve.firstLine == "guidekit serve: \(serve.url.dropLast())/")
    let port = serve.port

    let index = try RawHTTP.get(port: port, "/")
    #expect(index.status == 200)
    #expect(index.headers["content-type"] == "text/html; charset=utf-8")
    #expect(index.body.contains("telework-security/5.0.html"))
    // The title publish gives the site by default.
    #expect(index.body.contains("<title>テレワーク関係ガイドライン"))
    #expect(index.body.contains("<script src=\"/_guidekit/live.js\" defer></script>"))
    let csp = try #require(index.headers["content-security-policy"])
    #expect(csp.contains("script-src 'self';"))
    #expect(csp.contains("default-src 'none'"))
    #expect(!csp.contains("unsafe-inline"))

    let edition = try RawHTTP.get(port: port, "/telework-security/5.0.html")
    #expect(edition.status == 200)
    #expect(edition.body.contains("テレワークの意義と現状"))
    #expect(edition.body.contains("<meta name=\"guidekit-generation\" content=\"1\">"))
    // Each inline <style> of the page is allowed by its hash, nothing else inline.
    for style in LivePage.inlineStyles(edition.body).elements {
      #expect(try #require(edition.headers["content-security-policy"]).contains("'sha256-\(LivePage.digest(style))'"))
    }
    for page in ["-table.html", "-redline.html", "-notice.html"] {
      let response = try RawHTTP.get(port: port, "/telework-security/5.0\(page)")
      #expect(response.status == 200, "\(page)")
      #expect(response.body.contains("/_guidekit/live.js"), "\(page)")
    }
    #expect(try RawHTTP.get(port: port, "/telework-security/5.0-table.html").body.contains("新旧対照表"))
    let text = try RawHTTP.get(port: port, "/telework-security/5.0.txt")
    #expect(text.status == 200 && text.headers["content-type"] == "text/plain; charset=utf-8")
    #expect(!text.body.contains("live.js"))
    #expect(try RawHTTP.get(port: port, "/feed.xml").headers["content-type"] == "application/atom+xml; charset=utf-8")
    #expect(try RawHTTP.get(port: port, "/index.html").status == 200)

    let api = try RawHTTP.get(port: port, "/api/diagnostics.json")
    #expect(api.status == 200)
    let report = try JSONDecoder().decode(PreviewReport.self, from: Data(api.body.utf8))
    #expect(report.generation == 1)
    #expect(try RawHTTP.get(port: port, "/_guidekit/live.js").body.contains("EventSource"))
    #expect(try RawHTTP.get(port: port, "/_guidekit/live.css").headers["content-type"] == "text/css; charset=utf-8")
    let events = try RawHTTP.exchange(
      port: port, ["GET /_guidekit/events HTTP/1.1", "Host: 127.0.0.1:\(port)"], until: "data: 1\n\n")
    #expect(events.headers["content-type"] == "text/event-stream; charset=utf-8")
    #expect(events.body.contains("event: hello\ndata: 1\n\n"))

    let head = try RawHTTP.get(port: port, "/telework-security/5.0.html", method: "HEAD")
    #expect(head.status == 200 && head.body.isEmpty)

    #expect(serve.stop() == 0, "\(serve.stderr)")
  }

  @Test("a stream of events open while the server stops: SIGINT still stops it cleanly")
  func stopsWithOpenStream() throws {
    let serve = try ServeProcess()
    let port = serve.port
    let stream = Thread {
      _ = try? RawHTTP.exchange(
        port: port, ["GET /_guidekit/events HTTP/1.1", "Host: 127.0.0.1:\(port)"], until: "never",
        timeout: .seconds(15))
    }
    stream.start()
    usleep(300_000)
    #expect(serve.stop(signal: SIGINT) == 0, "\(serve.stderr)")
  }

  @Test("only requests for the served address are answered (DNS rebinding)")
  func hostCheck() throws {
    let serve = try ServeProcess()
    let port = serve.port
    #expect(try RawHTTP.get(port: port, "/", host: "evil.example:\(port)").status == 403)
    #expect(try RawHTTP.get(port: port, "/", host: "127.0.0.1:\(port + 1)").status == 403)
    #expect(try RawHTTP.get(port: port, "/api/diagnostics.json", host: "evil.example").status == 403)
    #expect(try RawHTTP.exchange(port: port, ["GET / HTTP/1.0", "Connection: close"]).status == 403)
    #expect(try RawHTTP.get(port: port, "/", host: "localhost:\(port)").status == 200)
    #expect(try RawHTTP.get(port: port, "/", host: "LOCALHOST:\(port)").status == 200)
  }

  @Test("no path outside the site: dot segments, encoded ones, encoded slashes, sources, links out")
  func traversal() throws {
    let outside = try TempFolderOutside()
    let serve = try ServeProcess()
    // A guideline outside the folder, linked in: it is not part of the site.
    try FileManager.default.createSymbolicLink(
      atPath: serve.guidelines + "/telework-security/leak.xml", withDestinationPath: outside.guideline)
    usleep(500_000)
    let port = serve.port
    let attempts = [
      "/../guidelines/telework-security/5.0.xml", "/%2e%2e/guidelines/telework-security/5.0.xml",
      "/%2E%2E/%2E%2E/etc/passwd", "/telework-security/..%2f..%2fetc%2fpasswd", "/telework-security%2f5.0.html",
      "/telework-security%5c5.0.html", "/./index.html", "//index.html", "/telework-security//5.0.html",
      "/telework-security/5.0.xml", "/guidelines/telework-security/5.0.xml", "/%00", "/index.html%00",
      "/%252e%252e/index.html", "/telework-security/", "/leaked/1.0.html", "/etc/passwd",
    ]
    for path in attempts {
      let response = try RawHTTP.get(port: port, path)
      #expect(response.status == 404, "\(path)")
      #expect(!response.body.contains("root:"), "\(path)")
    }
    #expect(!(try RawHTTP.get(port: port, "/").body.contains("leaked")))
    #expect(try RawHTTP.get(port: port, "/telework-security/5.0.html").status == 200)
  }

  @Test("read-only: every method but GET and HEAD is refused with 405")
  func readOnly() throws {
    let serve = try ServeProcess()
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
      let response = try RawHTTP.exchange(
        port: serve.port,
        [
          "\(method) /telework-security/5.0.html HTTP/1.1", "Host: 127.0.0.1:\(serve.port)", "Content-Length: 0",
          "Connection: close",
        ])
      #expect(response.status == 405, "\(method)")
      #expect(response.headers["allow"] == "GET, HEAD", "\(method)")
    }
    #expect(try serve.read("telework-security/5.0.xml").contains("テレワークの意義と現状"))
  }

  @Test("a file that is not well-formed: its parse error with line, over the last good page")
  func malformedFile() throws {
    let serve = try ServeProcess()
    let port = serve.port
    let good = try serve.read("telework-security/5.0.xml")
    let broken = good.replacingOccurrences(of: "<title>テレワークの意義と現状</title>", with: "<title>壊れた</titel>")
    try serve.write("telework-security/5.0.xml", broken)
    let line = broken.components(separatedBy: "\n").firstIndex { $0.contains("壊れた") }.map { $0 + 1 } ?? 0
    var report = PreviewReport(generation: 0, errors: 0, warnings: 0, diagnostics: [])
    try eventually("the parse error") {
      report = try JSONDecoder().decode(
        PreviewReport.self, from: Data(RawHTTP.get(port: port, "/api/diagnostics.json").body.utf8))
      return report.diagnostics.contains { $0.rule == "xml-syntax" }
    }
    let syntax = try #require(report.diagnostics.first { $0.rule == "xml-syntax" })
    #expect(syntax.file.hasSuffix("telework-security/5.0.xml"))
    #expect(syntax.line == line)
    #expect(syntax.page == "telework-security/5.0.html")
    let page = try RawHTTP.get(port: port, "/telework-security/5.0.html")
    #expect(page.status == 200)
    #expect(page.body.contains("テレワークの意義と現状"))

    // Fixed again: the error goes, the page follows the file.
    try serve.write(
      "telework-security/5.0.xml",
      good.replacingOccurrences(of: "<title>テレワークの意義と現状</title>", with: "<title>テレワークの意義</title>"))
    try eventually("the new text") {
      try RawHTTP.get(port: port, "/telework-security/5.0.html").body.contains("<title>")
        && RawHTTP.get(port: port, "/telework-security/5.0.html").body.contains("テレワークの意義<")
    }
    let fixed = try JSONDecoder().decode(
      PreviewReport.self, from: Data(RawHTTP.get(port: port, "/api/diagnostics.json").body.utf8))
    #expect(!fixed.diagnostics.contains { $0.rule == "xml-syntax" })
  }

  @Test("a change in one guideline's folder keeps the diagnostics of the others, and updates its own")
  func diagnosticsOfOtherFoldersAreKept() throws {
    let serve = try ServeProcess()
    let port = serve.port
    func report() throws -> PreviewReport {
      try JSONDecoder().decode(
        PreviewReport.self, from: Data(RawHTTP.get(port: port, "/api/diagnostics.json").body.utf8))
    }
    func duplicates(_ report: PreviewReport, in file: String) -> Int {
      report.diagnostics.filter { $0.rule == "duplicate-id" && $0.file.hasSuffix(file) }.count
    }
    let labor = try serve.read("telework-labor/2021.xml")
    try serve.write(
      "telework-labor/2021.xml",
      labor.replacingOccurrences(of: "<clause id=\"background\"", with: "<clause id=\"purpose\""))
    try eventually("the duplicate id in the labour guideline") {
      duplicates(try report(), in: "telework-labor/2021.xml") == 1
    }

    // An edit of the security guideline: its folder is checked again, the labour one is not.
    let generation = try report().generation
    let security = try serve.read("telework-security/5.0.xml")
    try serve.write(
      "telework-security/5.0.xml",
      security.replacingOccurrences(of: "<clause id=\"intro-purpose\"", with: "<clause id=\"intro-significance\""))
    try eventually("the duplicate id in the security guideline") {
      duplicates(try report(), in: "telework-security/5.0.xml") == 1
    }
    let after = try report()
    #expect(after.generation > generation)
    #expect(duplicates(after, in: "telework-labor/2021.xml") == 1)

    // Fixed: gone from the security guideline, still in the labour one.
    try serve.write("telework-security/5.0.xml", security)
    try eventually("the fix") { duplicates(try report(), in: "telework-security/5.0.xml") == 0 }
    #expect(duplicates(try report(), in: "telework-labor/2021.xml") == 1)
  }

  @Test("files deleted while served leave the index; new files join it; open streams are told")
  func deletedAndNewFiles() throws {
    let serve = try ServeProcess()
    let port = serve.port
    #expect(try RawHTTP.get(port: port, "/telework-labor/2018.html").status == 200)
    let generation = try JSONDecoder().decode(
      PreviewReport.self, from: Data(RawHTTP.get(port: port, "/api/diagnostics.json").body.utf8)
    ).generation
    let stream = LockedText()
    let reader = Thread {
      let response = try? RawHTTP.exchange(
        port: port, ["GET /_guidekit/events HTTP/1.1", "Host: 127.0.0.1:\(port)"],
        until: "event: change\ndata: \(generation + 1)\n\n", timeout: .seconds(20))
      stream.set(response?.body ?? "")
    }
    reader.start()
    usleep(300_000)
    try FileManager.default.removeItem(atPath: serve.guidelines + "/telework-labor/2018.xml")
    try eventually("the deletion") { try RawHTTP.get(port: port, "/telework-labor/2018.html").status == 404 }
    #expect(!(try RawHTTP.get(port: port, "/").body.contains("telework-labor/2018.html")))
    try eventually("the change event") { stream.get().contains("event: change\ndata: \(generation + 1)") }

    // A new edition appears.
    let newer = try serve.read("telework-labor/2021.xml")
      .replacingOccurrences(of: "version=\"2021\"", with: "version=\"2030\"")
    try serve.write("telework-labor/2030.xml", newer)
    try eventually("the new edition") { try RawHTTP.get(port: port, "/").body.contains("telework-labor/2030.html") }
    #expect(try RawHTTP.get(port: port, "/telework-labor/2030.html").status == 200)
  }

  @Test("impact findings against the reference store are listed with their clause, line and page")
  func impactFindings() throws {
    let references = ServeProcess.packageRoot.appendingPathComponent("references").path
    let serve = try ServeProcess(extraArguments: ["--references", references])
    let report = try JSONDecoder().decode(
      PreviewReport.self, from: Data(RawHTTP.get(port: serve.port, "/api/diagnostics.json").body.utf8))
    let impact = report.diagnostics.filter { $0.source == "impact" }
    #expect(!impact.isEmpty)
    for finding in impact {
      #expect(finding.clause?.isEmpty == false)
      #expect(finding.line > 0)
      #expect(finding.page.map { finding.file.hasSuffix($0.replacingOccurrences(of: ".html", with: ".xml")) } == true)
    }
    // The served copy's clause-set pages come from the store too.
    #expect(try RawHTTP.get(port: serve.port, "/").body.contains("references/"))
  }

  @Test("50 clients at once get the same edition page")
  func concurrentClients() async throws {
    let serve = try ServeProcess()
    let url = "\(serve.url)telework-security/5.0.html"
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    let bodies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for _ in 0..<50 {
        group.addTask {
          let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
          let body = try await response.body.collect(upTo: 16 << 20)
          return (Int(response.status.code), String(buffer: body))
        }
      }
      var all: [(Int, String)] = []
      for try await result in group { all.append(result) }
      return all
    }
    try await client.shutdown()
    #expect(bodies.count == 50)
    #expect(bodies.allSatisfy { $0.0 == 200 })
    #expect(Set(bodies.map(\.1)).count == 1)
    #expect(bodies.first?.1.contains("テレワークの意義と現状") == true)
  }
}

@Suite("guidekit serve: request paths and pages")
struct ServeUnitTests {
  @Test("request paths map to site paths; anything irregular maps to none")
  func requestPaths() {
    #expect(RequestPath.sitePath("/") == "index.html")
    #expect(RequestPath.sitePath("/telework-security/5.0.html") == "telework-security/5.0.html")
    #expect(RequestPath.sitePath("/a/%E5%9B%B3.png") == "a/図.png")
    for bad in [
      "/..", "/a/../b", "/%2e%2e/x", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b", "//a", "/a/", "/./a", "/%", "/%zz",
      "/%00", "/%ff", "a", "/%25", "/a/%2e",
    ] {
      #expect(RequestPath.sitePath(bad) == nil, "\(bad)")
    }
  }

  @Test("a served page links the live script and allows its own inline styles by hash, no others")
  func livePage() {
    let source = Data(
      "<html><head><style>p{color:red}</style></head><body><p style=\"color:blue\">x</p></body></html>".utf8)
    let page = LivePage(html: source, generation: 7)
    let html = String(decoding: page.html, as: UTF8.self)
    #expect(
      html.contains(
        "<meta name=\"guidekit-generation\" content=\"7\"><link rel=\"stylesheet\" href=\"/_guidekit/live.css\"><script src=\"/_guidekit/live.js\" defer></script></head>"
      ))
    #expect(page.contentSecurityPolicy.contains("'sha256-\(LivePage.digest("p{color:red}"))'"))
    #expect(page.contentSecurityPolicy.contains("'unsafe-hashes' 'sha256-\(LivePage.digest("color:blue"))'"))
    #expect(page.contentSecurityPolicy.hasPrefix("default-src 'none'; script-src 'self'; style-src 'self' "))
    // The base64 SHA-256 of "p{color:red}", computed independently (openssl dgst -sha256 -binary | base64).
    #expect(LivePage.digest("p{color:red}") == "p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64=")
  }
}

/// A guideline outside the served folder.
final class TempFolderOutside {
  let folder: URL
  let guideline: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guidekit-serve-outside-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let source = try String(
      contentsOf: ServeProcess.packageRoot.appendingPathComponent("guidelines/telework-security/5.0.xml"),
      encoding: .utf8)
    guideline = folder.appendingPathComponent("leak.xml").path
    try Data(
      source.replacingOccurrences(of: "id=\"telework-security\"", with: "id=\"leaked\"")
        .replacingOccurrences(of: "version=\"5.0\"", with: "version=\"1.0\"").utf8
    ).write(to: URL(fileURLWithPath: guideline))
  }

  deinit { try? FileManager.default.removeItem(at: folder) }
}

/// Text written by one thread and read by another.
final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var text = ""
  func set(_ value: String) { lock.withLock { text = value } }
  func get() -> String { lock.withLock { text } }
}

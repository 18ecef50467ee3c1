import FoundationEssentials
import GuideKit
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The HTTP server of `guidekit serve`, on Hummingbird (SwiftNIO): the site of `PreviewSite`
/// from memory, the diagnostics as JSON, the live script, and Server-Sent Events on every change.
///
/// Safe by default: every request must name the served address in `Host` (a page of another site
/// cannot reach it by DNS rebinding), only GET and HEAD are answered, only paths of the site
/// exist, and pages may run only the server's own script and styles (Content-Security-Policy).
public final class PreviewServer: Sendable {
  public let site: PreviewSite
  let changes = ChangeBroadcaster()
  /// The port actually bound (known once the server runs; `--port 0` picks one).
  let boundPort = Mutex<Int?>(nil)

  public init(site: PreviewSite) {
    self.site = site
  }

  /// Runs until SIGINT or SIGTERM, then stops gracefully (open event streams end).
  /// - Parameter started: called once with the URL served (`http://HOST:PORT/`).
  public func run(started: @escaping @Sendable (String) -> Void) async throws {
    site.refresh()
    var logger = Logger(label: "guidekit-serve")
    logger.logLevel = .warning
    let options = site.options
    let server = self
    let app = Application(
      responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
        await server.respond(to: request)
      },
      configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
      services: [SiteWatcher(site: site, changes: changes, interval: options.pollInterval)],
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? options.port
        server.boundPort.withLock { $0 = port }
        started("http://\(Self.authority(host: options.host, port: port))/")
      },
      logger: logger)
    try await app.runService()
  }

  // MARK: - Responses

  func respond(to request: Request) async -> Response {
    guard hostIsServed(request.head.authority) else {
      return Self.plain(.forbidden, "guidekit serve: this server answers only requests for its own address\n")
    }
    guard request.method == .get || request.method == .head else {
      var response = Self.plain(.methodNotAllowed, "guidekit serve is read-only: GET and HEAD only\n")
      response.headers[.allow] = "GET, HEAD"
      return response
    }
    let raw = String(request.uri.path)
    var response: Response
    switch raw {
    case "/_guidekit/live.js":
      response = Self.bytes(Data(LiveAssets.script.utf8), type: "text/javascript; charset=utf-8")
    case "/_guidekit/live.css":
      response = Self.bytes(Data(LiveAssets.styles.utf8), type: "text/css; charset=utf-8")
    case "/_guidekit/events":
      response = events()
    case "/api/diagnostics.json":
      response = Self.bytes(Data(JSONOutput.string(site.report).utf8), type: "application/json; charset=utf-8")
    default:
      response = await page(raw)
    }
    if request.method == .head {
      response.body = ResponseBody()
    }
    return response
  }

  private func page(_ raw: String) async -> Response {
    guard let path = RequestPath.sitePath(raw) else { return Self.notFound }
    let found: (data: Data, generation: Int, rendered: RenderedFile)?
    do {
      found = try await site.file(at: path)
    } catch {
      return Self.plain(.internalServerError, "guidekit serve: \(path) could not be rendered: \(error)\n")
    }
    guard let found else { return Self.notFound }
    guard path.hasSuffix(".html") else {
      return Self.bytes(found.data, type: Self.contentType(path))
    }
    let page = found.rendered.livePage(found.data, generation: found.generation)
    var response = Self.bytes(page.html, type: "text/html; charset=utf-8")
    response.headers[.contentSecurityPolicy] = page.contentSecurityPolicy
    return response
  }

  /// Server-Sent Events: `hello` with the current generation, then `change` with each new one.
  private func events() -> Response {
    let subscription = changes.subscribe()
    let site = site
    var headers = Self.commonHeaders
    headers[.contentType] = "text/event-stream; charset=utf-8"
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        defer { subscription.cancel() }
        try await withGracefulShutdownHandler {
          try await writer.write(ByteBuffer(string: "retry: 500\nevent: hello\ndata: \(site.generation)\n\n"))
          for await generation in subscription.stream {
            try await writer.write(ByteBuffer(string: "event: change\ndata: \(generation)\n\n"))
          }
        } onGracefulShutdown: {
          subscription.cancel()
        }
        try await writer.finish(nil)
      })
  }

  /// True when `host` (the request's `Host`) names the address served: the host given to
  /// `--host` with the bound port, or, on loopback, `localhost`, `127.0.0.1` or `[::1]`.
  func hostIsServed(_ host: String?) -> Bool {
    guard let host, let port = boundPort.withLock({ $0 }) else { return false }
    let given = site.options.host.lowercased()
    var names = [given]
    if ["127.0.0.1", "localhost", "::1"].contains(given) { names += ["localhost", "127.0.0.1", "::1"] }
    return names.contains { Self.authority(host: $0, port: port) == host.lowercased() }
  }

  static func authority(host: String, port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }

  // MARK: - Helpers

  static let notFound = plain(.notFound, "404 not found\n")

  /// Sent with every response: nothing cached, sniffed, framed or referred.
  static var commonHeaders: HTTPFields {
    var headers = HTTPFields()
    headers[.cacheControl] = "no-store"
    headers[.xContentTypeOptions] = "nosniff"
    for (name, value) in [("X-Frame-Options", "DENY"), ("Referrer-Policy", "no-referrer")] {
      if let name = HTTPField.Name(name) { headers[name] = value }
    }
    headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
    return headers
  }

  static func bytes(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = commonHeaders
    headers[.contentType] = type
    headers[.contentLength] = String(data.count)
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }

  static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
    bytes(Data(text.utf8), type: "text/plain; charset=utf-8", status: status)
  }

  static func contentType(_ path: String) -> String {
    let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
    return switch ext {
    case "txt": "text/plain; charset=utf-8"
    case "xml": "application/atom+xml; charset=utf-8"
    case "json": "application/json; charset=utf-8"
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "gif": "image/gif"
    case "svg": "image/svg+xml"
    case "webp": "image/webp"
    default: "application/octet-stream"
    }
  }
}

/// A page of the site as served: the live script and style sheet linked in its head, and the
/// Content-Security-Policy that allows them and the page's own inline styles (by hash), nothing
/// else.
struct LivePage: Sendable {
  var html: Data
  var contentSecurityPolicy: String

  init(html source: Data, generation: Int) {
    let text = String(decoding: source, as: UTF8.self)
    let tags =
      "<meta name=\"guidekit-generation\" content=\"\(generation)\"><link rel=\"stylesheet\" href=\"/_guidekit/live.css\"><script src=\"/_guidekit/live.js\" defer></script>"
    var html = text
    if let head = text.firstRange(of: "</head>") {
      html.insert(contentsOf: tags, at: head.lowerBound)
    } else {
      html = tags + text
    }
    self.html = Data(html.utf8)
    let (elements, attributes) = Self.inlineStyles(text)
    var styles = ["'self'"] + Set(elements).sorted().map { "'sha256-\(Self.digest($0))'" }
    if !attributes.isEmpty {
      styles += ["'unsafe-hashes'"] + Set(attributes).sorted().map { "'sha256-\(Self.digest($0))'" }
    }
    contentSecurityPolicy =
      "default-src 'none'; script-src 'self'; style-src \(styles.joined(separator: " ")); img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
  }

  /// The contents of the page's `<style>` elements and of its `style="…"` attributes.
  static func inlineStyles(_ html: String) -> (elements: [String], attributes: [String]) {
    var elements: [String] = []
    var rest = html[...]
    while let open = rest.firstRange(of: "<style"), let end = rest[open.upperBound...].firstIndex(of: ">"),
      let close = rest[end...].firstRange(of: "</style>")
    {
      elements.append(String(rest[rest.index(after: end)..<close.lowerBound]))
      rest = rest[close.upperBound...]
    }
    var attributes: [String] = []
    rest = html[...]
    while let open = rest.firstRange(of: " style=\""), let close = rest[open.upperBound...].firstIndex(of: "\"") {
      attributes.append(String(rest[open.upperBound..<close]))
      rest = rest[rest.index(after: close)...]
    }
    return (elements, attributes)
  }

  static func digest(_ text: String) -> String {
    Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
  }
}

/// Polls the folders and tells the event streams of every change (see `PreviewSite.refresh`).
///
/// Polling rather than inotify: an editor that saves by writing a new file and renaming it over
/// the old one (vim, most IDEs) replaces the inode that a file watch holds, and a folder watch
/// must be added for every subfolder as it appears; a stat of each input every 100 ms costs
/// microseconds for a folder of guidelines and sees every kind of save, on any file system
/// (including network and container mounts, where inotify sees nothing).
struct SiteWatcher: Service {
  let site: PreviewSite
  let changes: ChangeBroadcaster
  let interval: Duration

  func run() async throws {
    let stopping = Mutex(false)
    await withGracefulShutdownHandler {
      while !stopping.withLock({ $0 }) && !Task.isCancelled {
        try? await Task.sleep(for: interval)
        if site.refresh() { changes.send(site.generation) }
      }
    } onGracefulShutdown: {
      stopping.withLock { $0 = true }
      changes.finish()
    }
  }
}

/// The open event streams, each told every new generation.
final class ChangeBroadcaster: Sendable {
  private struct State {
    var next = 0
    var streams: [Int: AsyncStream<Int>.Continuation] = [:]
    var finished = false
  }
  private let state = Mutex(State())

  /// One stream; `cancel()` ends it.
  struct Subscription: Sendable {
    let stream: AsyncStream<Int>
    let cancel: @Sendable () -> Void
  }

  func subscribe() -> Subscription {
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
    let id: Int? = state.withLock { state in
      guard !state.finished else { return nil }
      state.next += 1
      state.streams[state.next] = continuation
      return state.next
    }
    guard let id else {
      continuation.finish()
      return Subscription(stream: stream, cancel: {})
    }
    return Subscription(stream: stream) { [self] in
      let removed = state.withLock { $0.streams.removeValue(forKey: id) }
      removed?.finish()
    }
  }

  func send(_ generation: Int) {
    for continuation in state.withLock({ Array($0.streams.values) }) { continuation.yield(generation) }
  }

  /// Ends every stream (the server is stopping) and refuses new ones.
  func finish() {
    let all = state.withLock { state in
      state.finished = true
      defer { state.streams.removeAll() }
      return Array(state.streams.values)
    }
    for continuation in all { continuation.finish() }
  }
}

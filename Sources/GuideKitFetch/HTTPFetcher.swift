import AsyncHTTPClient
import FoundationEssentials
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// A failed request: the URL, its host and why (DESIGN.md: failures name the host, the URL and
/// the reason).
public struct FetchError: Error, Sendable, CustomStringConvertible, Equatable {
  public var url: String
  public var reason: String
  /// The HTTP status, when the server answered.
  public var status: Int?

  public init(url: String, reason: String, status: Int? = nil) {
    self.url = url
    self.reason = reason
    self.status = status
  }

  public var host: String { URLParts(url)?.host ?? "" }

  public var description: String {
    host.isEmpty ? "\(url): \(reason)" : "\(host): \(url): \(reason)"
  }
}

/// A server's answer, body included.
public struct FetchResponse: Sendable {
  public var status: Int
  public var headers: [(String, String)]
  public var body: Data

  public func header(_ name: String) -> String? {
    headers.first { $0.0.lowercased() == name.lowercased() }?.1
  }
}

/// GET requests with the manners of ``NetworkSettings``: a proxy per scheme unless `NO_PROXY`
/// names the host, the system's CA store plus `SSL_CERT_FILE`, a User-Agent, timeouts, at most
/// `perHost` requests in flight per host, and retries with exponential back-off and full
/// jitter on 429, 5xx and dropped connections, honouring `Retry-After`.
///
/// Built on AsyncHTTPClient (SwiftNIO): connection pooling, CONNECT tunnelling through proxies and
/// TLS come from it; the retry and politeness policy is guidekit's.
public final class HTTPFetcher: Sendable {
  public let settings: NetworkSettings
  /// One client per proxy (nil: direct), made on first use.
  private let clients = Mutex<[ProxyAddress?: HTTPClient]>([:])
  private let gates = HostGates()
  private let counter = Atomic<Int>(0)

  public init(settings: NetworkSettings) {
    self.settings = settings
  }

  /// Requests sent so far, retries included.
  public var requestCount: Int { counter.load(ordering: .relaxed) }

  /// Shuts every client down; call once, after the last request.
  public func shutdown() async {
    let all = clients.withLock { table -> [HTTPClient] in
      defer { table.removeAll() }
      return Array(table.values)
    }
    for client in all { try? await client.shutdown() }
  }

  /// GETs `url`, retrying what may succeed later.
  /// - Parameter headers: extra request headers (`If-None-Match`, `Accept`).
  /// - Returns: the final response, whatever its status (callers judge 4xx), unless it is one
  ///   that was retried until the attempts ran out.
  /// - Throws: ``FetchError`` when no response came, or retrying ran out.
  public func get(_ url: String, headers: [(String, String)] = []) async throws(FetchError) -> FetchResponse {
    guard let parts = URLParts(url), parts.scheme == "http" || parts.scheme == "https" else {
      throw FetchError(url: url, reason: "not an http:// or https:// URL")
    }
    let attempts = max(1, settings.attempts)
    var lastError = FetchError(url: url, reason: "no attempt made")
    for attempt in 1...attempts {
      let wait: Int64
      switch await once(url, parts: parts, headers: headers) {
      case .success(let response):
        guard Self.isRetryable(status: response.status) else { return response }
        lastError = FetchError(
          url: url, reason: "HTTP \(response.status)\(Self.apiMessage(response))", status: response.status)
        wait = retryAfterMilliseconds(response) ?? backoffMilliseconds(attempt: attempt)
      case .failure(let error):
        lastError = error
        wait = backoffMilliseconds(attempt: attempt)
      }
      if attempt == attempts { break }
      do {
        try await Task.sleep(for: .milliseconds(wait))
      } catch {
        throw FetchError(url: url, reason: "cancelled")
      }
    }
    if attempts > 1 { lastError.reason += " (after \(attempts) attempts)" }
    throw lastError
  }

  private func once(_ url: String, parts: URLParts, headers: [(String, String)]) async -> Result<
    FetchResponse, FetchError
  > {
    let client: HTTPClient
    do {
      client = try self.client(proxy: settings.proxy(scheme: parts.scheme, host: parts.host))
    } catch {
      return .failure(error)
    }
    var request = HTTPClientRequest(url: url)
    request.method = .GET
    request.headers.add(name: "User-Agent", value: settings.userAgent)
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    let key = "\(parts.scheme)://\(parts.host):\(parts.port)"
    await gates.enter(key, limit: settings.perHost)
    let result = await perform(request, url: url, client: client)
    await gates.leave(key)
    return result
  }

  private func perform(_ request: HTTPClientRequest, url: String, client: HTTPClient) async -> Result<
    FetchResponse, FetchError
  > {
    counter.add(1, ordering: .relaxed)
    do {
      let response = try await client.execute(request, deadline: .now() + .seconds(settings.requestTimeout))
      if let length = response.headers.first(name: "content-length").flatMap(Int.init),
        length > settings.maxBodyBytes
      {
        return .failure(
          FetchError(url: url, reason: "body of \(length) bytes exceeds the limit of \(settings.maxBodyBytes)"))
      }
      let buffer = try await response.body.collect(upTo: settings.maxBodyBytes)
      let body = Data(buffer.readableBytesView)
      if let expected = response.headers.first(name: "content-length").flatMap(Int.init), expected != body.count {
        return .failure(
          FetchError(url: url, reason: "truncated body: \(body.count) of \(expected) bytes"))
      }
      return .success(
        FetchResponse(
          status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: body))
    } catch {
      return .failure(FetchError(url: url, reason: Self.describe(error, settings: settings)))
    }
  }

  private func client(proxy: ProxyAddress?) throws(FetchError) -> HTTPClient {
    if let existing = clients.withLock({ $0[proxy] }) { return existing }
    var tls = TLSConfiguration.makeClientConfiguration()
    if let file = settings.extraTrustFile {
      guard FileManager.default.isReadableFile(atPath: file) else {
        throw FetchError(url: file, reason: "SSL_CERT_FILE names no readable file")
      }
      tls.additionalTrustRoots = [.file(file)]
    }
    var configuration = HTTPClient.Configuration(
      tlsConfiguration: tls,
      redirectConfiguration: .follow(max: 5, allowCycles: false),
      timeout: .init(connect: .seconds(settings.connectTimeout), read: .seconds(settings.readTimeout)),
      decompression: .disabled)
    configuration.connectionPool = .init(
      idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: settings.perHost)
    configuration.httpVersion = .http1Only
    // guidekit retries whole requests itself, with back-off; the pool would retry connecting until the deadline.
    configuration.connectionPool.retryConnectionEstablishment = false
    if let proxy {
      var address = HTTPClient.Configuration.Proxy.server(host: proxy.host, port: proxy.port)
      if let user = proxy.user {
        address.authorization = .basic(username: user, password: proxy.password ?? "")
      }
      configuration.proxy = address
    }
    let created = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    let (chosen, spare) = clients.withLock { table -> (HTTPClient, HTTPClient?) in
      if let raced = table[proxy] { return (raced, created) }
      table[proxy] = created
      return (created, nil)
    }
    if let spare { Task { try? await spare.shutdown() } }
    return chosen
  }

  static func isRetryable(status: Int) -> Bool {
    status == 429 || status == 500 || status == 502 || status == 503 || status == 504
  }

  /// `Retry-After` as seconds or an HTTP date, capped at `maxWaitSeconds`.
  func retryAfterMilliseconds(_ response: FetchResponse) -> Int64? {
    guard let value = response.header("Retry-After")?.trimmed else { return nil }
    let cap = settings.maxWaitSeconds * 1000
    if let seconds = Int64(value), seconds >= 0 { return min(seconds * 1000, cap) }
    if let date = HTTPDate.parse(value) {
      let milliseconds = Int64(date.timeIntervalSinceNow * 1000)
      return min(max(0, milliseconds), cap)
    }
    return nil
  }

  /// Exponential back-off with full jitter: a random wait up to base × 2^(attempt−1), capped.
  func backoffMilliseconds(attempt: Int) -> Int64 {
    let ceiling = min(settings.backoffMilliseconds << Int64(min(attempt - 1, 20)), settings.maxWaitSeconds * 1000)
    return ceiling <= 0 ? 0 : Int64.random(in: ceiling / 2...ceiling)
  }

  /// The API's own words from an `error_info` body (`code`, `message`), when there are any.
  static func apiMessage(_ response: FetchResponse) -> String {
    guard let info = APIErrorInfo(response.body) else { return "" }
    return ": \(info)"
  }

  static func describe(_ error: any Error, settings: NetworkSettings) -> String {
    if let error = error as? HTTPClientError {
      switch error {
      case .connectTimeout: return "no connection within \(settings.connectTimeout) s"
      case .readTimeout: return "no data for \(settings.readTimeout) s"
      case .deadlineExceeded: return "not done within \(settings.requestTimeout) s"
      case .remoteConnectionClosed: return "the connection closed before the response was complete"
      case .invalidProxyResponse: return "the proxy refused the tunnel"
      case .proxyAuthenticationRequired: return "the proxy wants authentication"
      case .redirectLimitReached, .redirectCycleDetected: return "too many redirects"
      default: return "\(error)"
      }
    }
    if let error = error as? NIOSSLError { return "TLS: \(error)" }
    if let error = error as? BoringSSLError { return "TLS: \(error)" }
    let text = String(describing: error)
    if text.contains("connection refused") || text.contains("Connection refused") { return "connection refused" }
    return text
  }
}

/// The API's `error_info`: `{"code": "404001", "message": "…"}`, or the same as XML.
struct APIErrorInfo: CustomStringConvertible {
  var code: String
  var message: String

  init?(_ body: Data) {
    struct JSONForm: Decodable {
      var code: String?
      var message: String?
    }
    if let decoded = try? JSONDecoder().decode(JSONForm.self, from: body), decoded.code != nil || decoded.message != nil
    {
      code = decoded.code ?? ""
      message = decoded.message ?? ""
      return
    }
    let text = String(decoding: body.prefix(4096), as: UTF8.self)
    guard text.contains("<error_info") else { return nil }
    func element(_ name: String) -> String {
      guard let start = text.firstRange(of: "<\(name)>"),
        let end = text[start.upperBound...].firstRange(of: "</\(name)>")
      else { return "" }
      return text[start.upperBound..<end.lowerBound].trimmed
    }
    code = element("code")
    message = element("message")
  }

  var description: String { "error_info \(code) \(message)" }
}

/// Scheme, host and port of a URL, without Foundation's URL (its parsing differs by platform).
struct URLParts: Sendable, Equatable {
  var scheme: String
  var host: String
  var port: Int

  init?(_ url: String) {
    guard let separator = url.firstRange(of: "://") else { return nil }
    scheme = url[..<separator.lowerBound].lowercased()
    var rest = url[separator.upperBound...]
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    var hostPart = rest
    var port = scheme == "https" ? 443 : 80
    if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
      hostPart = rest[rest.index(after: rest.startIndex)..<close]
      let after = rest[rest.index(after: close)...]
      if after.hasPrefix(":"), let number = Int(after.dropFirst()) { port = number }
    } else if let colon = rest.lastIndex(of: ":") {
      hostPart = rest[..<colon]
      guard let number = Int(rest[rest.index(after: colon)...]) else { return nil }
      port = number
    }
    guard !hostPart.isEmpty else { return nil }
    host = hostPart.lowercased()
    self.port = port
  }
}

/// At most `limit` requests in flight per host; the others wait in order.
actor HostGates {
  private var active: [String: Int] = [:]
  private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

  func enter(_ key: String, limit: Int) async {
    if active[key, default: 0] < max(1, limit) {
      active[key, default: 0] += 1
      return
    }
    await withCheckedContinuation { waiting[key, default: []].append($0) }
  }

  func leave(_ key: String) {
    if var queue = waiting[key], !queue.isEmpty {
      let next = queue.removeFirst()
      waiting[key] = queue
      next.resume()  // the slot passes to the next waiter
    } else {
      active[key, default: 1] -= 1
    }
  }
}

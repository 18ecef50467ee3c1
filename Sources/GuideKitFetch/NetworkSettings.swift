import FoundationEssentials
import GuideKit

/// How `guidekit sources` uses the network: proxies, trust, timeouts, retries, politeness
/// (DESIGN.md "Sources", network manners).
public struct NetworkSettings: Sendable, Equatable {
  /// `guidekit/<version>`.
  public var userAgent = "guidekit/\(GuideKitInfo.version)"
  /// `HTTP_PROXY`: used for `http://` URLs.
  public var httpProxy: ProxyAddress?
  /// `HTTPS_PROXY`: used for `https://` URLs.
  public var httpsProxy: ProxyAddress?
  /// `NO_PROXY`: hosts (and their subdomains) reached directly; `*` for all.
  public var noProxy: [String] = []
  /// `SSL_CERT_FILE`: PEM certificates trusted besides the system's store.
  public var extraTrustFile: String?
  /// Seconds to establish a connection.
  public var connectTimeout: Int64 = 15
  /// Seconds without a byte from the server before the attempt is given up.
  public var readTimeout: Int64 = 60
  /// Seconds one attempt may take in all (a slow but live transfer of a large law is fine).
  public var requestTimeout: Int64 = 600
  /// Attempts per request, the first included.
  public var attempts = 5
  /// Milliseconds of the first back-off; each further one doubles, with full jitter.
  public var backoffMilliseconds: Int64 = 500
  /// The longest wait between attempts, also for a server's `Retry-After`, in seconds.
  public var maxWaitSeconds: Int64 = 120
  /// Requests in flight at once to one host.
  public var perHost = 4
  /// The largest body accepted, in bytes.
  public var maxBodyBytes = 256 << 20

  public init() {}

  /// The settings the environment asks for (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` and their
  /// lowercase forms, `SSL_CERT_FILE`).
  /// - Throws: ``FetchError`` for a proxy variable that names no host.
  public static func fromEnvironment(_ environment: [String: String]) throws(FetchError) -> NetworkSettings {
    func value(_ name: String) -> String? {
      let found = environment[name] ?? environment[name.lowercased()]
      return found.flatMap { $0.isEmpty ? nil : $0 }
    }
    var settings = NetworkSettings()
    if let text = value("HTTP_PROXY") { settings.httpProxy = try ProxyAddress.parse(text, variable: "HTTP_PROXY") }
    if let text = value("HTTPS_PROXY") { settings.httpsProxy = try ProxyAddress.parse(text, variable: "HTTPS_PROXY") }
    if let text = value("NO_PROXY") {
      settings.noProxy = text.split(separator: ",").map { $0.trimmed.lowercased() }.filter { !$0.isEmpty }
    }
    settings.extraTrustFile = value("SSL_CERT_FILE")
    return settings
  }

  /// The proxy for a URL, or nil to connect directly.
  public func proxy(scheme: String, host: String) -> ProxyAddress? {
    let chosen = scheme == "https" ? httpsProxy : httpProxy
    guard let chosen else { return nil }
    return bypassesProxy(host) ? nil : chosen
  }

  /// `NO_PROXY` matching as curl does it: `*`, an exact host, or a domain suffix (with or
  /// without a leading dot); a `host:port` entry matches the host.
  func bypassesProxy(_ host: String) -> Bool {
    let host = Self.unbracketed(host.lowercased())
    for entry in noProxy {
      if entry == "*" { return true }
      var name = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
      if let colon = name.lastIndex(of: ":"), !name.contains("]"), name.filter({ $0 == ":" }).count == 1 {
        name = String(name[..<colon])
      }
      name = Self.unbracketed(name)
      if host == name || host.hasSuffix("." + name) { return true }
    }
    return false
  }

  /// An IPv6 literal without its brackets.
  static func unbracketed(_ host: String) -> String {
    host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
  }
}

/// A proxy named by an environment variable: `http://[user:password@]host:port`.
public struct ProxyAddress: Sendable, Hashable {
  public var host: String
  public var port: Int
  public var user: String?
  public var password: String?

  public init(host: String, port: Int, user: String? = nil, password: String? = nil) {
    self.host = host
    self.port = port
    self.user = user
    self.password = password
  }

  static func parse(_ text: String, variable: String) throws(FetchError) -> ProxyAddress {
    var rest = Substring(text.trimmed)
    if let scheme = rest.firstRange(of: "://") {
      let name = rest[..<scheme.lowerBound].lowercased()
      guard name == "http" else {
        throw FetchError(
          url: text, reason: "\(variable): only http:// proxies are supported (CONNECT), not \(name)://")
      }
      rest = rest[scheme.upperBound...]
    }
    if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
    var user: String?
    var password: String?
    if let at = rest.lastIndex(of: "@") {
      let credentials = rest[..<at]
      rest = rest[rest.index(after: at)...]
      if let colon = credentials.firstIndex(of: ":") {
        user = percentDecoded(credentials[..<colon])
        password = percentDecoded(credentials[credentials.index(after: colon)...])
      } else {
        user = percentDecoded(credentials)
      }
    }
    var host = String(rest)
    var port = 80
    if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("]") {
      guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
        throw FetchError(url: text, reason: "\(variable): bad port in \"\(text)\"")
      }
      port = number
      host = String(rest[..<colon])
    }
    host = NetworkSettings.unbracketed(host)
    guard !host.isEmpty else { throw FetchError(url: text, reason: "\(variable): no host in \"\(text)\"") }
    return ProxyAddress(host: host, port: port, user: user, password: password)
  }

  private static func percentDecoded(_ text: Substring) -> String {
    text.percentDecoded
  }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// A minimal W3C WebDriver client (JSON over HTTP): a session, navigation, and script execution,
/// which is all the end-to-end test needs. https://www.w3.org/TR/webdriver2/
final class WebDriver {
  let client: HTTPClient
  let base: String
  private(set) var session = ""

  init(base: String) {
    self.base = base
    client = HTTPClient(eventLoopGroupProvider: .singleton)
  }

  /// Sends `body` (JSON) and returns the response's `value`; a WebDriver error is thrown.
  @discardableResult
  func command(_ method: HTTPMethod, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
    var request = HTTPClientRequest(url: base + path)
    request.method = method
    if let body {
      request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
      request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
    }
    let response = try await client.execute(request, timeout: .seconds(60))
    let data = Data(buffer: try await response.body.collect(upTo: 32 << 20))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let value = object?["value"]
    if response.status.code >= 400 {
      let error =
        (value as? [String: Any]).map { "\($0["error"] ?? ""): \($0["message"] ?? "")" } ?? "\(response.status)"
      throw WebDriverError.failed("\(method) \(path): \(error)")
    }
    return value
  }

  /// Starts headless chromium.
  func startSession(chromium: String) async throws {
    let capabilities: [String: Any] = [
      "capabilities": [
        "alwaysMatch": [
          "goog:chromeOptions": [
            "binary": chromium,
            "args": [
              "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
            ],
          ]
        ]
      ]
    ]
    let value = try await command(.POST, "/session", capabilities) as? [String: Any]
    guard let id = value?["sessionId"] as? String else { throw WebDriverError.failed("no session id") }
    session = id
  }

  func navigate(_ url: String) async throws {
    try await command(.POST, "/session/\(session)/url", ["url": url])
  }

  /// Runs `script` (a function body) in the page and returns what it returns.
  func execute(_ script: String) async throws -> Any? {
    try await command(.POST, "/session/\(session)/execute/sync", ["script": script, "args": [Any]()])
  }

  func endSession() async {
    if !session.isEmpty { _ = try? await command(.DELETE, "/session/\(session)") }
    session = ""
  }

  func shutdown() async {
    try? await client.shutdown()
  }
}

enum WebDriverError: Error, CustomStringConvertible {
  case failed(String)
  var description: String {
    switch self {
    case .failed(let why): "WebDriver: \(why)"
    }
  }
}

/// `chromedriver --port=N` on a free loopback port, stopped by `stop()`.
final class ChromeDriverProcess {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  let process = Process()
  let port: Int

  init(executable: String) throws {
    port = try Self.freePort()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  /// Waits until `/status` says ready.
  func waitUntilReady(_ driver: WebDriver) async throws {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      if let status = try? await driver.command(.GET, "/status") as? [String: Any], status["ready"] as? Bool == true {
        return
      }
      try await Task.sleep(for: .milliseconds(100))
    }
    throw WebDriverError.failed("chromedriver did not become ready on port \(port)")
  }

  /// Asks chromedriver to quit (`/shutdown`, which also ends its browsers), then SIGTERM, then
  /// SIGKILL: a chromedriver busy with a session may ignore SIGTERM.
  func stop() {
    guard process.isRunning else { return }
    _ = try? RawHTTP.exchange(
      port: port, ["GET /shutdown HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"], timeout: .seconds(3))
    for signal in [0, SIGTERM, SIGKILL] {
      if signal != 0 { kill(process.processIdentifier, signal) }
      let deadline = ContinuousClock.now + .seconds(3)
      while process.isRunning && ContinuousClock.now < deadline { usleep(20_000) }
      if !process.isRunning { return }
    }
  }

  deinit { stop() }

  /// A port that was free a moment ago (bound to 0, read, closed).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else { throw WebDriverError.failed("no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

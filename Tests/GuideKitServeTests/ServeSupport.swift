import Foundation
import GuideKitTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A `guidekit-serve` process started on a copy of the bundled guidelines, stopped by `stop()`.
final class ServeProcess {
  /// The package root: this file is `<root>/Tests/GuideKitServeTests/ServeSupport.swift`.
  static let packageRoot = PackageRoot.url

  /// `guidekit-serve`, beside the test bundle (the same `swift build` made both).
  static let binary = BuiltProgram.url("guidekit-serve")

  let folder: TempFolder
  let process = Process()
  /// `http://127.0.0.1:PORT/`, from the first line of standard output.
  private(set) var url = ""
  private(set) var port = 0
  private(set) var firstLine = ""
  private let outURL: URL
  private let errURL: URL

  /// The guidelines folder of the copy (`<temp>/guidelines`).
  var guidelines: String { folder.path("guidelines") }

  /// Copies the bundled guidelines into a temporary folder and serves them on a free port.
  init(extraArguments: [String] = []) throws {
    let binary = try #require(
      Self.binary, "guidekit-serve is not next to the test bundle (\(CommandLine.arguments[0]))")
    folder = try TempFolder(prefix: "guidekit-serve-tests")
    try FileManager.default.copyItem(
      at: Self.packageRoot.appendingPathComponent("guidelines"), to: folder.url.appendingPathComponent("guidelines"))
    outURL = folder.url.appendingPathComponent("stdout")
    errURL = folder.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    process.executableURL = binary
    process.arguments = ["guidelines", "--port", "0"] + extraArguments
    process.currentDirectoryURL = folder.url
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline, process.isRunning {
      let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
      if let newline = text.firstIndex(of: "\n") {
        firstLine = String(text[..<newline])
        break
      }
      usleep(20_000)
    }
    let prefix = "guidekit serve: http://127.0.0.1:"
    guard firstLine.hasPrefix(prefix), firstLine.hasSuffix("/"),
      let port = Int(firstLine.dropFirst(prefix.count).dropLast())
    else {
      process.terminate()
      throw ServeTestError.notStarted(firstLine, stderr)
    }
    self.port = port
    url = "http://127.0.0.1:\(port)/"
  }

  var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

  /// Sends SIGTERM and waits for the exit; returns the exit status (nil: killed after 10 s).
  @discardableResult
  func stop(signal: Int32 = SIGTERM) -> Int32? {
    guard process.isRunning else { return process.terminationStatus }
    kill(process.processIdentifier, signal)
    let deadline = ContinuousClock.now + .seconds(10)
    while process.isRunning && ContinuousClock.now < deadline { usleep(10_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      return nil
    }
    return process.terminationStatus
  }

  deinit {
    if process.isRunning { stop() }
  }

  /// Writes `text` to the guideline file `name` (relative to the guidelines folder).
  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: guidelines).appendingPathComponent(name))
  }

  func read(_ name: String) throws -> String {
    try String(contentsOf: URL(fileURLWithPath: guidelines).appendingPathComponent(name), encoding: .utf8)
  }
}

enum ServeTestError: Error, CustomStringConvertible {
  case notStarted(String, String)
  case connection(String)
  case timeout(String)

  var description: String {
    switch self {
    case .notStarted(let line, let stderr): "guidekit-serve did not start: first line \"\(line)\"; stderr: \(stderr)"
    case .connection(let why): "connection: \(why)"
    case .timeout(let what): "timed out waiting for \(what)"
    }
  }
}

/// One HTTP/1.1 exchange over a plain socket, with the request line and headers exactly as
/// given: no client library normalises `..` or fills in `Host` here.
struct RawHTTP {
  var status: Int
  var headers: [String: String]
  var body: String

  /// Sends `request` (a full request head, CRLF line ends added) to 127.0.0.1:`port` and reads
  /// until the server closes the connection or `until` appears in what was read.
  static func exchange(port: Int, _ lines: [String], until marker: String? = nil, timeout: Duration = .seconds(20))
    throws -> RawHTTP
  {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ServeTestError.connection("socket") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw ServeTestError.connection("connect: \(errno)") }
    let text = lines.joined(separator: "\r\n") + "\r\n\r\n"
    _ = text.withCString { send(fd, $0, strlen($0), 0) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    let deadline = ContinuousClock.now + timeout
    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    while ContinuousClock.now < deadline {
      guard poll(&poller, 1, 100) >= 0 else { break }
      guard poller.revents != 0 else { continue }
      let count = recv(fd, &buffer, buffer.count, 0)
      if count <= 0 { break }
      received += buffer[0..<count]
      if let marker, String(decoding: received, as: UTF8.self).contains(marker) { break }
    }
    let response = String(decoding: received, as: UTF8.self)
    guard let headEnd = response.range(of: "\r\n\r\n") else {
      throw ServeTestError.connection("no response: \(response)")
    }
    let headLines = response[..<headEnd.lowerBound].split(separator: "\r\n")
    let status = headLines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    var headers: [String: String] = [:]
    for line in headLines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return RawHTTP(status: status, headers: headers, body: String(response[headEnd.upperBound...]))
  }

  /// `GET path` with `Host: 127.0.0.1:port` (or `host`), connection closed after the response.
  static func get(port: Int, _ path: String, method: String = "GET", host: String? = nil) throws -> RawHTTP {
    try exchange(
      port: port, ["\(method) \(path) HTTP/1.1", "Host: \(host ?? "127.0.0.1:\(port)")", "Connection: close"])
  }
}

/// Polls `condition` every 50 ms until it holds or `timeout` passes.
func eventually(_ what: String, timeout: Duration = .seconds(10), _ condition: () throws -> Bool) throws {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if try condition() { return }
    usleep(50_000)
  }
  throw ServeTestError.timeout(what)
}

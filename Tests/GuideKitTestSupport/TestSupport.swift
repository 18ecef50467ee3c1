import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A unique folder under the system temporary folder, removed when the value goes away.
public final class TempFolder {
  public let url: URL
  public var path: String { url.path }

  /// - Parameter prefix: the start of the folder's name, saying which tests made it.
  public init(prefix: String = "guidekit-tests") throws {
    url = try Self.create(prefix: prefix)
  }

  /// A new unique folder under the system temporary folder, for a caller that removes it
  /// itself (or that hands it on); `TempFolder` removes its own.
  public static func create(prefix: String = "guidekit-tests") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `text` (UTF-8) to `name` inside the folder (creating subfolders) and returns its path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    try write(name, data: Data(text.utf8))
  }

  @discardableResult
  public func write(_ name: String, data: Data) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file.path
  }

  /// The path of `name` inside the folder.
  public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  public func makeFolder(_ name: String) throws -> String {
    let folder = url.appendingPathComponent(name, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }

  public func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
  }
}

/// A TCP listener on 127.0.0.1 that tells whether anything tried to connect to it: a document or
/// stylesheet pointing at `url` proves that nothing was fetched while `wasContacted()` stays false.
public final class LocalListener {
  private let socketDescriptor: Int32
  public let port: UInt16
  public var url: String { "http://127.0.0.1:\(port)/guidekit-test.xml" }

  public init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw ListenerError.socket }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 16) == 0 else {
      close(fd)
      throw ListenerError.socket
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else {
      close(fd)
      throw ListenerError.socket
    }
    socketDescriptor = fd
    port = UInt16(bigEndian: address.sin_port)
  }

  deinit {
    close(socketDescriptor)
  }

  /// True when a connection attempt arrived (waits up to `milliseconds` for a late one).
  public func wasContacted(waitingMilliseconds milliseconds: Int32 = 200) -> Bool {
    var descriptor = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, milliseconds) > 0
  }

  public enum ListenerError: Error { case socket }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator for reproducible inputs.
public struct SplitMix64: RandomNumberGenerator {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Stylesheets that must be stopped rather than run.
public enum HostileStylesheets {
  /// Templates whose `grow` calls itself twice, 2^60 calls, with no output and no depth to hit
  /// (the body of an `xsl:stylesheet`).
  public static let exponentialTemplates = """
    <xsl:template match="/"><xsl:call-template name="grow"><xsl:with-param name="n" select="0"/></xsl:call-template></xsl:template>
    <xsl:template name="grow">
      <xsl:param name="n"/>
      <xsl:if test="$n &lt; 60">
        <xsl:call-template name="grow"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
        <xsl:call-template name="grow"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template>
      </xsl:if>
    </xsl:template>
    """

  /// The exponential templates as a whole stylesheet.
  public static let exponential = """
    <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
    \(exponentialTemplates)
    </xsl:stylesheet>
    """
}

/// The package's folders, found once from this file's place
/// (`<root>/Tests/GuideKitTestSupport/TestSupport.swift`).
public enum PackageRoot {
  public static let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared/data` beside the package root: the real external data (not in the repository).
  public static let sharedData = url.deletingLastPathComponent()
    .appendingPathComponent("shared", isDirectory: true).appendingPathComponent("data", isDirectory: true)
}

/// SHA-256 of files by an implementation independent of guidekit's: coreutils' `sha256sum`.
public enum SHA256Sum {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// `sha256sum` of `paths` (relative to `folder`), by path.
  public static func of(_ paths: [String], in folder: String) throws -> [String: String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", "--"] + paths
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "sha256sum exited with status \(process.terminationStatus)")
    }
    var sums: [String: String] = [:]
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2 else { continue }
      sums[String(parts[1].drop { $0 == " " || $0 == "*" })] = String(parts[0])
    }
    return sums
  }
}

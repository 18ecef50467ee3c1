import Foundation
import Testing

@testable import GuideKitXML

#if canImport(Glibc)
  import Glibc
#endif

/// A unique folder under the system temporary folder, removed when the value goes away.
final class TempFolder {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "guidekit-xml-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// Writes `text` (UTF-8) to `name` inside the folder (creating subfolders) and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, data: Data(text.utf8))
  }

  @discardableResult
  func write(_ name: String, data: Data) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    return file.path
  }

  func makeFolder(_ name: String) throws -> String {
    let folder = url.appendingPathComponent(name, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }

  func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
  }
}

/// A secret that a test plants outside the inputs: it must never show up in a parsed tree, a
/// transformation result or a diagnostic. Unique per test run.
struct Secret {
  let marker = "GK-SECRET-\(UUID().uuidString)"
  /// A plain text file holding the marker.
  let textPath: String
  /// An XML document whose text is the marker.
  let xmlPath: String
  /// A DTD that would add the marker as a default attribute `leak` of any element `r` or `in`.
  let dtdPath: String

  /// Plants the secret in its own folder of `folder`, apart from every input.
  init(in folder: TempFolder) throws {
    textPath = try folder.write("secret/marker.txt", marker)
    xmlPath = try folder.write("secret/marker.xml", "<?xml version=\"1.0\"?>\n<m>\(marker)</m>\n")
    dtdPath = try folder.write(
      "secret/marker.dtd",
      "<!ATTLIST r leak CDATA \"\(marker)\">\n<!ATTLIST in leak CDATA \"\(marker)\">\n<!ENTITY e \"\(marker)\">\n"
    )
  }
}

/// A TCP listener on 127.0.0.1 that proves whether anything tried to connect to it.
final class LocalListener {
  private let socketDescriptor: Int32
  let port: UInt16
  var url: String { "http://127.0.0.1:\(port)/guidekit-test.xml" }

  init() throws {
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
  func wasContacted(waitingMilliseconds milliseconds: Int32 = 200) -> Bool {
    var descriptor = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, milliseconds) > 0
  }

  enum ListenerError: Error { case socket }
}

/// Runs `body` and returns its result with the wall-clock time it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
  let clock = ContinuousClock()
  let start = clock.now
  let result = try body()
  return (result, clock.now - start)
}

@Suite("Test support")
struct TestSupportTests {
  @Test func listenerNoticesAConnection() throws {
    let listener = try LocalListener()
    #expect(!listener.wasContacted(waitingMilliseconds: 0))
    let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(client) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = listener.port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    #expect(connected == 0)
    #expect(listener.wasContacted())
  }

  @Test func secretIsVisibleWhenReadDirectly() throws {
    // The positive control of the "never read" tests: reading the secret does show the marker.
    let folder = try TempFolder()
    let secret = try Secret(in: folder)
    let document = try XMLDocument.parse(file: secret.xmlPath)
    #expect("\(document.tree())".contains(secret.marker))
  }
}

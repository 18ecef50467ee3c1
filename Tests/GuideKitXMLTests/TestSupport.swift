import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKitXML

#if canImport(Glibc)
  import Glibc
#endif

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

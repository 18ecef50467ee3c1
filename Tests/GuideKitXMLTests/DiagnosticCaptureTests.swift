@preconcurrency import CLibXML2
import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKitXML

/// The C boundary's process and thread state: error handlers put back, files exchanged.
@Suite("Diagnostic capture and file exchange")
struct DiagnosticCaptureTests {
  @Test func aCaptureRestoresTheHandlersInstalledBeforeIt() {
    // A program that links the library may have installed its own handlers on this thread.
    let marker = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
    defer { marker.deallocate() }
    let handler: xmlStructuredErrorFunc = { _, _ in }
    xmlSetStructuredErrorFunc(marker, handler)
    xmlSetGenericErrorFunc(marker, nil)
    defer {
      xmlSetStructuredErrorFunc(nil, nil)
      xmlSetGenericErrorFunc(nil, nil)
    }
    #expect(throws: XMLError.self) { try XMLDocument.parse(data: Data("<a>".utf8), fileName: "bad.xml") }
    #expect(__xmlStructuredErrorContext().pointee == marker)
    #expect(__xmlStructuredError().pointee != nil)
    #expect(__xmlGenericErrorContext().pointee == marker)
  }

  @Test func exchangeSwapsTwoFiles() throws {
    let folder = try TempFolder()
    let a = try folder.write("a.txt", "first")
    let b = try folder.write("b.txt", "second")
    try #require(FileSystem.exchange(a, b), "renameat2 is not available here")
    #expect(try String(contentsOfFile: a, encoding: .utf8) == "second")
    #expect(try String(contentsOfFile: b, encoding: .utf8) == "first")
    #expect(!FileSystem.exchange(a, folder.path("missing.txt")))
  }
}

import Foundation
import GuideKitTestSupport
import Testing

@testable import GuideKit

/// guidekit's own SHA-256, against the FIPS 180-4 examples (NIST CSRC "Examples with
/// Intermediate Values" and the CAVP SHA-256 short and long messages) and `sha256sum`.
@Suite("SHA-256")
struct SHA256Tests {
  static func hex(_ text: String) -> String { SHA256.hash(data: Data(text.utf8)).hexString }

  @Test func nistTestVectors() {
    #expect(Self.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(Self.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // 448 bits.
    #expect(
      Self.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    // 896 bits.
    #expect(
      Self.hex(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
      ) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    #expect(
      Self.hex(String(repeating: "a", count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func piecesOfAnyLengthGiveTheDigestOfTheWhole() {
    // Every split of a message across the 56- and 64-byte boundaries of the padding.
    let message = Array((0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    let whole = SHA256.hash(data: Data(message))
    for cut in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 199] {
      var hasher = SHA256()
      message[..<cut].withUnsafeBytes { hasher.update($0) }
      message[cut...].withUnsafeBytes { hasher.update($0) }
      #expect(hasher.finalize() == whole, "split at \(cut)")
    }
  }

  @Test func agreesWithSha256sumOnAFile() throws {
    let folder = try TempFolder()
    var bytes: [UInt8] = []
    var seed: UInt32 = 17
    for _ in 0..<100_003 {
      seed = seed &* 1_103_515_245 &+ 12345
      bytes.append(UInt8(truncatingIfNeeded: seed >> 16))
    }
    let file = try folder.write("data.bin", data: Data(bytes))
    let sums = try SHA256Sum.of(["data.bin"], in: folder.path)
    let read = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(sums["data.bin"] == SHA256.hash(data: read).hexString)
    #expect(sums["data.bin"]?.count == 64)
  }
}

import Testing

@testable import GuideKit

/// The one hand-written UTF-8 decoder agrees with the standard library's.
@Suite struct UTF8ScalarTests {
  @Test(arguments: ["", "abc", "é", "漢字かな", "𠮷野家", "a\u{301}", "😀👍🏽", "Ａ１ｶﾞ\u{3000}\u{2028}x"])
  func decodesEveryScalarAsTheStandardLibraryDoes(_ text: String) {
    let bytes = Array(text.utf8)
    var decoded: [UInt32] = []
    var index = 0
    var starts: [Int] = []
    while index < bytes.count {
      let (value, length) = UTF8Scalar.decode(bytes, at: index)
      #expect(length == String(Unicode.Scalar(value)!).utf8.count)
      starts.append(index)
      decoded.append(value)
      index += length
    }
    #expect(decoded == text.unicodeScalars.map(\.value))
    // Stepping back from the end of each scalar finds its start.
    for (n, start) in starts.enumerated() {
      let end = n + 1 < starts.count ? starts[n + 1] : bytes.count
      #expect(UTF8Scalar.start(before: end, in: bytes) == start)
    }
  }

  @Test func aCutShortSequenceOrAStrayByteIsOneByte() {
    let cut = Array("漢".utf8).dropLast()
    #expect(UTF8Scalar.decode(Array(cut), at: 0) == (0xE6, 1))
    #expect(UTF8Scalar.decode([0x80, 0x41] as [UInt8], at: 0) == (0x80, 1))
    #expect(UTF8Scalar.decode([0xFF] as [UInt8], at: 0) == (0xFF, 1))
    // Within a slice, the end of the slice cuts the sequence short.
    let bytes = Array("a漢".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      let head = UnsafeBufferPointer(rebasing: buffer[0..<3])
      #expect(UTF8Scalar.decode(head, at: 1) == (0xE6, 1))
      #expect(UTF8Scalar.decode(buffer, at: 1) == (0x6F22, 3))
    }
  }
}

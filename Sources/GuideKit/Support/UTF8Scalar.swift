/// Decoding one scalar of UTF-8 in place, for the byte-level text passes (the readers'
/// whitespace normaliser, the diff tokenizer) that walk a `String`'s UTF-8 without building
/// `Character`s. The only hand-written UTF-8 decoder: text from outside is checked by the XML
/// parser or `String(validating:as:)`, never here.
enum UTF8Scalar {
  /// The scalar value that starts at `index` of `bytes`, and its length in bytes.
  ///
  /// `bytes` is meant to be valid UTF-8 (a `String`'s); a byte that cannot start a scalar, or a
  /// sequence cut short by the end of `bytes`, decodes as its own value with length 1.
  @inline(__always)
  static func decode<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> (UInt32, Int)
  where Bytes.Index == Int {
    let lead = UInt32(bytes[index])
    let available = bytes.endIndex - index
    func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
    switch lead {
    case 0..<0x80:
      return (lead, 1)
    case 0xC0..<0xE0 where available >= 2:
      return ((lead & 0x1F) << 6 | continuation(1), 2)
    case 0xE0..<0xF0 where available >= 3:
      return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
    case 0xF0...0xF7 where available >= 4:
      return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    default:
      return (lead, 1)
    }
  }

  /// The start of the scalar that ends at `end` (exclusive) of `bytes`: `end - 1` stepped back
  /// over continuation bytes, not before `bytes.startIndex`.
  @inline(__always)
  static func start<Bytes: RandomAccessCollection<UInt8>>(before end: Int, in bytes: Bytes) -> Int
  where Bytes.Index == Int {
    var start = end - 1
    while start > bytes.startIndex && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }
}

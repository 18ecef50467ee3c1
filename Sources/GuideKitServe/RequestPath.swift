/// The path of a request, checked before it is looked up in the site: only plain relative paths
/// made of non-empty segments other than `.` and `..`, with no encoded `/` or `\`, no control
/// characters. Anything else is answered 404, whatever the site holds.
enum RequestPath {
  /// The site path (`telework-security/5.0.html`; `index.html` for `/`), or nil when the request's
  /// raw path (before percent-decoding, without the query) is not one.
  static func sitePath(_ raw: String) -> String? {
    guard raw.hasPrefix("/"), let decoded = percentDecoded(raw) else { return nil }
    if decoded == "/" { return "index.html" }
    let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
    for segment in segments {
      guard !segment.isEmpty, segment != ".", segment != "..",
        !segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F })
      else { return nil }
    }
    return segments.joined(separator: "/")
  }

  /// `raw` with `%XX` escapes decoded; nil for a malformed escape, an escaped `/` or `\`, a
  /// result that is no UTF-8, or a `%` that decodes to another escape's start.
  static func percentDecoded(_ raw: String) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(raw.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      let decoded = high << 4 | low
      if decoded == UInt8(ascii: "/") || decoded == UInt8(ascii: "\\") || decoded == UInt8(ascii: "%") { return nil }
      bytes.append(decoded)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

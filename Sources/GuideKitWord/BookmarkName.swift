/// The Word bookmark that carries a clause id through a .docx: `gk_` followed by the id, with
/// every character outside `[A-Za-z0-9]` written as `_` and four upper-case hex digits of its
/// UTF-16 code unit(s). Word keeps bookmark names of letters, digits and `_`; the escape keeps the
/// mapping one-to-one, so an exported edition imports back with the same ids.
public enum BookmarkName {
  static let prefix = "gk_"

  /// The bookmark name for a clause id.
  public static func encode(_ id: String) -> String {
    var name = prefix
    for unit in id.utf16 {
      if let scalar = Unicode.Scalar(unit), scalar.isASCII,
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
      {
        name.unicodeScalars.append(scalar)
      } else {
        let hex = String(unit, radix: 16, uppercase: true)
        name += "_" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    return name
  }

  /// The clause id a bookmark carries, or nil when the name is not one `encode` writes.
  public static func decode(_ name: String) -> String? {
    guard name.hasPrefix(prefix) else { return nil }
    var units: [UInt16] = []
    var rest = Substring(name.dropFirst(prefix.count)).utf8[...]
    while let first = rest.first {
      if first == UInt8(ascii: "_") {
        let digits = rest.dropFirst().prefix(4)
        guard digits.count == 4, let unit = UInt16(String(decoding: digits, as: UTF8.self), radix: 16)
        else { return nil }
        units.append(unit)
        rest = rest.dropFirst(5)
      } else {
        guard (first >= 0x30 && first <= 0x39) || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A)
        else { return nil }
        units.append(UInt16(first))
        rest = rest.dropFirst()
      }
    }
    guard !units.isEmpty else { return nil }
    return String(decoding: units, as: UTF16.self)
  }
}

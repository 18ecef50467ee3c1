import FoundationEssentials

/// The JSON writer of every report: `JSONEncoder` with sorted keys, pretty printing (two-space
/// indentation, `" : "`) and no escaped slashes, plus a final newline. The keys of each report
/// are its `Encodable` conformance (`ReportJSON.swift`), those of DESIGN.md. Keys are sorted by
/// code point; JSONSerialization, which wrote guidekit's JSON before, ignores case, so a key
/// differing from another first by the case of a letter would move (no report has one: a test
/// walks them).
public enum JSONOutput {
  public static func string(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    } catch {
      // Reports hold strings, integers and booleans only: encoding them cannot fail.
      assertionFailure("JSONOutput: \(error)")
      return "{}\n"
    }
  }
}

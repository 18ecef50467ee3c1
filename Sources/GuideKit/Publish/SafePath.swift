/// Output paths are built only from ids that pass this check, so no id can name a place outside
/// the output folder (DESIGN.md "Security defaults").
public enum SafePath {
  /// A letter, then letters, digits, `-`, `_` or single dots; at most 128 characters; no `..`.
  public static func isSafeComponent(_ s: String) -> Bool {
    guard let first = s.unicodeScalars.first, s.count <= 128, !s.contains("..") else { return false }
    guard first.properties.isAlphabetic || ("0"..."9").contains(first), first.isASCII else { return false }
    return s.unicodeScalars.allSatisfy { c in
      c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == ".")
    }
  }

  /// Joins safe components with "/"; nil when any component is unsafe.
  public static func join(_ components: String...) -> String? {
    components.allSatisfy(isSafeComponent) ? components.joined(separator: "/") : nil
  }
}

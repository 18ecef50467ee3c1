/// File-path arithmetic on plain strings, with the results of the `NSString` path methods
/// (`appendingPathComponent`, `lastPathComponent`, …) for the paths guidekit handles: slashes
/// collapse at the join, a trailing slash is dropped, the root stays `/`.
extension String {
  /// `self` with `component` appended after one slash.
  package func joiningPath(_ component: String) -> String {
    let tail = component.drop { $0 == "/" }
    var head = Substring(self)
    while head.count > 1, head.last == "/" { head = head.dropLast() }
    if tail.isEmpty { return String(head) }
    if head.isEmpty { return String(tail).droppingTrailingSlashes }
    return (head == "/" ? "/" : head + "/") + String(tail).droppingTrailingSlashes
  }

  /// The part after the last slash (`a/b.xml` → `b.xml`, `/` → `/`, `a/` → `a`).
  var lastPathPart: String {
    let trimmed = droppingTrailingSlashes
    if trimmed == "/" { return "/" }
    guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// The part before the last slash (`a/b.xml` → `a`, `b.xml` → ``, `/a` → `/`).
  var parentPath: String {
    let trimmed = droppingTrailingSlashes
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if trimmed == "/" { return "/" }
    var parent = trimmed[..<slash]
    while parent.count > 1, parent.last == "/" { parent = parent.dropLast() }
    return parent.isEmpty ? "/" : String(parent)
  }

  /// The path without the last part's extension (`a/b.tar.gz` → `a/b.tar`, `.hidden` stays).
  var removingPathExtension: String {
    let trimmed = droppingTrailingSlashes
    let nameStart = trimmed.lastIndex(of: "/").map { trimmed.index(after: $0) } ?? trimmed.startIndex
    guard let dot = trimmed[nameStart...].lastIndex(of: "."), dot != nameStart else { return trimmed }
    return String(trimmed[..<dot])
  }

  private var droppingTrailingSlashes: String {
    var result = Substring(self)
    while result.count > 1, result.last == "/" { result = result.dropLast() }
    return String(result)
  }
}

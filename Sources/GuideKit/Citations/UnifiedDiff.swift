/// A unified diff (`diff -u`) of two texts that have the same number of lines, as `link` makes
/// them: it inserts tags within lines and never adds or removes a line break.
enum UnifiedDiff {
  /// The diff with `context` unchanged lines around each change (headers `--- a/PATH` and
  /// `+++ b/PATH`, or the path itself when absolute); "" when the texts are equal or
  /// their line counts differ.
  static func sameLineCount(old: String, new: String, path: String, context: Int = 2) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false)
    guard a.count == b.count else { return "" }
    var hunks: [ClosedRange<Int>] = []
    for line in a.indices where a[line] != b[line] {
      let range = max(0, line - context)...min(a.count - 1, line + context)
      if let previous = hunks.last, range.lowerBound <= previous.upperBound + 1 {
        hunks[hunks.count - 1] = previous.lowerBound...range.upperBound
      } else {
        hunks.append(range)
      }
    }
    guard !hunks.isEmpty else { return "" }
    // git's a/ and b/ for a relative path (git apply, patch -p1); an absolute path as it is.
    let (old, new) = path.hasPrefix("/") ? (path, path) : ("a/" + path, "b/" + path)
    var out = "--- \(old)\n+++ \(new)\n"
    for hunk in hunks {
      out += "@@ -\(hunk.lowerBound + 1),\(hunk.count) +\(hunk.lowerBound + 1),\(hunk.count) @@\n"
      var k = hunk.lowerBound
      while k <= hunk.upperBound {
        if a[k] == b[k] {
          out += " \(a[k])\n"
          k += 1
          continue
        }
        // A run of changed lines: all removed lines, then all added ones, as diff -u writes them.
        var end = k
        while end <= hunk.upperBound, a[end] != b[end] { end += 1 }
        for m in k..<end { out += "-\(a[m])\n" }
        for m in k..<end { out += "+\(b[m])\n" }
        k = end
      }
    }
    return out
  }
}

import Foundation

/// Paths of the repository's own files, for tests.
enum RepoPaths {
  static var root: URL { SharedData.packageRoot }
  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}

/// Golden files under Tests/GuideKitTests/Golden: compared, or rewritten when
/// GUIDEKIT_UPDATE_GOLDEN=1 — and then the check fails, saying so, so that a run that records
/// can never pass (review the git diff, then run again without the variable).
enum Golden {
  static func check(_ actual: String, _ relative: String) -> (matches: Bool, expected: String) {
    let url = RepoPaths.root.appendingPathComponent("Tests/GuideKitTests")
      .appendingPathComponent("Golden").appendingPathComponent(relative)
    if ProcessInfo.processInfo.environment["GUIDEKIT_UPDATE_GOLDEN"] == "1" {
      try? FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? actual.write(to: url, atomically: true, encoding: .utf8)
      return (
        false, "<recorded \(relative): GUIDEKIT_UPDATE_GOLDEN=1 rewrites golden files and fails; run again without it>"
      )
    }
    let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden file \(relative)>"
    return (expected == actual, expected)
  }
}

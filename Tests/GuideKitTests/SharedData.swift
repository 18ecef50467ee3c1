import Foundation
import GuideKitTestSupport
import Testing

/// The real external data in `../shared/data` (relative to the package root), described in its
/// SOURCES.md. It is not part of the repository: tests that read it are enabled only when it is
/// present, e.g. `@Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))`.
enum SharedData {
  /// The package root: this file is `<root>/Tests/GuideKitTests/SharedData.swift`.
  static var packageRoot: URL { PackageRoot.url }

  /// `<package root>/../shared/data`.
  static var root: URL { PackageRoot.sharedData }

  /// True when the shared data folder exists.
  static var isAvailable: Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The reason shown for a test skipped because the data is absent.
  static let absentMessage: Comment =
    "../shared/data is absent (a fresh clone): test of real external data skipped"

  /// The absolute path of `relative` inside the shared data folder (`egov/laws/….xml`).
  static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// The files of a folder inside the shared data with the given extension, sorted by name.
  static func files(in relativeFolder: String, extension ext: String = "xml") -> [String] {
    let folder = root.appendingPathComponent(relativeFolder, isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix("." + ext) }.sorted()
      .map { folder.appendingPathComponent($0).path }
  }
}

import FoundationEssentials

/// Expands command-line paths into the XML files to read.
public enum InputFiles {
  /// Files named directly are taken as they are; folders are searched recursively for `*.xml`
  /// (hidden entries skipped), sorted by path. Missing paths come back in `missing`.
  public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
    var files: [String] = []
    var missing: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: Bool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        missing.append(path)
        continue
      }
      if !isDirectory {
        files.append(path)
        continue
      }
      // A folder named like a file is searched, not read.
      files.append(contentsOf: FileTree.xmlFiles(under: path, skipHidden: true))
    }
    var seen = Set<String>()
    return (files.filter { seen.insert($0).inserted }, missing)
  }
}

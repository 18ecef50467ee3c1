import Foundation

/// Expands command-line paths into the XML files to read.
public enum InputFiles {
  /// Files named directly are taken as they are; folders are searched recursively for `*.xml`
  /// (hidden entries skipped), sorted by path. Missing paths come back in `missing`.
  public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
    var files: [String] = []
    var missing: [String] = []
    let manager = FileManager.default
    for path in paths {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        missing.append(path)
        continue
      }
      if !isDirectory.boolValue {
        files.append(path)
        continue
      }
      guard let enumerator = manager.enumerator(atPath: path) else { continue }
      var found: [String] = []
      while let relative = enumerator.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        if name.hasPrefix(".") {
          enumerator.skipDescendants()
          continue
        }
        if name.hasSuffix(".xml") {
          let file = path.hasSuffix("/") ? path + relative : path + "/" + relative
          // A folder named like a file is searched (the enumerator descends into it), not read.
          var isFolder: ObjCBool = false
          if manager.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue { continue }
          found.append(file)
        }
      }
      files.append(contentsOf: found.sorted())
    }
    var seen = Set<String>()
    return (files.filter { seen.insert($0).inserted }, missing)
  }
}

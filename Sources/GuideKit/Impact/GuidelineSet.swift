import Dispatch
import FoundationEssentials
import Synchronization

/// Loads the guideline editions under some paths, in parallel.
public enum GuidelineSet {
  /// - Returns: the editions (guideline documents only; other XML is skipped), sorted by file.
  /// - Throws: the first `GuideKitError` met (an unreadable or malformed file).
  public static func load(paths: [String]) throws(GuideKitError) -> [ClauseTree] {
    let (files, missing) = InputFiles.collect(paths)
    if let first = missing.first { throw .io(path: first, reason: "no such file or folder") }
    let results = Mutex<[Int: Result<ClauseTree, GuideKitError>]>([:])
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let result = Result { () throws(GuideKitError) in try DocumentLoader.load(file: files[index]) }
      results.withLock { $0[index] = result }
    }
    let table = results.withLock { $0 }
    var trees: [ClauseTree] = []
    for index in files.indices {
      guard let result = table[index] else { continue }
      let tree = try result.get()
      if tree.info.kind == .guideline { trees.append(tree) }
    }
    return trees
  }
}

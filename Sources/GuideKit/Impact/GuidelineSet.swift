import FoundationEssentials

/// Loads the guideline editions under some paths, in parallel unless they are small together.
public enum GuidelineSet {
  /// - Returns: the editions (guideline documents only; other XML is skipped), sorted by file.
  /// - Throws: the first `GuideKitError` met (an unreadable or malformed file).
  public static func load(paths: [String]) throws(GuideKitError) -> [ClauseTree] {
    let (files, missing) = InputFiles.collect(paths)
    if let first = missing.first { throw .io(path: first, reason: "no such file or folder") }
    let results = Parallel.map(files.count, work: FileTree.byteCount(of: files)) { index in
      Result { () throws(GuideKitError) in try DocumentLoader.load(file: files[index]) }
    }
    var trees: [ClauseTree] = []
    for result in results {
      let tree = try result.get()
      if tree.info.kind == .guideline { trees.append(tree) }
    }
    return trees
  }

  /// The editions whose citations matter now: of each guideline, the latest edition (the one
  /// being edited) and, when it differs, the edition in force on `asOf` (`impact` with no path).
  /// - Returns: a subset of `trees`, in their order.
  public static func currentEditions(_ trees: [ClauseTree], asOf: String) -> [ClauseTree] {
    var chosen = Set<String>()
    for (_, editions) in Dictionary(grouping: trees, by: { $0.info.id }) {
      if let latest = EditionInForce.sortedByVersion(editions).last { chosen.insert(latest.info.file) }
      if let inForce = EditionInForce.select(editions, asOf: asOf) { chosen.insert(inForce.info.file) }
    }
    return trees.filter { chosen.contains($0.info.file) }
  }
}

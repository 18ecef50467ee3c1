import FoundationEssentials
import Synchronization

extension LawTitleTable {
  /// The table of a reference store: `law-titles.json` in each folder, then the title and
  /// abbreviations of every e-Gov law file the folders hold (read from the file's head only).
  /// Folders that do not exist add nothing.
  /// - Throws: when a `law-titles.json` exists but cannot be read.
  public static func store(folders: [String]) throws(GuideKitError) -> LawTitleTable {
    var table = LawTitleTable()
    for folder in folders {
      let path = folder.joiningPath(fileName)
      if FileManager.default.fileExists(atPath: path) { table = table.merging(try load(path: path)) }
    }
    var seen = Set<String>()
    for folder in folders {
      for path in FileTree.xmlFiles(under: folder, skipHidden: false) {
        guard let name = SourceLocator(egovFile: path), !seen.contains(name.source),
          let law = lawTitle(file: path, lawID: name.source)
        else { continue }
        seen.insert(name.source)
        table = table.merging(LawTitleTable(laws: [law]))
      }
    }
    return table
  }

  /// The store table of `folders`, read once per process (validate asks for it per file).
  static func cachedStore(folders: [String]) -> Result<LawTitleTable, GuideKitError> {
    let key = folders.joined(separator: "\u{1F}")
    if let hit = storeCache.withLock({ $0[key] }) { return hit }
    let made = Result { () throws(GuideKitError) in try store(folders: folders) }
    storeCache.withLock { $0[key] = made }
    return made
  }

  /// `<LawTitle Abbrev="労基法">労働基準法</LawTitle>` from the first 16 KB of an e-Gov file.
  static func lawTitle(file: String, lawID: String) -> Law? {
    guard let data = FileManager.default.contents(atPath: file) else { return nil }
    let head = String(decoding: data.prefix(16_384), as: UTF8.self)
    guard let open = head.firstRange(of: "<LawTitle"), let close = head[open.upperBound...].firstIndex(of: ">"),
      let end = head[close...].firstRange(of: "</LawTitle>")
    else { return nil }
    let title = String(head[head.index(after: close)..<end.lowerBound].filter { !$0.isWhitespace })
    let attributes = head[open.upperBound..<close]
    var abbreviations: [String] = []
    if let a = attributes.firstRange(of: "Abbrev=\""), let q = attributes[a.upperBound...].firstIndex(of: "\"") {
      abbreviations = attributes[a.upperBound..<q].split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
    }
    guard !title.isEmpty else { return nil }
    return Law(lawId: lawID, title: title, abbreviations: abbreviations.filter { !$0.isEmpty })
  }
}

private let storeCache = Mutex<[String: Result<LawTitleTable, GuideKitError>]>([:])

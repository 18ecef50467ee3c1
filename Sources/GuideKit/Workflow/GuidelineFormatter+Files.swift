import FoundationEssentials
import GuideKitXML

extension GuidelineFormatter {
  /// What `fmt` found for one file.
  public enum FileStatus: Sendable, Equatable {
    /// Already in the canonical layout.
    case formatted
    /// Not in the canonical layout (rewritten unless only checked).
    case reformatted
    /// Not a document in the guideline vocabulary: left alone.
    case skipped(root: String)
  }

  /// Formats one file in place (atomically), or only checks it.
  /// - Parameters:
  ///   - path: the file.
  ///   - write: false to check only (nothing is written).
  /// - Returns: the file's status; `.reformatted` means it was (or would be) rewritten.
  /// - Throws: `GuideKitError.xml` for an unreadable or malformed file, `.io` on a write failure.
  public static func formatFile(_ path: String, write: Bool) throws(GuideKitError) -> FileStatus {
    let document: XMLDocument
    do {
      document = try XMLDocument.parse(file: path)
    } catch {
      throw .xml(error)
    }
    let tree = document.tree()
    guard isGuideline(tree) else {
      let root = tree.root.namespaceURI.map { "{\($0)}\(tree.root.name)" } ?? tree.root.name
      return .skipped(root: root)
    }
    let formatted = Data(format(tree).utf8)
    let original = FileManager.default.contents(atPath: path)
    if original == formatted { return .formatted }
    if write { try AtomicFile.write(formatted, to: path) }
    return .reformatted
  }
}

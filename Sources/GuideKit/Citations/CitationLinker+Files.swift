import FoundationEssentials
import GuideKitXML

extension CitationLinker {
  /// One file linked: the plan, the bytes before and after.
  public struct FileResult: Sendable {
    public var plan: Plan
    public var old: [UInt8]
    public var new: [UInt8]

    public var changed: Bool { old != new }

    /// The change as a unified diff; "" when nothing changes.
    public var unifiedDiff: String {
      UnifiedDiff.sameLineCount(
        old: String(decoding: old, as: UTF8.self), new: String(decoding: new, as: UTF8.self), path: plan.file)
    }
  }

  /// Plans the links of one guideline file and, with `write`, replaces the file atomically when
  /// anything changes. The file is parsed first (securely, as everywhere): a file that is not
  /// well-formed or not a guideline is refused.
  /// - Throws: `GuideKitError` for an unreadable, malformed or non-guideline file, or a failed write.
  public func link(file: String, write: Bool) throws(GuideKitError) -> FileResult {
    let document: XMLDocument
    do {
      document = try XMLDocument.parse(file: file)
    } catch {
      throw .xml(error)
    }
    let root = document.rootName
    guard root.name == "guideline", root.namespaceURI == GuidelineReader.namespace else {
      throw .unsupportedDocument(file: file, line: 0, root: root.name)
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw .io(path: file, reason: "cannot read")
    }
    let old = [UInt8](data)
    let plan = plan(file: file, bytes: old)
    let new = Self.apply(plan, to: old)
    if write, new != old { try AtomicFile.write(Data(new), to: file) }
    return FileResult(plan: plan, old: old, new: new)
  }
}

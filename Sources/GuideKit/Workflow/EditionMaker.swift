import FoundationEssentials
import GuideKitXML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts a new edition of a guideline from its latest one (`guidekit new-edition`).
///
/// The new file keeps every element and id of the latest edition; it sets `version`,
/// `supersedes` (the latest version), `issued` and `effective`, replaces the summary with a
/// placeholder paragraph, drops `<removals>` (they belong to the previous edition) and, when the
/// title names the latest edition's number (（第5版）) and the version starts a new one (6.0),
/// names the new number in the same digits.
public enum EditionMaker {
  /// The summary the editor replaces.
  public static let summaryPlaceholder = "（改定の概要を記載する）"

  /// The planned edition.
  public struct Edition: Sendable {
    /// The file to create: `<folder>/<id>/<version>.xml`.
    public var path: String
    /// The latest edition it starts from.
    public var previousPath: String
    public var previousVersion: String
    /// The new file's text, in the canonical layout of `GuidelineFormatter`.
    public var text: String
    /// The title before and after, when its edition number was changed.
    public var titleChange: (old: String, new: String)?
  }

  /// Plans the new edition without writing anything.
  /// - Parameters:
  ///   - guidelineID: the guideline's id (its folder name under `folder`).
  ///   - version: the new version (digits and dots, newer than the latest in natural order).
  ///   - issued: `YYYY-MM-DD`, also the effective date.
  ///   - folder: the guidelines folder (default `guidelines`).
  ///   - allowGap: accept a version whose edition number skips one (7 after 5.0).
  /// - Throws: `GuideKitError.invalidRequest` for a bad version or date, a version that is not newer, or
  ///   one that skips an edition number (unless `allowGap`), `.io` when the guideline has no
  ///   editions or the file exists, `.xml` for a malformed edition.
  public static func plan(
    guidelineID: String, version: String, issued: String, folder: String = "guidelines", allowGap: Bool = false
  ) throws(GuideKitError) -> Edition {
    guard version.wholeMatch(of: #/[0-9]+(\.[0-9]+)*/#) != nil else {
      throw .invalidRequest("version '\(version)' is not digits separated by dots (e.g. 6.0 or 2025)")
    }
    guard PinDate.isRealDate(issued) else {
      throw .invalidRequest("issued date '\(issued)' is not a real day in the form YYYY-MM-DD")
    }
    guard guidelineID.wholeMatch(of: #/[A-Za-z][A-Za-z0-9_\-.]*/#) != nil,
      !guidelineID.contains("..")
    else {
      throw .invalidRequest("'\(guidelineID)' is not a guideline id")
    }
    let directory = folder.joiningPath(guidelineID)
    let editions = try Editions.list(directory: directory)
    guard let latest = editions.last else {
      throw .io(path: directory, reason: "no editions of '\(guidelineID)' (no <version>.xml files)")
    }
    let path = directory.joiningPath("\(version).xml")
    if FileManager.default.fileExists(atPath: path) {
      throw .io(path: path, reason: "already exists; new-edition never overwrites a file")
    }
    guard NaturalOrder.less(latest.version, version) else {
      throw .invalidRequest(
        "version \(version) is not newer than the latest edition \(latest.version) (\(latest.path))")
    }
    if !allowGap, let from = EditionNumber.edition(ofVersion: latest.version),
      let to = EditionNumber.edition(ofVersion: version), to > from + 1
    {
      throw .invalidRequest(
        "version \(version) is edition \(to) but the latest edition is \(latest.version) (第\(from)版): 第\(from + 1)版 would be skipped; use --version \(from + 1).0, or --allow-gap if the gap is deliberate"
      )
    }
    let document: XMLDocument
    do {
      document = try XMLDocument.parse(file: latest.path)
    } catch {
      throw .xml(error)
    }
    var tree = document.tree()
    guard GuidelineFormatter.isGuideline(tree) else {
      throw .unsupportedDocument(file: latest.path, line: tree.root.line, root: tree.root.name)
    }
    tree.root = edition(
      from: tree.root, version: version, supersedes: latest.version, issued: issued)
    let titleChange = renumberTitle(&tree.root, from: latest.version, to: version)
    return Edition(
      path: path, previousPath: latest.path, previousVersion: latest.version,
      text: GuidelineFormatter.format(tree), titleChange: titleChange)
  }

  /// Creates the planned file; fails if it appeared meanwhile (never overwrites).
  /// - Throws: `GuideKitError.io`.
  public static func write(_ edition: Edition) throws(GuideKitError) {
    let url = URL(fileURLWithPath: edition.path)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).guidekit-\(UUID().uuidString).tmp")
    do {
      try Data(edition.text.utf8).write(to: temporary)
    } catch {
      throw .io(path: edition.path, reason: "cannot write: \(AtomicFile.reason(error))")
    }
    defer { unlink(temporary.path) }
    // link(2) fails with EEXIST instead of replacing the file.
    if link(temporary.path, url.path) != 0 {
      let reason =
        errno == EEXIST ? "already exists; new-edition never overwrites a file" : String(cString: strerror(errno))
      throw .io(path: edition.path, reason: reason)
    }
  }

  /// The root of the new edition.
  static func edition(from root: XMLElement, version: String, supersedes: String, issued: String)
    -> XMLElement
  {
    var root = root
    set(&root, "version", version)
    set(&root, "supersedes", supersedes)
    set(&root, "issued", issued)
    set(&root, "effective", issued)
    let ns = GuidelineReader.namespace
    let placeholder = XMLElement(
      name: "summary", namespaceURI: ns, prefix: root.prefix,
      children: [
        .element(
          XMLElement(name: "p", namespaceURI: ns, prefix: root.prefix, children: [.text(summaryPlaceholder)]))
      ])
    var children: [XMLNode] = []
    var placed = false
    for child in root.children {
      if let element = child.element, element.namespaceURI == ns {
        if element.name == "removals" { continue }
        if element.name == "summary" {
          children.append(.element(placeholder))
          placed = true
          continue
        }
        if !placed && element.name != "title" && element.name != "issuer" && element.name != "contact" {
          children.append(.element(placeholder))
          placed = true
        }
      }
      children.append(child)
    }
    if !placed { children.append(.element(placeholder)) }
    root.children = children
    return root
  }

  /// Names the new edition's number in a title that names the previous one, as plain text.
  /// - Returns: the title before and after, or nil when nothing changed.
  static func renumberTitle(_ root: inout XMLElement, from previous: String, to version: String)
    -> (old: String, new: String)?
  {
    guard let old = EditionNumber.edition(ofVersion: previous),
      let new = EditionNumber.edition(ofVersion: version), new != old,
      let index = root.children.firstIndex(where: {
        $0.element?.name == "title" && $0.element?.namespaceURI == GuidelineReader.namespace
      }),
      var title = root.children[index].element,
      case .text(let text)? = title.children.first, title.children.count == 1,
      let number = EditionNumber.find(in: text), number.value == old
    else { return nil }
    var renamed = text
    renamed.replaceSubrange(number.range, with: EditionNumber.label(new, style: number.style))
    title.children = [.text(renamed)]
    root.children[index] = .element(title)
    return (text, renamed)
  }

  private static func set(_ element: inout XMLElement, _ name: String, _ value: String) {
    if let index = element.attributes.firstIndex(where: { $0.name == name && $0.namespaceURI == nil }) {
      element.attributes[index].value = value
    } else {
      element.attributes.append(XMLAttribute(name: name, value: value))
    }
  }
}

/// The editions of one guideline: `<folder>/<version>.xml`, in natural version order.
enum Editions {
  struct File: Sendable {
    var version: String
    var path: String
  }

  /// - Throws: `GuideKitError.io` when the folder does not exist.
  static func list(directory: String) throws(GuideKitError) -> [File] {
    var isDirectory: Bool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory
    else {
      throw .io(path: directory, reason: "no such guideline folder")
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }
      .map { File(version: String($0.dropLast(4)), path: directory.joiningPath($0)) }
      .sorted { NaturalOrder.less($0.version, $1.version) }
  }
}

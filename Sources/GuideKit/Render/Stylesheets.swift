import FoundationEssentials
import GuideKitXML
import Synchronization

/// The XSLT stylesheets that produce every human-facing output, by name (`delta-table`,
/// `guideline-html`, …). Bundled ones ship as module resources; any can be overridden by a file.
/// Each is compiled once per process.
public final class Stylesheets: Sendable {
  /// Overrides: stylesheet name → file.
  public let overrides: [String: String]
  /// Wall-clock limit of each transformation (`--transform-timeout`); nil for none.
  public let transformTimeout: Duration?
  private let compiled = Mutex<[String: XSLTStylesheet]>([:])

  /// The default `transformTimeout`.
  public static let defaultTimeout = Duration.seconds(30)

  public init(overrides: [String: String] = [:], transformTimeout: Duration? = Stylesheets.defaultTimeout) {
    self.overrides = overrides
    self.transformTimeout = transformTimeout
  }

  /// Bundled stylesheet names.
  public static var bundledNames: [String] {
    guard let folder = BundledSchema.resourcePath("stylesheets"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
    else { return [] }
    return names.filter { $0.hasSuffix(".xsl") }.map { String($0.dropLast(4)) }.sorted()
  }

  /// The file a name resolves to.
  public func path(for name: String) throws(GuideKitError) -> String {
    if let override = overrides[name] { return override }
    guard let path = BundledSchema.resourcePath("stylesheets/\(name).xsl") else {
      throw .io(path: "\(name).xsl", reason: "no bundled stylesheet named \"\(name)\"")
    }
    return path
  }

  /// The compiled stylesheet.
  public func stylesheet(_ name: String) throws(GuideKitError) -> XSLTStylesheet {
    if let cached = compiled.withLock({ $0[name] }) { return cached }
    let file = try path(for: name)
    let sheet: XSLTStylesheet
    do {
      sheet = try XSLTStylesheet(path: file)
    } catch {
      throw .xml(error)
    }
    compiled.withLock { $0[name] = sheet }
    return sheet
  }

  /// The stylesheets `Publisher.publish` applies.
  public static let publishing = [
    "guideline-html", "guideline-text", "delta-table", "delta-html", "notice-html", "notice-text",
    "impact-html", "site-index", "feed",
  ]

  /// Compiles the named stylesheets now, one after another. libxslt's generic error handler is
  /// process-wide: a stylesheet compiled while transformations run on other threads could take
  /// their messages (or they its), so a run compiles what it needs before its work fans out.
  /// - Throws: `GuideKitError.xml` or `.io` for the first that does not compile.
  public func precompile(_ names: some Sequence<String>) throws(GuideKitError) {
    for name in names { _ = try stylesheet(name) }
  }

  /// The names compiled so far, sorted.
  package var compiledNames: [String] { compiled.withLock { $0.keys.sorted() } }

  /// Applies the named stylesheet to an XML document given as text.
  /// - Parameters:
  ///   - xml: the input document (e.g. a delta document).
  ///   - fileName: the input's name for diagnostics and for the read policy.
  ///   - parameters: XSLT parameters, passed as strings.
  public func transform(
    _ name: String, xml: String, fileName: String, parameters: [String: String] = [:],
    readable: [String] = []
  ) throws(GuideKitError) -> String {
    try apply(name, readable: readable) { sheet, policy throws(XMLError) in
      let document = try XMLDocument.parse(data: Data(xml.utf8), fileName: fileName)
      return try sheet.transform(document, parameters: parameters, policy: policy, timeout: transformTimeout).string
    }
  }

  /// Applies the named stylesheet to a parsed (or built) document.
  public func transform(
    _ name: String, document: XMLDocument, parameters: [String: String] = [:], readable: [String] = []
  ) throws(GuideKitError) -> String {
    try apply(name, readable: readable) { sheet, policy throws(XMLError) in
      try sheet.transform(document, parameters: parameters, policy: policy, timeout: transformTimeout).string
    }
  }

  /// Applies the named stylesheet to a document and returns the result tree, unserialised (the
  /// text stylesheets' layout documents, which `TextLayoutDocument` reads in place).
  package func transformToDocument(
    _ name: String, document: XMLDocument, parameters: [String: String] = [:], readable: [String] = []
  ) throws(GuideKitError) -> XMLDocument {
    try apply(name, readable: readable) { sheet, policy throws(XMLError) in
      try sheet.transformToDocument(document, parameters: parameters, policy: policy, timeout: transformTimeout)
        .document
    }
  }

  /// Applies the named stylesheet to a file.
  public func transform(
    _ name: String, file: String, parameters: [String: String] = [:], readable: [String] = []
  ) throws(GuideKitError) -> String {
    try apply(name, readable: readable) { sheet, policy throws(XMLError) in
      let document = try XMLDocument.parse(file: file)
      return try sheet.transform(document, parameters: parameters, policy: policy, timeout: transformTimeout).string
    }
  }

  /// Runs `body` with the compiled stylesheet and a read policy of `readable`; XML errors become
  /// `GuideKitError.xml`.
  private func apply<T>(
    _ name: String, readable: [String], _ body: (XSLTStylesheet, XSLTAccessPolicy) throws(XMLError) -> T
  ) throws(GuideKitError) -> T {
    let sheet = try stylesheet(name)
    do {
      return try body(sheet, XSLTAccessPolicy(files: readable))
    } catch {
      throw .xml(error)
    }
  }

  /// Checks that the file of every override can be read.
  /// - Parameter overrides: bundled stylesheet name → file.
  /// - Throws: `GuideKitError.io` for a file that cannot be read.
  public static func checkOverrides(_ overrides: [String: String]) throws(GuideKitError) -> [String: String] {
    for (_, file) in overrides where !FileManager.default.isReadableFile(atPath: file) {
      throw .io(path: file, reason: "stylesheet not found")
    }
    return overrides
  }
}

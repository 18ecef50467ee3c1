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

  /// Applies the named stylesheet to an XML document given as text.
  /// - Parameters:
  ///   - xml: the input document (e.g. a delta document).
  ///   - fileName: the input's name for diagnostics and for the read policy.
  ///   - parameters: XSLT parameters, passed as strings.
  public func transform(
    _ name: String, xml: String, fileName: String, parameters: [String: String] = [:],
    readable: [String] = []
  ) throws(GuideKitError) -> String {
    let sheet = try stylesheet(name)
    do {
      let document = try XMLDocument.parse(data: Data(xml.utf8), fileName: fileName)
      return try sheet.transform(
        document, parameters: parameters, policy: XSLTAccessPolicy(files: readable), timeout: transformTimeout
      ).string
    } catch {
      throw .xml(error)
    }
  }

  /// Applies the named stylesheet to a parsed document.
  public func transform(
    _ name: String, document: XMLDocument, parameters: [String: String] = [:], readable: [String] = []
  ) throws(GuideKitError) -> String {
    let sheet = try stylesheet(name)
    do {
      return try sheet.transform(
        document, parameters: parameters, policy: XSLTAccessPolicy(files: readable), timeout: transformTimeout
      ).string
    } catch {
      throw .xml(error)
    }
  }

  /// Applies the named stylesheet to a file.
  public func transform(
    _ name: String, file: String, parameters: [String: String] = [:], readable: [String] = []
  ) throws(GuideKitError) -> String {
    let sheet = try stylesheet(name)
    do {
      let document = try XMLDocument.parse(file: file)
      return try sheet.transform(
        document, parameters: parameters, policy: XSLTAccessPolicy(files: readable), timeout: transformTimeout
      ).string
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

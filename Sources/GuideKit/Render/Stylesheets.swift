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

  /// Parses `--stylesheet` values: `NAME=FILE`, or `FILE` whose base name is a stylesheet name
  /// (or, for a command that uses one stylesheet, that one: pass `defaultName`).
  public static func parseOverrides(_ values: [String], defaultName: String?) throws(GuideKitError)
    -> [String: String]
  {
    var out: [String: String] = [:]
    for value in values {
      if let eq = value.firstIndex(of: "="), !value[..<eq].contains("/") {
        out[String(value[..<eq])] = String(value[value.index(after: eq)...])
        continue
      }
      let base = value.lastPathPart.removingPathExtension
      if bundledNames.contains(base) {
        out[base] = value
      } else if let defaultName {
        out[defaultName] = value
      } else {
        throw .usage(
          "--stylesheet \(value): say which stylesheet it replaces, as NAME=FILE (names: \(bundledNames.joined(separator: ", ")))"
        )
      }
    }
    for (_, file) in out where !FileManager.default.isReadableFile(atPath: file) {
      throw .io(path: file, reason: "stylesheet not found")
    }
    return out
  }

  /// Parses `--param NAME=VALUE` values.
  public static func parseParameters(_ values: [String]) throws(GuideKitError) -> [String: String] {
    var out: [String: String] = [:]
    for value in values {
      guard let eq = value.firstIndex(of: "="), eq != value.startIndex else {
        throw .usage("--param \(value): expected NAME=VALUE")
      }
      out[String(value[..<eq])] = String(value[value.index(after: eq)...])
    }
    return out
  }
}

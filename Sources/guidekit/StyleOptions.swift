import ArgumentParser
import GuideKit
import GuideKitCLI

/// `--stylesheet`, `--param` and `--transform-timeout`, shared by the commands that render
/// through XSLT. Malformed values are usage errors (exit 64).
struct StyleOptions: ParsableArguments {
  @Option(
    name: .customLong("stylesheet"),
    help: ArgumentHelp(
      "Use FILE instead of a bundled stylesheet (FILE, or NAME=FILE to replace the bundled stylesheet NAME; repeatable).",
      valueName: "FILE"))
  var stylesheets: [StylesheetOverride] = []

  @Option(
    name: .customLong("param"),
    help: ArgumentHelp("Pass an XSLT parameter to the stylesheets, as a string (repeatable).", valueName: "NAME=VALUE"))
  var params: [XSLTParameter] = []

  @Option(
    help: ArgumentHelp(
      "Stop a stylesheet that runs longer than SECONDS (exit 2).", valueName: "SECONDS"))
  var transformTimeout: Double = 30

  func validate() throws {
    guard transformTimeout > 0, transformTimeout.isFinite else {
      throw ValidationError("--transform-timeout must be a number of seconds above 0, not \(transformTimeout)")
    }
  }

  /// The stylesheets with the overrides, a FILE without NAME= replacing the bundled stylesheet of
  /// its own name, else `defaultName` (the stylesheet of the command's format).
  /// - Throws: `GuideKitError` for a file that cannot be read, or a usage error when the command
  ///   has no default (see ``requireNames()``) and a FILE names no stylesheet.
  func stylesheets(defaultName: String?) throws -> Stylesheets {
    var overrides: [String: String] = [:]
    for override in stylesheets {
      guard let name = override.name ?? override.bundledName ?? defaultName else {
        throw ValidationError(Self.unnamed(override))
      }
      overrides[name] = override.file
    }
    return Stylesheets(
      overrides: try Stylesheets.checkOverrides(overrides),
      transformTimeout: .milliseconds(Int64(min(transformTimeout, 1e9) * 1000)))
  }

  /// For a command with no stylesheet of its own (publish): every FILE must say which stylesheet
  /// it replaces. Call from `validate()`.
  func requireNames() throws {
    if let unnamed = stylesheets.first(where: { $0.name == nil && $0.bundledName == nil }) {
      throw ValidationError(Self.unnamed(unnamed))
    }
  }

  private static func unnamed(_ override: StylesheetOverride) -> String {
    "--stylesheet \(override.file): say which stylesheet it replaces, as NAME=FILE (names: \(Stylesheets.bundledNames.joined(separator: ", ")))"
  }

  func parameters() -> [String: String] {
    Dictionary(params.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
  }
}

/// `--param NAME=VALUE`.
struct XSLTParameter: ExpressibleByArgument {
  var name: String
  var value: String

  init?(argument: String) {
    guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { return nil }
    name = String(argument[..<eq])
    value = String(argument[argument.index(after: eq)...])
  }
}

/// `--stylesheet FILE` or `--stylesheet NAME=FILE`.
struct StylesheetOverride: ExpressibleByArgument {
  var name: String?
  var file: String

  /// The bundled stylesheet the file's own name names (`delta-table.xsl` → `delta-table`).
  var bundledName: String? {
    let base = file.split(separator: "/").last.map { String($0.prefix { $0 != "." }) } ?? ""
    return Stylesheets.bundledNames.contains(base) ? base : nil
  }

  init?(argument: String) {
    if let eq = argument.firstIndex(of: "="), !argument[..<eq].contains("/") {
      guard eq != argument.startIndex, argument.index(after: eq) != argument.endIndex else { return nil }
      name = String(argument[..<eq])
      file = String(argument[argument.index(after: eq)...])
    } else {
      guard !argument.isEmpty else { return nil }
      file = argument
    }
  }
}

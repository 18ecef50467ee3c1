import ArgumentParser
import FoundationEssentials
import GuideKit

/// A day given on the command line (`--as-of`, `--issued`): a real day written YYYY-MM-DD; any
/// other value is a usage error (exit 64).
package struct Day: ExpressibleByArgument, Sendable, Hashable {
  package var text: String

  package init?(argument: String) {
    guard PinDate.isRealDate(argument) else { return nil }
    text = argument
  }
}

/// `--width`: the text layout's line width in display columns, 20 to 400; any other value is a
/// usage error (exit 64).
package struct Columns: ExpressibleByArgument, Sendable, Hashable {
  package static let range = 20...400
  package var count: Int

  package init(_ count: Int) { self.count = count }

  package init?(argument: String) {
    guard let count = Int(argument), Self.range.contains(count) else { return nil }
    self.count = count
  }

  package var defaultValueDescription: String { String(count) }
}

/// `--width`, for the commands that lay out plain text.
package struct LayoutOptions: ParsableArguments {
  package init() {}

  @Option(
    help: ArgumentHelp(
      "Text width in display columns (a full-width character takes two; \(Columns.range.lowerBound) to \(Columns.range.upperBound)).",
      valueName: "COLUMNS"))
  package var width = Columns(70)
}

/// `--guidelines`, the folder of every edition (`guidelines/<guideline-id>/<version>.xml`).
package struct GuidelinesFolderOptions: ParsableArguments {
  package init() {}

  @Option(name: .customLong("guidelines"), help: ArgumentHelp("The guidelines folder.", valueName: "DIR"))
  package var folder = "guidelines"
}

/// `--as-of`, the day whose editions and law revisions are in force.
package struct AsOfOptions: ParsableArguments {
  package init() {}

  @Option(help: ArgumentHelp("The day (default: today, Japan time).", valueName: "YYYY-MM-DD"))
  package var asOf: Day?

  /// The day given, else today in Japan.
  package var day: String { asOf?.text ?? PinDate.today() }
}

/// `--references`, the reference registry: e-Gov law files, OSCAL catalogs and clause sets.
package struct RegistryOptions: ParsableArguments {
  package init() {}

  /// The registry folder used when none is given.
  package static let defaultFolder = "references"

  @Option(
    name: .customLong("references"),
    help: ArgumentHelp(
      "A reference registry folder (repeatable; default: \(RegistryOptions.defaultFolder)/).", valueName: "DIR"))
  package var folders: [String] = []

  /// True when `--references` was given.
  package var given: Bool { !folders.isEmpty }

  /// The folders given, else the default folder.
  package var effectiveFolders: [String] { folders.isEmpty ? [Self.defaultFolder] : folders }

  /// The folders to read: those given (each must exist), else the default folder when it exists.
  /// - Throws: `ExitCode(2)`, the folder named on standard error, for a folder given that is missing.
  package func existingFolders() throws -> [String] {
    if let missing = folders.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
      Console.error("\(missing): error: reference folder not found")
      throw ExitCode(2)
    }
    return effectiveFolders.filter { FileManager.default.fileExists(atPath: $0) }
  }

  /// The registry of the folders given, else of the default folder.
  /// - Parameter requireDefault: whether a missing default folder is trouble too (a folder
  ///   given that does not exist always is).
  /// - Throws: `ExitCode(2)`, the folder named on standard error, for a missing folder.
  package func registry(requireDefault: Bool) throws -> ReferenceRegistry {
    let registry = ReferenceRegistry(folders: effectiveFolders)
    if given || requireDefault, let folder = registry.missingFolders.first {
      Console.error("\(folder): error: reference folder not found")
      throw ExitCode(2)
    }
    return registry
  }
}

/// The one mapping of a command's errors to exit statuses (DESIGN.md): the argument parser's own
/// (usage errors, exit codes, help and clean exits) pass through; `GuideKitError.invalidRequest`
/// is a usage error (exit 64); any other error (unreadable input, I/O failure, git) is reported on
/// standard error and is trouble, exit 2.
package enum ExitMapping {
  package static func error(for error: any Error) -> any Error {
    switch error {
    case is ExitCode, is ValidationError, is CleanExit:
      return error
    case GuideKitError.invalidRequest(let message):
      return ValidationError(message)
    case _ where String(reflecting: type(of: error)).hasPrefix("ArgumentParser."):
      // The parser's internal errors (a help request is one, thrown by its help command).
      return error
    default:
      Console.error("\(error)")
      return ExitCode(2)
    }
  }
}

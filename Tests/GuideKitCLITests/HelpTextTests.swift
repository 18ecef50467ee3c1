import GuideKit
import GuideKitTestSupport
import Testing

/// `--help` is the manual most users read: its prose must wrap to the terminal's width, not to
/// the width of the source file, and its examples must survive a narrow terminal whole.
@Suite struct HelpTextTests {
  /// The help of `command` at a terminal width, with COLUMNS and LINES set (swift-argument-parser
  /// then asks no terminal).
  private static func help(_ command: [String], columns: Int) throws -> String {
    let result = try CLI.run(command + ["--help"], environment: ["COLUMNS": "\(columns)", "LINES": "50"])
    #expect(result.status == 0, "\(result)")
    return result.stdout
  }

  /// The lines between the overview paragraph and `USAGE:`: the command's discussion.
  private static func discussion(_ help: String) -> [Substring] {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
    guard let firstBlank = lines.firstIndex(where: \.isEmpty),
      let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }), firstBlank < usage
    else { return [] }
    return Array(lines[(firstBlank + 1)..<usage])
  }

  private static func isProse(_ line: Substring) -> Bool {
    !line.isEmpty && !line.hasPrefix(" ")
  }

  /// Every subcommand the root help lists, and the root itself.
  private static func commands() throws -> [[String]] {
    let root = try help([], columns: 200)
    let lines = root.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: "SUBCOMMANDS:"), "\(root)")
    let names = lines[(start + 1)...].prefix { !$0.isEmpty }
      .compactMap { line in line.hasPrefix("  ") ? line.split(separator: " ").first.map(String.init) : nil }
    return [[]] + names.map { [$0] }
  }

  @Test func everyCommandsProseIsWrappedByTheTerminalWidthOnly() throws {
    let commands = try Self.commands()
    #expect(commands.count >= 11, "\(commands)")
    for command in commands {
      let name = (["guidekit"] + command).joined(separator: " ")
      let wide = Self.discussion(try Self.help(command, columns: 200))
      #expect(!wide.isEmpty, "\(name) --help has no discussion")
      // At 200 columns a paragraph line is followed by more of the same paragraph only when the
      // parser wrapped it there, so it is long; a short one is a line break written in the source.
      for (line, next) in zip(wide, wide.dropFirst()) where Self.isProse(line) && Self.isProse(next) {
        #expect(line.count > 150, "\(name) --help breaks a paragraph after: \(line)")
      }
      // Examples are indented lines; at 80 columns each still fits and none is cut in two.
      let narrow = Self.discussion(try Self.help(command, columns: 80))
      let wideExamples = wide.filter { $0.hasPrefix("  ") }
      let narrowExamples = narrow.filter { $0.hasPrefix("  ") }
      #expect(narrowExamples == wideExamples, "\(name) --help: an example was wrapped at 80 columns")
      for line in wideExamples {
        #expect(EastAsianWidth.columns(of: line) <= 80, "\(name) --help: example wider than 80 columns: \(line)")
      }
      if !command.isEmpty {
        #expect(wide.contains("Examples:"), "\(name) --help has no examples")
      }
    }
  }
}

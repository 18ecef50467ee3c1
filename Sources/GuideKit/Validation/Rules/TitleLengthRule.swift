import GuideKitXML

/// A title is a label: at most `maxCharacters` characters (the schema caps `num` at 64 and ids at
/// 128; a title's mixed content it cannot cap), so that headings, tables of contents and text
/// layout stay in proportion.
public struct TitleLengthRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "title-length", severity: .error, summary: "A title is longer than a heading can be (256 characters).")
  public static let maxCharacters = 256

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    if document.info.title.count > Self.maxCharacters {
      out.append(
        diagnostic(
          document, line: document.info.line,
          "the title has \(document.info.title.count) characters; a title has at most \(Self.maxCharacters)"))
    }
    document.forEachUnit { unit in
      guard let title = unit.title, title.count > Self.maxCharacters else { return }
      out.append(
        diagnostic(
          document, line: unit.line,
          "the title of \"\(unit.id)\" has \(title.count) characters; a title has at most \(Self.maxCharacters)",
          clause: unit.id))
    }
    return out
  }
}

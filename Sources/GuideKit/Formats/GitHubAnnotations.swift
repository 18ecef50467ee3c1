import GuideKitXML

/// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`): the one writer
/// of annotations and the one place that escapes them, for every command that writes
/// `--format github`.
public enum GitHubAnnotations {
  /// The command's name: `error`, `warning` or `notice`.
  public enum Level: String, Sendable {
    case error, warning, notice

    init(_ severity: Severity) {
      switch severity {
      case .error: self = .error
      case .warning: self = .warning
      case .note: self = .notice
      }
    }
  }

  /// One annotation, a line with its newline: properties escape `%`, CR, LF, `:` and `,`; the
  /// message escapes `%`, CR and LF (GitHub's toolkit `command.ts`).
  public static func annotation(_ level: Level, file: String, line: Int? = nil, title: String, message: String)
    -> String
  {
    var properties = "file=\(escapeProperty(file))"
    if let line { properties += ",line=\(line)" }
    properties += ",title=\(escapeProperty(title))"
    return "::\(level.rawValue) \(properties)::\(escapeData(message))\n"
  }

  /// One annotation per diagnostic, at its line (1 when unknown).
  public static func diagnostics(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { d in
      annotation(
        Level(d.severity), file: d.file, line: max(d.line, 1), title: "guidekit " + d.rule,
        message: d.message + (d.clause.map { " (clause \($0))" } ?? ""))
    }.joined()
  }

  /// `fmt --check`: one error per file that is not formatted.
  public static func unformatted(_ files: [String]) -> String {
    files.map { file in
      annotation(.error, file: file, title: "guidekit fmt", message: "not formatted; run guidekit fmt \(file)")
    }.joined()
  }

  /// `diff --git`: one notice per changed clause at its line in the new file; removed clauses and
  /// deleted files are annotated on the file.
  public static func gitReview(_ review: GitReview) -> String {
    var out = ""
    for file in review.files {
      if file.status == .deleted {
        out += annotation(
          .notice, file: file.path, title: "guidekit diff: file deleted",
          message: "\(file.path) was deleted since \(review.base)")
        continue
      }
      for change in file.diff.changes {
        let label = [change.new?.num ?? change.old?.num, change.new?.title ?? change.old?.title]
          .compactMap { $0 }.joined(separator: " ")
        var message = "\(change.kind.rawValue): \(change.id)"
        if !label.isEmpty { message += " \(label)" }
        if let oldID = change.oldID { message += " (was \(oldID))" }
        if change.numChanged, let oldNum = change.old?.num { message += " (was numbered \(oldNum))" }
        if change.kind == .modified {
          message += "\n" + TextFormat.redline(change.segments)
        }
        if let mergedInto = change.mergedInto { message += " (merged into \(mergedInto))" }
        for reference in change.references { message += "\n" + TextFormat.describe(reference) }
        out += annotation(
          .notice, file: file.path, line: change.new.map { max(1, $0.line) },
          title: "guidekit diff: \(change.kind.rawValue) \(change.id)", message: message)
      }
    }
    return out
  }

  static func escapeData(_ s: String) -> String {
    s.replacing("%", with: "%25")
      .replacing("\r", with: "%0D")
      .replacing("\n", with: "%0A")
  }

  static func escapeProperty(_ s: String) -> String {
    escapeData(s).replacing(":", with: "%3A").replacing(",", with: "%2C")
  }
}

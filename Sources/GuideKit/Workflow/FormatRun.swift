/// `guidekit fmt`: the canonical formatter run over files and folders.
public struct FormatRun: Sendable {
  /// True when nothing was written (`--check`).
  public var check: Bool
  /// Every XML file found.
  public var files: [String]
  /// Files already in the canonical layout.
  public var formatted = 0
  /// Files not in the canonical layout: rewritten, or with `check` only listed.
  public var changed: [String] = []
  /// Files not in the guideline vocabulary, left alone.
  public var skipped: [String] = []
  /// What stopped a file (exit 2): a missing path, an unreadable file, or a file named on the
  /// command line that is not a guideline document. One message each, in the order met.
  public var problems: [String] = []

  /// 2 when anything could not be formatted, 1 when `check` found unformatted files, else 0.
  public var exitStatus: Int32 { !problems.isEmpty ? 2 : (check && !changed.isEmpty ? 1 : 0) }

  /// Formats (or with `check` only checks) every guideline file under `paths` (default
  /// `guidelines/`). Other XML found in a folder is skipped; other XML named in `paths` is a
  /// problem.
  public static func run(paths: [String], check: Bool) -> FormatRun {
    let given = paths.isEmpty ? ["guidelines"] : paths
    let (files, missing) = InputFiles.collect(given)
    var run = FormatRun(check: check, files: files)
    run.problems = missing.map { "\($0): error: no such file or folder" }
    let explicit = Set(given)
    for file in files {
      do {
        switch try GuidelineFormatter.formatFile(file, write: !check) {
        case .formatted:
          run.formatted += 1
        case .reformatted:
          run.changed.append(file)
        case .skipped(let root):
          run.skipped.append(file)
          if explicit.contains(file) {
            run.problems.append(
              "\(file): error: not a guideline document (root <\(root)>); fmt formats the guideline vocabulary only")
          }
        }
      } catch {
        run.problems.append(error.description)
      }
    }
    return run
  }
}

/// Markdown writers of the reports (a single diff's Markdown is the delta-markdown stylesheet's).
public enum MarkdownFormat {
  /// `diff --git` for a pull-request comment, in the words of the term table: a summary table,
  /// then a section per file made by the delta-markdown stylesheet (its size limit shared among
  /// the files).
  public static func gitReview(
    _ review: GitReview, stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:]
  ) throws(GuideKitError) -> String {
    let terms = Terms.shared
    let short = String(review.commit.prefix(10))
    var out = "## \(terms["git.heading"])（`\(review.base)` \(terms["git.since"])、\(short)）\n\n"
    if review.files.isEmpty {
      out += terms["git.no-files"] + "\n"
      return out
    }
    let kinds = ChangeKind.allCases.map { terms["change.\($0.rawValue)"] }
    out += "| \(terms["git.file"]) | \(terms["git.status"]) | \(kinds.joined(separator: " | ")) |\n"
    out += "|---|---|" + String(repeating: "---:|", count: kinds.count) + "\n"
    for file in review.files {
      let counts = ChangeKind.allCases.map { String(file.diff.summary[$0]) }
      out +=
        "| `\(file.path)` | \(terms["git.status.\(file.status.rawValue)"]) | \(counts.joined(separator: " | ")) |\n"
    }
    var sheetParameters = parameters
    if sheetParameters["max-chars"] == nil {
      sheetParameters["max-chars"] = String(max(4000, 60000 / max(1, review.files.count)))
    }
    for file in review.files {
      out += "\n### `\(file.path)`（\(terms["git.status.\(file.status.rawValue)"])）\n\n"
      if let comparedWith = file.comparedWith {
        out += "\(terms["git.compared-with"])`\(comparedWith)`\n\n"
      }
      if file.diff.isEmpty {
        out += terms["git.no-text-change"] + "\n"
        continue
      }
      let section = try stylesheets.transform(
        "delta-markdown", document: DeltaDocument.document(file.diff, fileName: "\(file.path).delta.xml"),
        parameters: sheetParameters)
      out += demoteHeadings(section)
      if !out.hasSuffix("\n") { out += "\n" }
    }
    return out
  }

  /// Makes the stylesheet's headings one level deeper, outside code fences.
  static func demoteHeadings(_ text: String) -> String {
    var fenced = false
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      if line.hasPrefix("```") { fenced.toggle() }
      if !fenced && line.hasPrefix("#") && line.count < 400 {
        let hashes = line.prefix { $0 == "#" }.count
        return hashes < 5 ? String(repeating: "#", count: 2) + line : String(line)
      }
      return String(line)
    }.joined(separator: "\n")
  }
}

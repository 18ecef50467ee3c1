import GuideKitXML

/// A figure's image is a usable file beside the edition (`FigureFiles.resolve`: a safe relative
/// path that stays inside the guideline's folder, an SVG or PNG file of bounded size), and its
/// alt text says something.
public struct FigureRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "figure-image", severity: .error,
    summary: "A figure's image is missing, leaves the guideline's folder, or is not the SVG or PNG file it names.")
  public static let alt = RuleDescriptor(
    id: "figure-alt", severity: .error, summary: "A figure has no alt text.")
  public static let extraDescriptors = [alt]

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    guard document.info.kind == .guideline else { return [] }
    var out: [Diagnostic] = []
    document.forEachUnit { unit in
      guard unit.kind == .figure else { return }
      let src = unit.properties["src"] ?? ""
      if case .failure(let problem) = FigureFiles.resolve(src, edition: document.info.file) {
        out.append(
          diagnostic(document, line: unit.line, "figure \"\(unit.id)\": image \"\(src)\" \(problem)", clause: unit.id))
      }
      if (unit.properties["alt"] ?? "").allSatisfy(\.isWhitespace) {
        out.append(
          Diagnostic(
            file: document.info.file, line: unit.line, severity: Self.alt.severity, rule: Self.alt.id,
            message: "figure \"\(unit.id)\" has no alt text: describe the image for readers who cannot see it",
            clause: unit.id))
      }
    }
    return out
  }
}

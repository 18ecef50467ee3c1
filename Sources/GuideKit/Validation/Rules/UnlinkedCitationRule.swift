import FoundationEssentials
import GuideKitXML

/// A citation in the prose (「労働基準法第32条」, 「同法第38条の2第1項」, 「NIST SP 800-53 AC-17」)
/// that is not marked up as a `<ref>` is invisible to `impact`: each is reported with the `<ref>`
/// it needs (`guidekit link` inserts them). Citations that cannot be linked are reported with the
/// reason: a law title not in the table, 附則, an anaphor with nothing to refer to.
///
/// Law titles come from `law-titles.json` and the e-Gov files of the reference folders given with
/// `--references`, and of `references/` when it exists.
public struct UnlinkedCitationRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "unlinked-citation", severity: .warning,
    summary:
      "A citation of a law provision or control in the text is not marked up as a <ref> (guidekit link inserts it).")

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    guard let data = FileManager.default.contents(atPath: document.info.file) else { return [] }
    let recognizer: CitationRecognizer
    do {
      recognizer = try CitationRecognizer.store(folders: Self.folders(context.registry), registry: context.registry)
    } catch {
      return [diagnostic(document, line: 0, error.description, severity: .error)]
    }
    let result = CitationFinder(recognizer: recognizer).find(in: [UInt8](data))
    var out: [Diagnostic] = []
    for found in result.citations where !found.citation.impliedByRange {
      let citation = found.citation
      let message: String
      if citation.isResolved, let source = citation.source, let provision = citation.provision {
        let (pin, _) = CitationPin.pin(
          source: source, kind: citation.kind, hint: citation.revisionHint, issued: result.issued,
          registry: context.registry)
        let pinText = pin.map { " pin=\"\($0)\"" } ?? ""
        message =
          "「\(found.text)」 cites \(source) \(provision) without a <ref>: write <ref source=\"\(source)\" provision=\"\(provision)\"\(pinText)>\(found.text)</ref> (guidekit link)"
      } else {
        message = "「\(found.text)」 is a citation that cannot be linked: \(citation.problemDescription ?? "unresolved")"
      }
      out.append(diagnostic(document, line: found.line, message, clause: found.clause))
    }
    return out
  }

  /// The folders law titles are read from: the registry's, then `references/` when it exists.
  static func folders(_ registry: ReferenceRegistry?) -> [String] {
    var folders = registry?.folders ?? []
    if !folders.contains("references"), FileManager.default.fileExists(atPath: "references") {
      folders.append("references")
    }
    return folders
  }
}

extension CitationRecognizer {
  /// The recogniser for a reference store: the law-title table of its folders (`law-titles.json`
  /// and the e-Gov titles), and the article lists of the laws the registry holds (their newest
  /// revision), for 前条, 次条 and ranges of articles.
  /// - Throws: when a `law-titles.json` exists but cannot be read.
  public static func store(folders: [String], registry: ReferenceRegistry?) throws(GuideKitError)
    -> CitationRecognizer
  {
    let titles = try LawTitleTable.cachedStore(folders: folders).get()
    guard let registry else { return CitationRecognizer(titles: titles) }
    let lists = ArticleLists(registry: registry)
    return CitationRecognizer(titles: titles, articles: { lists.articles(of: $0) })
  }
}

/// Article numbers of the laws a registry holds, read once per law.
final class ArticleLists: Sendable {
  let registry: ReferenceRegistry
  private let cache = Memo<String, [[Int]]?>()

  init(registry: ReferenceRegistry) {
    self.registry = registry
  }

  func articles(of lawID: String) -> [[Int]]? {
    cache.value(for: lawID) {
      guard let revision = registry.sources[lawID]?.last, revision.isLaw, let tree = try? registry.load(revision)
      else { return nil }
      var out: [[Int]] = []
      func walk(_ units: [Unit]) {
        for unit in units {
          if unit.kind == .article, let citation = ProvisionCitation(provisionPath: unit.id) {
            out.append(citation.article)
          } else {
            walk(unit.children)
          }
        }
      }
      walk(tree.units)
      return out.isEmpty ? nil : out
    }
  }
}

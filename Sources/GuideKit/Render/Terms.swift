import FoundationEssentials
import GuideKitXML

/// The Japanese vocabulary of every output (`stylesheets/terms.xml`), for the Swift writers: the
/// stylesheets read the same file through `terms.xsl`, so a page and a report never name one
/// thing by two words.
public struct Terms: Sendable {
  public static let namespace = "urn:guidekit:terms:1"

  /// The bundled table, read once.
  public static let shared: Terms = {
    guard let path = BundledSchema.resourcePath("stylesheets/terms.xml"), let terms = try? Terms(file: path) else {
      return Terms(table: [:])
    }
    return terms
  }()

  /// Term id → word.
  public let table: [String: String]

  init(table: [String: String]) { self.table = table }

  /// Reads a terms file (`<terms><term id="…">word</term>…</terms>`).
  public init(file: String) throws(XMLError) {
    let root = try XMLDocument.parse(file: file).rootElement()
    var table: [String: String] = [:]
    for term in root.elements(named: "term", namespace: Self.namespace) {
      if let id = term[attribute: "id"], table[id] == nil { table[id] = term.textContent }
    }
    self.table = table
  }

  /// The word for `id`; the id itself when the table lacks it (so a missing term shows).
  public subscript(_ id: String) -> String { table[id] ?? id }
}

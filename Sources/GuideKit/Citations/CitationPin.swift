/// The pin `link` writes on a new `<ref>`: the revision of the source in force on the edition's
/// `issued` date.
public enum CitationPin {
  /// The pin for `source` and, when the store cannot give the revision in force on `issued`, why.
  ///
  /// A revision named in the text (「Rev.5」) chooses the newest held revision of that name. Else
  /// the newest revision held in force on `issued`; for a control catalog, whose revisions carry
  /// no in-force date (OSCAL `last-modified` is no revision order), the newest revision held. When the store holds none (or there is no
  /// store), the pin is the date `issued` itself, which means the same (the revision in force that
  /// day) and which `impact` resolves once the source is fetched; the note says so.
  public static func pin(
    source: String, kind: Citation.Kind = .law, hint: String?, issued: String?, registry: ReferenceRegistry?
  ) -> (pin: String?, note: String?) {
    let revisions = registry?.sources[source] ?? []
    if let hint, let named = revisions.last(where: { $0.id == hint || $0.id.hasPrefix(hint + ".") }) {
      return (named.id, nil)
    }
    if kind == .control, let newest = revisions.last {
      return (newest.id, "catalog revisions carry no in-force date: pinned to the newest held, \(newest.id)")
    }
    guard let issued else {
      return (revisions.last?.id, "the edition has no issued date: pinned to the newest revision held")
    }
    guard let registry, !revisions.isEmpty else {
      return (
        issued,
        "\(source) is not in the reference store: pin=\"\(issued)\" (the revision in force on the edition's issued date); run `guidekit sources fetch` to resolve it"
      )
    }
    if let revision = registry.latest(source: source, asOf: issued) { return (revision.id, nil) }
    return (
      issued,
      "no revision of \(source) in the store was in force on \(issued) (the earliest held is \(revisions[0].id)): pin=\"\(issued)\""
    )
  }
}

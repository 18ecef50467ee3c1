/// What the stylesheets need to link a `<ref>` to the revision it is pinned to.
public enum ReferenceLinks {
  /// The `ref-revisions` stylesheet parameter: for every e-Gov citation pinned to a day, the law
  /// revision in force that day, as space-separated `LawId|YYYY-MM-DD=YYYYMMDD_AmendingLawId`,
  /// sorted. Pins that are revision ids, and days no revision of `registry` covers, are left out
  /// (the stylesheet links those to the pinned id, or to the current law).
  public static func revisionTable(_ trees: [ClauseTree], registry: ReferenceRegistry) -> String {
    var entries = Set<String>()
    for tree in trees {
      tree.forEachReference { reference, _ in
        guard let pin = reference.pin, PinDate.isRealDate(pin), LawID.isValid(reference.source),
          let revision = registry.revision(source: reference.source, pin: pin)
        else { return }
        entries.insert("\(reference.source)|\(pin)=\(revision.id)")
      }
    }
    return entries.sorted().joined(separator: " ")
  }
}

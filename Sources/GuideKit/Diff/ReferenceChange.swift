/// A change of one citation (`<ref>`) of a unit between OLD and NEW: its provision or pin
/// changed (what `impact --accept` does), or the citation was added or dropped.
public struct ReferenceChange: Sendable, Hashable {
  /// The citation in OLD; nil when it is new.
  public var old: Reference?
  /// The citation in NEW; nil when it is gone.
  public var new: Reference?

  public init(old: Reference?, new: Reference?) {
    self.old = old
    self.new = new
  }

  /// What happened to the citation.
  public enum Kind: String, Sendable, CaseIterable {
    /// Its provision or pin changed.
    case changed
    /// It is new in NEW.
    case added
    /// It is gone from NEW.
    case removed
  }

  public var kind: Kind {
    switch (old, new) {
    case (nil, _): .added
    case (_, nil): .removed
    default: .changed
    }
  }

  /// The changes between the citations of one unit in OLD and in NEW, in NEW's order (dropped
  /// citations last). Citations are paired in order by source, preferring the same label; a
  /// pair whose source, provision and pin are the same is no change (the label is text: a change
  /// of it is a change of the unit's text).
  /// - Complexity: O(*m* × *n*) for *m* and *n* citations (a unit holds a few).
  public static func changes(old: [Reference], new: [Reference]) -> [ReferenceChange] {
    if old.count == new.count, zip(old, new).allSatisfy({ same($0, $1) }) { return [] }
    var unpaired = Array(old.indices)
    var pairs: [(Int?, Int)] = []
    for (n, reference) in new.enumerated() {
      // Exact first, then same source and label, then same source.
      let match =
        unpaired.firstIndex { same(old[$0], reference) }
        ?? unpaired.firstIndex { old[$0].source == reference.source && old[$0].label == reference.label }
        ?? unpaired.firstIndex { old[$0].source == reference.source }
      if let match {
        pairs.append((unpaired[match], n))
        unpaired.remove(at: match)
      } else {
        pairs.append((nil, n))
      }
    }
    var out: [ReferenceChange] = []
    for (o, n) in pairs {
      if let o {
        if !same(old[o], new[n]) { out.append(ReferenceChange(old: old[o], new: new[n])) }
      } else {
        out.append(ReferenceChange(old: nil, new: new[n]))
      }
    }
    for o in unpaired { out.append(ReferenceChange(old: old[o], new: nil)) }
    return out
  }

  static func same(_ a: Reference, _ b: Reference) -> Bool {
    a.source == b.source && a.provision == b.provision && a.pin == b.pin
  }

}

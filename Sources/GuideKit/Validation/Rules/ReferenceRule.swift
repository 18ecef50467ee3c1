import GuideKitXML

/// With a registry (`--references`): every `<ref>` names a known source, its pin a known revision,
/// and its provision exists in the pinned revision. Refs to other guidelines are checked against
/// the editions being validated.
public struct ReferenceRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "ref-unknown-source", severity: .error,
    summary: "A reference cites a source that is neither in the registry nor a validated guideline.")
  public static let provision = RuleDescriptor(
    id: "ref-unknown-provision", severity: .error,
    summary: "A reference cites a provision that does not exist in the pinned revision.")
  public static let pin = RuleDescriptor(
    id: "ref-unknown-pin", severity: .error,
    summary: "A reference's pin names no revision of its source in the registry.")
  public static let unverifiable = RuleDescriptor(
    id: "ref-unverifiable", severity: .warning,
    summary: "A reference cites an e-Gov law that is not in the registry: its pin and provision cannot be checked.")
  public static let malformedPin = RuleDescriptor(
    id: "ref-malformed-pin", severity: .error,
    summary: "A reference's pin looks like a date but is not a real one.")
  public static let unreadable = RuleDescriptor(
    id: "ref-unreadable-revision", severity: .error,
    summary: "A reference's revision is in the registry, but its file cannot be read: the provision cannot be checked.")
  public static let extraDescriptors = [provision, pin, malformedPin, unverifiable, unreadable]

  /// Refs to other guidelines are checked against the editions validated with this one.
  public var needsCorpus: Bool { true }

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    document.forEachReference { reference, unit in
      if let found = check(reference, clause: unit.id, in: document, context: context) { out.append(found) }
    }
    return out
  }

  private func check(
    _ reference: Reference, clause: String, in document: ClauseTree, context: ValidationContext
  ) -> Diagnostic? {
    let where_ = "\(reference.source) \(reference.provision)"
    if let pin = reference.pin, PinDate.isDate(pin), !PinDate.isRealDate(pin) {
      return make(Self.malformedPin, document, reference, "pin \"\(pin)\" of \(where_) is not a real date", clause)
    }
    if let editions = context.guidelines[reference.source] {
      let edition =
        reference.pin.flatMap { pin in editions.first { $0.info.version == pin } }
        ?? editions.max { NaturalOrder.less($0.info.version, $1.info.version) }
      guard let edition, !context.unitIDs(of: edition).contains(reference.provision) else { return nil }
      return make(
        Self.provision, document, reference,
        "\(reference.source) \(edition.info.version) has no clause \"\(reference.provision)\"", clause)
    }
    guard let registry = context.registry else { return nil }
    guard let revisions = registry.sources[reference.source] else {
      // A well-formed LawId names a real law, and a source that sources.json declares is one the
      // store will hold: not fetched yet is unverifiable, not broken (as impact reports it).
      if LawID.isValid(reference.source) {
        return make(
          Self.unverifiable, document, reference,
          "source \(reference.source) is not in the reference registry (\(registry.folders.joined(separator: ", "))): its pin and provision cannot be checked; add the law's e-Gov files (guidekit sources fetch)",
          clause)
      }
      if registry.isFetchable(reference.source) {
        return make(
          Self.unverifiable, document, reference,
          "source \(reference.source) is declared in sources.json but not fetched into \(registry.folders.joined(separator: ", ")): its pin and provision cannot be checked; run guidekit sources fetch",
          clause)
      }
      return make(
        Self.descriptor, document, reference,
        "source \"\(reference.source)\" is not in the reference registry (\(registry.folders.joined(separator: ", ")))",
        clause)
    }
    var revision = revisions.last
    if let pin = reference.pin {
      guard let pinned = registry.revision(source: reference.source, pin: pin) else {
        let known = revisions.map(\.id).joined(separator: ", ")
        return make(
          Self.pin, document, reference,
          "pin \"\(pin)\" of \(where_) names no revision in the registry (revisions: \(known)): pin one of them, or a day YYYY-MM-DD",
          clause)
      }
      revision = pinned
    }
    guard let revision else { return nil }
    let tree: ClauseTree
    do {
      tree = try registry.load(revision)
    } catch {
      return make(
        Self.unreadable, document, reference,
        "\(reference.source) revision \(revision.id) cannot be read, so \(where_) cannot be checked: \(error.description)",
        clause)
    }
    guard !context.unitIDs(of: tree).contains(reference.provision) else { return nil }
    return make(
      Self.provision, document, reference,
      "\(reference.source) revision \(revision.id) has no provision \"\(reference.provision)\"", clause)
  }

  private func make(
    _ rule: RuleDescriptor, _ document: ClauseTree, _ reference: Reference, _ message: String,
    _ clause: String
  ) -> Diagnostic {
    Diagnostic(
      file: document.info.file, line: reference.line, severity: rule.severity, rule: rule.id,
      message: message, clause: clause)
  }
}

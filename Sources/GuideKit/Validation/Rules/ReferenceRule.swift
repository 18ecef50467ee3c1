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
    id: "ref-unknown-pin", severity: .warning,
    summary: "A reference's pin names a revision that is not in the registry.")
  public static let malformedPin = RuleDescriptor(
    id: "ref-malformed-pin", severity: .error,
    summary: "A reference's pin looks like a date but is not a real one.")
  public static let extraDescriptors = [provision, pin, malformedPin]

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for (reference, located) in document.allReferences() {
      let clause = located.unit.id
      let where_ = "\(reference.source) \(reference.provision)"
      if let pin = reference.pin, PinDate.isDate(pin), !PinDate.isRealDate(pin) {
        out.append(
          make(Self.malformedPin, document, reference, "pin \"\(pin)\" of \(where_) is not a real date", clause))
        continue
      }
      if let editions = context.guidelines[reference.source] {
        let edition =
          reference.pin.flatMap { pin in editions.first { $0.info.version == pin } }
          ?? editions.max { NaturalOrder.less($0.info.version, $1.info.version) }
        if let edition, edition.unitsByID()[reference.provision] == nil {
          out.append(
            make(
              Self.provision, document, reference,
              "\(reference.source) \(edition.info.version) has no clause \"\(reference.provision)\"", clause))
        }
        continue
      }
      guard let registry = context.registry else { continue }
      guard let revisions = registry.sources[reference.source] else {
        out.append(
          make(
            Self.descriptor, document, reference,
            "source \"\(reference.source)\" is not in the reference registry (\(registry.folders.joined(separator: ", ")))",
            clause))
        continue
      }
      var revision = revisions.last
      if let pin = reference.pin {
        guard let pinned = registry.revision(source: reference.source, pin: pin) else {
          let known = revisions.map(\.id).joined(separator: ", ")
          out.append(
            make(
              Self.pin, document, reference, "pin \"\(pin)\" of \(where_) is not in the registry (revisions: \(known))",
              clause))
          continue
        }
        revision = pinned
      }
      guard let revision, let tree = try? registry.load(revision) else { continue }
      if tree.unitsByID()[reference.provision] == nil {
        out.append(
          make(
            Self.provision, document, reference,
            "\(reference.source) revision \(revision.id) has no provision \"\(reference.provision)\"", clause))
      }
    }
    return out
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

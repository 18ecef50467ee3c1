import GuideKitXML

/// `issued`, `effective` and `planned` are real calendar days, and an edition does not apply before it is issued.
public struct DateRule: DocumentRule {
  public static let descriptor = RuleDescriptor(
    id: "invalid-date", severity: .error, summary: "issued, effective or planned is not a real date.")
  public static let order = RuleDescriptor(
    id: "effective-before-issued", severity: .error,
    summary: "The effective date is earlier than the issue date.")
  public static let extraDescriptors = [order]

  public func check(_ document: ClauseTree, context: ValidationContext) -> [Diagnostic] {
    var out: [Diagnostic] = []
    let info = document.info
    for (name, value) in [("issued", info.issued), ("effective", info.effective), ("planned", info.planned)] {
      if let value, !PinDate.isRealDate(value) {
        out.append(diagnostic(document, line: info.line, "\(name)=\"\(value)\" is not a real date (YYYY-MM-DD)"))
      }
    }
    if let issued = info.issued, let effective = info.effective, PinDate.isRealDate(issued),
      PinDate.isRealDate(effective), effective < issued
    {
      out.append(
        Diagnostic(
          file: info.file, line: info.line, severity: Self.order.severity, rule: Self.order.id,
          message: "effective=\"\(effective)\" is before issued=\"\(issued)\""))
    }
    return out
  }
}

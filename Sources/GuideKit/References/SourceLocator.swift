/// Where a revision of a reference source lives, and what its path says (DESIGN.md "Sources"):
/// the one reading of store paths and e-Gov names, and the one way back from a revision to its
/// file.
///
/// - e-Gov laws: `<LawId>/<LawId>_<YYYYMMDD>_<AmendingLawId>.xml` (a file of that name anywhere
///   in a registry folder counts); the revision is `YYYYMMDD_AmendingLawId`, in force on
///   `YYYY-MM-DD`.
/// - Declared sources (OSCAL catalogs, clause sets): `<source-id>/<revision>.xml`; their in-force
///   date is in the document, not the name.
public struct SourceLocator: Hashable, Sendable {
  /// The LawId, or the declared source's id (the file's folder).
  public var source: String
  /// `YYYYMMDD_AmendingLawId` for e-Gov, the file's base name otherwise (`rev4`, `2021`).
  public var revision: String
  /// The in-force date `YYYY-MM-DD` (e-Gov revisions only).
  public var inForce: String?
  public var kind: SourceKind

  public init(source: String, kind: SourceKind, revision: String, inForce: String? = nil) {
    self.source = source
    self.kind = kind
    self.revision = revision
    self.inForce = inForce
  }

  /// An e-Gov revision id as the API writes it, `<LawId>_<YYYYMMDD>_<AmendingLawId>`: the LawId
  /// and amending LawId ASCII letters and digits (the LawId starting with a digit), the date a
  /// real day. Nil otherwise.
  public init?(egovRevisionID id: some StringProtocol) {
    let fields = id.split(separator: "_", omittingEmptySubsequences: false)
    guard fields.count == 3 else { return nil }
    let (lawID, date, amending) = (fields[0], fields[1], fields[2])
    func isIDCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
    guard !lawID.isEmpty, lawID.allSatisfy(isIDCharacter), lawID.first?.isNumber == true,
      !amending.isEmpty, amending.allSatisfy(isIDCharacter),
      date.allSatisfy({ $0.isASCII && $0.isNumber }), let day = CalendarDay(compact: date)
    else { return nil }
    self.init(source: String(lawID), kind: .egov, revision: "\(date)_\(amending)", inForce: day.description)
  }

  /// The e-Gov file name that ends `path`, `<LawId>_<YYYYMMDD>_<AmendingLawId>.xml`; nil for any
  /// other name.
  public init?(egovFile path: String) {
    let name = path.lastPathPart
    guard name.hasSuffix(".xml") else { return nil }
    self.init(egovRevisionID: name.dropLast(4))
  }

  /// A file of a registry folder: an e-Gov file name, else `<source-id>/<revision>.xml`.
  /// - Parameter kind: the kind a non-e-Gov file is taken for.
  public init?(path: String, declaredKind kind: SourceKind = .oscal) {
    if let egov = SourceLocator(egovFile: path) {
      self = egov
      return
    }
    let folder = path.parentPath.lastPathPart
    let stem = path.lastPathPart.removingPathExtension
    guard !folder.isEmpty, !stem.isEmpty else { return nil }
    self.init(source: folder, kind: kind, revision: stem)
  }

  /// The file of this revision, relative to the store.
  public var relativePath: String {
    switch kind {
    case .egov: "\(source)/\(source)_\(revision).xml"
    case .oscal, .guideline: "\(source)/\(revision).xml"
    }
  }

  public var isLaw: Bool { kind == .egov }
}

/// A citation recognised in prose: what it cites and where it stands in the text.
public struct Citation: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// A provision of a law (e-Gov LawId + provision path).
    case law
    /// A control of an OSCAL catalog (`ac-17.2`).
    case control
    /// A clause of a clause set in the guideline vocabulary (the ICT catalog).
    case clause
  }

  /// Why a recognised citation cannot be linked.
  public enum Problem: Sendable, Hashable {
    /// The law's title is in no table and no store: reported, never guessed.
    case unknownTitle(String)
    /// 附則: supplementary provisions are outside the main-provision ids.
    case supplementary
    /// An anaphor (同法, 前条…) with nothing to refer to, or one that needs the law's article
    /// list; the message says which.
    case unresolved(String)
  }

  public var kind: Kind
  /// Where the citation stands in the text: the words a `<ref>` would wrap (「労働基準法第32条」,
  /// 「同法第26条」, 「第10条」 after a list connector, 「NIST SP 800-53 AC-17」). For a provision
  /// implied by a range, the whole range.
  public var range: Range<String.Index>
  /// LawId, catalog id or clause-set id; nil when the law is unknown.
  public var source: String?
  /// `Art38_2/Para1/Item3`, `ac-17.2`, `im-auth-01`; nil for 附則 and unresolved anaphora.
  public var provision: String?
  public var problem: Problem?
  /// True for a provision between the two ends of a range (第32条から第32条の5まで): cited, but
  /// with no words of its own to wrap.
  public var impliedByRange: Bool
  /// A revision the text names (「Rev.5」 → `rev5`), for choosing a pin.
  public var revisionHint: String?

  public init(
    kind: Kind, range: Range<String.Index>, source: String?, provision: String?, problem: Problem? = nil,
    impliedByRange: Bool = false, revisionHint: String? = nil
  ) {
    self.kind = kind
    self.range = range
    self.source = source
    self.provision = provision
    self.problem = problem
    self.impliedByRange = impliedByRange
    self.revisionHint = revisionHint
  }

  /// True when the citation names one provision of a known source and can be linked.
  public var isResolved: Bool { problem == nil && source != nil && provision != nil }

  /// The problem in words, for diagnostics.
  public var problemDescription: String? {
    switch problem {
    case .unknownTitle(let title):
      "「\(title)」 is not in the law-title table (law-titles.json) nor in the reference store: add it with its LawId"
    case .supplementary:
      "附則 (supplementary provisions) is outside the main-provision ids guidekit links; cite it by hand"
    case .unresolved(let why): why
    case nil: nil
    }
  }
}

import FoundationEssentials
import Synchronization

/// Options of an impact check.
public struct ImpactOptions: Sendable {
  /// `YYYY-MM-DD`: the day whose laws in force are compared (default today in Japan).
  public var asOf: String
  public var text: TextDiffOptions

  public init(asOf: String = PinDate.today(), text: TextDiffOptions = .init()) {
    self.asOf = asOf
    self.text = text
  }
}

/// Checks every `<ref>` of guideline editions against the revisions of its source
/// (DESIGN.md "impact").
///
/// Each source revision is parsed once (the registry caches it); the alignment of two revisions
/// of a source, which finds where a renumbered article went, is computed once per pair.
public final class ImpactChecker: Sendable {
  public let registry: ReferenceRegistry
  public let options: ImpactOptions
  /// Guideline editions that refs may cite (source = guideline id).
  let guidelines: [String: [ClauseTree]]
  private let alignments = Memo<String, [String: String]>()
  private let indexes = Memo<String, [String: LocatedUnit]>()
  private let comparisons = Memo<String, Comparison>()

  /// The units of a tree by id, built once per tree (file) and shared by every reference to it.
  func index(_ tree: ClauseTree) -> [String: LocatedUnit] {
    indexes.value(for: tree.info.file + "\u{1F}" + tree.info.version) { tree.unitsByID() }
  }

  public init(registry: ReferenceRegistry, options: ImpactOptions, guidelines: [ClauseTree] = []) {
    self.registry = registry
    self.options = options
    self.guidelines = Dictionary(grouping: guidelines, by: { $0.info.id })
  }

  /// Checks the citations of `trees`, in parallel.
  public func check(_ trees: [ClauseTree]) -> ImpactReport {
    var collected: [(ClauseTree, Reference, LocatedUnit)] = []
    for tree in trees {
      for (reference, located) in tree.allReferences() { collected.append((tree, reference, located)) }
    }
    let jobs = collected
    var all = Parallel.map(jobs.count, work: nil) { index in
      let (tree, reference, located) = jobs[index]
      return check(reference, in: tree, unit: located)
    }
    all.sort { ($0.file, $0.line, $0.provision) < ($1.file, $1.line, $1.provision) }
    let cited = Set(all.map(\.source))
    let missing = cited.filter { registry.sources[$0] == nil && guidelines[$0] == nil }.sorted()
    return ImpactReport(all: all, asOf: options.asOf, missingSources: missing)
  }

  /// Checks one citation.
  public func check(_ reference: Reference, in tree: ClauseTree, unit located: LocatedUnit)
    -> ImpactFinding
  {
    evaluate(reference, in: tree, unit: located, target: nil)
  }

  /// Compares a citation's provision at its pin with another revision of its source (named by a
  /// revision id or date, like a pin), instead of the latest in force; no upcoming check.
  public func check(
    _ reference: Reference, in tree: ClauseTree, unit located: LocatedUnit, against targetPin: String
  ) -> ImpactFinding {
    evaluate(reference, in: tree, unit: located, target: targetPin)
  }

  private func evaluate(
    _ reference: Reference, in tree: ClauseTree, unit located: LocatedUnit, target: String?
  ) -> ImpactFinding {
    let clause = located.unit
    func finding(_ outcome: ImpactFinding.Outcome, _ label: String, _ message: String) -> ImpactFinding {
      ImpactFinding(
        file: tree.info.file, line: reference.line, clause: clause.id, clauseNum: clause.num,
        clauseTitle: clause.title, guideline: tree.info.id, reference: reference,
        provisionLabel: label, outcome: outcome, message: message)
    }
    let fallbackLabel = reference.label.isEmpty ? "\(reference.source) \(reference.provision)" : reference.label

    if let pin = reference.pin, PinDate.isDate(pin), !PinDate.isRealDate(pin) {
      return finding(.unresolved, fallbackLabel, "malformed pin \"\(pin)\": not a real date")
    }
    let revisions: [ReferenceRegistry.Revision]
    if let known = registry.sources[reference.source] {
      revisions = known
    } else if guidelines[reference.source] != nil {
      return checkGuidelineReference(reference, finding: finding, fallbackLabel: fallbackLabel)
    } else if registry.isFetchable(reference.source) {
      return finding(
        .notFetched, fallbackLabel, "source \(reference.source) not fetched: run `guidekit sources fetch`")
    } else {
      return finding(
        .unresolved, fallbackLabel,
        "source \"\(reference.source)\" is not in the reference registry (\(registry.folders.joined(separator: ", "))) and not declared in its \(SourceManifest.fileName)"
      )
    }
    guard let pin = reference.pin else {
      return finding(
        .unverifiable, fallbackLabel, "no pin: say which revision the clause was checked against (pin=\"…\")")
    }
    guard let pinned = registry.revision(source: reference.source, pin: pin) else {
      let known = revisions.map { r in r.date.map { "\(r.id) (\($0))" } ?? r.id }.joined(separator: ", ")
      return finding(
        .unverifiable, fallbackLabel, "pinned revision \"\(pin)\" is not in the registry; available: \(known)")
    }
    let pinnedTree: ClauseTree
    do {
      pinnedTree = try registry.load(pinned)
    } catch {
      return finding(.unresolved, fallbackLabel, "cannot read \(pinned.path): \(error.description)")
    }
    let label = provisionLabel(reference, tree: pinnedTree)
    guard let cited = index(pinnedTree)[reference.provision] else {
      return finding(
        .unresolved, label,
        "\(pinnedTree.info.title.isEmpty ? reference.source : pinnedTree.info.title) revision \(pinned.id) has no provision \"\(reference.provision)\""
      )
    }
    var result = finding(.current, label, "")
    result.pinnedRevision = pinned.id
    result.pinnedDate = pinned.date ?? pinnedTree.info.effective

    var latest = registry.latest(source: reference.source, asOf: options.asOf) ?? pinned
    if let target {
      guard let chosen = registry.revision(source: reference.source, pin: target) else {
        result.outcome = .unverifiable
        result.message = "revision \"\(target)\" is not in the registry"
        return result
      }
      latest = chosen
    } else if ReferenceRegistry.older(latest, pinned) {
      latest = pinned
    }
    result.latest = latest.id
    if latest.path != pinned.path {
      do {
        let latestTree = try registry.load(latest)
        result.latestDate = latest.date ?? latestTree.info.effective
        compare(cited, in: pinnedTree, with: latestTree, reference: reference, into: &result)
      } catch {
        result.outcome = .unresolved
        result.message = "cannot read \(latest.path): \(error.description)"
      }
    } else {
      result.latestDate = result.pinnedDate
    }
    if result.status == .current {
      result.message = "unchanged since \(pinned.id)"
      if target == nil { checkUpcoming(cited, pinnedTree: pinnedTree, reference: reference, into: &result) }
    }
    return result
  }

  /// What comparing a cited provision with its counterpart in another revision found; nil fields
  /// leave the finding as it was.
  private struct Comparison: Sendable {
    var outcome: ImpactFinding.Outcome?
    var message: String?
    var segments: [TextSegment]?
  }

  /// Compares the cited unit of `old` with its counterpart in `new`, setting status, message,
  /// latestProvision and segments. Computed once per provision and pair of revisions: a
  /// provision cited by many clauses is diffed once.
  private func compare(
    _ cited: LocatedUnit, in old: ClauseTree, with new: ClauseTree, reference: Reference,
    into result: inout ImpactFinding
  ) {
    let key = old.info.file + "\u{1F}" + new.info.file + "\u{1F}" + reference.provision
    let comparison = comparisons.value(for: key) {
      compare(cited, in: old, with: new, provision: reference.provision)
    }
    if let outcome = comparison.outcome { result.outcome = outcome }
    if let message = comparison.message { result.message = message }
    if let segments = comparison.segments { result.segments = segments }
  }

  private func compare(
    _ cited: LocatedUnit, in old: ClauseTree, with new: ClauseTree, provision: String
  ) -> Comparison {
    var result = Comparison()
    let (top, rest) = Self.split(provision, kind: old.info.kind)
    let newIndex = index(new)
    let mapped = alignment(old: old, new: new)[top]
    guard let mappedTop = mapped, let newTop = newIndex[mappedTop] else {
      result.outcome = .deleted(movedTo: nil)
      result.message = "\(top) is no longer in \(new.info.version)"
      return result
    }
    let newProvision = mappedTop + rest
    guard let counterpart = newIndex[newProvision] else {
      result.outcome = .deleted(movedTo: nil)
      result.message = "\(provision) is no longer in \(new.info.version)"
      return result
    }
    if newTop.unit.properties["status"] == "withdrawn", cited.unit.properties["status"] != "withdrawn" {
      let successors = newTop.unit.links.successors
      result.outcome = .withdrawn(successors: successors)
      let names = successors.map { "\($0.rel) \($0.target)" }.joined(separator: ", ")
      result.message = "withdrawn in \(new.info.version)" + (names.isEmpty ? "" : " (\(names))")
      return result
    }
    let oldText = DiffText.lines(of: cited.unit).joined(separator: "\n")
    let newText = DiffText.lines(of: counterpart.unit).joined(separator: "\n")
    if Self.isDeletedText(newText, title: counterpart.unit.title)
      && !Self.isDeletedText(oldText, title: cited.unit.title)
    {
      result.outcome = .deleted(movedTo: newProvision != provision ? newProvision : nil)
      result.message = "reduced to 削除 in \(new.info.version)"
      return result
    }
    let same = TextDiff.isEquivalent(oldText, newText, options: options.text)
    if !same {
      result.outcome = .modified(movedTo: newProvision != provision ? newProvision : nil)
      result.segments = TextDiff.segments(old: oldText, new: newText, options: options.text)
      result.message =
        "text changed in \(new.info.version)"
        + (newProvision != provision ? "; it now stands as \(newProvision)" : "")
    } else if newProvision != provision {
      result.outcome = .renumbered(to: newProvision)
      result.message = "the cited text now stands as \(newProvision) in \(new.info.version)"
    }
    return result
  }

  /// Reports a scheduled revision that changes a provision still current.
  private func checkUpcoming(
    _ cited: LocatedUnit, pinnedTree: ClauseTree, reference: Reference, into result: inout ImpactFinding
  ) {
    for revision in registry.upcoming(source: reference.source, after: options.asOf) {
      let future: ClauseTree
      do {
        future = try registry.load(revision)
      } catch {
        // A scheduled revision that cannot be read may change the provision: not current.
        result.outcome = .unresolved
        result.message = "cannot read \(revision.path): \(error.description)"
        return
      }
      var probe = result
      compare(cited, in: pinnedTree, with: future, reference: reference, into: &probe)
      if probe.status != .current {
        result.outcome = .upcoming(
          revision: revision.id, date: revision.date ?? future.info.effective, movedTo: probe.latestProvision)
        result.segments = probe.segments
        result.message =
          "unchanged on \(options.asOf), but revision \(revision.id) in force from \(result.upcomingDate ?? "?") changes it: \(probe.message)"
        return
      }
    }
  }

  private func checkGuidelineReference(
    _ reference: Reference, finding: (ImpactFinding.Outcome, String, String) -> ImpactFinding,
    fallbackLabel: String
  ) -> ImpactFinding {
    let editions = (guidelines[reference.source] ?? []).sorted { NaturalOrder.less($0.info.version, $1.info.version) }
    guard let latest = editions.last else {
      return finding(.unresolved, fallbackLabel, "no edition of \(reference.source)")
    }
    guard let pin = reference.pin else {
      return finding(.unverifiable, fallbackLabel, "no pin")
    }
    guard let pinned = editions.first(where: { $0.info.version == pin }) else {
      return finding(
        .unverifiable, fallbackLabel,
        "edition \(pin) of \(reference.source) is not here; editions: \(editions.map(\.info.version).joined(separator: ", "))"
      )
    }
    let label = "\(pinned.info.title) \(index(pinned)[reference.provision]?.unit.heading ?? reference.provision)"
    guard let cited = index(pinned)[reference.provision] else {
      return finding(.unresolved, fallbackLabel, "\(reference.source) \(pin) has no clause \"\(reference.provision)\"")
    }
    var result = finding(.current, label, "unchanged since \(pin)")
    result.pinnedRevision = pin
    result.latest = latest.info.version
    result.pinnedDate = pinned.info.effective ?? pinned.info.issued
    result.latestDate = latest.info.effective ?? latest.info.issued
    if latest.info.version != pin {
      compare(cited, in: pinned, with: latest, reference: reference, into: &result)
      if result.status == .current { result.message = "unchanged since \(pin)" }
    }
    return result
  }

  /// The alignment of two revisions, computed once per pair.
  func alignment(old: ClauseTree, new: ClauseTree) -> [String: String] {
    alignments.value(for: old.info.file + "\u{1F}" + new.info.file) {
      DocumentDiffer.alignment(old: old, new: new, options: DiffOptions(text: options.text))
    }
  }

  /// A law provision `Art38_2/Para1` splits into the article `Art38_2` (the aligned unit) and
  /// the rest `/Para1`; other sources' provisions are units of their own.
  static func split(_ provision: String, kind: DocumentKind) -> (String, String) {
    guard kind == .law, let slash = provision.firstIndex(of: "/") else { return (provision, "") }
    if provision.hasPrefix("Suppl") { return (provision, "") }
    return (String(provision[..<slash]), String(provision[slash...]))
  }

  /// 削除 alone (after the caption) marks a deleted article.
  static func isDeletedText(_ text: String, title: String?) -> Bool {
    var body = text
    if let title, body.hasPrefix(title) { body = String(body.dropFirst(title.count)) }
    let trimmed = body.filter { !$0.isWhitespace && $0 != "\u{3000}" }
    return trimmed == "削除" || trimmed.hasSuffix("削除") && trimmed.count <= 8
  }

  /// 労働安全衛生法第66条の8の3, NIST SP 800-53 AC-17, or the clause set's title and number.
  func provisionLabel(_ reference: Reference, tree: ClauseTree) -> String {
    switch tree.info.kind {
    case .law:
      return LawReader.humanLabel(lawTitle: tree.info.title, provision: reference.provision)
    case .catalog:
      let num = index(tree)[reference.provision]?.unit.num ?? reference.provision.uppercased()
      let short = reference.source == "nist-sp800-53" ? "NIST SP 800-53" : tree.info.title
      return "\(short) \(num)"
    case .guideline:
      let unit = index(tree)[reference.provision]?.unit
      return "\(tree.info.title) \(unit?.heading ?? reference.provision)"
    }
  }
}

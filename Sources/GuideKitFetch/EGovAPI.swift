import FoundationEssentials
import GuideKit

/// The e-Gov 法令API Version 2 (e-Gov's `lawapi-v2.yaml`): a law's revisions and each
/// revision's law XML.
public struct EGovAPI: Sendable {
  public static let defaultBase = "https://laws.e-gov.go.jp/api/2"

  /// The API base without a trailing slash.
  public let base: String

  public init(base: String = EGovAPI.defaultBase) {
    var base = base
    while base.hasSuffix("/") { base.removeLast() }
    self.base = base
  }

  /// `GET /law_revisions/{law_id}`: the law's revisions, newest first.
  public func revisionsURL(lawID: String) -> String {
    "\(base)/law_revisions/\(lawID)?response_format=json"
  }

  /// `GET /law_file/xml/{law_revision_id}`: one revision's law XML.
  public func lawFileURL(revisionID: String) -> String {
    "\(base)/law_file/xml/\(revisionID)"
  }

  /// Lists the revisions of several laws at once (the fetcher's host gate keeps it polite).
  /// - Returns: each law's list, or why it could not be had, by LawId.
  public func revisions(of lawIDs: [String], using fetcher: HTTPFetcher) async -> [String: Result<EGovLaw, FetchError>]
  {
    await withTaskGroup(of: (String, Result<EGovLaw, FetchError>).self) { group in
      for id in lawIDs {
        group.addTask { (id, await self.result(lawID: id, using: fetcher)) }
      }
      var all: [String: Result<EGovLaw, FetchError>] = [:]
      while let (id, result) = await group.next() { all[id] = result }
      return all
    }
  }

  private func result(lawID: String, using fetcher: HTTPFetcher) async -> Result<EGovLaw, FetchError> {
    do {
      return .success(try await revisions(lawID: lawID, using: fetcher))
    } catch {
      return .failure(error)
    }
  }

  /// Lists a law's revisions.
  /// - Throws: ``FetchError`` naming the URL and, for an error status, the API's `error_info`.
  public func revisions(lawID: String, using fetcher: HTTPFetcher) async throws(FetchError) -> EGovLaw {
    let url = revisionsURL(lawID: lawID)
    let response = try await fetcher.get(url, headers: [("Accept", "application/json")])
    guard response.status == 200 else {
      throw FetchError(
        url: url, reason: "HTTP \(response.status)\(HTTPFetcher.apiMessage(response))", status: response.status)
    }
    let decoded: EGovLaw
    do {
      decoded = try JSONDecoder().decode(EGovLaw.self, from: response.body)
    } catch {
      throw FetchError(url: url, reason: "not a law_revisions response: \(error)")
    }
    for revision in decoded.revisions where !revision.lawRevisionID.hasPrefix(lawID + "_") {
      throw FetchError(
        url: url, reason: "the response lists revision \(revision.lawRevisionID), which is not of law \(lawID)")
    }
    return decoded
  }
}

/// `law_revisions_response`: `law_info` and `revisions` (newest first).
public struct EGovLaw: Decodable, Sendable, Equatable {
  public var lawID: String
  public var revisions: [EGovRevision]

  enum CodingKeys: String, CodingKey {
    case lawInfo = "law_info"
    case revisions
  }

  enum InfoKeys: String, CodingKey {
    case lawID = "law_id"
  }

  public init(lawID: String, revisions: [EGovRevision]) {
    self.lawID = lawID
    self.revisions = revisions
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let info = try container.nestedContainer(keyedBy: InfoKeys.self, forKey: .lawInfo)
    lawID = try info.decode(String.self, forKey: .lawID)
    revisions = try container.decode([EGovRevision].self, forKey: .revisions)
  }

  /// The law's title in its newest revision.
  public var title: String? { revisions.first?.title }
}

/// One item of `revisions` (the API's `revision_info`).
public struct EGovRevision: Decodable, Sendable, Equatable {
  /// `<LawId>_<YYYYMMDD>_<AmendingLawId>`.
  public var lawRevisionID: String
  public var title: String?
  public var abbreviation: String?
  /// `amendment_enforcement_date`, `YYYY-MM-DD`; nil for a revision whose date is not fixed.
  public var enforcementDate: String?
  /// `CurrentEnforced`, `PreviousEnforced`, `UnEnforced` (未施行) or `Repeal`.
  public var status: String?

  enum CodingKeys: String, CodingKey {
    case lawRevisionID = "law_revision_id"
    case title = "law_title"
    case abbreviation = "abbrev"
    case enforcementDate = "amendment_enforcement_date"
    case status = "current_revision_status"
  }

  public init(lawRevisionID: String, title: String? = nil, enforcementDate: String?, status: String?) {
    self.lawRevisionID = lawRevisionID
    self.title = title
    self.enforcementDate = enforcementDate
    self.status = status
  }

  /// The part after the LawId, `YYYYMMDD_AmendingLawId`: the revision id pins use (the whole id
  /// when it is not of e-Gov's form).
  public var revisionID: String {
    SourceLocator(egovRevisionID: lawRevisionID)?.revision ?? lawRevisionID
  }

  /// The in-force date: the API's, else the date in the revision id.
  public var inForce: String? {
    if let date = enforcementDate, PinDate.isDate(date) { return date }
    return SourceLocator(egovRevisionID: lawRevisionID)?.inForce
  }

  public var isUnenforced: Bool { status == "UnEnforced" }
}

/// Which revisions of a law to hold: every revision from the earliest one a pin names up to
/// the newest, 未施行 included (DESIGN.md "Sources").
public struct RevisionPlan: Sendable, Equatable {
  /// The revisions to hold, newest first.
  public var revisions: [EGovRevision]
  /// Pins that name no listed revision.
  public var unmatchedPins: [String]

  /// - Parameters:
  ///   - revisions: the API's list, newest first.
  ///   - pins: revision ids (`YYYYMMDD_AmendingLawId`) or dates (`YYYY-MM-DD`: the revision in
  ///     force that day).
  ///   - today: `YYYY-MM-DD`; without pins, the revision in force today is the earliest held.
  public init(revisions: [EGovRevision], pins: [String], today: String) {
    let listed = revisions.filter { $0.status != "Repeal" || $0.inForce != nil }
    var earliest: Int?
    var unmatched: [String] = []
    for pin in pins {
      guard let index = Self.index(of: pin, in: listed) else {
        unmatched.append(pin)
        continue
      }
      earliest = max(earliest ?? index, index)
    }
    if earliest == nil {
      // No pin resolved: the revision in force today (else the oldest listed).
      earliest = Self.index(of: today, in: listed) ?? (listed.isEmpty ? nil : listed.count - 1)
      if !unmatched.isEmpty, !listed.isEmpty { earliest = listed.count - 1 }
    }
    self.revisions = earliest.map { Array(listed[0...$0]) } ?? []
    self.unmatchedPins = unmatched
  }

  /// The list index (newest first) of the revision a pin names.
  static func index(of pin: String, in revisions: [EGovRevision]) -> Int? {
    if let exact = revisions.firstIndex(where: { $0.revisionID == pin || $0.lawRevisionID == pin }) {
      return exact
    }
    guard PinDate.isDate(pin) else { return nil }
    // In force on that day: the newest revision whose in-force date is on or before it.
    return revisions.firstIndex { revision in (revision.inForce ?? "9999-99-99") <= pin }
  }
}

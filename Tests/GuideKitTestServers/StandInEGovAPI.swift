import Crypto
import Foundation
import Synchronization

/// A stand-in for the e-Gov 法令API Version 2, written from e-Gov's `lawapi-v2.yaml`, serving law
/// files named by their `law_revision_id` (`<LawId>_<YYYYMMDD>_<AmendingLawId>.xml`):
///
/// - `GET /api/2/law_revisions/{law_id}`: `law_info` and `revisions`, newest first, as JSON or
///   (with `response_format=xml` or `Accept: application/xml`) as XML; a revision in force after
///   `today` is `UnEnforced`, the newest before it `CurrentEnforced`, older ones `PreviousEnforced`;
/// - `GET /api/2/law_file/xml/{law_revision_id}`: the file, with an `ETag`, and `304` for a
///   matching `If-None-Match`;
/// - `GET /static/{name}`: any other file given (OSCAL catalogs);
/// - errors as `error_info` (`{"code", "message"}`).
///
/// Faults are queued per path and used up in order, one per request.
public final class StandInEGovAPI: Sendable {
  public let server: TestHTTPServer
  private let faults = Shared<[String: [TestAction]]>([:])
  private let substitutes = Shared<[String: Data]>([:])

  /// - Parameters:
  ///   - lawFiles: law XML files named by e-Gov's rule.
  ///   - staticFiles: files served under `/static/` by their names.
  ///   - today: `YYYY-MM-DD`, which decides each revision's status.
  public init(
    lawFiles: [String], staticFiles: [String: String] = [:], today: String,
    tls: (certificate: String, key: String)? = nil
  ) throws {
    var laws: [String: [LawFile]] = [:]
    for path in lawFiles {
      let name = (path as NSString).lastPathComponent
      let stem = name.hasSuffix(".xml") ? String(name.dropLast(4)) : name
      let parts = stem.split(separator: "_")
      guard parts.count == 3 else { continue }
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      let date = "\(parts[1].prefix(4))-\(parts[1].dropFirst(4).prefix(2))-\(parts[1].suffix(2))"
      laws[String(parts[0]), default: []].append(
        LawFile(revisionID: stem, amending: String(parts[2]), date: date, data: data, title: Self.title(of: data)))
    }
    let statics = try staticFiles.mapValues { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    let sortedLaws = laws.mapValues { $0.sorted { $0.date > $1.date } }
    let faults = self.faults
    let substitutes = self.substitutes
    server = try TestHTTPServer(tls: tls) { request in
      if let fault = faults.withLock({ table -> TestAction? in
        guard var queue = table[request.path], !queue.isEmpty else { return nil }
        let first = queue.removeFirst()
        table[request.path] = queue
        return first
      }) {
        return fault
      }
      return Self.answer(request, laws: sortedLaws, statics: statics, substitutes: substitutes, today: today)
    }
  }

  /// The API base to pass as `--egov-api`.
  public var base: String { "\(server.origin)/api/2" }
  public func staticURL(_ name: String) -> String { "\(server.origin)/static/\(name)" }

  /// Queues actions for the next requests of `path` (`/api/2/law_file/xml/…`).
  public func inject(_ path: String, _ actions: [TestAction]) {
    faults.withLock { $0[path, default: []].append(contentsOf: actions) }
  }

  /// Serves `data` instead of the file at `path` from now on.
  public func substitute(_ path: String, with data: Data) {
    substitutes.withLock { $0[path] = data }
  }

  public func stop() { server.stop() }

  struct LawFile: Sendable {
    var revisionID: String
    var amending: String
    var date: String
    var data: Data
    var title: String
    var etag: String { "\"" + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined().prefix(32) + "\"" }
  }

  static func title(of data: Data) -> String {
    let text = String(decoding: data.prefix(200_000), as: UTF8.self)
    guard let start = text.range(of: "<LawTitle"), let close = text[start.upperBound...].firstIndex(of: ">"),
      let end = text.range(of: "</LawTitle>", range: close..<text.endIndex)
    else { return "" }
    return String(text[text.index(after: close)..<end.lowerBound])
  }

  static func answer(
    _ request: TestRequest, laws: [String: [LawFile]], statics: [String: Data], substitutes: Shared<[String: Data]>,
    today: String
  ) -> TestAction {
    guard request.method == "GET" else { return errorInfo(405, "405001", "GET のみ受け付けます。") }
    let path = request.path
    if path.hasPrefix("/static/") {
      let name = String(path.dropFirst("/static/".count))
      if let data = substitutes.withLock({ $0[path] }) ?? statics[name] {
        return .respond(status: 200, headers: [("Content-Type", "application/xml")], body: data)
      }
      return .respond(status: 404, headers: [("Content-Type", "text/plain")], body: Data("not found".utf8))
    }
    if path.hasPrefix("/api/2/law_revisions/") {
      let lawID = String(path.dropFirst("/api/2/law_revisions/".count))
      guard let files = laws[lawID] else {
        return errorInfo(404, "404001", "指定された法令ID（\(lawID)）の法令が存在しません。")
      }
      let asXML =
        request.query.contains("response_format=xml")
        || (!request.query.contains("response_format=json") && (request.header("Accept") ?? "").contains("xml"))
      return revisions(lawID: lawID, files: files, today: today, xml: asXML)
    }
    if path.hasPrefix("/api/2/law_file/xml/") {
      let revisionID = String(path.dropFirst("/api/2/law_file/xml/".count))
      let lawID = String(revisionID.prefix { $0 != "_" })
      guard let file = laws[lawID]?.first(where: { $0.revisionID == revisionID }) else {
        return errorInfo(404, "404002", "指定された法令履歴ID（\(revisionID)）の法令本文が存在しません。")
      }
      if let data = substitutes.withLock({ $0[path] }) {
        return .respond(status: 200, headers: [("Content-Type", "application/xml")], body: data)
      }
      if request.header("If-None-Match") == file.etag {
        return .respond(status: 304, headers: [("ETag", file.etag)], body: Data())
      }
      return .respond(
        status: 200, headers: [("Content-Type", "application/xml"), ("ETag", file.etag)], body: file.data)
    }
    return errorInfo(404, "404000", "指定されたURLは存在しません。")
  }

  static func errorInfo(_ status: Int, _ code: String, _ message: String) -> TestAction {
    .json(status, "{\"code\":\"\(code)\",\"message\":\"\(message)\"}")
  }

  static func revisions(lawID: String, files: [LawFile], today: String, xml: Bool) -> TestAction {
    let current = files.firstIndex { $0.date <= today }
    func status(_ index: Int) -> String {
      if files[index].date > today { return "UnEnforced" }
      return index == current ? "CurrentEnforced" : "PreviousEnforced"
    }
    let era = ["1": "Meiji", "2": "Taisho", "3": "Showa", "4": "Heisei", "5": "Reiwa"][String(lawID.prefix(1))] ?? ""
    if xml {
      var out = "<law_revisions_response><law_info><law_type>Act</law_type><law_id>\(lawID)</law_id>"
      out += "<law_num_era>\(era)</law_num_era></law_info><revisions>"
      for (index, file) in files.enumerated() {
        out += "<revision><law_revision_id>\(file.revisionID)</law_revision_id><law_title>\(file.title)</law_title>"
        out += "<amendment_enforcement_date>\(file.date)</amendment_enforcement_date>"
        out += "<amendment_law_id>\(file.amending)</amendment_law_id>"
        out += "<current_revision_status>\(status(index))</current_revision_status></revision>"
      }
      out += "</revisions></law_revisions_response>"
      return .respond(status: 200, headers: [("Content-Type", "application/xml")], body: Data(out.utf8))
    }
    let revisions: [[String: Any]] = files.enumerated().map { index, file in
      [
        "law_revision_id": file.revisionID, "law_type": "Act", "law_title": file.title, "abbrev": NSNull(),
        "amendment_enforcement_date": file.date, "amendment_law_id": file.amending,
        "amendment_type": "3", "repeal_status": "None", "mission": "New",
        "current_revision_status": status(index),
      ]
    }
    let object: [String: Any] = [
      "law_info": ["law_type": "Act", "law_id": lawID, "law_num_era": era],
      "revisions": revisions,
    ]
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    return .respond(status: 200, headers: [("Content-Type", "application/json")], body: data)
  }
}

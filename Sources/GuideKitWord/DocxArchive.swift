import Foundation
import GuideKitXML
import ZIPFoundation

/// Why a Word package could not be read. Each case names the file and, where it applies, the part.
public enum WordImportError: Error, Sendable, CustomStringConvertible {
  /// The file could not be read (missing, a folder, too large, an I/O failure).
  case unreadable(file: String, reason: String)
  /// The file is not a ZIP package at all.
  case notZip(file: String)
  /// The package breaks a limit or holds something a .docx never does (a zip bomb, `../x`).
  case hostile(file: String, part: String?, reason: String)
  /// A part the document needs is missing.
  case missingPart(file: String, part: String)
  /// A part is not well-formed XML, or declares a DTD or entities.
  case malformedPart(file: String, part: String, diagnostics: [XMLDiagnostic])

  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): error: \(reason)"
    case .notZip(let file):
      return "\(file): error: not a Word document (.docx): the file is not a ZIP package"
    case .hostile(let file, let part, let reason):
      return "\(file)\(part.map { " (\($0))" } ?? ""): error: \(reason) [security]"
    case .missingPart(let file, let part):
      return "\(file): error: not a Word document (.docx): the package has no \(part)"
    case .malformedPart(let file, let part, let diagnostics):
      let first = diagnostics.first.map { "\($0.line > 0 ? "line \($0.line): " : "")\($0.message)" } ?? "not XML"
      return "\(file) (\(part)): error: \(first)"
    }
  }
}

/// A .docx package read defensively: the parts are looked up by name and read into memory, never
/// written anywhere, under limits on the number of entries, each part's and all parts' uncompressed
/// size and the compression ratio (zip bombs). The limits are checked against what the central
/// directory claims before a part is read and again against the bytes actually inflated, so a
/// package that understates its sizes is stopped while it is read.
public struct DocxArchive {
  /// The limits a package is read under.
  public struct Limits: Sendable, Hashable {
    /// The largest .docx file accepted, in bytes.
    public var maxFileBytes: Int
    /// The most entries a package may have.
    public var maxEntries: Int
    /// The largest uncompressed part read, in bytes.
    public var maxPartBytes: Int
    /// The most uncompressed bytes read from one package, all parts together.
    public var maxTotalBytes: Int
    /// The highest ratio of uncompressed to compressed size a part may have once it is larger
    /// than `ratioFloor` bytes (XML deflates about 5 to 20 times; a bomb a thousand times).
    public var maxRatio: Int
    public var ratioFloor: Int

    public init(
      maxFileBytes: Int = 64 << 20, maxEntries: Int = 2000, maxPartBytes: Int = 32 << 20,
      maxTotalBytes: Int = 96 << 20, maxRatio: Int = 100, ratioFloor: Int = 1 << 20
    ) {
      self.maxFileBytes = maxFileBytes
      self.maxEntries = maxEntries
      self.maxPartBytes = maxPartBytes
      self.maxTotalBytes = maxTotalBytes
      self.maxRatio = maxRatio
      self.ratioFloor = ratioFloor
    }
  }

  public let file: String
  public let limits: Limits
  private let archive: Archive
  private let entries: [String: Entry]
  /// Every entry's name, in the package's order.
  public let partNames: [String]
  private var bytesRead = 0

  /// Opens `file` and checks its directory: a ZIP, within the entry limit, every name a part name.
  /// - Throws: `WordImportError`.
  public init(file: String, limits: Limits = .init()) throws(WordImportError) {
    self.file = file
    self.limits = limits
    let data: Data
    do {
      data = try XMLDocument.readInput(file: file, limits: XMLParseLimits(maxBytes: limits.maxFileBytes))
    } catch {
      switch error {
      case .tooLarge(_, let size, let limit):
        throw .hostile(
          file: file, part: nil, reason: "the file is \(size) bytes, more than the \(limit) a .docx may have")
      case .unreadable(_, let reason):
        throw .unreadable(file: file, reason: reason)
      default:
        throw .notZip(file: file)
      }
    }
    // A ZIP starts with a local file header (or, empty, with the end of central directory).
    guard data.count >= 22, data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06])
    else { throw .notZip(file: file) }
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw .notZip(file: file)
    }
    var entries: [String: Entry] = [:]
    var names: [String] = []
    for entry in archive {
      names.append(entry.path)
      if names.count > limits.maxEntries {
        throw .hostile(file: file, part: nil, reason: "the package has more than \(limits.maxEntries) entries")
      }
      guard Self.isPartName(entry.path) else {
        throw .hostile(
          file: file, part: nil,
          reason:
            "entry name '\(entry.path)' is no part name of a Word package (absolute, '..', '\\' or control characters)")
      }
      if entries[entry.path] != nil {
        throw .hostile(file: file, part: entry.path, reason: "the package holds two entries of this name")
      }
      entries[entry.path] = entry
    }
    self.archive = archive
    self.entries = entries
    partNames = names
  }

  /// True for a name a package part may have: relative, `/`-separated, no empty, `.` or `..`
  /// segment, no backslash, drive letter or control character. Names are only ever looked up.
  static func isPartName(_ name: String) -> Bool {
    guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains(":") else { return false }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
    var segments = name.split(separator: "/", omittingEmptySubsequences: false)
    if name.hasSuffix("/") { segments.removeLast() }  // a folder entry
    return segments.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }

  /// True when the package has a part of this name.
  public func contains(_ part: String) -> Bool { entries[part] != nil }

  /// The bytes of a part, or nil when the package has none of that name.
  /// - Throws: `WordImportError.hostile` when the part breaks a limit (claimed or actual).
  public mutating func read(_ part: String) throws(WordImportError) -> Data? {
    guard let entry = entries[part] else { return nil }
    guard entry.type == .file else {
      throw .hostile(
        file: file, part: part,
        reason: "the entry is a \(entry.type == .symlink ? "symbolic link" : "folder"), not a part")
    }
    let claimed = entry.uncompressedSize
    let compressed = max(entry.compressedSize, 1)
    if claimed > UInt64(limits.maxPartBytes) {
      throw .hostile(
        file: file, part: part,
        reason: "the part claims \(claimed) bytes uncompressed, more than the \(limits.maxPartBytes) a part may have")
    }
    if claimed > UInt64(limits.ratioFloor), claimed / compressed > UInt64(limits.maxRatio) {
      throw .hostile(
        file: file, part: part,
        reason:
          "the part claims a compression ratio of \(claimed / compressed):1 (a zip bomb?); the limit is \(limits.maxRatio):1"
      )
    }
    var out = Data()
    let limits = self.limits
    let already = bytesRead
    let file = self.file
    var stop: WordImportError?
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
        out.append(chunk)
        if out.count > limits.maxPartBytes {
          stop = .hostile(
            file: file, part: part,
            reason: "the part inflates past \(limits.maxPartBytes) bytes (it claims \(claimed)); reading stopped")
        } else if already + out.count > limits.maxTotalBytes {
          stop = .hostile(
            file: file, part: part,
            reason: "the parts read inflate past \(limits.maxTotalBytes) bytes in all; reading stopped")
        } else if out.count > limits.ratioFloor, out.count / Int(compressed) > limits.maxRatio {
          stop = .hostile(
            file: file, part: part,
            reason:
              "the part inflates more than \(limits.maxRatio) times its compressed size (a zip bomb); reading stopped")
        }
        if stop != nil { throw CancellationError() }
      }
    } catch {
      if let stop { throw stop }
      throw .hostile(file: file, part: part, reason: "the part cannot be read: \(error)")
    }
    bytesRead += out.count
    return out
  }

  /// A part parsed as XML with guidekit's secure defaults (no network, no DTD, no entities);
  /// nil when the package has no part of that name. A part that declares a DOCTYPE at all is
  /// refused: WordprocessingML never has one.
  /// - Throws: `WordImportError`.
  public mutating func xml(_ part: String) throws(WordImportError) -> XMLElement? {
    guard let data = try read(part) else { return nil }
    let name = "\(file):\(part)"
    if Self.declaresDoctype(data) {
      throw .hostile(
        file: file, part: part, reason: "the part declares a DOCTYPE; guidekit never reads DTDs or entities")
    }
    do {
      let document = try XMLDocument.parse(data: data, fileName: name, baseURL: "docx:/" + part)
      return document.rootElement()
    } catch {
      if error.diagnostics.contains(where: { $0.message.contains("[security]") }) {
        throw .hostile(file: file, part: part, reason: error.diagnostics.first?.message ?? "refused")
      }
      throw .malformedPart(file: file, part: part, diagnostics: error.diagnostics)
    }
  }

  /// True when `data` has `<!DOCTYPE` before its root element (UTF-8 or UTF-16).
  static func declaresDoctype(_ data: Data) -> Bool {
    let head = data.prefix(4096)
    let text: String
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
      text = String(decoding: head, as: UTF8.self).filter { $0 != "\0" }
    } else {
      text = String(decoding: head, as: UTF8.self)
    }
    guard let doctype = text.range(of: "<!DOCTYPE", options: .caseInsensitive) else { return false }
    // Only in the prolog: before the first element start.
    var rest = text[text.startIndex..<doctype.lowerBound]
    while let open = rest.firstIndex(of: "<") {
      let after = rest.index(after: open)
      if after < rest.endIndex, rest[after] != "?", rest[after] != "!" { return false }
      rest = rest[after...]
    }
    return true
  }
}

import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The image files of `<figure src>`: a relative path beside the edition that never leaves the
/// guideline's folder — no `..`, no absolute path, no symlink out — naming an SVG or PNG file.
/// Images are read as bytes only (hashed, sniffed, copied): an SVG is never parsed, so nothing it
/// references is ever fetched.
public enum FigureFiles {
  /// The largest image accepted (bytes).
  public static let maxBytes = 20 * 1024 * 1024

  /// Why an image cannot be used.
  public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
    case unsafePath, outsideFolder, missing, notRegularFile, tooLarge(Int), wrongFormat(String)

    public var description: String {
      switch self {
      case .unsafePath:
        "is not a relative path of letters, digits, '-', '_' and '/' ending in .svg or .png"
      case .outsideFolder: "leads outside the guideline's folder (through a symbolic link)"
      case .missing: "does not exist"
      case .notRegularFile: "is not a regular file"
      case .tooLarge(let bytes): "is \(bytes) bytes, more than \(FigureFiles.maxBytes)"
      case .wrongFormat(let ext): "is not a \(ext.uppercased()) file"
      }
    }
  }

  /// True for `name/name.svg` or `.png`: letters, digits, `-`, `_`, no `..`, not absolute.
  public static func isSafe(_ src: String) -> Bool {
    guard src.hasSuffix(".svg") || src.hasSuffix(".png"), !src.hasPrefix("/"), src.utf8.count <= 256 else {
      return false
    }
    let stem = src.dropLast(4)
    let parts = stem.split(separator: "/", omittingEmptySubsequences: false)
    return !parts.isEmpty
      && parts.allSatisfy { part in
        !part.isEmpty
          && part.unicodeScalars.allSatisfy { c in
            c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_")
          }
      }
  }

  /// The image's path on disk, checked: inside the folder of `edition` (symbolic links resolved),
  /// a regular file of at most `maxBytes`, whose bytes are what its extension says.
  public static func resolve(_ src: String, edition: String) -> Result<String, Problem> {
    guard isSafe(src) else { return .failure(.unsafePath) }
    let folder = edition.parentPath
    let path = folder.isEmpty ? src : folder + "/" + src
    guard let realFolder = realPath(folder.isEmpty ? "." : folder) else { return .failure(.missing) }
    guard let real = realPath(path) else { return .failure(.missing) }
    guard real.hasPrefix(realFolder + "/") else { return .failure(.outsideFolder) }
    var info = stat()
    guard stat(real, &info) == 0 else { return .failure(.missing) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
    guard Int(info.st_size) <= maxBytes else { return .failure(.tooLarge(Int(info.st_size))) }
    guard let head = prefix(real, 4096), matches(head, svg: src.hasSuffix(".svg")) else {
      return .failure(.wrongFormat(String(src.suffix(3))))
    }
    return .success(real)
  }

  /// The SHA-256 of the image, or nil when it cannot be used.
  public static func hash(_ src: String, edition: String) -> String? {
    guard case .success(let path) = resolve(src, edition: edition),
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    return SHA256.hash(data: data).hexString
  }

  /// PNG: the eight-byte signature. SVG: text whose first element (after a declaration,
  /// comments or a doctype) is `<svg`.
  static func matches(_ head: [UInt8], svg: Bool) -> Bool {
    if !svg { return head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
    let text = String(decoding: head, as: UTF8.self)
    return text.contains("<svg") && !head.contains(0)
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func prefix(_ path: String, _ count: Int) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var buffer = [UInt8](repeating: 0, count: count)
    let read = fread(&buffer, 1, count, file)
    return Array(buffer.prefix(read))
  }
}

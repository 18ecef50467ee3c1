@preconcurrency import CLibXML2
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An input file opened for the parser: checked on its descriptor (a regular file, within the
/// size limit) and then read in the chunks the parser asks for, never past the limit.
///
/// Opening does not block on a FIFO without a writer (`O_NONBLOCK`), and the checks apply to the
/// file that is read, not to whatever the path names a moment later.
final class InputFile {
  let path: String
  private var descriptor: Int32
  private let limit: Int
  /// Bytes handed to the parser so far.
  private var consumed = 0
  /// Set when reading failed or the file grew past the limit while read.
  private var failure: XMLError?

  init(path: String, limits: XMLParseLimits) throws(XMLError) {
    self.path = path
    limit = limits.maxBytes
    descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if descriptor < 0 {
      let code = errno
      throw .unreadable(
        file: path, reason: code == ENOENT || code == ENOTDIR ? "no such file" : "cannot read: \(Self.describe(code))")
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let code = errno
      close()
      throw .unreadable(file: path, reason: "cannot read: \(Self.describe(code))")
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      break
    case S_IFDIR:
      close()
      throw .unreadable(file: path, reason: "is a folder, not an XML file")
    default:
      // A FIFO or a device would block the parse or never end.
      close()
      throw .unreadable(file: path, reason: "is not a regular file")
    }
    let size = Int(status.st_size)
    if size > limit {
      close()
      throw .tooLarge(file: path, size: size, limit: limit)
    }
    if size == 0 {
      close()
      throw XMLDocument.emptyFile(path)
    }
  }

  deinit { close() }

  func close() {
    if descriptor >= 0 {
      _ = closeDescriptor(descriptor)
      descriptor = -1
    }
  }

  /// What went wrong reading, if anything.
  func error() -> XMLError? { failure }

  /// Fills `buffer` with up to `length` bytes: the count, 0 at the end, -1 on failure.
  func read(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
    guard failure == nil, descriptor >= 0 else { return -1 }
    // One byte past the limit at most, to tell a file that grew while read.
    let allowed = min(length, limit + 1 - consumed)
    var count: Int
    repeat {
      count = readDescriptor(descriptor, buffer, max(allowed, 0))
    } while count < 0 && errno == EINTR
    if count < 0 {
      failure = .unreadable(file: path, reason: "cannot read: \(Self.describe(errno))")
      return -1
    }
    consumed += count
    if consumed > limit {
      failure = .tooLarge(file: path, size: consumed, limit: limit)
      return -1
    }
    return Int32(count)
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// libxml2's read callback over an `InputFile`.
let inputFileRead: xmlInputReadCallback = { context, buffer, length in
  guard let context, let buffer else { return -1 }
  return Unmanaged<InputFile>.fromOpaque(context).takeUnretainedValue().read(into: buffer, length: Int(length))
}

// The C functions, under names the methods above do not shadow.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func readDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

extension XMLDocument {
  /// Reads a whole input file once, with the checks a parse of the file makes (a regular file,
  /// within `limits`; a file that grows while read is refused), so that every later use of the
  /// input — parses, fingerprints — works on the same bytes.
  /// - Throws: `XMLError.unreadable`, `.tooLarge`, or `.malformed` for an empty file.
  public static func readInput(file path: String, limits: XMLParseLimits = .init()) throws(XMLError) -> Data {
    let input = try InputFile(path: path, limits: limits)
    defer { input.close() }
    var data = Data()
    var chunk = [CChar](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
        guard let base = buffer.baseAddress else { return -1 }
        return input.read(into: base, length: buffer.count)
      }
      if count < 0 { throw input.error() ?? .unreadable(file: path, reason: "cannot read") }
      if count == 0 { break }
      chunk.withUnsafeBytes { data.append(contentsOf: $0.prefix(Int(count))) }
    }
    return data
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// File-system operations guidekit needs beyond Foundation.
public enum FileSystem {
  /// Atomically exchanges two existing paths (files or folders): Linux `renameat2` with
  /// `RENAME_EXCHANGE`.
  /// - Returns: false when the system cannot (no renameat2, or a file system without it).
  public static func exchange(_ a: String, _ b: String) -> Bool {
    #if os(Linux)
      guard let renameat2 = RenameAt2.function else { return false }
      return renameat2(AT_FDCWD, a, AT_FDCWD, b, RenameAt2.exchange) == 0
    #else
      return false
    #endif
  }
}

#if os(Linux)
  /// glibc's `renameat2` (since 2.28), looked up at run time: Swift's Glibc module does not
  /// declare it (its header needs `_GNU_SOURCE`), and the variadic `syscall` cannot be called
  /// from Swift.
  private enum RenameAt2 {
    typealias Function =
      @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    static let exchange: UInt32 = 1 << 1

    static let function: Function? = {
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
      return unsafeBitCast(symbol, to: Function.self)
    }()
  }
#endif

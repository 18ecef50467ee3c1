@preconcurrency import CLibXML2
import FoundationEssentials

/// File-system operations guidekit needs beyond Foundation.
public enum FileSystem {
  /// Atomically exchanges two existing paths (files or folders).
  /// - Returns: false when the system cannot (no renameat2, or another file system).
  public static func exchange(_ a: String, _ b: String) -> Bool {
    gk_rename_exchange(a, b) == 0
  }
}

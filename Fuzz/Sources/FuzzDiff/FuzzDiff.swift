import Foundation
import GuideKit
import GuideKitXML

/// libFuzzer entry point: the input is two documents separated by the first NUL byte (which no
/// XML document contains); both are parsed and read, then `DocumentDiffer.diff` compares them
/// and the delta document is built. Errors (mixed kinds, malformed input) are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiff(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: start, count: count)
  guard let separator = bytes.firstIndex(of: 0) else { return 0 }
  let old = Data(bytes[..<separator])
  let new = Data(bytes[(separator + 1)...])
  guard let a = try? XMLDocument.parse(data: old, fileName: "old.xml"),
    let b = try? XMLDocument.parse(data: new, fileName: "new.xml"),
    let oldTree = try? DocumentLoader.read(a),
    let newTree = try? DocumentLoader.read(b)
  else { return 0 }
  if let diff = try? DocumentDiffer.diff(old: oldTree, new: newTree) {
    _ = DeltaDocument.xml(diff).count
  }
  return 0
}

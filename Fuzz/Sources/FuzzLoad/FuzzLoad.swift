import Foundation
import GuideKit
import GuideKitXML

/// libFuzzer entry point: arbitrary bytes → secure parse → DocumentLoader (all three readers:
/// guideline, e-Gov law, OSCAL catalog) → ClauseTree. Errors are expected; crashes, leaks,
/// hangs and unbounded memory are findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoad(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  guard let document = try? XMLDocument.parse(data: data, fileName: "fuzz.xml") else { return 0 }
  if let tree = try? DocumentLoader.read(document) {
    // Touch the results so that nothing is optimised away.
    _ = tree.info.id.count + tree.info.title.count
  }
  return 0
}

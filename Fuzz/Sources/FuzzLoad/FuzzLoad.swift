import Foundation
import GuideKit
import GuideKitXML

/// libFuzzer entry point: arbitrary bytes → secure parse → DocumentLoader (all three readers:
/// guideline, e-Gov law, OSCAL catalog) → ClauseTree. Errors are expected; crashes, leaks,
/// hangs and unbounded memory are findings. Laws are also read while parsing (the streaming
/// path `DocumentLoader.load(data:fileName:)` takes): both readings must give the same tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoad(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  let streamed = try? DocumentLoader.load(data: data, fileName: "fuzz.xml")
  guard let document = try? XMLDocument.parse(data: data, fileName: "fuzz.xml") else {
    if streamed != nil { fatalError("the streaming load accepted what the parser refused") }
    return 0
  }
  let tree = try? DocumentLoader.read(document)
  if streamed != tree { fatalError("streaming and tree reading differ") }
  return 0
}

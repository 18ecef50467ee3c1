import Foundation
import GuideKit

/// One scratch file per fuzzing process, in memory where /dev/shm exists.
private let scratchPath: String = {
  let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  return (folder as NSString).appendingPathComponent("guidekit-fuzz-validate-\(getpid()).xml")
}()

/// libFuzzer entry point: arbitrary bytes written to a scratch file → `Validator.validate`
/// (schema and semantic rules). Findings are diagnostics; crashes, leaks and hangs are bugs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzValidate(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  guard FileManager.default.createFile(atPath: scratchPath, contents: data) else { return 0 }
  let report = Validator.validate(paths: [scratchPath])
  _ = report.diagnostics.count + Int(report.exitStatus)
  return 0
}

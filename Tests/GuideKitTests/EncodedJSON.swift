import Foundation
import Testing

@testable import GuideKit

/// A report's JSON (as `JSONOutput` writes it) read back as Foundation objects, for tests that
/// look at its keys.
func encodedJSON(_ value: some Encodable) throws -> [String: Any] {
  let object = try JSONSerialization.jsonObject(with: Data(JSONOutput.string(value).utf8))
  return try #require(object as? [String: Any])
}

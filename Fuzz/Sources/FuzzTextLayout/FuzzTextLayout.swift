import Foundation
import GuideKit

/// libFuzzer entry point for the plain-text layout. Byte 0: width (−8…247 columns), byte 1:
/// indentation (−4…59), byte 2: alignment and ambiguous width; the rest is UTF-8 (invalid
/// sequences become U+FFFD): the hanging label, a NUL, then the text.
///
/// Checks the documented contract: the layout ends, and no line ends with a space (when there
/// is no label, which is printed as given).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextLayout(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: start, count: count)
  guard bytes.count >= 3 else { return 0 }
  let width = Int(bytes[0]) - 8
  let indent = Int(bytes[1] % 64) - 4
  let flags = bytes[2]
  let alignment: TextBlock.Alignment = [.leading, .trailing, .center][Int(flags % 3)]
  let ambiguous: AmbiguousWidth = flags & 0x80 == 0 ? .narrow : .wide
  let rest = bytes[3...]
  let split = rest.firstIndex(of: 0)
  let hanging = split.map { String(decoding: rest[..<$0], as: UTF8.self) } ?? ""
  let text = String(decoding: split.map { rest[($0 + 1)...] } ?? rest, as: UTF8.self)
  let block = TextBlock(text: text, indent: indent, hanging: hanging, alignment: alignment)
  let options = TextLayoutOptions(width: width, ambiguous: ambiguous)
  let lines = TextLayout.lines(for: block, options: options)
  for line in lines where hanging.isEmpty && line.last == " " {
    fatalError("a line ends with a space: \(line.debugDescription)")
  }
  _ = TextLayout.render([block, block], options: options).count
  return 0
}

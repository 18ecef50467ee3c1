/// A lexical reader of well-formed XML bytes: start tags with their attributes, end tags, and runs
/// of character data, each with byte offsets. Comments, processing instructions, CDATA sections
/// and the document type declaration are skipped. Attribute values are returned as written
/// (entities not expanded), which is enough for the ids guideline attributes hold.
struct XMLLexer {
  enum Token {
    case start(name: String, attributes: [String: String], selfClosing: Bool)
    case end(name: String)
    /// Character data between tags, as a range of byte offsets.
    case text(Range<Int>)
  }

  let bytes: [UInt8]
  var position = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  mutating func next() -> Token? {
    while position < bytes.count {
      if bytes[position] != UInt8(ascii: "<") {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        return .text(start..<position)
      }
      if has("<!--") {
        skip(past: "-->")
      } else if has("<![CDATA[") {
        skip(past: "]]>")
      } else if has("<?") {
        skip(past: "?>")
      } else if has("<!") {
        skipDeclaration()
      } else if has("</") {
        position += 2
        let name = readName()
        skip(past: ">")
        return .end(name: name)
      } else {
        position += 1
        return startTag()
      }
    }
    return nil
  }

  private func has(_ literal: String) -> Bool {
    var k = position
    for byte in literal.utf8 {
      guard k < bytes.count, bytes[k] == byte else { return false }
      k += 1
    }
    return true
  }

  private mutating func skip(past literal: String) {
    let pattern = Array(literal.utf8)
    while position < bytes.count {
      if bytes[position] == pattern[0], position + pattern.count <= bytes.count,
        bytes[position..<(position + pattern.count)].elementsEqual(pattern)
      {
        position += pattern.count
        return
      }
      position += 1
    }
  }

  /// `<!DOCTYPE …>` with an internal subset in brackets.
  private mutating func skipDeclaration() {
    var depth = 0
    var quote: UInt8?
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if let q = quote {
        if byte == q { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: "[") {
        depth += 1
      } else if byte == UInt8(ascii: "]") {
        depth -= 1
      } else if byte == UInt8(ascii: ">"), depth <= 0 {
        return
      }
    }
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
      || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
  }

  private mutating func readName() -> String {
    let start = position
    while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func skipSpace() {
    while position < bytes.count, !Self.isNameByte(bytes[position]), bytes[position] != UInt8(ascii: ">"),
      bytes[position] != UInt8(ascii: "/"), bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "'"),
      bytes[position] != UInt8(ascii: "=")
    {
      position += 1
    }
  }

  private mutating func startTag() -> Token {
    let name = readName()
    var attributes: [String: String] = [:]
    while position < bytes.count {
      skipSpace()
      guard position < bytes.count else { break }
      let byte = bytes[position]
      if byte == UInt8(ascii: ">") {
        position += 1
        return .start(name: name, attributes: attributes, selfClosing: false)
      }
      if byte == UInt8(ascii: "/") {
        position += 1
        skip(past: ">")
        return .start(name: name, attributes: attributes, selfClosing: true)
      }
      let attribute = readName()
      skipSpace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
        if attribute.isEmpty { position += 1 }
        continue
      }
      position += 1
      skipSpace()
      guard position < bytes.count else { break }
      let quote = bytes[position]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
      position += 1
      let start = position
      while position < bytes.count, bytes[position] != quote { position += 1 }
      attributes[attribute] = String(decoding: bytes[start..<min(position, bytes.count)], as: UTF8.self)
      position += 1
    }
    return .start(name: name, attributes: attributes, selfClosing: false)
  }
}

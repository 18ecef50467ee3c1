/// An inline fixture with marked lines, in the style of swift-format's `MarkedText`: each
/// `⟨name⟩` marker is removed from the text and the 1-based line it stood on is kept under its name,
/// so that a test states where a diagnostic belongs without counting lines.
///
/// ```swift
/// let marked = MarkedText("""
///   <a>
///   ⟨1⟩<b/>
///   </a>
///   """)
/// marked.text      // "<a>\n<b/>\n</a>"
/// marked.line("1") // 2
/// ```
struct MarkedText {
  /// The text without markers.
  let text: String
  /// Marker name → 1-based line of `text` it stood on.
  let lines: [String: Int]

  init(_ marked: String) {
    var text = ""
    var lines: [String: Int] = [:]
    var line = 1
    var index = marked.startIndex
    while index < marked.endIndex {
      let character = marked[index]
      if character == "⟨", let close = marked[index...].firstIndex(of: "⟩"),
        !marked[index..<close].contains(where: \.isNewline)
      {
        let name = String(marked[marked.index(after: index)..<close])
        precondition(lines[name] == nil, "marker ⟨\(name)⟩ is used twice")
        lines[name] = line
        index = marked.index(after: close)
        continue
      }
      if character.isNewline { line += 1 }
      text.append(character)
      index = marked.index(after: index)
    }
    self.text = text
    self.lines = lines
  }

  /// The line of marker `name`; traps when the fixture has no such marker (a broken test).
  func line(_ name: String) -> Int {
    guard let line = lines[name] else { preconditionFailure("no marker ⟨\(name)⟩ in the fixture") }
    return line
  }
}

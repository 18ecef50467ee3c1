/// Finds the citations in a guideline file's text, outside and inside `<ref>`, on the file's bytes.
///
/// It reads the XML lexically (the file has been parsed by libxml2 before, so it is well-formed)
/// and keeps byte offsets, so that `link` can insert `<ref>` tags and change no other byte. Text
/// is taken from `<p>`, `<note>`, `<item>` and `<title>`; `<ref>` contents set the context for
/// anaphora; `<em>` and `<term>` text is read but not linked. Each unit (chapter, section,
/// clause, appendix) starts a new context. Entities and CDATA are not expanded: a citation
/// written with character references is not found.
public struct CitationFinder: Sendable {
  public var recognizer: CitationRecognizer

  /// Elements whose text may hold a `<ref>`.
  static let blocks: Set<String> = ["p", "note", "item", "title"]
  /// Elements that start a new context for anaphora, and whose id names the clause.
  static let units: Set<String> = ["chapter", "section", "clause", "appendix", "summary"]

  public init(recognizer: CitationRecognizer) {
    self.recognizer = recognizer
  }

  /// What the finder read from one file.
  public struct Result: Sendable {
    /// The root element's `issued` attribute.
    public var issued: String?
    /// Every citation outside a `<ref>`, in document order.
    public var citations: [FoundCitation]
  }

  private struct Segment {
    enum Kind {
      case text
      case linked(source: String, provision: String)
      case inline
    }
    var kind: Kind
    /// UTF-8 offsets in the block's text.
    var start: Int
    var end: Int
    /// UTF-8 offset in the file of `start`.
    var fileStart: Int
  }

  private struct Block {
    var text: [UInt8] = []
    var segments: [Segment] = []
    var prefix: String
  }

  /// The citations in a guideline file's bytes.
  /// - Complexity: O(n) in the bytes, times the recogniser's cost per character.
  public func find(in bytes: [UInt8]) -> Result {
    var result = Result(issued: nil, citations: [])
    var lineStarts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      for offset in 0..<buffer.count where buffer[offset] == 0x0A { lineStarts.append(offset + 1) }
    }
    func line(of offset: Int) -> Int {
      var low = 0
      var high = lineStarts.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
      }
      return low + 1
    }

    var stack: [(name: String, id: String?)] = []
    var context = CitationContext()
    var block: Block?
    var blockDepth = 0
    var pendingRef: (source: String, provision: String)?
    var inlineDepth = 0

    func flush(_ block: Block, context: inout CitationContext) {
      let text = String(decoding: block.text, as: UTF8.self)
      func index(_ offset: Int) -> String.Index { text.utf8.index(text.startIndex, offsetBy: offset) }
      var linked: [CitationRecognizer.LinkedSpan] = []
      for segment in block.segments {
        if case .linked(let source, let provision) = segment.kind {
          linked.append(.init(range: index(segment.start)..<index(segment.end), source: source, provision: provision))
        }
      }
      let clause = stack.last(where: { $0.id != nil && Self.units.contains($0.name) })?.id
      for citation in recognizer.citations(in: text, linked: linked, context: &context) {
        let start = text.utf8.distance(from: text.startIndex, to: citation.range.lowerBound)
        let end = text.utf8.distance(from: text.startIndex, to: citation.range.upperBound)
        let holder = block.segments.first { $0.start <= start && end <= $0.end }
        let fileStart = block.segments.last { $0.start <= start }.map { $0.fileStart + start - $0.start } ?? 0
        var byteRange: Range<Int>?
        if let holder, case .text = holder.kind {
          byteRange = (holder.fileStart + start - holder.start)..<(holder.fileStart + end - holder.start)
        }
        result.citations.append(
          FoundCitation(
            citation: citation, text: String(text[citation.range]), line: line(of: fileStart), clause: clause,
            byteRange: byteRange, prefix: block.prefix))
      }
    }

    var lexer = XMLLexer(bytes: bytes)
    while let token = lexer.next() {
      switch token {
      case .text(let range):
        guard var current = block else { continue }
        let kind: Segment.Kind
        if let ref = pendingRef {
          kind = .linked(source: ref.source, provision: ref.provision)
        } else {
          kind = inlineDepth > 0 ? .inline : .text
        }
        let start = current.text.count
        current.text += bytes[range]
        current.segments.append(Segment(kind: kind, start: start, end: current.text.count, fileStart: range.lowerBound))
        block = current
      case .start(let qualified, let attributes, let selfClosing):
        let (prefix, name) = Self.split(qualified)
        if name == "guideline", stack.isEmpty { result.issued = attributes["issued"] }
        if Self.units.contains(name) {
          if let current = block { flush(current, context: &context) }
          block = nil
          context = context.nextUnit()
        }
        if Self.blocks.contains(name) && !selfClosing {
          if let current = block { flush(current, context: &context) }
          block = Block(prefix: prefix.isEmpty ? "" : prefix + ":")
          blockDepth = stack.count + 1
        } else if name == "ref", block != nil, !selfClosing {
          pendingRef = (attributes["source"] ?? "", attributes["provision"] ?? "")
        } else if (name == "em" || name == "term"), block != nil, !selfClosing {
          inlineDepth += 1
        }
        if !selfClosing { stack.append((name, attributes["id"])) }
      case .end(let qualified):
        let (_, name) = Self.split(qualified)
        if name == "ref" {
          pendingRef = nil
        } else if name == "em" || name == "term" {
          inlineDepth = max(0, inlineDepth - 1)
        }
        if Self.blocks.contains(name), stack.count == blockDepth, let current = block {
          flush(current, context: &context)
          block = nil
        }
        if !stack.isEmpty { stack.removeLast() }
        if Self.units.contains(name) { context = context.nextUnit() }
      }
    }
    return result
  }

  private static func split(_ qualified: String) -> (prefix: String, name: String) {
    guard let colon = qualified.firstIndex(of: ":") else { return ("", qualified) }
    return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
  }
}

/// One left-to-right pass of `CitationRecognizer` over a text, on its Unicode scalars (cheaper
/// than characters; the citations recognised consist of single-scalar characters).
struct CitationScan {
  /// What a list connector (及び, 、, から…まで) may continue.
  struct Last {
    var start: Int
    var end: Int
    var kind: Citation.Kind
    var source: String?
    var law: CitationContext.Law?
    var provision: ProvisionCitation?
  }

  let recognizer: CitationRecognizer
  /// The control catalog bare ids belong to, and the names that introduce its ids, longest first.
  let controls: (source: String, names: [[Unicode.Scalar]])?
  /// Clause sets and the names that introduce their ids, longest first.
  let clauseSets: [(source: String, names: [[Unicode.Scalar]])]
  /// The first scalars of every catalog name, to skip the catalog matchers quickly.
  let catalogInitials: Set<UInt32>
  let chars: [Unicode.Scalar]
  /// `indices[k]` is the `String.Index` of `chars[k]`; one more for the end.
  let indices: [String.Index]
  var context: CitationContext
  /// Linked spans by start offset: end offset, source, provision.
  var linked: [Int: (end: Int, source: String, provision: String)] = [:]
  /// `linkedBefore[k]`: how many characters before `k` are inside linked spans (empty when the
  /// text has no linked span).
  var linkedBefore: [Int] = []
  var found: [Citation] = []
  var last: Last?

  init(recognizer: CitationRecognizer, text: String, context: CitationContext, linked: [CitationRecognizer.LinkedSpan])
  {
    self.recognizer = recognizer
    self.context = context
    func names(_ catalog: LawTitleTable.Catalog) -> [[Unicode.Scalar]] {
      catalog.names.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }
    let catalogs = recognizer.titles.catalogs
    controls = catalogs.first { $0.kind == .oscal }.map { ($0.source, names($0)) }
    clauseSets = catalogs.filter { $0.kind == .clauses }.map { ($0.source, names($0)) }
    catalogInitials = Set(catalogs.flatMap { $0.names.compactMap { $0.unicodeScalars.first?.value } })
    var chars: [Unicode.Scalar] = []
    var indices: [String.Index] = []
    let view = text.unicodeScalars
    var index = view.startIndex
    while index < view.endIndex {
      chars.append(view[index])
      indices.append(index)
      view.formIndex(after: &index)
    }
    indices.append(text.endIndex)
    self.chars = chars
    self.indices = indices
    guard !linked.isEmpty else { return }
    var mask = [Bool](repeating: false, count: chars.count)
    for span in linked {
      let start = Self.offset(of: span.range.lowerBound, in: indices)
      let end = Self.offset(of: span.range.upperBound, in: indices)
      self.linked[start] = (end, span.source, span.provision)
      for k in start..<end { mask[k] = true }
    }
    var before = [0]
    before.reserveCapacity(chars.count + 1)
    for flag in mask { before.append(before[before.count - 1] + (flag ? 1 : 0)) }
    linkedBefore = before
  }

  /// True when a character of `start..<end` is inside a linked span: nothing is recognised there.
  func overlapsLinked(_ start: Int, _ end: Int) -> Bool {
    !linkedBefore.isEmpty && linkedBefore[end] - linkedBefore[start] > 0
  }

  private static func offset(of index: String.Index, in indices: [String.Index]) -> Int {
    var low = 0
    var high = indices.count - 1
    while low < high {
      let mid = (low + high) / 2
      if indices[mid] < index { low = mid + 1 } else { high = mid }
    }
    return low
  }

  mutating func run() {
    var i = 0
    context.sentence += 1
    while i < chars.count {
      if chars[i] == "。" { context.sentence += 1 }
      if !linkedBefore.isEmpty, linkedBefore[i + 1] > linkedBefore[i], let span = linked[i] {
        linkedReference(start: i, end: span.end, source: span.source, provision: span.provision)
        i = max(span.end, i + 1)
        continue
      }
      // Matchers tried one by one (an `??` chain of mutating calls copies the scan each time).
      var matched = continuation(at: i)
      if matched == nil { matched = law(at: i) }
      if matched == nil { matched = control(at: i) }
      if matched == nil { matched = clause(at: i) }
      if let next = matched {
        // Never step over the start of a linked span: its context must be read.
        var stop = max(next, i + 1)
        if !linkedBefore.isEmpty, linkedBefore[stop] > linkedBefore[i + 1] {
          var k = i + 1
          while k < stop, linked[k] == nil { k += 1 }
          stop = k
        }
        i = stop
        continue
      }
      i += 1
    }
  }

  private mutating func linkedReference(start: Int, end: Int, source: String, provision: String) {
    context.cite(source: source, provision: provision)
    let kind: Citation.Kind
    if LawID.looksLikeLawID(source) {
      kind = .law
    } else if recognizer.titles.catalogs.contains(where: { $0.source == source && $0.kind == .oscal }) {
      kind = .control
    } else {
      kind = .clause
    }
    last = Last(
      start: start, end: end, kind: kind, source: source, law: kind == .law ? .known(source) : nil,
      provision: ProvisionCitation(provisionPath: provision))
  }

  // MARK: - Text helpers

  func has(_ word: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + word.count <= chars.count else { return false }
    return chars[i..<(i + word.count)].elementsEqual(word)
  }

  func has(_ word: String, at i: Int) -> Bool {
    var k = i
    for c in word.unicodeScalars {
      guard k < chars.count, chars[k] == c else { return false }
      k += 1
    }
    return true
  }

  /// The text of `chars[start..<end]`.
  func string(_ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: chars[start..<end])
    return String(view)
  }

  func range(_ start: Int, _ end: Int) -> Range<String.Index> { indices[start]..<indices[end] }

  /// Index after spaces (ASCII and ideographic) from `i`.
  func skipSpaces(_ i: Int) -> Int {
    var k = i
    while k < chars.count, chars[k] == " " || chars[k] == "\u{3000}" { k += 1 }
    return k
  }

  static func isASCIIAlnum(_ c: Unicode.Scalar) -> Bool { c.isASCIIDigit || c.isASCIIUppercase || c.isASCIILowercase }
}

extension Unicode.Scalar {
  var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
  var isASCIIUppercase: Bool { (0x41...0x5A).contains(value) }
  var isASCIILowercase: Bool { (0x61...0x7A).contains(value) }
}

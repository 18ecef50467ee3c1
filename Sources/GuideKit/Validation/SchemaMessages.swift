import GuideKitXML

/// Turns libxml2's schema-validity messages into guidekit's own: the element named without its
/// namespace, what is expected there, a "did you mean" for a misspelt element or attribute, and
/// the enclosing clause. The original message is kept as a note by the caller.
public enum SchemaMessages {
  /// The rewritten message and the id of the enclosing clause (or section, chapter), or nil when
  /// the message is not one of the forms recognised.
  public static func explain(_ diagnostic: XMLDiagnostic, vocabulary: SchemaVocabulary)
    -> (message: String, clause: String?)?
  {
    let clause = enclosingUnit(diagnostic.elements)
    guard let message = message(diagnostic, vocabulary: vocabulary) else { return nil }
    return (message, clause)
  }

  /// The id of the innermost clause, section or chapter in `elements` (the element itself first).
  public static func enclosingUnit(_ elements: [XMLDiagnostic.ElementStep]) -> String? {
    for kind in ["clause", "section", "chapter"] {
      if let step = elements.first(where: { $0.name == kind && $0.id != nil }) { return step.id }
    }
    return nil
  }

  private static func message(_ d: XMLDiagnostic, vocabulary: SchemaVocabulary) -> String? {
    let text = d.message
    guard let element = quoted(text, after: "Element '").map(localName) else { return nil }
    let parent = d.elements.dropFirst().first?.name
    let expected = expectedList(text)

    if text.contains("This element is not expected.") {
      let allowed = parent.flatMap { vocabulary.children[$0] } ?? []
      let here = expected ?? allowed
      let inParent = parent.map { " in <\($0)>" } ?? ""
      let list = here.isEmpty ? "" : " (expected here: \(tags(here)))"
      if !vocabulary.elements.contains(element) {
        if let guess = closest(element, among: here + allowed + vocabulary.elements.sorted()) {
          return "<\(element)> is not an element of the guideline vocabulary: did you mean <\(guess)>?\(list)"
        }
        return "<\(element)> is not an element of the guideline vocabulary\(list)"
      }
      if !allowed.isEmpty, !allowed.contains(element) {
        return "<\(element)> is not allowed\(inParent) (allowed: \(tags(allowed)))"
      }
      if let expected, expected.count == 1, let missing = expected.first {
        return "<\(missing)> is missing\(inParent): it comes before <\(element)>"
      }
      if let expected, !expected.isEmpty {
        return "<\(element)> is out of place\(inParent): expected \(tags(expected)) here"
      }
      return "<\(element)> is out of place\(inParent): it follows the elements its position allows"
    }
    if text.contains("Missing child element(s).") {
      let list = expected.map { ": expected \(tags($0)) inside it" } ?? ""
      return "<\(element)> is incomplete\(list)"
    }
    if let attribute = quoted(text, after: "attribute '"), text.contains("is not allowed.") {
      let known = vocabulary.attributes[element] ?? []
      let guess = closest(attribute, among: known).map { ": did you mean \($0)?" } ?? ""
      let list = known.isEmpty ? "" : " (attributes of <\(element)>: \(known.joined(separator: ", ")))"
      return "<\(element)> has no attribute \(attribute)\(guess)\(list)"
    }
    if text.contains("is required but missing."), let attribute = quoted(text, after: "The attribute '") {
      return "<\(element)> needs the attribute \(attribute)"
    }
    if let attribute = quoted(text, after: "attribute '"), let value = quoted(text, after: "The value '") {
      if text.contains("[facet 'enumeration']"), let set = between(text, "set {", "}") {
        let choices = set.split(separator: ",").map { String($0).trimmingWhitespace().trimmingCharacters(in: "'") }
        return "\(attribute)=\"\(value)\" of <\(element)> is not one of: \(choices.joined(separator: ", "))"
      }
      if text.contains("[facet 'length']") || text.contains("[facet 'maxLength']")
        || text.contains("[facet 'minLength']")
      {
        return "\(attribute)=\"\(value)\" of <\(element)> has a length the schema does not allow"
      }
      if text.contains("[facet 'pattern']") {
        let hint =
          attribute == "id" || attribute == "into"
          ? ": an id starts with an ASCII letter, followed by letters, digits, _ or - (dots between parts)" : ""
        return "\(attribute)=\"\(value)\" of <\(element)> is not in the form the schema requires\(hint)"
      }
    }
    if let attribute = quoted(text, after: "attribute '"), text.contains("is not a valid value of the"),
      let value = quoted(text, after: "\(attribute)': '"),
      let type = quoted(text, after: "atomic type '").map(localName)
    {
      return "\(attribute)=\"\(value)\" of <\(element)> is not a valid \(type)"
    }
    return nil
  }

  /// The local names of libxml2's `Expected is ( {ns}a, {ns}b ).` / `Expected is one of ( … ).`
  static func expectedList(_ text: String) -> [String]? {
    guard let start = text.firstRange(of: "Expected is"), let open = text[start.upperBound...].firstIndex(of: "("),
      let close = text[open...].firstIndex(of: ")")
    else { return nil }
    let items = text[text.index(after: open)..<close].split(separator: ",").map {
      localName(String($0).trimmingWhitespace())
    }
    return items.filter { !$0.isEmpty && !$0.hasPrefix("##") }
  }

  /// `{urn:…}clause` → `clause`.
  static func localName(_ qualified: String) -> String {
    if let close = qualified.lastIndex(of: "}") { return String(qualified[qualified.index(after: close)...]) }
    return qualified
  }

  /// The closest name within edit distance 2 (and less than half the word), or nil.
  static func closest(_ word: String, among candidates: [String]) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(word.lowercased(), candidate.lowercased())
      guard distance <= 2, distance * 2 < max(word.count, 2) else { continue }
      if best == nil || distance < best?.distance ?? Int.max { best = (candidate, distance) }
    }
    return best?.name
  }

  /// Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours counts one).
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }

  private static func tags(_ names: [String]) -> String { names.map { "<\($0)>" }.joined(separator: ", ") }

  private static func quoted(_ text: String, after marker: String) -> String? {
    guard let start = text.firstRange(of: marker), let end = text[start.upperBound...].firstIndex(of: "'") else {
      return nil
    }
    return String(text[start.upperBound..<end])
  }

  private static func between(_ text: String, _ open: String, _ close: String) -> String? {
    guard let start = text.firstRange(of: open), let end = text[start.upperBound...].firstRange(of: close) else {
      return nil
    }
    return String(text[start.upperBound..<end.lowerBound])
  }
}

extension String {
  fileprivate func trimmingCharacters(in characters: String) -> String {
    var s = Substring(self)
    while let first = s.first, characters.contains(first) { s.removeFirst() }
    while let last = s.last, characters.contains(last) { s.removeLast() }
    return String(s)
  }
}

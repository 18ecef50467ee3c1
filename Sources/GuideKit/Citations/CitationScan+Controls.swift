extension CitationScan {
  /// The control families of NIST SP 800-53 (rev4 and rev5): a bare id is only recognised with one.
  static let controlFamilies: Set<String> = [
    "AC", "AT", "AU", "CA", "CM", "CP", "IA", "IR", "MA", "MP", "PE", "PL", "PM", "PS", "PT", "RA", "SA", "SC",
    "SI", "SR",
  ]

  /// 「NIST SP 800-53 Rev.5 SI-4」, 「SP 800-53 の AC-2」, or a bare 「AC-17(2)」.
  mutating func control(at i: Int) -> Int? {
    guard let catalog = controls else { return nil }
    for name in catalog.names where catalogInitials.contains(chars[i].value) && has(name, at: i) {
      var j = skipSpaces(i + name.count)
      var hint: String?
      for word in ["Revision", "Rev.", "Rev", "rev.", "rev"] where has(word, at: j) {
        var k = skipSpaces(j + word.count)
        let digits = k
        while k < chars.count, chars[k].isASCIIDigit { k += 1 }
        if k > digits {
          hint = "rev" + string(digits, k)
          while k + 1 < chars.count, chars[k] == ".", chars[k + 1].isASCIIDigit {
            k += 1
            while k < chars.count, chars[k].isASCIIDigit { k += 1 }
          }
          j = skipSpaces(k)
        }
        break
      }
      if j < chars.count, chars[j] == "の" { j = skipSpaces(j + 1) }
      guard let (provision, end) = controlID(at: j) else { return i + name.count }
      emitControl(start: i, end: end, source: catalog.source, provision: provision, hint: hint)
      return end
    }
    guard chars[i].isASCIIUppercase else { return nil }
    if i > 0, Self.isASCIIAlnum(chars[i - 1]) || chars[i - 1] == "-" || chars[i - 1] == "." { return nil }
    guard let (provision, end) = controlID(at: i) else { return nil }
    emitControl(start: i, end: end, source: catalog.source, provision: provision, hint: nil)
    return end
  }

  /// `AC-17` → ac-17, `AC-17(2)` → ac-17.2; nil unless a family, 1–2 digits and a word boundary.
  func controlID(at i: Int) -> (String, Int)? {
    guard i + 3 < chars.count, chars[i].isASCIIUppercase, chars[i + 1].isASCIIUppercase,
      chars[i + 2] == "-", Self.controlFamilies.contains(string(i, i + 2))
    else { return nil }
    func number(_ k: inout Int) -> Int? {
      let start = k
      while k < chars.count, k - start < 3, chars[k].isASCIIDigit { k += 1 }
      guard k > start, k - start <= 2 else { return nil }
      return Int(string(start, k))
    }
    var k = i + 3
    guard let base = number(&k), base >= 1 else { return nil }
    var id = string(i, i + 2).lowercased() + "-\(base)"
    if k < chars.count, chars[k] == "(" {
      var m = k + 1
      if let enhancement = number(&m), enhancement >= 1, m < chars.count, chars[m] == ")" {
        id += ".\(enhancement)"
        k = m + 1
      }
    }
    if k < chars.count, Self.isASCIIAlnum(chars[k]) || chars[k] == "-" { return nil }
    return (id, k)
  }

  /// 「ICT対策 im-auth-01」: a clause set named, then a clause id.
  mutating func clause(at i: Int) -> Int? {
    guard catalogInitials.contains(chars[i].value) else { return nil }
    for catalog in clauseSets {
      for name in catalog.names where has(name, at: i) {
        var j = skipSpaces(i + name.count)
        if j < chars.count, chars[j] == "の" { j = skipSpaces(j + 1) }
        guard let end = clauseID(at: j) else { return i + name.count }
        emitClause(start: i, id: j, end: end, source: catalog.source)
        return end
      }
    }
    return nil
  }

  /// A clause id `im-auth-01` at `i`: ASCII lower-case words joined by hyphens, at least two.
  func clauseID(at i: Int) -> Int? {
    func isWordCharacter(_ c: Unicode.Scalar) -> Bool { c.isASCIILowercase || c.isASCIIDigit }
    guard i < chars.count, chars[i].isASCIILowercase else { return nil }
    var k = i
    var words = 0
    while k < chars.count, isWordCharacter(chars[k]) {
      while k < chars.count, isWordCharacter(chars[k]) { k += 1 }
      words += 1
      guard k + 1 < chars.count, chars[k] == "-", isWordCharacter(chars[k + 1]) else { break }
      k += 1
    }
    if k < chars.count, Self.isASCIIAlnum(chars[k]) || chars[k] == "_" || chars[k] == "-" { return nil }
    return words >= 2 ? k : nil
  }

  mutating func emitControl(start: Int, end: Int, source: String, provision: String, hint: String?) {
    guard !overlapsLinked(start, end) else { return }
    found.append(
      Citation(kind: .control, range: range(start, end), source: source, provision: provision, revisionHint: hint))
    last = Last(start: start, end: end, kind: .control, source: source, law: nil, provision: nil)
  }

  mutating func emitClause(start: Int, id: Int, end: Int, source: String) {
    guard !overlapsLinked(start, end) else { return }
    let clauseID = string(id, end)
    found.append(Citation(kind: .clause, range: range(start, end), source: source, provision: clauseID))
    last = Last(start: start, end: end, kind: .clause, source: source, law: nil, provision: nil)
  }
}

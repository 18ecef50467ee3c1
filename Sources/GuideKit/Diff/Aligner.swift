/// Pairs the units of two documents.
struct Aligner {
  let old: [UnitSnapshot]
  let new: [UnitSnapshot]
  let options: DiffOptions
  /// OLD ids that NEW declares removed (`<removals>`): never paired by similarity.
  var deliberatelyRemoved: Set<String> = []
  private(set) var oldToNew: [Int?]
  private(set) var newToOld: [Int?]

  init(old: [UnitSnapshot], new: [UnitSnapshot], options: DiffOptions) {
    self.old = old
    self.new = new
    self.options = options
    oldToNew = Array(repeating: nil, count: old.count)
    newToOld = Array(repeating: nil, count: new.count)
  }

  mutating func pair(_ o: Int, _ n: Int) {
    oldToNew[o] = n
    newToOld[n] = o
  }

  /// - Parameter textFirst: pair identical texts before ids (laws, which renumber).
  mutating func align(textFirst: Bool) {
    if textFirst {
      pairUniqueTexts()
      pairSameIDs(minimumSimilarity: options.similarityThreshold)
      pairBySimilarity()
      pairSameIDs(minimumSimilarity: 0)
    } else {
      pairSameIDs(minimumSimilarity: 0)
      pairUniqueTexts()
      pairBySimilarity()
    }
  }

  private func key(_ unit: UnitSnapshot) -> ByteKey {
    var text = unit.lines.joined(separator: "\n")
    if options.text.ignoreWidth { text = TextNormalization.foldingWidth(text) }
    if options.text.ignoreWhitespace { text = String(text.filter { !$0.isWhitespace }) }
    return ByteKey(text)
  }

  /// Pairs unpaired units with the same id, when their texts are at least this similar.
  mutating func pairSameIDs(minimumSimilarity: Double) {
    var newByID: [String: Int] = [:]
    for (n, unit) in new.enumerated() where newToOld[n] == nil {
      if newByID[unit.id] == nil { newByID[unit.id] = n }
    }
    for (o, unit) in old.enumerated() where oldToNew[o] == nil {
      guard let n = newByID[unit.id], newToOld[n] == nil else { continue }
      if minimumSimilarity > 0,
        TextDiff.similarity(unit.text, new[n].text) < minimumSimilarity
      {
        continue
      }
      pair(o, n)
    }
  }

  /// Pairs unpaired units whose text occurs exactly once among the unpaired of each side.
  mutating func pairUniqueTexts() {
    var oldByText: [ByteKey: [Int]] = [:]
    for o in old.indices where oldToNew[o] == nil {
      oldByText[key(old[o]), default: []].append(o)
    }
    var newByText: [ByteKey: [Int]] = [:]
    for n in new.indices where newToOld[n] == nil {
      newByText[key(new[n]), default: []].append(n)
    }
    for (text, olds) in oldByText where olds.count == 1 {
      guard let news = newByText[text], news.count == 1, !text.bytes.isEmpty else { continue }
      pair(olds[0], news[0])
    }
  }

  /// Pairs the remaining units by similarity, best pairs first, using an n-gram index so that
  /// only candidates sharing rare bigrams are compared.
  mutating func pairBySimilarity() {
    let olds = old.indices.filter { oldToNew[$0] == nil && !deliberatelyRemoved.contains(old[$0].id) }
    let news = new.indices.filter { newToOld[$0] == nil }
    guard !olds.isEmpty, !news.isEmpty else { return }
    var postings: [UInt64: [Int]] = [:]
    for o in olds {
      for gram in Bigrams(old[o].text).keys { postings[gram, default: []].append(o) }
    }
    let commonLimit = max(8, olds.count / 10)
    var candidates: [(o: Int, n: Int, score: Double)] = []
    for n in news {
      var shared: [Int: Int] = [:]
      for gram in Bigrams(new[n].text).keys {
        guard let list = postings[gram], list.count <= commonLimit else { continue }
        for o in list { shared[o, default: 0] += 1 }
      }
      // Ties broken by position, so that the pairing never depends on hash order.
      let top = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(8)
      for (o, _) in top {
        let score = TextDiff.similarity(old[o].text, new[n].text)
        if score >= options.similarityThreshold { candidates.append((o, n, score)) }
      }
    }
    candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.n, $0.o) < ($1.n, $1.o) }
    for candidate in candidates
    where oldToNew[candidate.o] == nil && newToOld[candidate.n] == nil {
      pair(candidate.o, candidate.n)
    }
  }
}

/// A text compared and hashed by its UTF-8 bytes. `String` equality and hashing apply Unicode
/// canonical equivalence, which costs a normalisation pass over every Japanese text. A text in
/// another normalisation form is a different key here; the later steps pair it by id or similarity.
struct ByteKey: Hashable {
  let bytes: [UInt8]

  init(_ text: String) { bytes = Array(text.utf8) }

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}

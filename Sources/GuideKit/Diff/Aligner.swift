/// Pairs the units of two documents.
struct Aligner {
  let old: [UnitSnapshot]
  let new: [UnitSnapshot]
  let options: DiffOptions
  /// OLD ids that NEW declares removed (`<removals>`): never paired by similarity.
  var deliberatelyRemoved: Set<String> = []
  private(set) var oldToNew: [Int?]
  private(set) var newToOld: [Int?]
  /// Each unit's bigrams, computed when first needed and kept for the split and merge search.
  private(set) var oldGrams: [Bigrams?]
  private(set) var newGrams: [Bigrams?]
  /// The diff's work for ``Parallel/map(_:work:_:)`` (``DocumentDiffer/parallelWork(textBytes:)``).
  let parallelWork: Int

  init(old: [UnitSnapshot], new: [UnitSnapshot], options: DiffOptions, parallelWork: Int) {
    self.old = old
    self.new = new
    self.options = options
    self.parallelWork = parallelWork
    oldToNew = Array(repeating: nil, count: old.count)
    newToOld = Array(repeating: nil, count: new.count)
    oldGrams = Array(repeating: nil, count: old.count)
    newGrams = Array(repeating: nil, count: new.count)
  }

  /// The bigrams of OLD unit `o` (computed now if ``computeGrams(old:new:)`` did not).
  func oldGrams(_ o: Int) -> Bigrams { oldGrams[o] ?? Bigrams(old[o].text) }

  /// The bigrams of NEW unit `n` (computed now if ``computeGrams(old:new:)`` did not).
  func newGrams(_ n: Int) -> Bigrams { newGrams[n] ?? Bigrams(new[n].text) }

  /// Computes the bigrams of these units that are not known yet, in parallel unless the diff is small.
  mutating func computeGrams(old olds: [Int], new news: [Int]) {
    let missing =
      olds.filter { oldGrams[$0] == nil }.map { (true, $0) }
      + news.filter { newGrams[$0] == nil }.map { (false, $0) }
    guard !missing.isEmpty else { return }
    let (oldUnits, newUnits) = (old, new)
    let computed = Parallel.map(missing.count, work: parallelWork) { job in
      let (isOld, index) = missing[job]
      return Bigrams(isOld ? oldUnits[index].text : newUnits[index].text)
    }
    for (job, (isOld, index)) in missing.enumerated() {
      if isOld { oldGrams[index] = computed[job] } else { newGrams[index] = computed[job] }
    }
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

  private static func key(_ unit: UnitSnapshot, _ options: TextDiffOptions) -> ByteKey {
    var text = unit.text
    if options.ignoreWidth { text = TextNormalization.foldingWidth(text) }
    if options.ignoreWhitespace { text = String(text.filter { !$0.isWhitespace }) }
    return ByteKey(text)
  }

  /// Pairs unpaired units with the same id, when their texts are at least this similar.
  mutating func pairSameIDs(minimumSimilarity: Double) {
    var newByID: [String: Int] = [:]
    for (n, unit) in new.enumerated() where newToOld[n] == nil {
      if newByID[unit.id] == nil { newByID[unit.id] = n }
    }
    var candidates: [(o: Int, n: Int)] = []
    for (o, unit) in old.enumerated() where oldToNew[o] == nil {
      guard let n = newByID[unit.id], newToOld[n] == nil else { continue }
      candidates.append((o, n))
    }
    if minimumSimilarity > 0 { computeGrams(old: candidates.map(\.o), new: candidates.map(\.n)) }
    for (o, n) in candidates {
      if minimumSimilarity > 0, similarity(o, n) < minimumSimilarity { continue }
      pair(o, n)
    }
  }

  /// ``TextDiff/similarity(_:_:)`` of OLD unit `o` and NEW unit `n`, whose bigrams are known.
  private func similarity(_ o: Int, _ n: Int) -> Double {
    TextDiff.similarity(oldGrams(o), newGrams(n), old[o].text, new[n].text)
  }

  /// Pairs unpaired units whose text occurs exactly once among the unpaired of each side.
  mutating func pairUniqueTexts() {
    // Each side hashes its texts on its own core (unless the diff is small).
    let (old, new, oldToNew, newToOld, textOptions) = (old, new, oldToNew, newToOld, options.text)
    let sides = Parallel.map(2, work: parallelWork) { side in
      let units = side == 0 ? old : new
      let paired = side == 0 ? oldToNew : newToOld
      var byText: [ByteKey: [Int]] = [:]
      byText.reserveCapacity(paired.count { $0 == nil })
      for index in units.indices where paired[index] == nil {
        byText[Self.key(units[index], textOptions), default: []].append(index)
      }
      return byText
    }
    let (oldByText, newByText) = (sides[0], sides[1])
    for (text, olds) in oldByText where olds.count == 1 {
      guard let news = newByText[text], news.count == 1, !text.isEmpty else { continue }
      pair(olds[0], news[0])
    }
  }

  /// Pairs the remaining units by similarity, best pairs first, using an n-gram index so that
  /// only candidates sharing rare bigrams are compared.
  mutating func pairBySimilarity() {
    let olds = old.indices.filter { oldToNew[$0] == nil && !deliberatelyRemoved.contains(old[$0].id) }
    let news = new.indices.filter { newToOld[$0] == nil }
    guard !olds.isEmpty, !news.isEmpty else { return }
    computeGrams(old: olds, new: news)
    var postings: [UInt64: [Int]] = [:]
    for o in olds {
      for gram in oldGrams(o).keys { postings[gram, default: []].append(o) }
    }
    let commonLimit = max(8, olds.count / 10)
    var candidates: [(o: Int, n: Int, score: Double)] = []
    for n in news {
      var shared: [Int: Int] = [:]
      for gram in newGrams(n).keys {
        guard let list = postings[gram], list.count <= commonLimit else { continue }
        for o in list { shared[o, default: 0] += 1 }
      }
      // Ties broken by position, so that the pairing never depends on hash order.
      let top = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(8)
      for (o, _) in top {
        let score = similarity(o, n)
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
  let text: String

  init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    self.text = text
  }

  var isEmpty: Bool { text.utf8.isEmpty }

  static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.text.hasSameUTF8(as: rhs.text) }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

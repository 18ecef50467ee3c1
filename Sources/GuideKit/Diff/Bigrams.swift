/// A multiset of character bigrams (whitespace skipped, width variants folded: ＡＢ = AB): each
/// bigram two Unicode scalars packed in a `UInt64`, kept sorted so that two multisets compare by a
/// merge, without hashing.
struct Bigrams: Sendable {
  /// Distinct bigrams, ascending.
  private(set) var keys: [UInt64] = []
  /// How often each of `keys` occurs.
  private(set) var counts: [Int32] = []
  /// Bigrams in all, with repeats.
  private(set) var count = 0
  /// The scalars the bigrams were taken from (whitespace left out).
  private(set) var scalarCount = 0

  init(_ text: String) {
    var all: [UInt64] = []
    all.reserveCapacity(text.utf8.count / 3 + 1)
    var previous: UInt32?
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if ReaderText.isWhitespace(value) || value == 0x3000 { continue }
      let folded = TextNormalization.foldWidth(scalar).value
      scalarCount += 1
      if let previous { all.append(UInt64(previous) << 32 | UInt64(folded)) }
      previous = folded
    }
    count = all.count
    guard !all.isEmpty else { return }
    RadixSort.sort(&all)
    keys.reserveCapacity(all.count)
    counts.reserveCapacity(all.count)
    for gram in all {
      if gram == keys.last {
        counts[counts.count - 1] += 1
      } else {
        keys.append(gram)
        counts.append(1)
      }
    }
  }

  /// Bigrams shared by both multisets, with repeats (the size of their intersection).
  /// - Complexity: O(*a* + *b*) in distinct bigrams.
  func shared(with other: Bigrams) -> Int {
    var shared = 0
    var i = 0
    var j = 0
    keys.withUnsafeBufferPointer { keys in
      other.keys.withUnsafeBufferPointer { otherKeys in
        while i < keys.count && j < otherKeys.count {
          let a = keys[i]
          let b = otherKeys[j]
          if a == b {
            shared += Int(min(counts[i], other.counts[j]))
            i += 1
            j += 1
          } else if a < b {
            i += 1
          } else {
            j += 1
          }
        }
      }
    }
    return shared
  }

  /// How often `gram` occurs.
  func count(of gram: UInt64) -> Int {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < gram { low = middle + 1 } else { high = middle }
    }
    return low < keys.count && keys[low] == gram ? Int(counts[low]) : 0
  }

  /// Share of this multiset found in `other`.
  /// - Complexity: O(*a* + *b*) in distinct bigrams.
  func containment(in other: Bigrams) -> Double {
    guard count > 0 else { return 0 }
    return Double(shared(with: other)) / Double(count)
  }
}

/// Sorts `UInt64` keys by their bytes, least significant first, skipping bytes that all keys
/// share (bigrams of Japanese text vary in four of their eight bytes). Faster than a comparison
/// sort on the few thousand keys of a unit's text.
enum RadixSort {
  static func sort(_ keys: inout [UInt64]) {
    let n = keys.count
    if n < 64 {
      keys.sort()
      return
    }
    var buffer = [UInt64](repeating: 0, count: n)
    var counts = [Int](repeating: 0, count: 8 * 256)
    keys.withUnsafeMutableBufferPointer { keys in
      buffer.withUnsafeMutableBufferPointer { buffer in
        counts.withUnsafeMutableBufferPointer { counts in
          for key in keys {
            for byte in 0..<8 { counts[byte &* 256 &+ Int((key >> UInt64(byte &* 8)) & 0xFF)] &+= 1 }
          }
          var source = keys
          var target = buffer
          for byte in 0..<8 {
            let base = byte * 256
            // A byte every key shares leaves the order as it is.
            if counts[base + Int((source[0] >> UInt64(byte * 8)) & 0xFF)] == n { continue }
            var offset = 0
            for digit in 0..<256 {
              let c = counts[base + digit]
              counts[base + digit] = offset
              offset += c
            }
            for key in source {
              let digit = base + Int((key >> UInt64(byte * 8)) & 0xFF)
              target[counts[digit]] = key
              counts[digit] += 1
            }
            swap(&source, &target)
          }
          if source.baseAddress != keys.baseAddress {
            for index in 0..<n { keys[index] = source[index] }
          }
        }
      }
    }
  }
}

/// Finds, among changed units, the one that took in most of a text: where a split-off unit's
/// text came from, or where a removed unit's text went.
///
/// A candidate qualifies when it contains at least half of the text's bigrams. Such a candidate
/// must share one of the text's rarest bigrams (prefix filtering: the rarest bigrams that make up
/// over half of the text), so only candidates found through those bigrams' postings are
/// compared. The answer is the one a scan of every candidate in order would give.
struct ContainerIndex {
  /// (candidate, its bigrams, its counterpart's bigrams on the other side of the diff).
  let candidates: [(unit: UnitSnapshot, grams: Bigrams, counterpart: Bigrams)]
  private var postings: [UInt64: [Int32]] = [:]

  static let minimumContainment = 0.5
  static let minimumGain = 0.15

  /// Postings are built only when there are more texts to place than this: for a few, a scan
  /// of every candidate (a merge of sorted bigrams each) costs less than indexing them all.
  static let scanQueriesUpTo = 8

  /// - Parameter queries: how many texts will be placed (``bestContainer(of:)`` calls).
  init(_ candidates: [(unit: UnitSnapshot, grams: Bigrams, counterpart: Bigrams)], queries: Int = .max) {
    self.candidates = candidates
    guard queries > Self.scanQueriesUpTo else { return }
    isIndexed = true
    for (index, candidate) in candidates.enumerated() {
      for gram in candidate.grams.keys { postings[gram, default: []].append(Int32(index)) }
    }
  }

  private var isIndexed = false

  /// The candidate that holds at least half of `text` and whose counterpart holds clearly less
  /// of it (the text arrived in, or left, that candidate); the first of the best on ties.
  func bestContainer(of text: String) -> UnitSnapshot? {
    let grams = Bigrams(text)
    guard grams.count >= 4, !candidates.isEmpty else { return nil }
    var probed = [Bool](repeating: !isIndexed, count: candidates.count)
    if isIndexed { probe(grams, marking: &probed) }
    var best: (index: Int, containment: Double)?
    for index in probed.indices where probed[index] {
      let candidate = candidates[index]
      let containment = grams.containment(in: candidate.grams)
      guard containment >= Self.minimumContainment, containment > (best?.containment ?? 0) else { continue }
      let remaining = grams.containment(in: candidate.counterpart)
      if containment - remaining >= Self.minimumGain { best = (index, containment) }
    }
    return best.map { candidates[$0.index].unit }
  }

  /// Marks the candidates that share one of the rarest bigrams of `grams` that make up over half
  /// of it: only those can contain half of it.
  private func probe(_ grams: Bigrams, marking probed: inout [Bool]) {
    // The text's distinct bigrams, rarest among the candidates first.
    let lists = grams.keys.map { postings[$0] }
    let order = lists.indices.sorted {
      let a = lists[$0]?.count ?? 0
      let b = lists[$1]?.count ?? 0
      return a != b ? a < b : $0 < $1
    }
    // A candidate missing all of this prefix shares at most count − weight(prefix) < count / 2.
    var covered = 0
    for index in order {
      for candidate in lists[index] ?? [] { probed[Int(candidate)] = true }
      covered += Int(grams.counts[index])
      if Double(covered) > Double(grams.count) * (1 - Self.minimumContainment) { break }
    }
  }
}

extension TextDiff {
  /// Anchors for the approximate diff: runs of tokens that occur exactly once in each text, in
  /// the same order in both (the idea of patience diff, on runs of tokens instead of lines).
  enum Anchors {
    /// A run of tokens matched between the texts.
    struct Anchor: Equatable {
      var old: Range<Int>
      var new: Range<Int>
    }

    /// Non-overlapping anchors in increasing order in both texts: runs of `length` tokens that
    /// occur once in `a[aRange]` and once in `b[bRange]`, the longest chain of them that is in
    /// order in both, with overlapping runs on one diagonal merged.
    /// - Complexity: O(*n* log *n*) for *n* tokens in the two ranges; O(*n*) memory.
    static func find(
      _ a: [Int32], _ aRange: Range<Int>, _ b: [Int32], _ bRange: Range<Int>, length: Int
    ) -> [Anchor] {
      guard length > 0, aRange.count >= length, bRange.count >= length else { return [] }
      let hashesA = rollingHashes(a, aRange, length)
      let hashesB = rollingHashes(b, bRange, length)
      // Start of each run in B, or -1 when the run repeats.
      var inB: [UInt64: Int] = [:]
      inB.reserveCapacity(hashesB.count)
      for (offset, hash) in hashesB.enumerated() {
        inB[hash] = inB[hash] == nil ? bRange.lowerBound + offset : -1
      }
      var inA: [UInt64: Int] = [:]
      inA.reserveCapacity(hashesA.count)
      for (offset, hash) in hashesA.enumerated() where inB[hash] != nil {
        inA[hash] = inA[hash] == nil ? aRange.lowerBound + offset : -1
      }
      // Runs unique in both, by position in A; hashes are checked against the tokens.
      var pairs: [(i: Int, j: Int)] = []
      for (offset, hash) in hashesA.enumerated() {
        let i = aRange.lowerBound + offset
        guard inA[hash] == i, let j = inB[hash], j >= 0,
          a[i..<(i + length)].elementsEqual(b[j..<(j + length)])
        else { continue }
        pairs.append((i, j))
      }
      var anchors: [Anchor] = []
      for (i, j) in longestIncreasingChain(pairs) {
        if let last = anchors.last {
          if i - j == last.old.lowerBound - last.new.lowerBound && i <= last.old.upperBound {
            // The same diagonal, overlapping or touching: one longer anchor.
            anchors[anchors.count - 1].old = last.old.lowerBound..<(i + length)
            anchors[anchors.count - 1].new = last.new.lowerBound..<(j + length)
            continue
          }
          if i < last.old.upperBound || j < last.new.upperBound { continue }
        }
        anchors.append(Anchor(old: i..<(i + length), new: j..<(j + length)))
      }
      return anchors
    }

    /// A polynomial hash of every run of `length` tokens in `keys[range]`, by start.
    private static func rollingHashes(_ keys: [Int32], _ range: Range<Int>, _ length: Int) -> [UInt64] {
      let base: UInt64 = 0x100_0000_01B3
      var power: UInt64 = 1
      for _ in 1..<length { power &*= base }
      var hash: UInt64 = 0
      var hashes: [UInt64] = []
      hashes.reserveCapacity(range.count - length + 1)
      for i in range {
        let value = UInt64(UInt32(bitPattern: keys[i])) &+ 1
        if i - range.lowerBound >= length {
          let leaving = UInt64(UInt32(bitPattern: keys[i - length])) &+ 1
          hash &-= leaving &* power
        }
        hash = hash &* base &+ value
        if i - range.lowerBound >= length - 1 { hashes.append(hash) }
      }
      return hashes
    }

    /// The longest subsequence of `pairs` (increasing in `i`) whose `j` increase too.
    /// - Complexity: O(*p* log *p*).
    private static func longestIncreasingChain(_ pairs: [(i: Int, j: Int)]) -> [(i: Int, j: Int)] {
      // tails[l]: index of the pair ending the best chain of length l + 1 found so far.
      var tails: [Int] = []
      var previous = [Int](repeating: -1, count: pairs.count)
      for (index, pair) in pairs.enumerated() {
        var lo = 0
        var hi = tails.count
        while lo < hi {
          let mid = (lo + hi) / 2
          if pairs[tails[mid]].j < pair.j { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 { previous[index] = tails[lo - 1] }
        if lo == tails.count { tails.append(index) } else { tails[lo] = index }
      }
      var chain: [(i: Int, j: Int)] = []
      var index = tails.last ?? -1
      while index >= 0 {
        chain.append(pairs[index])
        index = previous[index]
      }
      return chain.reversed()
    }
  }
}

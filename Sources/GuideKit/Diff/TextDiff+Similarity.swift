extension TextDiff {
  /// How alike two texts are, from 0 (nothing shared) to 1 (the same), for aligning units whose
  /// ids changed.
  ///
  /// The Dice coefficient of the texts' multisets of scalar bigrams (of single scalars when a
  /// text has fewer than two): 2·|shared| / (|bigrams of a| + |bigrams of b|). Width variants are
  /// folded and whitespace is skipped, so layout and 全角/半角 do not count. Order beyond
  /// neighbouring scalars does not count either: use it as a prefilter, and
  /// ``exactSimilarity(_:_:options:)`` to decide between close candidates.
  /// - Returns: 1 when both texts are empty or equal after folding; 0 when exactly one is empty.
  /// - Complexity: O(*n*) in Unicode scalars (the bigrams are sorted by radix).
  public static func similarity(_ a: String, _ b: String) -> Double {
    similarity(Bigrams(a), Bigrams(b), a, b)
  }

  /// ``similarity(_:_:)`` from the texts' bigrams, computed once per text by callers that
  /// compare a text more than once.
  static func similarity(_ x: Bigrams, _ y: Bigrams, _ a: String, _ b: String) -> Double {
    if x.scalarCount == 0 || y.scalarCount == 0 { return x.scalarCount == y.scalarCount ? 1 : 0 }
    if x.scalarCount < 2 || y.scalarCount < 2 {
      // Too short for bigrams: single scalars.
      let gramsX = foldedScalars(a).sorted()
      let gramsY = foldedScalars(b).sorted()
      if gramsX == gramsY { return 1 }
      var shared = 0
      var i = 0
      var j = 0
      while i < gramsX.count && j < gramsY.count {
        if gramsX[i] == gramsY[j] {
          shared += 1
          i += 1
          j += 1
        } else if gramsX[i] < gramsY[j] {
          i += 1
        } else {
          j += 1
        }
      }
      return Double(2 * shared) / Double(gramsX.count + gramsY.count)
    }
    return Double(2 * x.shared(with: y)) / Double(x.count + y.count)
  }

  /// How alike two texts are by their diff: the characters in equal segments, counted in both
  /// texts, over all characters of both, 2·equal / (|old| + |new|), from 0 to 1.
  /// - Returns: 1 when both texts are empty.
  /// - Complexity: as ``segments(old:new:options:)``.
  public static func exactSimilarity(
    _ old: String, _ new: String, options: TextDiffOptions = .init()
  ) -> Double {
    var equal = 0
    var total = 0
    for segment in segments(old: old, new: new, options: options) {
      let newCount = segment.newSideText.count
      let oldCount = segment.oldSideText.count
      total += newCount + oldCount
      if segment.op == .equal { equal += newCount + oldCount }
    }
    return total == 0 ? 1 : Double(equal) / Double(total)
  }

  /// The width-folded scalar values of a text, whitespace left out.
  private static func foldedScalars(_ text: String) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars where !(ReaderText.isWhitespace(scalar.value) || scalar.value == 0x3000) {
      out.append(TextNormalization.foldWidth(scalar).value)
    }
    return out
  }
}

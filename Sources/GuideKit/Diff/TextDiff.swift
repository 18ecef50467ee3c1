/// Inline diff of two texts, for the redlines of 新旧対照表 tables and change summaries.
///
/// A diff runs in four steps:
/// 1. **Tokens.** Japanese and other CJK text, and punctuation, count one token per character
///    (grapheme cluster); Latin-script words and numbers (letters and digits, 「1,000」「2.5」) one
///    token each; whitespace runs one token each (or none, with `ignoreWhitespace`). Tokens compare
///    by a key: their exact Unicode scalars, width-folded with `ignoreWidth`.
/// 2. **Myers.** The common prefix and suffix are trimmed, then Eugene W. Myers' O(*ND*) algorithm
///    ("An O(ND) Difference Algorithm and Its Variations", 1986) in its linear-space form (the
///    middle snake found from both ends, then recursion on each side) aligns the middle.
/// 3. **Budget.** When the exact diff would take more than `options.budget` work units, the
///    texts are cut at anchors (runs of tokens found once in each text, in order, as patience
///    and histogram diff do) and the stretches between them diffed exactly where affordable;
///    a stretch without anchors is diffed by Myers with a cap on the edits per search (GNU diff's
///    heuristic for large files). When even that runs out of its budget (linear in the text),
///    each stretch still to do becomes one deletion plus one insertion. See ``TextDiffPrecision``.
/// 4. **Clean-up.** As diff-match-patch's `cleanupSemantic`: an equality no wider (in display
///    columns, so a kanji weighs two Latin letters) than the edits on both sides of it merges
///    into them, so a redline reads as whole spans; lone insertions and deletions slide to the
///    best-reading boundary: text edges and blank lines, line breaks, after 。, whitespace, after
///    、 or a closing bracket and before an opening one, then script changes (hiragana to kanji or
///    katakana best, as at the start of a phrase; into hiragana least, as before okurigana); a
///    replacement whose edge falls inside a run of one script takes in one more token when that
///    reaches a boundary (「[-があ-]{+を有す+}る。」 → 「[-がある-]{+を有する+}。」).
public enum TextDiff {
  /// The segments that turn `old` into `new`.
  ///
  /// Replay holds for every input and options: concatenating each segment's
  /// ``TextSegment/oldSideText`` gives `old` byte for byte and concatenating each
  /// ``TextSegment/newSideText`` gives `new` (see ``replayOld(_:)`` and ``replayNew(_:)``).
  /// Without ignore options that is simply equal + delete texts = `old`, equal + insert texts =
  /// `new`. With ignore options an `.equal` segment carries the NEW text in `text` and, where OLD's
  /// bytes differ (「１」 for 「1」), OLD's text in `oldText`.
  ///
  /// No segment is empty, and no two neighbours have the same `op`; a deletion comes before the
  /// insertion that replaces it. The one exception to "not empty": with `ignoreWhitespace`, an OLD
  /// of whitespace only against an empty NEW gives one `.equal` segment with empty `text` and the
  /// whitespace in `oldText`.
  /// - Parameters:
  ///   - old: the text before the change.
  ///   - new: the text after the change.
  ///   - options: width and whitespace folding, and the work budget.
  /// - Returns: the segments, in text order; empty when both texts are empty.
  /// - Complexity: O(*n* + min(*N*·*D*, `options.budget`)) time and O(*n*) memory, where *n*
  ///   is the length of the texts in characters, *N* the tokens between the common prefix and
  ///   suffix, and *D* the tokens changed.
  public static func segments(
    old: String, new: String, options: TextDiffOptions = .init()
  ) -> [TextSegment] {
    diff(old: old, new: new, options: options).segments
  }

  /// The segments that turn `old` into `new`, with the precision the budget allowed.
  /// - Complexity: as ``segments(old:new:options:)``.
  public static func diff(
    old: String, new: String, options: TextDiffOptions = .init()
  ) -> TextDiffResult {
    diff(old: old, new: new, options: options, allowancePerToken: 32)
  }

  /// As ``diff(old:new:options:)``, with the approximate diff's work allowance per token.
  static func diff(
    old: String, new: String, options: TextDiffOptions, allowancePerToken: Int
  ) -> TextDiffResult {
    if old.hasSameUTF8(as: new) {
      return TextDiffResult(segments: old.isEmpty ? [] : [.equal(new)], precision: .exact)
    }
    var interner = KeyInterner()
    let a = tokenize(old, options: options, interner: &interner)
    let b = tokenize(new, options: options, interner: &interner)
    if a.count == 0 || b.count == 0 {
      return TextDiffResult(segments: trivialSegments(old: old, new: new, a: a, b: b), precision: .exact)
    }
    var engine = Engine(a: a, b: b, budget: options.budget, allowancePerToken: allowancePerToken)
    let runs = engine.run()
    let cleaned = Cleanup(a: a, b: b).clean(runs)
    return TextDiffResult(segments: render(cleaned, a, b), precision: engine.precision)
  }

  /// True when `old` and `new` are equal under the options, so that ``segments(old:new:options:)``
  /// would give equal segments only.
  ///
  /// Without options the texts must have the same Unicode scalars (canonically equivalent but
  /// differently encoded texts, such as precomposed and decomposed 「が」, differ).
  /// - Complexity: O(*n*) in characters; no diff is computed.
  public static func isEquivalent(
    _ old: String, _ new: String, options: TextDiffOptions = .init()
  ) -> Bool {
    if old.hasSameUTF8(as: new) { return true }
    if !options.ignoreWidth && !options.ignoreWhitespace { return false }
    var interner = KeyInterner()
    let a = tokenize(old, options: options, interner: &interner)
    let b = tokenize(new, options: options, interner: &interner)
    return a.keys == b.keys
  }

  /// Segments when one side has no tokens (it is empty, or blank with whitespace ignored).
  private static func trivialSegments(
    old: String, new: String, a: TokenizedText, b: TokenizedText
  ) -> [TextSegment] {
    if a.count == 0 && b.count == 0 {
      // Both blank or empty, so whitespace is ignored: equal, whatever the whitespace.
      return [.equal(new, old: old)]
    }
    var segments: [TextSegment] = []
    if !old.isEmpty { segments.append(.delete(old)) }
    if !new.isEmpty { segments.append(.insert(new)) }
    return segments
  }

  /// Turns runs of tokens into segments of text.
  private static func render(_ runs: [Run], _ a: TokenizedText, _ b: TokenizedText) -> [TextSegment] {
    runs.map { run in
      switch run.op {
      case .equal:
        let oldRange = run.oldLo..<run.oldHi
        let newRange = run.newLo..<run.newHi
        let sameBytes = a.bytesEqual(oldRange, b, newRange)
        return .equal(b.string(newRange), old: sameBytes ? nil : a.string(oldRange))
      case .delete:
        return .delete(a.string(run.oldLo..<run.oldHi))
      case .insert:
        return .insert(b.string(run.newLo..<run.newHi))
      }
    }
  }
}

// MARK: - Runs

extension TextDiff {
  /// A span of tokens: `.equal` pairs OLD tokens `oldLo..<oldHi` one by one with NEW tokens
  /// `newLo..<newHi` (same count, same keys); `.delete` spans OLD tokens at NEW position `newLo`
  /// (`newLo == newHi`); `.insert` spans NEW tokens at OLD position `oldLo` (`oldLo == oldHi`).
  /// A list of runs is contiguous: each run starts where the one before ends, in both texts.
  struct Run: Hashable {
    var op: SegmentOperation
    var oldLo: Int
    var oldHi: Int
    var newLo: Int
    var newHi: Int

    var isEmpty: Bool { oldLo == oldHi && newLo == newHi }

    static func equal(old: Range<Int>, new: Range<Int>) -> Run {
      Run(op: .equal, oldLo: old.lowerBound, oldHi: old.upperBound, newLo: new.lowerBound, newHi: new.upperBound)
    }

    static func delete(old: Range<Int>, at newPosition: Int) -> Run {
      Run(op: .delete, oldLo: old.lowerBound, oldHi: old.upperBound, newLo: newPosition, newHi: newPosition)
    }

    static func insert(new: Range<Int>, at oldPosition: Int) -> Run {
      Run(op: .insert, oldLo: oldPosition, oldHi: oldPosition, newLo: new.lowerBound, newHi: new.upperBound)
    }

    /// One deletion and one insertion replacing `old` by `new` (either may be left out if empty).
    static func replacement(old: Range<Int>, new: Range<Int>) -> [Run] {
      var runs: [Run] = []
      if !old.isEmpty { runs.append(.delete(old: old, at: new.lowerBound)) }
      if !new.isEmpty { runs.append(.insert(new: new, at: old.upperBound)) }
      return runs
    }
  }
}

// MARK: - Strategy

extension TextDiff {
  /// Chooses between the exact diff, the anchored and approximate ones, and whole replacements.
  struct Engine {
    /// Tokens in a unique run that anchors the approximate diff.
    static let anchorLength = 6
    /// How often a stretch between anchors is split again at anchors unique within it.
    static let anchorDepth = 4
    /// Edits after which the approximate Myers search splits at its furthest point.
    static let editLimit = 256

    let a: TokenizedText
    let b: TokenizedText
    let budget: Int
    let allowancePerToken: Int
    private(set) var precision = TextDiffPrecision.exact
    /// Work left for everything after the exact attempt on the whole.
    private var remaining = 0

    init(a: TokenizedText, b: TokenizedText, budget: Int, allowancePerToken: Int) {
      self.a = a
      self.b = b
      self.budget = budget
      self.allowancePerToken = allowancePerToken
    }

    /// Runs covering both texts, not yet cleaned up.
    ///
    /// First the exact diff of the whole, with `budget` units. If that runs out, the texts are
    /// cut at anchors, runs of ``anchorLength`` tokens that occur once in each text, in order
    /// (as in patience and histogram diff); each stretch between anchors is diffed exactly if
    /// affordable, else cut again at anchors unique within it, and where no anchor is left,
    /// diffed approximately (see ``Myers/approximateDiff(_:_:_:_:editLimit:budget:exhausted:)``).
    /// All of that shares `budget` + `allowancePerToken` units per token; stretches left when
    /// that runs out become whole replacements.
    mutating func run() -> [Run] {
      let n = a.count
      let m = b.count
      var work = budget
      if let runs = Myers.diff(a.keys, 0..<n, b.keys, 0..<m, budget: &work) { return runs }
      precision = .approximate
      let allowance = allowancePerToken.multipliedReportingOverflow(by: n + m)
      let total = max(budget, 0).addingReportingOverflow(allowance.overflow ? Int.max : allowance.partialValue)
      remaining = total.overflow ? Int.max : total.partialValue
      return solve(0..<n, 0..<m, depth: 0)
    }

    private mutating func solve(_ old: Range<Int>, _ new: Range<Int>, depth: Int) -> [Run] {
      if old.isEmpty || new.isEmpty { return Run.replacement(old: old, new: new) }
      if depth > 0 {
        // Exact, if affordable; one attempt may spend half of what is left at most.
        let allowed = min(budget, remaining / 2)
        if allowed > 0 {
          var work = allowed
          let runs = Myers.diff(a.keys, old, b.keys, new, budget: &work)
          remaining -= allowed - work
          if let runs { return runs }
        }
      }
      if remaining <= 0 {
        precision = .replacement
        return Run.replacement(old: old, new: new)
      }
      if depth < Self.anchorDepth {
        remaining -= old.count + new.count
        let anchors = Anchors.find(a.keys, old, b.keys, new, length: Self.anchorLength)
        if !anchors.isEmpty {
          var runs: [Run] = []
          var x = old.lowerBound
          var y = new.lowerBound
          for anchor in anchors {
            runs += solve(x..<anchor.old.lowerBound, y..<anchor.new.lowerBound, depth: depth + 1)
            runs.append(.equal(old: anchor.old, new: anchor.new))
            x = anchor.old.upperBound
            y = anchor.new.upperBound
          }
          runs += solve(x..<old.upperBound, y..<new.upperBound, depth: depth + 1)
          return runs
        }
      }
      var exhausted = false
      let runs = Myers.approximateDiff(
        a.keys, old, b.keys, new, editLimit: Self.editLimit, budget: &remaining, exhausted: &exhausted)
      if exhausted { precision = .replacement }
      return runs
    }
  }
}

// MARK: - Myers

extension TextDiff {
  /// Myers' O(*ND*) diff in linear space, after diff-match-patch's `diff_bisect`, with an
  /// optional cap on the edits per middle-snake search (GNU diff's heuristic for large inputs).
  ///
  /// Names follow the paper: *N* and *M* are the lengths of sequences *A* and *B*, *D* the number
  /// of edits, *k* = *x* − *y* a diagonal of the edit graph, *V* the furthest-reaching *x* on each
  /// diagonal, Δ = *N* − *M*.
  enum Myers {
    /// Runs that turn `a[aRange]` into `b[bRange]`, minimal in edits, or `nil` when the work
    /// would exceed `budget` (which is then negative).
    /// - Complexity: O((*N* + *M*)·*D*) time, O(*N* + *M*) memory, in tokens.
    static func diff(
      _ a: [Int32], _ aRange: Range<Int>, _ b: [Int32], _ bRange: Range<Int>, budget: inout Int
    ) -> [Run]? {
      var exhausted = false
      let runs = run(a, aRange, b, bRange, editLimit: nil, budget: &budget, exhausted: &exhausted)
      return exhausted ? nil : runs
    }

    /// Runs that turn `a[aRange]` into `b[bRange]`, near-minimal: each middle-snake search
    /// stops after `editLimit` (at least 2) edits and splits at the point that got furthest. Once `budget`
    /// is spent, each stretch still to do becomes one deletion plus one insertion and
    /// `exhausted` is set.
    /// - Complexity: O((*N* + *M*)·`editLimit`) time in the worst case, O(*N* + *M*) memory.
    static func approximateDiff(
      _ a: [Int32], _ aRange: Range<Int>, _ b: [Int32], _ bRange: Range<Int>, editLimit: Int,
      budget: inout Int, exhausted: inout Bool
    ) -> [Run] {
      // Two edits at least, so that the furthest-reaching point always makes progress.
      run(a, aRange, b, bRange, editLimit: max(editLimit, 2), budget: &budget, exhausted: &exhausted)
    }

    private static func run(
      _ a: [Int32], _ aRange: Range<Int>, _ b: [Int32], _ bRange: Range<Int>, editLimit: Int?,
      budget: inout Int, exhausted: inout Bool
    ) -> [Run] {
      let size = aRange.count + bRange.count + 4
      var vForward = [Int](repeating: -1, count: size)
      var vReverse = [Int](repeating: -1, count: size)
      var runs: [Run] = []
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          vForward.withUnsafeMutableBufferPointer { vForward in
            vReverse.withUnsafeMutableBufferPointer { vReverse in
              var context = Context(
                a: a, b: b, vForward: vForward, vReverse: vReverse, editLimit: editLimit, budget: budget)
              context.solve(aRange.lowerBound, aRange.upperBound, bRange.lowerBound, bRange.upperBound)
              budget = context.budget
              exhausted = context.exhausted
              runs = context.runs
            }
          }
        }
      }
      return runs
    }

    private enum Bisection {
      case split(x: Int, y: Int)
      case disjoint
      case overBudget
    }

    private enum Task {
      case solve(aLo: Int, aHi: Int, bLo: Int, bHi: Int)
      case emit(Run)
    }

    private struct Context {
      let a: UnsafeBufferPointer<Int32>
      let b: UnsafeBufferPointer<Int32>
      let vForward: UnsafeMutableBufferPointer<Int>
      let vReverse: UnsafeMutableBufferPointer<Int>
      /// Edits after which a middle-snake search gives up and splits; `nil` for exact.
      let editLimit: Int?
      var budget: Int
      var exhausted = false
      var runs: [Run] = []

      init(
        a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>,
        vForward: UnsafeMutableBufferPointer<Int>, vReverse: UnsafeMutableBufferPointer<Int>,
        editLimit: Int?, budget: Int
      ) {
        self.a = a
        self.b = b
        self.vForward = vForward
        self.vReverse = vReverse
        self.editLimit = editLimit
        self.budget = budget
      }

      /// Appends the runs for `a[aLo..<aHi]` against `b[bLo..<bHi]`. Divide and conquer on an
      /// explicit stack, as the approximate mode may split a long text many times.
      mutating func solve(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
        var tasks = [Task.solve(aLo: aLo, aHi: aHi, bLo: bLo, bHi: bHi)]
        while let task = tasks.popLast() {
          switch task {
          case .emit(let run):
            runs.append(run)
          case .solve(let aLo, let aHi, let bLo, let bHi):
            guard let split = step(aLo, aHi, bLo, bHi) else { continue }
            if split.suffix.oldLo < split.suffix.oldHi { tasks.append(.emit(split.suffix)) }
            tasks.append(.solve(aLo: split.x, aHi: split.u, bLo: split.splitY, bHi: split.v))
            tasks.append(.solve(aLo: split.prefixEndX, aHi: split.x, bLo: split.prefixEndY, bHi: split.splitY))
          }
          if exhausted && editLimit == nil { return }
        }
      }

      /// Solves what can be solved at once; returns the two halves still to do, if any.
      private mutating func step(
        _ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int
      ) -> (prefixEndX: Int, prefixEndY: Int, x: Int, splitY: Int, u: Int, v: Int, suffix: Run)? {
        var x = aLo
        var y = bLo
        while x < aHi && y < bHi && a[x] == b[y] {
          x += 1
          y += 1
        }
        if x > aLo { runs.append(.equal(old: aLo..<x, new: bLo..<y)) }
        var u = aHi
        var v = bHi
        while u > x && v > y && a[u - 1] == b[v - 1] {
          u -= 1
          v -= 1
        }
        budget -= (x - aLo) + (aHi - u) + 1
        let suffix = Run.equal(old: u..<aHi, new: v..<bHi)
        var split: (x: Int, y: Int)?
        if x == u || y == v {
          split = nil
        } else if budget < 0 {
          exhausted = true
          split = nil
        } else {
          switch bisect(x, u, y, v) {
          case .split(let splitX, let splitY):
            split = (splitX, splitY)
          case .disjoint:
            split = nil
          case .overBudget:
            exhausted = true
            split = nil
          }
        }
        guard let split else {
          runs += Run.replacement(old: x..<u, new: y..<v)
          if u < aHi { runs.append(suffix) }
          return nil
        }
        return (x, y, split.x, split.y, u, v, suffix)
      }

      /// Finds where the forward and reverse *D*/2-paths of `a[aLo..<aHi]` against
      /// `b[bLo..<bHi]` meet (both ranges non-empty and without common prefix or suffix); with
      /// an edit limit, gives up after that many edits and returns the furthest-reaching point.
      private mutating func bisect(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) -> Bisection {
        // Locals, so that the optimiser keeps them in registers.
        let a = UnsafeBufferPointer(rebasing: self.a[aLo..<aHi])
        let b = UnsafeBufferPointer(rebasing: self.b[bLo..<bHi])
        let vForward = self.vForward
        let vReverse = self.vReverse
        let n = a.count
        let m = b.count
        let maxD = (n + m + 1) / 2
        let dLimit = min(maxD, editLimit ?? maxD)
        // V holds diagonals -dLimit-1...dLimit+1; unset entries are -1.
        let vOffset = dLimit + 1
        let vLength = 2 * dLimit + 3
        for i in 0..<vLength {
          vForward[i] = -1
          vReverse[i] = -1
        }
        var work = vLength
        vForward[vOffset + 1] = 0
        vReverse[vOffset + 1] = 0
        let delta = n - m
        // With Δ odd the paths meet in a forward step, with Δ even in a reverse one.
        let front = delta % 2 != 0
        // Diagonals that ran off the grid are skipped from then on.
        var k1Start = 0
        var k1End = 0
        var k2Start = 0
        var k2End = 0
        for d in 0..<dLimit {
          var k1 = -d + k1Start
          while k1 <= d - k1End {
            let k1Offset = vOffset + k1
            var x1 =
              k1 == -d || (k1 != d && vForward[k1Offset - 1] < vForward[k1Offset + 1])
              ? vForward[k1Offset + 1] : vForward[k1Offset - 1] + 1
            var y1 = x1 - k1
            let snakeStart = x1
            while x1 < n && y1 < m && a[x1] == b[y1] {
              x1 += 1
              y1 += 1
            }
            work += 1 + x1 - snakeStart
            vForward[k1Offset] = x1
            if x1 > n {
              k1End += 2
            } else if y1 > m {
              k1Start += 2
            } else if front {
              let k2Offset = vOffset + delta - k1
              if k2Offset >= 0 && k2Offset < vLength && vReverse[k2Offset] != -1 {
                let x2 = n - vReverse[k2Offset]
                if x1 >= x2 {
                  budget -= work
                  return .split(x: aLo + x1, y: bLo + y1)
                }
              }
            }
            k1 += 2
          }
          var k2 = -d + k2Start
          while k2 <= d - k2End {
            let k2Offset = vOffset + k2
            var x2 =
              k2 == -d || (k2 != d && vReverse[k2Offset - 1] < vReverse[k2Offset + 1])
              ? vReverse[k2Offset + 1] : vReverse[k2Offset - 1] + 1
            var y2 = x2 - k2
            let snakeStart = x2
            while x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1] {
              x2 += 1
              y2 += 1
            }
            work += 1 + x2 - snakeStart
            vReverse[k2Offset] = x2
            if x2 > n {
              k2End += 2
            } else if y2 > m {
              k2Start += 2
            } else if !front {
              let k1Offset = vOffset + delta - k2
              if k1Offset >= 0 && k1Offset < vLength && vForward[k1Offset] != -1 {
                let x1 = vForward[k1Offset]
                let y1 = vOffset + x1 - k1Offset
                if x1 >= n - x2 {
                  budget -= work
                  return .split(x: aLo + x1, y: bLo + y1)
                }
              }
            }
            k2 += 2
          }
          if work > budget {
            budget -= work
            return .overBudget
          }
        }
        budget -= work
        if dLimit == maxD { return .disjoint }
        return furthestPoint(n: n, m: m, d: dLimit - 1, vOffset: vOffset).map {
          .split(x: aLo + $0.x, y: bLo + $0.y)
        } ?? .disjoint
      }

      /// After `d` edits in each direction: the point on the grid that the forward or the
      /// reverse paths brought furthest from their start, strictly inside the grid.
      private func furthestPoint(n: Int, m: Int, d: Int, vOffset: Int) -> (x: Int, y: Int)? {
        var best: (x: Int, y: Int)?
        var bestProgress = 0
        for k in stride(from: -d, through: d, by: 2) {
          let x1 = vForward[vOffset + k]
          let y1 = x1 - k
          if x1 >= 0 && x1 <= n && y1 >= 0 && y1 <= m && x1 + y1 > bestProgress && x1 + y1 < n + m {
            best = (x1, y1)
            bestProgress = x1 + y1
          }
          let x2 = vReverse[vOffset + k]
          let y2 = x2 - k
          if x2 >= 0 && x2 <= n && y2 >= 0 && y2 <= m && x2 + y2 > bestProgress && x2 + y2 < n + m {
            best = (n - x2, m - y2)
            bestProgress = x2 + y2
          }
        }
        return best
      }
    }
  }
}

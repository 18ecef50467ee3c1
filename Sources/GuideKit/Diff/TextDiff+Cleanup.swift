extension TextDiff {
  /// Semantic clean-up of runs, in the spirit of diff-match-patch's `cleanupMerge`,
  /// `cleanupSemantic` and `cleanupSemanticLossless`, working on tokens instead of characters.
  struct Cleanup {
    let a: TokenizedText
    let b: TokenizedText

    /// Normalised runs that read as whole spans.
    /// - Complexity: O(*r* + *t*) for *r* runs and *t* tokens moved by sliding.
    func clean(_ runs: [Run]) -> [Run] {
      var runs = normalize(runs)
      runs = normalize(eliminateSmallEqualities(runs))
      runs = normalize(slideEdits(runs))
      runs = normalize(extendReplacements(runs), factoring: false)
      return runs
    }

    // MARK: Normal form

    /// Drops empty runs, merges neighbouring equalities, gathers the edits between two
    /// equalities into one deletion followed by one insertion, and (when `factoring`) moves a
    /// common prefix or suffix of that deletion and insertion into the equalities around them.
    func normalize(_ runs: [Run], factoring: Bool = true) -> [Run] {
      var out: [Run] = []
      out.reserveCapacity(runs.count)
      var block: (oldLo: Int, oldHi: Int, newLo: Int, newHi: Int)?
      for run in runs where !run.isEmpty {
        if run.op == .equal {
          if let open = block { flush(open, factoring: factoring, into: &out) }
          block = nil
          Self.appendEqual(run, to: &out)
        } else if let open = block {
          block = (open.oldLo, run.oldHi, open.newLo, run.newHi)
        } else {
          block = (run.oldLo, run.oldHi, run.newLo, run.newHi)
        }
      }
      if let open = block { flush(open, factoring: factoring, into: &out) }
      return out
    }

    private func flush(
      _ block: (oldLo: Int, oldHi: Int, newLo: Int, newHi: Int), factoring: Bool, into out: inout [Run]
    ) {
      var (oldLo, oldHi, newLo, newHi) = block
      if !factoring {
        out += Run.replacement(old: oldLo..<oldHi, new: newLo..<newHi)
        return
      }
      let oldStart = oldLo
      let newStart = newLo
      while oldLo < oldHi && newLo < newHi && a.keys[oldLo] == b.keys[newLo] {
        oldLo += 1
        newLo += 1
      }
      if oldLo > oldStart { Self.appendEqual(.equal(old: oldStart..<oldLo, new: newStart..<newLo), to: &out) }
      let oldEnd = oldHi
      let newEnd = newHi
      while oldHi > oldLo && newHi > newLo && a.keys[oldHi - 1] == b.keys[newHi - 1] {
        oldHi -= 1
        newHi -= 1
      }
      out += Run.replacement(old: oldLo..<oldHi, new: newLo..<newHi)
      if oldHi < oldEnd { Self.appendEqual(.equal(old: oldHi..<oldEnd, new: newHi..<newEnd), to: &out) }
    }

    private static func appendEqual(_ run: Run, to out: inout [Run]) {
      if let last = out.last, last.op == .equal {
        out[out.count - 1].oldHi = run.oldHi
        out[out.count - 1].newHi = run.newHi
      } else {
        out.append(run)
      }
    }

    // MARK: Semantic

    /// Turns each equality no longer than the larger edit on either side of it into a deletion
    /// plus an insertion, then re-examines the equality before it, as diff-match-patch's
    /// `cleanupSemantic` does. Lengths are display columns, so that a kanji weighs as much as
    /// two Latin letters. Expects normalised runs.
    func eliminateSmallEqualities(_ runs: [Run]) -> [Run] {
      var eliminated = [Bool](repeating: false, count: runs.count)
      // Surviving equalities, each with the lengths of the edits just before it.
      var stack: [(index: Int, inserted: Int, deleted: Int)] = []
      var inserted = 0
      var deleted = 0
      func resolve() {
        while let top = stack.last {
          let run = runs[top.index]
          let length = max(a.columns(run.oldLo..<run.oldHi), b.columns(run.newLo..<run.newHi))
          guard length <= max(top.inserted, top.deleted), length <= max(inserted, deleted) else { break }
          eliminated[top.index] = true
          stack.removeLast()
          inserted += top.inserted + length
          deleted += top.deleted + length
        }
      }
      for (index, run) in runs.enumerated() {
        switch run.op {
        case .equal:
          resolve()
          stack.append((index, inserted, deleted))
          inserted = 0
          deleted = 0
        case .insert:
          inserted += b.columns(run.newLo..<run.newHi)
        case .delete:
          deleted += a.columns(run.oldLo..<run.oldHi)
        }
      }
      resolve()
      var out: [Run] = []
      out.reserveCapacity(runs.count + 8)
      for (index, run) in runs.enumerated() {
        if eliminated[index] {
          out += Run.replacement(old: run.oldLo..<run.oldHi, new: run.newLo..<run.newHi)
        } else {
          out.append(run)
        }
      }
      return out
    }

    // MARK: Boundaries

    /// Slides each lone insertion or deletion between two equalities to the boundary that reads
    /// best (see ``boundaryScore(_:at:)``), like diff-match-patch's `cleanupSemanticLossless`.
    /// Sliding is possible where the edit's tokens repeat those beside it. Expects normalised
    /// runs; the result may hold empty equalities.
    func slideEdits(_ runs: [Run]) -> [Run] {
      var runs = runs
      var i = 1
      while i + 1 < runs.count {
        defer { i += 1 }
        let edit = runs[i]
        guard edit.op != .equal, runs[i - 1].op == .equal, runs[i + 1].op == .equal else { continue }
        let side = edit.op == .insert ? b : a
        let (editLo, editHi) = edit.op == .insert ? (edit.newLo, edit.newHi) : (edit.oldLo, edit.oldHi)
        let floor = edit.op == .insert ? runs[i - 1].newLo : runs[i - 1].oldLo
        let ceiling = edit.op == .insert ? runs[i + 1].newHi : runs[i + 1].oldHi
        // Slide as far left as the tokens allow, then try each position to the right.
        var lo = editLo
        var hi = editHi
        while lo > floor && side.keys[lo - 1] == side.keys[hi - 1] {
          lo -= 1
          hi -= 1
        }
        var best = lo
        var bestScore = boundaryScore(side, at: lo) + boundaryScore(side, at: hi)
        while hi < ceiling && side.keys[lo] == side.keys[hi] {
          lo += 1
          hi += 1
          let score = boundaryScore(side, at: lo) + boundaryScore(side, at: hi)
          if score >= bestScore {
            best = lo
            bestScore = score
          }
        }
        let shift = best - editLo
        if shift == 0 { continue }
        runs[i - 1].oldHi += shift
        runs[i - 1].newHi += shift
        runs[i].oldLo += shift
        runs[i].oldHi += shift
        runs[i].newLo += shift
        runs[i].newHi += shift
        runs[i + 1].oldLo += shift
        runs[i + 1].newLo += shift
      }
      return runs
    }

    /// Moves one token from an equality into a neighbouring replacement (a deletion plus an
    /// insertion) when the replacement's edge falls inside a run of one script in both texts
    /// and one token further is a boundary: 「[-必要があ-]{+責務を有す+}る。」 becomes
    /// 「[-必要がある-]{+責務を有する+}。」. Expects normalised runs; the result may hold empty
    /// equalities.
    func extendReplacements(_ runs: [Run]) -> [Run] {
      var runs = runs
      var i = 0
      while i + 1 < runs.count {
        defer { i += 1 }
        guard runs[i].op == .delete, runs[i + 1].op == .insert else { continue }
        // Right edge: the equality after the insertion.
        if i + 2 < runs.count {
          let next = runs[i + 2]
          let count = next.oldHi - next.oldLo
          if count >= 2 || (count == 1 && i + 3 == runs.count),
            min(boundaryScore(a, at: next.oldLo), boundaryScore(b, at: next.newLo)) == 0,
            min(boundaryScore(a, at: next.oldLo + 1), boundaryScore(b, at: next.newLo + 1)) > 0
          {
            runs[i].oldHi += 1
            runs[i + 1].oldLo += 1
            runs[i + 1].oldHi += 1
            runs[i + 1].newHi += 1
            runs[i + 2].oldLo += 1
            runs[i + 2].newLo += 1
          }
        }
        // Left edge: the equality before the deletion.
        if i >= 1 {
          let previous = runs[i - 1]
          let count = previous.oldHi - previous.oldLo
          if count >= 2 || (count == 1 && i == 1),
            min(boundaryScore(a, at: previous.oldHi), boundaryScore(b, at: previous.newHi)) == 0,
            min(boundaryScore(a, at: previous.oldHi - 1), boundaryScore(b, at: previous.newHi - 1)) > 0
          {
            runs[i - 1].oldHi -= 1
            runs[i - 1].newHi -= 1
            runs[i].oldLo -= 1
            runs[i].newLo -= 1
            runs[i].newHi -= 1
            runs[i + 1].newLo -= 1
          }
        }
      }
      return runs
    }

    /// How well an edit boundary reads between tokens `position - 1` and `position` of `t`,
    /// from 6 (edge of the text) down to 0 (inside a word or a run of one script).
    ///
    /// 6 text edge; 5 blank line; 4 line break, or after 。．！？; 3 whitespace, after 、，・：
    /// or a closing bracket, before an opening bracket; 2 a change of script, hiragana to kanji,
    /// katakana, Latin or digits (a phrase starts) or between kanji, katakana, Latin and digits;
    /// 1 into hiragana (okurigana, particles), before closing punctuation, after an opening
    /// bracket, next to other symbols; 0 within one script.
    func boundaryScore(_ t: TokenizedText, at position: Int) -> Int {
      if position <= 0 || position >= t.count { return 6 }
      let left = t.lastClass[position - 1]
      let right = t.firstClass[position]
      if left == .blankLine || right == .blankLine { return 5 }
      if left == .newline || right == .newline { return 4 }
      if left == .space || right == .space { return 3 }
      switch right {
      case .sentenceEnd, .comma, .closeBracket: return 1
      default: break
      }
      switch left {
      case .openBracket: return 1
      case .sentenceEnd: return 4
      case .comma, .closeBracket: return 3
      default: break
      }
      if right == .openBracket { return 3 }
      if left == right { return 0 }
      if left == .symbol || right == .symbol { return 1 }
      if left == .hiragana { return 2 }
      if right == .hiragana { return 1 }
      return 2
    }
  }
}

/// Lines for a run of text that the kinsoku rules leave without a break point within the width
/// (a unit of `LineBreak` wider than the line): the rules are relaxed in JLReq's order, one level
/// at a time, only as far as a line needs.
enum RelaxedBreaks {
  /// A break point inside the run at some relaxation: the line ends at `end` (characters), the next
  /// starts at `next` (after the whitespace the break consumes).
  private struct Break {
    var end: Int
    var next: Int
  }

  /// The contents of the lines `text` (one `LineBreak` unit) is cut into, or nil when no relaxed
  /// break helps (a URL, a Latin word, a number: the run stands alone on its line).
  ///
  /// Each line ends at the last break point within `columns` of the least relaxed level that has
  /// one (small kana first, then ー, iteration marks and hyphens, then every rule), provided what
  /// follows can itself be laid out: a break that only parts an opening bracket or a 、 from a URL
  /// too long for any line is not taken.
  /// - Complexity: O(*n* · *b*) for *n* characters and *b* break points.
  static func lines(of text: String, columns: Int, ambiguous: AmbiguousWidth) -> [String]? {
    let chars = Array(text)
    var prefix = [0]
    prefix.reserveCapacity(chars.count + 1)
    for c in chars {
      prefix.append(prefix[prefix.count - 1] + EastAsianWidth.columns(of: String(c), ambiguous: ambiguous))
    }
    func width(_ a: Int, _ b: Int) -> Int { prefix[b] - prefix[a] }

    let levels: [Kinsoku.Relaxation] = [.smallKana, .loose, .all]
    let breaks: [[Break]] = levels.map { level in
      var out: [Break] = []
      var offset = 0
      let units = LineBreak.units(of: text, relaxation: level)
      for (index, unit) in units.enumerated() {
        let end = offset + unit.body.count
        offset = end + unit.space.count
        if index < units.count - 1 { out.append(Break(end: end, next: offset)) }
      }
      return out
    }

    /// The last break of the least relaxed level that ends a line starting at `start` within the width.
    func breakWithin(from start: Int) -> Break? {
      for levelBreaks in breaks {
        if let found = levelBreaks.last(where: { $0.end > start && width(start, $0.end) <= columns }) { return found }
      }
      return nil
    }
    func fits(from start: Int) -> Bool { width(start, chars.count) <= columns }

    var lines: [String] = []
    var start = 0
    while !fits(from: start) {
      guard let cut = breakWithin(from: start), fits(from: cut.next) || breakWithin(from: cut.next) != nil
      else { break }
      lines.append(String(chars[start..<cut.end]))
      start = cut.next
    }
    guard !lines.isEmpty else { return nil }
    lines.append(String(chars[start...]))
    return lines
  }
}

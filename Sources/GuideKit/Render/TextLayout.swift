/// Options of the plain-text layout.
public struct TextLayoutOptions: Sendable, Equatable {
  /// The maximum width of a line, in display columns (a full-width character takes two).
  public var width: Int
  /// The width of East_Asian_Width A characters.
  public var ambiguous: AmbiguousWidth
  /// The number of blank lines between two blocks in `TextLayout.render(_:options:)`.
  public var blankLinesBetweenBlocks: Int

  public init(
    width: Int = 70, ambiguous: AmbiguousWidth = .narrow, blankLinesBetweenBlocks: Int = 1
  ) {
    self.width = width
    self.ambiguous = ambiguous
    self.blankLinesBetweenBlocks = blankLinesBetweenBlocks
  }
}

/// A block of the text's structure as produced by the text stylesheet: a title, a paragraph, a
/// numbered clause or an item.
public struct TextBlock: Sendable, Equatable {
  /// How the lines of a block stand in the line width.
  public enum Alignment: Sendable, Equatable {
    /// Flush left after the indentation (the default).
    case leading
    /// Flush right, as the date at the top right of a notice.
    case trailing
    /// Centred, as a title.
    case center
  }

  /// The paragraph's text. It needs no newlines; a newline forces a line break. Tabs and other
  /// control characters take no column: expand or remove them first.
  public var text: String
  /// Columns of indentation of every line.
  public var indent: Int
  /// A label such as "(1)" or "第1条" printed on the first line, followed by one space; the
  /// following lines are indented by its width in columns + 1 (hanging indentation).
  public var hanging: String
  /// How the lines stand in the line width.
  public var alignment: Alignment

  public init(text: String, indent: Int = 0, hanging: String = "", alignment: Alignment = .leading) {
    self.text = text
    self.indent = indent
    self.hanging = hanging
    self.alignment = alignment
  }
}

/// Plain-text layout of Japanese and mixed text in a fixed number of columns.
///
/// Lines break at the opportunities of `LineBreak` (between CJK characters, at spaces in Latin
/// text, never inside a Latin word, a number or a URL) and obey kinsoku (JIS X 4051 / JLReq): no
/// line starts with a closing bracket, 、。, ー, a small kana, … and none ends with an opening bracket.
///
/// Kinsoku strategy: **push-out** (追い出し) only, no hanging punctuation (ぶら下げ). When the
/// character that would start the next line may not start one, the last break opportunity before
/// it is taken instead, so the preceding character moves down with it (「…お。」 is never split
/// before 。). Where the rules leave no break point within the width (a run of small kana, of ー,
/// or such as 字」」）。 longer than the line), they are relaxed in JLReq's order — small kana may
/// start a line, then ー, iteration marks and hyphens, then any character — rather than let the
/// line overflow. Lines are therefore never wider than the width, except a line that holds a
/// single token that breaks under no rule (a long URL, Latin word or number), which stands alone
/// and unbroken. Every line holds at least one unit, so no input loops or yields an
/// empty line (other than one the text asks for with two newlines).
///
/// Whitespace at a break is consumed (a line break replaces it); no line ends with whitespace.
/// Every other character is kept, in order: joining the lines without their indentation and
/// label gives back the text, up to the whitespace at the breaks.
public enum TextLayout {
  /// Lays out a paragraph into lines no wider than `options.width` columns (except an unbreakable
  /// unit longer than the width, e.g. a URL, which stands alone on its line, never broken).
  /// - Parameters:
  ///   - block: the paragraph, its indentation (columns) and hanging label.
  ///   - options: the width in columns and the width of ambiguous characters.
  /// - Returns: the lines, without newlines or trailing whitespace. The first line carries
  ///   `indent` spaces and the label; the others `indent` + label width + 1 spaces, at most half
  ///   the width or 16 (so is `indent`), keeping the output linear in the input; a label wider than that
  ///   stands on a line of its own. Empty if the
  ///   text is empty or whitespace and there is no label; just the label if there is one.
  /// - Complexity: O(*n*) in the number of characters.
  public static func lines(for block: TextBlock, options: TextLayoutOptions) -> [String] {
    // Indentation stops at half the width (16 columns on narrow widths), so that the output stays
    // linear in the input: a label thousands of columns wide would otherwise indent every
    // following line by its width.
    let maxIndent = max(16, options.width / 2)
    let indent = min(max(0, block.indent), maxIndent)
    let labelColumns =
      block.hanging.isEmpty
      ? 0 : EastAsianWidth.columns(of: block.hanging, ambiguous: options.ambiguous) + 1
    let firstPrefix =
      String(repeating: " ", count: indent) + (block.hanging.isEmpty ? "" : block.hanging + " ")
    let hangingIndent = min(indent + labelColumns, maxIndent)
    let restPrefix = String(repeating: " ", count: hangingIndent)
    let available = max(0, options.width - hangingIndent)
    let contents = wrap(block.text, columns: available, ambiguous: options.ambiguous)
    if contents.isEmpty {
      return block.hanging.isEmpty ? [] : [trimmingTrailingSpace(firstPrefix)]
    }
    var result: [String] = []
    result.reserveCapacity(contents.count + 1)
    // A label wider than the indentation allows stands on a line of its own.
    let labelAlone = hangingIndent < indent + labelColumns
    if labelAlone { result.append(align(trimmingTrailingSpace(firstPrefix), block.alignment, options: options)) }
    for (n, content) in contents.enumerated() {
      let line = trimmingTrailingSpace((n == 0 && !labelAlone ? firstPrefix : restPrefix) + content)
      result.append(align(line, block.alignment, options: options))
    }
    return result
  }

  /// Lays out blocks one after another.
  /// - Parameters:
  ///   - blocks: the blocks in reading order; a block without lines (empty text, no label) is
  ///     skipped.
  ///   - options: as for `lines(for:options:)`; `blankLinesBetweenBlocks` blank lines (default 1)
  ///     separate two blocks.
  /// - Returns: the text, each line ended by "\n" (so a trailing newline); "" if there is no line.
  public static func render(_ blocks: [TextBlock], options: TextLayoutOptions) -> String {
    let separator = String(repeating: "\n", count: max(0, options.blankLinesBetweenBlocks))
    var out = ""
    var first = true
    for block in blocks {
      let lines = lines(for: block, options: options)
      if lines.isEmpty { continue }
      if !first { out += separator }
      first = false
      for line in lines {
        out += line
        out += "\n"
      }
    }
    return out
  }

  /// Wraps text into lines of at most `columns` columns, without any indentation.
  /// - Returns: the lines' contents; empty if the text has no unit.
  static func wrap(_ text: String, columns: Int, ambiguous: AmbiguousWidth) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineColumns = 0
    var lineIsOpen = false
    var pendingSpace = ""
    func closeLine() {
      if lineIsOpen { lines.append(line) }
      line = ""
      lineColumns = 0
      lineIsOpen = false
      pendingSpace = ""
    }
    func place(_ unit: LineBreak.Unit, _ bodyColumns: Int) {
      if !lineIsOpen {
        line = unit.body
        lineColumns = bodyColumns
        lineIsOpen = true
      } else {
        let spaceColumns = EastAsianWidth.columns(of: pendingSpace, ambiguous: ambiguous)
        if lineColumns + spaceColumns + bodyColumns <= columns {
          line += pendingSpace + unit.body
          lineColumns += spaceColumns + bodyColumns
        } else {
          // Break here: the pending whitespace is consumed; the unit opens the next line.
          lines.append(line)
          line = unit.body
          lineColumns = bodyColumns
        }
      }
      pendingSpace = unit.space
      if unit.forcedBreak {
        lines.append(line)
        line = ""
        lineColumns = 0
        lineIsOpen = false
        pendingSpace = ""
      }
    }
    for unit in LineBreak.units(of: text) {
      let bodyColumns = EastAsianWidth.columns(of: unit.body, ambiguous: ambiguous)
      guard bodyColumns > columns, let cut = RelaxedBreaks.lines(of: unit.body, columns: columns, ambiguous: ambiguous)
      else {
        place(unit, bodyColumns)
        continue
      }
      // The rules leave no break point within the width: the unit starts a line (at the legal
      // break before it) and is cut where the rules, relaxed in JLReq's order, allow; its last
      // line stays open for what follows.
      closeLine()
      lines += cut.dropLast()
      let last = cut[cut.count - 1]
      place(
        LineBreak.Unit(body: last, space: unit.space, forcedBreak: unit.forcedBreak),
        EastAsianWidth.columns(of: last, ambiguous: ambiguous))
    }
    if lineIsOpen { lines.append(line) }
    return lines
  }

  /// Pads a line on the left for trailing or centred alignment.
  private static func align(
    _ line: String, _ alignment: TextBlock.Alignment, options: TextLayoutOptions
  ) -> String {
    if alignment == .leading || line.isEmpty { return line }
    let slack = options.width - EastAsianWidth.columns(of: line, ambiguous: options.ambiguous)
    if slack <= 0 { return line }
    let pad = alignment == .trailing ? slack : slack / 2
    return String(repeating: " ", count: pad) + line
  }

  /// Removes trailing breakable whitespace (spaces left by an empty label or text), scalar by
  /// scalar, so that a space carrying a combining mark is kept.
  private static func trimmingTrailingSpace(_ s: String) -> String {
    var scalars = s.unicodeScalars[...]
    while let last = scalars.last, LineBreak.isBreakableSpace(Character(last)) {
      scalars = scalars.dropLast()
    }
    return String(scalars)
  }
}

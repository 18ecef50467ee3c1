extension TextDiff {
  /// The class of a character, for tokenising and for scoring edit boundaries.
  enum CharClass: UInt8 {
    case space, newline, blankLine
    case latin, digit
    case kanji, hiragana, katakana
    case sentenceEnd, comma, openBracket, closeBracket
    case symbol

    var isWhitespace: Bool { self == .space || self == .newline || self == .blankLine }
    var isWord: Bool { self == .latin || self == .digit }

    /// The class of a character that starts with scalar `first`; width variants are classed as
    /// their folded forms, whitespace by its first scalar.
    init(first: Unicode.Scalar) {
      let s = TextNormalization.foldWidth(first)
      let v = s.value
      switch v {
      case 0x30...0x39: self = .digit
      case 0x41...0x5A, 0x61...0x7A: self = .latin
      case 0x0A...0x0D, 0x85, 0x2028, 0x2029: self = .newline
      case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: self = .space
      case 0x2E, 0x21, 0x3F, 0x3002: self = .sentenceEnd  // . ! ? 。
      case 0x2C, 0x3A, 0x3B, 0x3001, 0x30FB: self = .comma  // , : ; 、 ・
      case 0x28, 0x5B, 0x7B, 0x2018, 0x201C, 0x2985, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010,
        0x3014, 0x3016, 0x3018, 0x301A, 0x301D:
        self = .openBracket
      case 0x29, 0x5D, 0x7D, 0x2019, 0x201D, 0x2986, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011,
        0x3015, 0x3017, 0x3019, 0x301B, 0x301E, 0x301F:
        self = .closeBracket
      case 0x3041...0x309F: self = .hiragana
      case 0x30A0...0x30FF, 0x31F0...0x31FF: self = .katakana
      case 0x3005...0x3007, 0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
        self = .kanji  // 々〆〇〻 and the CJK ideograph blocks
      case 0...0x7F: self = .symbol
      default:
        let properties = s.properties
        if properties.isIdeographic {
          self = .kanji
        } else if v < 0x2E80 && properties.numericType == .decimal {
          self = .digit
        } else if v < 0x2E80 && properties.isAlphabetic {
          self = .latin
        } else {
          self = .symbol
        }
      }
    }
  }

  /// A text cut into tokens, each a contiguous span of the text.
  ///
  /// Token `i` spans UTF-8 offsets `starts[i]..<starts[i + 1]` and display columns
  /// `columnOffsets[i]..<columnOffsets[i + 1]`; tokens cover the whole text, except that a text of
  /// whitespace only has no tokens at all when whitespace is ignored (``isBlank``).
  struct TokenizedText {
    /// The text's UTF-8 bytes.
    var bytes: [UInt8]
    /// Start of each token in UTF-8 bytes, plus the end of the text.
    var starts: [Int] = []
    /// Start of each token in display columns (two for a wide character, one otherwise), plus
    /// the width of the text: the weight of a span for clean-up.
    var columnOffsets: [Int] = []
    /// The comparison key of each token: a Unicode scalar value, or an interned id ≥ 0x110000.
    var keys: [Int32] = []
    /// The class of each token's first and last character.
    var firstClass: [CharClass] = []
    var lastClass: [CharClass] = []

    var count: Int { keys.count }
    /// True for a non-empty text that has no tokens (whitespace only, with whitespace ignored).
    var isBlank: Bool { keys.isEmpty && !bytes.isEmpty }

    /// The text of tokens `range`.
    func string(_ range: Range<Int>) -> String {
      String(decoding: bytes[starts[range.lowerBound]..<starts[range.upperBound]], as: UTF8.self)
    }

    /// The display columns of tokens `range`.
    func columns(_ range: Range<Int>) -> Int {
      columnOffsets[range.upperBound] - columnOffsets[range.lowerBound]
    }

    /// True when tokens `range` have the same bytes as tokens `otherRange` of `other`.
    func bytesEqual(_ range: Range<Int>, _ other: TokenizedText, _ otherRange: Range<Int>) -> Bool {
      bytes[starts[range.lowerBound]..<starts[range.upperBound]]
        .elementsEqual(other.bytes[other.starts[otherRange.lowerBound]..<other.starts[otherRange.upperBound]])
    }
  }

  /// A string key compared by its exact Unicode scalars (Swift's `==` on `String` would treat
  /// canonically equivalent texts as equal, which would break byte-exact replay).
  struct ExactKey: Hashable {
    var text: String

    static func == (lhs: ExactKey, rhs: ExactKey) -> Bool {
      lhs.text.hasSameUTF8(as: rhs.text)
    }

    func hash(into hasher: inout Hasher) {
      let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
      }
      if hashed == nil {
        for byte in text.utf8 { hasher.combine(byte) }
      }
    }
  }

  /// Assigns ids ≥ 0x110000 to multi-scalar token keys, shared by the two texts of one diff.
  struct KeyInterner {
    private var ids: [ExactKey: Int32] = [:]
    private var next: Int32 = 0x110000

    mutating func id(for text: String) -> Int32 {
      let key = ExactKey(text: text)
      if let id = ids[key] { return id }
      let id = next
      next += 1
      ids[key] = id
      return id
    }

    /// The key of a token text: its scalar value when it is one scalar, otherwise an interned id.
    mutating func key(for text: String) -> Int32 {
      var scalars = text.unicodeScalars.makeIterator()
      if let first = scalars.next(), scalars.next() == nil {
        return Int32(bitPattern: first.value)
      }
      return id(for: text)
    }
  }

  /// Cuts a text into tokens: one per character for CJK text and punctuation, one per word for
  /// runs of letters and digits (a `.` or `,` between digits stays in the number: 「1,000」,
  /// 「2.5」), one per whitespace run. With `ignoreWhitespace`, whitespace runs are no tokens of
  /// their own: each joins the token before it (leading whitespace joins the first token).
  /// - Complexity: O(*n*) in characters.
  static func tokenize(
    _ text: String, options: TextDiffOptions, interner: inout KeyInterner
  ) -> TokenizedText {
    var tokenizer = Tokenizer(text: text, options: options)
    tokenizer.run(&interner)
    return tokenizer.result
  }

  private struct Tokenizer {
    enum Span { case none, word, whitespace }

    /// A character that is a token of its own.
    struct Single {
      var offset: Int
      var columns: Int
      var length: Int
      var first: Unicode.Scalar
      var isOneScalar: Bool
      var cls: CharClass
    }

    let text: String
    let bytes: [UInt8]
    let options: TextDiffOptions
    var result: TokenizedText

    // Byte offset and column of the current character.
    var offset = 0
    var columns = 0
    // The open word or whitespace run.
    var span = Span.none
    var spanStart = 0
    var spanColumns = 0
    var spanFirst = CharClass.symbol
    var spanLast = CharClass.symbol
    var spanNewlines = 0
    // A `.` or `,` after a digit, kept back until the next character shows if a number goes on.
    var separator: Single?
    // Class of whitespace that precedes the first token (with whitespace ignored).
    var leadingWhitespace: CharClass?

    init(text: String, options: TextDiffOptions) {
      self.text = text
      self.options = options
      bytes = Array(text.utf8)
      result = TokenizedText(bytes: bytes)
      let estimate = bytes.count / 2 + 1
      result.starts.reserveCapacity(estimate)
      result.columnOffsets.reserveCapacity(estimate)
      result.keys.reserveCapacity(estimate)
      result.firstClass.reserveCapacity(estimate)
      result.lastClass.reserveCapacity(estimate)
    }

    mutating func run(_ interner: inout KeyInterner) {
      while offset < bytes.count {
        let (first, firstLength) = scalar(at: offset)
        let length = characterLength(at: offset, first: first, firstLength: firstLength)
        let cls = CharClass(first: first)
        let width = EastAsianWidth.isWide(first) ? 2 : 1
        if let pending = separator {
          if cls == .digit, span == .word {
            // The separator and this digit go on the number.
            separator = nil
            spanLast = .digit
            offset += length
            columns += width
            continue
          }
          closeSpan(&interner, end: pending.offset)
          separator = nil
          emitSingle(pending, interner: &interner)
        }
        if cls.isWhitespace {
          if span != .whitespace {
            closeSpan(&interner, end: offset)
            openSpan(.whitespace, cls)
          }
          if cls == .newline { spanNewlines += 1 }
        } else if cls.isWord {
          if span != .word {
            closeSpan(&interner, end: offset)
            openSpan(.word, cls)
          }
          spanLast = cls
        } else {
          let single = Single(
            offset: offset, columns: columns, length: length, first: first,
            isOneScalar: length == firstLength, cls: cls)
          let folded = TextNormalization.foldWidth(first)
          if span == .word, spanLast == .digit, single.isOneScalar, folded == "." || folded == "," {
            separator = single
          } else {
            closeSpan(&interner, end: offset)
            emitSingle(single, interner: &interner)
          }
        }
        offset += length
        columns += width
      }
      if let pending = separator {
        closeSpan(&interner, end: pending.offset)
        emitSingle(pending, interner: &interner)
      } else {
        closeSpan(&interner, end: offset)
      }
      result.starts.append(offset)
      result.columnOffsets.append(columns)
    }

    /// The length in bytes of the character (grapheme cluster) that starts at `i` with `first`.
    /// Between two scalars of the common Latin and Japanese blocks there is always a break, so
    /// only a character followed by a mark, a joiner or a scalar outside those blocks asks the
    /// String for its extent.
    func characterLength(at i: Int, first: Unicode.Scalar, firstLength: Int) -> Int {
      let next = i + firstLength
      if next == bytes.count { return firstLength }
      if Self.alwaysBreaks(first.value) && Self.alwaysBreaks(scalar(at: next).0.value) { return firstLength }
      let utf8 = text.utf8
      let start = utf8.index(utf8.startIndex, offsetBy: i)
      return utf8.distance(from: start, to: text.index(after: start))
    }

    /// Scalars with Grapheme_Cluster_Break=Other (or LF, tab) that never join a neighbour from this
    /// set: printable ASCII, CJK symbols and punctuation (without the tone marks U+302A…U+302F),
    /// hiragana (without the combining sound marks U+3099, U+309A), katakana, CJK ideographs and
    /// full-width ASCII.
    static func alwaysBreaks(_ value: UInt32) -> Bool {
      switch value {
      case 0x09, 0x0A, 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF,
        0x4E00...0x9FFF, 0xFF01...0xFF5E:
        return true
      default:
        return false
      }
    }

    /// The scalar that starts at UTF-8 offset `i`, and its length in bytes.
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
      let (value, length) = UTF8Scalar.decode(bytes, at: i)
      return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    mutating func openSpan(_ kind: Span, _ cls: CharClass) {
      span = kind
      spanStart = offset
      spanColumns = columns
      spanFirst = cls
      spanLast = cls
      spanNewlines = 0
    }

    /// Emits the open span, which ends at byte offset `end`.
    mutating func closeSpan(_ interner: inout KeyInterner, end: Int) {
      switch span {
      case .none:
        return
      case .word:
        var word = String(decoding: bytes[spanStart..<end], as: UTF8.self)
        if options.ignoreWidth { word = TextNormalization.foldingWidth(word) }
        emit(start: spanStart, columns: spanColumns, key: interner.id(for: word), first: spanFirst, last: spanLast)
      case .whitespace:
        let cls: CharClass = spanNewlines >= 2 ? .blankLine : spanNewlines == 1 ? .newline : .space
        if options.ignoreWhitespace {
          // Join the previous token, or wait for the first one.
          if result.keys.isEmpty {
            leadingWhitespace = cls
          } else {
            result.lastClass[result.lastClass.count - 1] = cls
          }
        } else {
          var run = String(decoding: bytes[spanStart..<end], as: UTF8.self)
          if options.ignoreWidth { run = TextNormalization.foldingWidth(run) }
          emit(start: spanStart, columns: spanColumns, key: interner.id(for: run), first: cls, last: cls)
        }
      }
      span = .none
    }

    mutating func emitSingle(_ single: Single, interner: inout KeyInterner) {
      let key: Int32
      if single.isOneScalar {
        let scalar = options.ignoreWidth ? TextNormalization.foldWidth(single.first) : single.first
        key = Int32(bitPattern: scalar.value)
      } else {
        var text = String(decoding: bytes[single.offset..<(single.offset + single.length)], as: UTF8.self)
        if options.ignoreWidth { text = TextNormalization.foldingWidth(text) }
        key = interner.key(for: text)
      }
      emit(start: single.offset, columns: single.columns, key: key, first: single.cls, last: single.cls)
    }

    mutating func emit(start: Int, columns: Int, key: Int32, first: CharClass, last: CharClass) {
      if result.keys.isEmpty {
        // The first token starts the text (it takes any leading whitespace).
        result.starts.append(0)
        result.columnOffsets.append(0)
        result.firstClass.append(leadingWhitespace ?? first)
      } else {
        result.starts.append(start)
        result.columnOffsets.append(columns)
        result.firstClass.append(first)
      }
      result.keys.append(key)
      result.lastClass.append(last)
    }
  }
}

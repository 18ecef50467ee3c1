extension LawReader {
  /// How a Japanese guideline cites a provision, in Arabic numerals:
  /// `humanLabel(lawTitle: "労働基準法", provision: "Art38_2/Para1")` is 「労働基準法第38条の2第1項」.
  ///
  /// Segments of the provision id: `Art66_8_3` → 第66条の8の3, `Art29:31` → 第29条から第31条まで,
  /// `Para1` → 第1項, `Item2_2` → 第2号の2, `Sub1_3` → ハ (イロハ order), `Sub2_1` → (1),
  /// `Sub3_2` → (ii), `Part1` 第1編, `Chap6_2` 第6章の2, `Sec2` 第2節, `Subsec1` 第1款, `Div1` 第1目,
  /// `Suppl` → 附則 (a following amendment law number is put in parentheses). A segment it does not
  /// know is written as it stands.
  /// - Parameters:
  ///   - lawTitle: the law's title (`LawTitle`), written first; may be empty.
  ///   - provision: a provision id as read by `LawReader`.
  public static func humanLabel(lawTitle: String, provision: String) -> String {
    var out = lawTitle
    var previousWasSuppl = false
    for segment in provision.split(separator: "/", omittingEmptySubsequences: true) {
      let segment = String(segment)
      if previousWasSuppl {
        previousWasSuppl = false
        if LawNumbering.label(ofSegment: segment) == nil {
          out += "（\(segment)）"
          continue
        }
      }
      if segment == "Suppl" {
        out += "附則"
        previousWasSuppl = true
      } else {
        out += LawNumbering.label(ofSegment: segment) ?? segment
      }
    }
    return out
  }
}

/// Numbering conventions of Japanese statutes, used to write provision ids for readers.
package enum LawNumbering {
  /// Segment prefixes of provision ids and the counter word written after the number.
  private static let counters: [(prefix: String, counter: String)] = [
    ("Subsec", "款"), ("Part", "編"), ("Chap", "章"), ("Sec", "節"), ("Div", "目"),
    ("Art", "条"), ("Para", "項"), ("Item", "号"),
  ]

  /// The order of 号 subdivisions at the first level (イ, ロ, ハ …), as statutes use it.
  static let iroha: [String] = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
    .map { String($0) }

  /// The reader's label for one segment of a provision id, or nil when it is not one.
  static func label(ofSegment segment: String) -> String? {
    if segment.hasPrefix("Sub"), !segment.hasPrefix("Subsec") {
      return subitemLabel(segment.dropFirst(3))
    }
    for (prefix, counter) in counters where segment.hasPrefix(prefix) {
      let number = segment.dropFirst(prefix.count)
      guard isNumber(number) else { return nil }
      let bounds = number.split(separator: ":", maxSplits: 1)
      if bounds.count == 2 {
        return "第\(branched(bounds[0], counter: counter))から第\(branched(bounds[1], counter: counter))まで"
      }
      return "第" + branched(number, counter: counter)
    }
    return nil
  }

  /// `38_2` with 条 → `38条の2`.
  private static func branched(_ number: Substring, counter: String) -> String {
    let parts = number.split(separator: "_")
    guard let first = parts.first else { return String(number) + counter }
    return first + counter + parts.dropFirst().map { "の" + $0 }.joined()
  }

  /// `1_3` → ハ, `2_1` → (1), `3_2` → (ii); deeper levels → (n).
  private static func subitemLabel(_ rest: Substring) -> String? {
    let parts = rest.split(separator: "_")
    guard parts.count >= 2, let level = Int(parts[0]), let index = Int(parts[1]), index >= 1 else {
      return nil
    }
    let branches = parts.dropFirst(2).map { "の" + $0 }.joined()
    switch level {
    case 1:
      let kana = index <= iroha.count ? iroha[index - 1] : String(index)
      return kana + branches
    case 3:
      return "(" + romanLowercase(index) + ")" + branches
    default:
      return "(\(index))" + branches
    }
  }

  /// 1 → i, 4 → iv, 12 → xii.
  package static func romanLowercase(_ value: Int) -> String {
    guard value > 0, value < 4000 else { return String(value) }
    let table: [(Int, String)] = [
      (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
      (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]
    var remaining = value
    var out = ""
    for (amount, symbol) in table {
      while remaining >= amount {
        out += symbol
        remaining -= amount
      }
    }
    return out
  }

  /// Digits with `_` branches and at most one `:` range, starting with a digit.
  private static func isNumber(_ text: Substring) -> Bool {
    guard let first = text.first, first.isASCII, first.isNumber else { return false }
    return text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" || $0 == ":" }
  }
}

/// Natural version order: digit runs compare as numbers, other runs as text
/// (`rev4` < `rev5.0.1` < `rev5.1.1`, `4.0` < `5.0` < `10.0`, `2018` < `2021`).
public enum NaturalOrder {
  public static func less(_ a: String, _ b: String) -> Bool {
    compare(a, b) < 0
  }

  /// Negative, zero or positive as `a` sorts before, with or after `b`.
  public static func compare(_ a: String, _ b: String) -> Int {
    let x = tokens(a)
    let y = tokens(b)
    for (p, q) in zip(x, y) {
      switch (p, q) {
      case (.number(let m), .number(let n)):
        if m != n { return m < n ? -1 : 1 }
      case (.text(let s), .text(let t)):
        if s != t { return s < t ? -1 : 1 }
      case (.number, .text): return -1
      case (.text, .number): return 1
      }
    }
    if x.count != y.count { return x.count < y.count ? -1 : 1 }
    return a == b ? 0 : (a < b ? -1 : 1)
  }

  private enum Token {
    case number(UInt64)
    case text(String)
  }

  private static func tokens(_ s: String) -> [Token] {
    var out: [Token] = []
    var digits = ""
    var text = ""
    func flush() {
      if !digits.isEmpty {
        out.append(.number(UInt64(digits.suffix(18)) ?? 0))
        digits = ""
      }
      if !text.isEmpty {
        out.append(.text(text))
        text = ""
      }
    }
    for c in s {
      if c.isASCII && c.isNumber {
        if !text.isEmpty { flush() }
        digits.append(c)
      } else if c == "." || c == "-" || c == "_" {
        flush()
      } else {
        if !digits.isEmpty { flush() }
        text.append(c)
      }
    }
    flush()
    return out
  }
}

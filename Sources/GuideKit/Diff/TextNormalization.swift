import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Width folding: the `<wide>` and `<narrow>` compatibility mappings of Unicode, the part of
/// NFKC that makes full-width and half-width forms equal, and nothing else.
///
/// Full-width ASCII (「Ａ」「１」「（」) and U+3000 fold to ASCII; half-width katakana and
/// punctuation (「ｶ」「｡」「｢」) fold to their full-width forms, a half-width voiced or semi-voiced
/// sound mark composing with the kana before it (「ｶﾞ」 → 「ガ」, 「ﾊﾟ」 → 「パ」); half-width Hangul
/// folds to compatibility jamo; 「￥」「￠」 and the other full-width symbols fold to their usual forms.
/// Characters such as 「①」「㈱」「ﬁ」 are left alone.
public enum TextNormalization {
  /// Folds one scalar to its normal-width form, or returns it unchanged.
  /// - Complexity: O(1).
  public static func foldWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v < 0x3000 || (v > 0x3000 && v < 0xFF01) || v > 0xFFEE { return scalar }
    switch v {
    case 0x3000:
      return " "
    case 0xFF01...0xFF5E:
      return Unicode.Scalar(UInt8(truncatingIfNeeded: v - 0xFEE0))
    case 0xFF5F:
      return "\u{2985}"
    case 0xFF60:
      return "\u{2986}"
    case 0xFF61...0xFF9F:
      return Unicode.Scalar(halfwidthKatakana[Int(v - 0xFF61)]) ?? scalar
    case 0xFFA0...0xFFDC:
      let mapped = halfwidthHangul[Int(v - 0xFFA0)]
      return mapped == 0 ? scalar : Unicode.Scalar(mapped) ?? scalar
    case 0xFFE0...0xFFEE:
      let mapped = fullwidthSymbols[Int(v - 0xFFE0)]
      return mapped == 0 ? scalar : Unicode.Scalar(mapped) ?? scalar
    default:
      return scalar
    }
  }

  /// True when `scalar` has a width variant mapping (``foldWidth(_:)-(Unicode.Scalar)`` changes it).
  /// - Complexity: O(1).
  public static func isWidthVariant(_ scalar: Unicode.Scalar) -> Bool {
    foldWidth(scalar) != scalar
  }

  /// Folds a text to normal width; see the type's description.
  /// - Returns: the folded text; the same text when nothing folds.
  /// - Complexity: O(*n*) in Unicode scalars.
  public static func foldingWidth(_ text: some StringProtocol) -> String {
    guard text.unicodeScalars.contains(where: isWidthVariant) else { return String(text) }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let folded = foldWidth(scalar)
      if scalar.value == 0xFF9E || scalar.value == 0xFF9F, let base = out.last,
        let composed = compose(base, mark: folded)
      {
        out.removeLast()
        out.append(composed)
      } else {
        out.append(folded)
      }
    }
    return String(out)
  }

  /// The precomposed kana for `base` followed by U+3099 (voiced) or U+309A (semi-voiced), if any.
  static func compose(_ base: Unicode.Scalar, mark: Unicode.Scalar) -> Unicode.Scalar? {
    var b = base.value
    // Katakana compose exactly as hiragana do, 0x60 higher; a few exist in katakana only.
    var offset: UInt32 = 0
    if (0x30A1...0x30FE).contains(b) {
      if mark.value == 0x3099 {
        switch b {
        case 0x30EF...0x30F2: return Unicode.Scalar(b + 8)  // ワヰヱヲ → ヷヸヹヺ
        case 0x30FD: return "\u{30FE}"  // ヽ → ヾ
        case 0x30A6: return "\u{30F4}"  // ウ → ヴ
        default: break
        }
      }
      b -= 0x60
      offset = 0x60
    }
    let result: UInt32?
    switch mark.value {
    case 0x3099:
      switch b {
      case 0x304B...0x3061 where (b - 0x304B) % 2 == 0: result = b + 1  // か…ち
      case 0x3064, 0x3066, 0x3068: result = b + 1  // つてと
      case 0x306F...0x307B where (b - 0x306F) % 3 == 0: result = b + 1  // はひふへほ
      case 0x3046: result = offset == 0 ? 0x3094 : nil  // う → ゔ (ウ handled above)
      case 0x309D: result = offset == 0 ? 0x309E : nil  // ゝ → ゞ
      default: result = nil
      }
    case 0x309A:
      switch b {
      case 0x306F...0x307B where (b - 0x306F) % 3 == 0: result = b + 2  // ぱぴぷぺぽ
      default: result = nil
      }
    default:
      result = nil
    }
    guard let result else { return nil }
    return Unicode.Scalar(result + offset)
  }

  /// U+FF61…U+FF9F (half-width CJK punctuation and katakana) to their full-width forms.
  private static let halfwidthKatakana: [UInt16] = [
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3,  // FF61 ｡｢｣､･ｦｧｨ
    0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC,  // FF69 ｩｪｫｬｭｮｯｰ
    0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF,  // FF71 ｱｲｳｴｵｶｷｸ
    0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF,  // FF79 ｹｺｻｼｽｾｿﾀ
    0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD,  // FF81 ﾁﾂﾃﾄﾅﾆﾇﾈ
    0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF,  // FF89 ﾉﾊﾋﾌﾍﾎﾏﾐ
    0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA,  // FF91 ﾑﾒﾓﾔﾕﾖﾗﾘ
    0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A,  // FF99 ﾙﾚﾛﾜﾝﾞﾟ
  ]

  /// U+FFA0…U+FFDC (half-width Hangul) to compatibility jamo; 0 where unassigned.
  private static let halfwidthHangul: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 0xFFDD - 0xFFA0)
    table[0] = 0x3164
    // Runs of (first half-width scalar, first target, count).
    let runs: [(UInt32, UInt16, Int)] = [
      (0xFFA1, 0x3131, 30), (0xFFC2, 0x314F, 6), (0xFFCA, 0x3155, 6), (0xFFD2, 0x315B, 6),
      (0xFFDA, 0x3161, 3),
    ]
    for (first, target, count) in runs {
      for i in 0..<count {
        table[Int(first - 0xFFA0) + i] = target + UInt16(i)
      }
    }
    return table
  }()

  /// U+FFE0…U+FFEE (full-width signs, half-width forms) to their normal forms; 0 where unassigned.
  private static let fullwidthSymbols: [UInt16] = [
    0x00A2, 0x00A3, 0x00AC, 0x00AF, 0x00A6, 0x00A5, 0x20A9, 0,  // FFE0 ￠￡￢￣￤￥￦
    0x2502, 0x2190, 0x2191, 0x2192, 0x2193, 0x25A0, 0x25CB,  // FFE8 ￨￩￪￫￬￭￮
  ]
}

extension String {
  /// True when both strings have the same UTF-8 bytes. `==` compares by Unicode canonical
  /// equivalence instead, which costs a normalisation pass over non-ASCII text.
  /// - Complexity: O(*n*) in bytes, one `memcmp` for native strings.
  func hasSameUTF8(as other: String) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    let compared = utf8.withContiguousStorageIfAvailable { a in
      other.utf8.withContiguousStorageIfAvailable { b -> Bool in
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return memcmp(pa, pb, a.count) == 0
      }
    }
    if let compared, let compared { return compared }
    return utf8.elementsEqual(other.utf8)
  }
}

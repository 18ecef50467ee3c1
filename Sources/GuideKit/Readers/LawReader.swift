import GuideKitXML

/// Reads e-Gov 法令標準XML (root `<Law>`, or `<DataRoot>` from the e-Gov API) into a `ClauseTree`.
///
/// The main provision (本則) becomes `ClauseTree.units`: structure units (編・章・節・款・目) with
/// ids such as `Chap1`, `Chap1/Sec2`, then articles `Art38_2`, paragraphs `Art38_2/Para1`, items
/// `Art38_2/Para1/Item2` and subitems `Art38_2/Para1/Item2/Sub1_3` (the e-Gov `Num` values, see
/// DESIGN.md "References"). Supplementary provisions (附則) become `ClauseTree.supplements`, one
/// `.supplement` unit each, with ids `Suppl` (the original 附則) or `Suppl/<AmendLawNum>`.
///
/// Text is taken from the sentence elements; whitespace that pretty-printing adds between
/// elements is ignored, so the same law reads to the same units however it is formatted.
/// Appended tables (別表, `AppdxTable`) and other appendices of the main provision are not read.
public enum LawReader {
  /// Reads a `<Law>` or `<DataRoot>` element.
  /// - Parameters:
  ///   - root: the document's root element.
  ///   - file: the file name; e-Gov names files `<LawId>_<YYYYMMDD>_<AmendingLawId>.xml`, and the
  ///     law id, revision id and in-force date are taken from that name when it follows it.
  /// - Complexity: O(n) in the size of the document.
  public static func read<Element: XMLElementReading>(_ root: Element, file: String) -> ClauseTree {
    var assembler = LawAssembler(file: file)
    func feed(_ element: Element) {
      guard assembler.start(element) else {
        assembler.part(element)
        return
      }
      element.forEachElement(feed)
      assembler.end()
    }
    feed(root)
    return assembler.tree()
  }

  /// A LawId built from the `<Law>` attributes (`Era`, `Year`, `LawType`, `Num`), for laws whose
  /// file name does not carry one: `322AC0000000049` for Showa 22 Act No. 49.
  ///
  /// Only acts, cabinet orders and imperial orders are derived; a ministerial ordinance's id names
  /// the ministry, which the attributes do not give. A member's bill (議員立法, `AC1…`) cannot be
  /// told from a cabinet bill by the attributes and is derived as `AC0…`.
  /// - Returns: the id, or nil when it cannot be derived.
  static func derivedLawID<Element: XMLElementReading>(_ law: Element) -> String? {
    let eraCodes = ["Meiji": "1", "Taisho": "2", "Showa": "3", "Heisei": "4", "Reiwa": "5"]
    let typeCodes = ["Act": "AC", "CabinetOrder": "CO", "ImperialOrder": "IO"]
    guard let era = law[attribute: "Era"].flatMap({ eraCodes[$0] }),
      let year = law[attribute: "Year"].flatMap({ Int($0) }), (1...99).contains(year),
      let type = law[attribute: "LawType"].flatMap({ typeCodes[$0] }),
      let number = law[attribute: "Num"].flatMap({ Int($0) }), (0..<1_000_000_000).contains(number)
    else { return nil }
    return era + zeroPadded(year, width: 2) + type + zeroPadded(number, width: 10)
  }

  static func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}

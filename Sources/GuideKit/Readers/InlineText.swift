import GuideKitXML

/// Flattens mixed content to plain text, normalising the whitespace that pretty-printing adds.
enum InlineText {
  /// The text of `element` and its descendants, with whitespace normalised:
  /// a whitespace run that contains a line break joins its neighbours directly when both are
  /// wide (CJK) characters and becomes one space otherwise; other whitespace runs become one space;
  /// leading and trailing whitespace is removed.
  /// - Complexity: O(n) in characters.
  static func flatten<Element: XMLElementReading>(_ element: Element) -> String {
    element.withTextContentBytes(ReaderText.normalize(utf8:))
  }
}

import Foundation

/// Renders one guideline edition to HTML or plain text through the stylesheets.
public struct Renderer: Sendable {
  public var stylesheets: Stylesheets
  public var parameters: [String: String]
  public var layout: TextLayoutOptions

  public init(
    stylesheets: Stylesheets = Stylesheets(), parameters: [String: String] = [:],
    layout: TextLayoutOptions = TextLayoutOptions()
  ) {
    self.stylesheets = stylesheets
    self.parameters = parameters
    self.layout = layout
  }

  /// The edition's HTML page (`guideline-html`).
  public func html(file: String, extra: [String: String] = [:]) throws(GuideKitError) -> String {
    try stylesheets.transform(
      "guideline-html", file: file, parameters: extra.merging(parameters) { _, user in user })
  }

  /// The edition as plain text (`guideline-text`, then laid out to `layout.width` columns).
  public func text(file: String, extra: [String: String] = [:]) throws(GuideKitError) -> String {
    let structure = try stylesheets.transform(
      "guideline-text", file: file, parameters: extra.merging(parameters) { _, user in user })
    return try TextLayoutDocument.render(xml: structure, fileName: file, options: layout)
  }

  /// A notice document to HTML (`notice-html`) or text (`notice-text`).
  public func notice(xml: String, text: Bool) throws(GuideKitError) -> String {
    if text {
      let structure = try stylesheets.transform(
        "notice-text", xml: xml, fileName: "notice.xml", parameters: parameters)
      return try TextLayoutDocument.render(xml: structure, fileName: "notice.xml", options: layout)
    }
    return try stylesheets.transform("notice-html", xml: xml, fileName: "notice.xml", parameters: parameters)
  }
}

import FoundationEssentials
import GuideKitXML

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
      "guideline-html", document: try Self.guideline(file), parameters: extra.merging(parameters) { _, user in user })
  }

  /// The edition as plain text (`guideline-text`, then laid out to `layout.width` columns).
  public func text(file: String, extra: [String: String] = [:]) throws(GuideKitError) -> String {
    let structure = try stylesheets.transformToDocument(
      "guideline-text", document: try Self.guideline(file), parameters: extra.merging(parameters) { _, user in user })
    return try TextLayoutDocument.render(structure, options: layout)
  }

  /// The edition's HTML page from its bytes, read once by the caller; `file` names it.
  public func html(data: Data, file: String, extra: [String: String] = [:]) throws(GuideKitError) -> String {
    try stylesheets.transform(
      "guideline-html", document: try Self.guideline(file, data: data),
      parameters: extra.merging(parameters) { _, user in user })
  }

  /// The edition as plain text from its bytes, read once by the caller; `file` names it.
  public func text(data: Data, file: String, extra: [String: String] = [:]) throws(GuideKitError) -> String {
    let structure = try stylesheets.transformToDocument(
      "guideline-text", document: try Self.guideline(file, data: data),
      parameters: extra.merging(parameters) { _, user in user })
    return try TextLayoutDocument.render(structure, options: layout)
  }

  /// Parses `file` (or its bytes, when given) once and refuses anything but a guideline edition.
  /// - Parameter use: what is done with it, for the refusal ("only guidelines are \(use)").
  package static func guideline(_ file: String, data: Data? = nil, use: String = "rendered") throws(GuideKitError)
    -> XMLDocument
  {
    let document: XMLDocument
    do {
      if let data {
        document = try XMLDocument.parse(data: data, fileName: file)
      } else {
        document = try XMLDocument.parse(file: file)
      }
    } catch {
      throw .xml(error)
    }
    let root = document.rootName
    guard root.name == "guideline", root.namespaceURI == GuidelineReader.namespace else {
      throw .io(
        path: file,
        reason:
          "root element <\(root.name)> is not a guideline edition (urn:guidekit:guideline:1); only guidelines are \(use)"
      )
    }
    return document
  }

  /// A notice document given as text to HTML (`notice-html`) or text (`notice-text`).
  public func notice(xml: String, text: Bool) throws(GuideKitError) -> String {
    let document: XMLDocument
    do {
      document = try XMLDocument.parse(data: Data(xml.utf8), fileName: "notice.xml")
    } catch {
      throw .xml(error)
    }
    return try notice(document: document, text: text)
  }

  /// A notice document (`NoticeBuilder.document`) to HTML (`notice-html`) or text (`notice-text`).
  public func notice(document: XMLDocument, text: Bool) throws(GuideKitError) -> String {
    if text {
      let structure = try stylesheets.transformToDocument("notice-text", document: document, parameters: parameters)
      return try TextLayoutDocument.render(structure, options: layout)
    }
    return try stylesheets.transform("notice-html", document: document, parameters: parameters)
  }
}

import ArgumentParser
import FoundationEssentials
import GuideKit
import GuideKitCLI
import GuideKitWord

struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render one guideline edition to HTML or plain text.",
    discussion: """
      HTML comes from the guideline-html stylesheet: a standalone, accessible page with a table of \
      contents, an anchor per clause id and references linked to their sources. Text comes from \
      the guideline-text stylesheet, laid out to --width display columns with Japanese line \
      breaking rules (kinsoku) and East Asian character widths. Docx comes from the \
      guideline-docx stylesheet: a Word document (binary: -o FILE or a redirect) whose headings \
      carry outline levels and whose clause ids are bookmarks, so that guidekit import can read \
      it back.

      Examples:
        guidekit render guidelines/telework-security/5.0.xml -o 5.0.html
        guidekit render guidelines/telework-labor/2021.xml --format text --width 80
        guidekit render 5.0.xml --format docx -o 5.0.docx
        guidekit render 5.0.xml --stylesheet my-office.xsl \\
            --param css-extra='body{font-size:18px}'
      """
  )

  @Argument(help: ArgumentHelp("The guideline edition to render.", valueName: "FILE")) var file: String

  enum Format: String, CommandFormat { case html, text, docx }

  @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
  var format: Format = .html

  @OptionGroup var layout: LayoutOptions

  @OptionGroup var style: StyleOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    try output.refuseInputs([file])
    if format == .docx { try output.refuseBinaryOnTerminal() }
  }

  func run() throws {
    if format == .docx {
      let document = try WordExport.edition(
        file: file, stylesheets: try style.stylesheets(defaultName: "guideline-docx"), parameters: style.parameters())
      try output.emit(bytes: document)
      return
    }
    // The renderer parses the file once and refuses anything but a guideline.
    let renderer = Renderer(
      stylesheets: try style.stylesheets(defaultName: format == .html ? "guideline-html" : "guideline-text"),
      parameters: style.parameters(), layout: TextLayoutOptions(width: layout.width.count))
    try output.emit(format == .html ? try renderer.html(file: file) : try renderer.text(file: file))
  }
}

struct Notice: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notice",
    abstract: "Write the publication notice (公表のお知らせ) of an edition.",
    discussion: """
      The notice gives the date in 和暦 and 西暦, the issuer, the title, the edition's summary, \
      what changed against the previous edition (counts by kind and the main changed clauses, \
      computed from the diff), the effective date, links and the contact point. Its wording is \
      in the notice-html and notice-text stylesheets, so an office can change it.

      The previous edition is --against OLD, or else the edition NEW supersedes, found beside it \
      (a first edition is announced as newly 策定); OLD must be an older edition of the same \
      guideline. With --base-url, the links are absolute URLs of the published site \
      (URL/<guideline-id>/…), as a notice sent by mail needs. --format docx writes the notice \
      as a Word document (notice-docx stylesheet; binary: -o FILE or a redirect).

      Examples:
        guidekit notice guidelines/telework-security/5.0.xml \\
            --against guidelines/telework-security/4.0.xml
        guidekit notice guidelines/telework-labor/2021.xml --format text \\
            --base-url https://www.example.go.jp/guidelines/
        guidekit notice 5.0.xml --against 4.0.xml --format docx -o notice.docx
      """
  )

  @Argument(help: ArgumentHelp("The new edition.", valueName: "NEW")) var new: String

  @Option(
    help: ArgumentHelp(
      "The previous edition, to summarise the changes (default: the edition NEW supersedes, beside it).",
      valueName: "OLD"))
  var against: String?

  @Option(
    help: ArgumentHelp(
      "Absolute URL the site is published at: the notice's links become URL/<guideline-id>/FILE.",
      valueName: "URL"))
  var baseURL = ""

  enum Format: String, CommandFormat { case html, text, docx }

  @Option(help: ArgumentHelp("Output format.", valueName: "FORMAT"))
  var format: Format = .html

  @OptionGroup var layout: LayoutOptions

  @Option(help: ArgumentHelp("How many changed clauses to name.", valueName: "N"))
  var mainChanges = 10

  @OptionGroup var style: StyleOptions
  @OptionGroup var output: OutputOptions

  func validate() throws {
    guard mainChanges >= 0 else { throw ValidationError("--main-changes must be 0 or more") }
    try output.refuseInputs([new, against])
    if format == .docx { try output.refuseBinaryOnTerminal() }
    guard baseURL.isEmpty || baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") else {
      throw ValidationError("--base-url must be an absolute http(s) URL, not '\(baseURL)'")
    }
  }

  func run() throws {
    let edition: ClauseTree
    var previous: (tree: ClauseTree, diff: DocumentDiff)?
    var old: ClauseTree?
    if let against {
      let pair = try loadPair(against, new)
      old = pair.0
      edition = pair.1
    } else {
      edition = try DocumentLoader.load(file: new)
    }
    guard edition.info.kind == .guideline else {
      throw GuideKitError.unsupportedDocument(file: new, line: edition.info.line, root: edition.info.kind.rawValue)
    }
    if let given = old {
      try NoticeBuilder.checkPrevious(given, of: edition)
    } else {
      old = try NoticeBuilder.supersededEdition(of: edition)
    }
    if let old { previous = (old, try DocumentDiffer.diff(old: old, new: edition)) }
    let version = edition.info.version
    let notice = try NoticeBuilder.document(
      edition: edition, previous: previous,
      links: NoticeBuilder.Links(
        edition: "\(version).html", table: previous == nil ? nil : "\(version)-table.html",
        redline: previous == nil ? nil : "\(version)-redline.html", text: "\(version).txt"),
      mainChanges: mainChanges)
    var parameters = style.parameters()
    let linkBase = NoticeBuilder.linkBase(siteURL: baseURL, guideline: edition.info.id)
    if !linkBase.isEmpty, parameters["base-url"] == nil { parameters["base-url"] = linkBase }
    if format == .docx {
      let document = try WordExport.notice(
        document: notice, stylesheets: try style.stylesheets(defaultName: "notice-docx"), parameters: parameters)
      try output.emit(bytes: document)
      return
    }
    let renderer = Renderer(
      stylesheets: try style.stylesheets(defaultName: format == .html ? "notice-html" : "notice-text"),
      parameters: parameters, layout: TextLayoutOptions(width: layout.width.count))
    try output.emit(try renderer.notice(document: notice, text: format == .text))
  }
}

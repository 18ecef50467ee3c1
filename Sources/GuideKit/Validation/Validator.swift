import FoundationEssentials
import GuideKitXML

/// Options of `guidekit validate`.
public struct ValidationOptions: Sendable {
  /// Validate every file against this schema (W3C XML Schema or RELAX NG) instead of the
  /// guideline schema, without the semantic rules.
  public var schemaPath: String?
  /// Warnings count as errors.
  public var strict: Bool
  public var registry: ReferenceRegistry?
  public var limits: XMLParseLimits
  /// The day drafts' planned publication dates are held against (`YYYY-MM-DD`).
  public var today: String

  public init(
    schemaPath: String? = nil, strict: Bool = false, registry: ReferenceRegistry? = nil,
    limits: XMLParseLimits = .init(), today: String = PinDate.today()
  ) {
    self.schemaPath = schemaPath
    self.strict = strict
    self.registry = registry
    self.limits = limits
    self.today = today
  }
}

/// The outcome of a validation run.
public struct ValidationReport: Sendable {
  public var files: Int
  /// Sorted by file and line.
  public var diagnostics: [Diagnostic]
  /// Inputs that could not be read at all (missing, a folder given as a file…): exit status 2.
  public var trouble: Bool

  public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }

  /// 0 valid, 1 findings, 2 trouble (DESIGN.md exit status).
  public var exitStatus: Int32 { trouble ? 2 : (errors > 0 ? 1 : 0) }

}

/// Validates guideline files: XSD, then the semantic rules.
public enum Validator {
  /// The bundled guideline schema, compiled once.
  public static func guidelineSchema() throws(XMLError) -> XMLSchema {
    try BundledSchema.guideline.get()
  }

  /// Validates every file under `paths` (files, or folders searched for `*.xml`), in parallel.
  public static func validate(paths: [String], options: ValidationOptions = .init())
    -> ValidationReport
  {
    let (files, missing) = InputFiles.collect(paths)
    if files.isEmpty && missing.isEmpty {
      // Nothing to check is no success: a wrong path in CI must not pass.
      let diagnostic = Diagnostic(
        file: paths.joined(separator: " "), line: 0, severity: .error, rule: ValidationRules.unreadable.id,
        message: "no XML file found: nothing was validated")
      return ValidationReport(files: 0, diagnostics: [diagnostic], trouble: true)
    }
    return validate(files: files, missing: missing, options: options) { index throws(XMLError) in
      try XMLDocument.parse(file: files[index], limits: options.limits)
    }
  }

  /// Validates documents already read into memory (`publish`, which reads each input once).
  /// - Parameter inputs: each file's name, as reported, and its bytes.
  public static func validate(inputs: [(file: String, data: Data)], options: ValidationOptions = .init())
    -> ValidationReport
  {
    validate(files: inputs.map(\.file), missing: [], options: options) { index throws(XMLError) in
      try XMLDocument.parse(data: inputs[index].data, fileName: inputs[index].file, limits: options.limits)
    }
  }

  private static func validate(
    files: [String], missing: [String], options: ValidationOptions,
    parse: @Sendable (Int) throws(XMLError) -> XMLDocument
  ) -> ValidationReport {
    var diagnostics = missing.map {
      Diagnostic(
        file: $0, line: 0, severity: .error, rule: ValidationRules.unreadable.id,
        message: "no such file or folder")
    }
    var trouble = !missing.isEmpty

    let schema: XMLGrammar
    do throws(XMLError) {
      if let path = options.schemaPath {
        schema = try XMLGrammar.compile(path: path)
      } else {
        schema = .xsd(try guidelineSchema())
      }
    } catch {
      let file = options.schemaPath ?? "schemas/guideline.xsd"
      diagnostics += error.diagnostics.map { Diagnostic($0, rule: ValidationRules.schema.id, file: file) }
      return ValidationReport(files: files.count, diagnostics: diagnostics, trouble: true)
    }

    // Each file is parsed, checked against the schema, read and checked by the rules that need
    // only the file itself; of its tree only the outline is kept, so that memory stays small and
    // the text is freed in parallel.
    let localContext = ValidationContext(registry: options.registry, today: options.today)
    let inputBytes = FileTree.byteCount(of: files)
    let ordered = Parallel.map(files.count, work: inputBytes) { index in
      check(file: files[index], schema: schema, options: options, context: localContext) { () throws(XMLError) in
        try parse(index)
      }
    }
    var outlines: [ClauseTree] = []
    for result in ordered {
      diagnostics += result.diagnostics
      trouble = trouble || result.trouble
      if let outline = result.outline { outlines.append(outline) }
    }

    if options.schemaPath == nil {
      // Editions beside a file validated alone (its siblings in the same folder) take part in
      // the checks across editions; diagnostics about them are not reported.
      let asked = Set(files)
      let siblings = siblingEditions(of: files, limits: options.limits)
      let askedOutlines = outlines
      let trees = siblings + askedOutlines
      let guidelines = Dictionary(grouping: trees, by: { $0.info.id })
      let context = ValidationContext(registry: options.registry, guidelines: guidelines, today: options.today)
      let corpusRules = ValidationRules.document.filter(\.needsCorpus)
      diagnostics += Parallel.map(askedOutlines.count, work: inputBytes) { index in
        corpusRules.flatMap { $0.check(askedOutlines[index], context: context) }
      }.flatMap { $0 }
      diagnostics += ValidationRules.corpus.flatMap { $0.check(trees, context: context) }.filter {
        asked.contains($0.file)
      }
    }
    if options.strict {
      diagnostics = diagnostics.map { d in
        var strict = d
        if strict.severity == .warning { strict.severity = .error }
        return strict
      }
    }
    diagnostics.sort(by: Diagnostic.sortKey)
    return ValidationReport(files: files.count, diagnostics: diagnostics, trouble: trouble)
  }

  /// The outlines of the guideline editions in the folders of `files` (not searched below them)
  /// that are not among `files`; files that cannot be read as a guideline are left out.
  static func siblingEditions(of files: [String], limits: XMLParseLimits) -> [ClauseTree] {
    let asked = Set(files)
    var siblings: [String] = []
    for folder in Set(files.map(\.parentPath)).sorted() {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)
      else { continue }
      for name in names.sorted() where name.hasSuffix(".xml") && !name.hasPrefix(".") {
        let path = folder.isEmpty ? name : folder.joiningPath(name)
        if !asked.contains(path) { siblings.append(path) }
      }
    }
    guard !siblings.isEmpty else { return [] }
    let paths = siblings
    let outlines = Parallel.map(paths.count, work: FileTree.byteCount(of: paths)) { index in
      (try? DocumentLoader.load(file: paths[index], limits: limits)).flatMap {
        $0.info.kind == .guideline ? $0.outline() : nil
      }
    }
    return outlines.compactMap { $0 }
  }

  struct FileResult: Sendable {
    var diagnostics: [Diagnostic] = []
    /// The edition's outline (`ClauseTree.outline()`), for the checks across editions.
    var outline: ClauseTree?
    var trouble = false
  }

  static func check(
    file: String, schema: XMLGrammar, options: ValidationOptions, context: ValidationContext,
    parse: () throws(XMLError) -> XMLDocument
  ) -> FileResult {
    var result = FileResult()
    let document: XMLDocument
    do {
      document = try parse()
    } catch {
      let rule: String
      switch error {
      case .unreadable:
        rule = ValidationRules.unreadable.id
        result.trouble = true
      default:
        rule = ValidationRules.xmlSyntax.id
      }
      result.diagnostics = error.diagnostics.map { Diagnostic($0, rule: rule, file: file) }
      return result
    }
    result.diagnostics += document.warnings.map {
      Diagnostic($0, rule: ValidationRules.xmlWarning.id, file: file)
    }
    let root = document.rootName
    let isGuideline = root.name == "guideline" && root.namespaceURI == GuidelineReader.namespace
    if options.schemaPath == nil && !isGuideline {
      let line = document.withRootElement { $0.line } ?? 0
      result.diagnostics.append(
        Diagnostic(
          file: file, line: line, severity: .error, rule: ValidationRules.unsupported.id,
          message:
            "root element <\(root.name)>\(root.namespaceURI.map { " in \($0)" } ?? "") is not a guideline (urn:guidekit:guideline:1); use --schema to validate other XML"
        ))
      return result
    }
    for xml in schema.validate(document) {
      var d = Diagnostic(xml, rule: ValidationRules.schema.id, file: file)
      if d.severity == .note { d.severity = .error }
      d.clause = SchemaMessages.enclosingUnit(xml.elements)
      // libxml2's own words for the guideline schema, explained, the original kept as a note.
      if options.schemaPath == nil, let vocabulary = SchemaVocabulary.guideline,
        let explained = SchemaMessages.explain(xml, vocabulary: vocabulary)
      {
        d.message = explained.message
        result.diagnostics.append(d)
        d.severity = .note
        d.message = "libxml2: " + xml.message
      }
      result.diagnostics.append(d)
    }
    if options.schemaPath == nil, let tree = document.withRootElement({ GuidelineReader.read($0, file: file) }) {
      for rule in ValidationRules.document where !rule.needsCorpus {
        result.diagnostics += rule.check(tree, context: context)
      }
      result.outline = tree.outline()
    }
    return result
  }
}

/// Schemas that ship inside the GuideKit module.
enum BundledSchema {
  static let guideline: Result<XMLSchema, XMLError> = Result { () throws(XMLError) in
    guard let path = resourcePath("schemas/guideline.xsd") else {
      throw .unreadable(file: "guideline.xsd", reason: "the bundled schema is missing from the GuideKit resources")
    }
    return try XMLSchema(path: path)
  }

  /// A file in the module's resources, by path relative to `Resources/`.
  static func resourcePath(_ relative: String) -> String? {
    guard let base = resourceFolder else { return nil }
    let path = base.joiningPath(relative)
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }

  /// The resources SwiftPM copies beside the executable (`guidekit_GuideKit.resources`, also
  /// beside the test runner), else the source tree's `Resources/` the binary was built from.
  /// Found without `Bundle`, which would link all of Foundation into the executable.
  static let resourceFolder: String? = {
    let manager = FileManager.default
    var isFolder = false
    if let executable = executablePath() {
      let beside = executable.parentPath.joiningPath("guidekit_GuideKit.resources")
      if manager.fileExists(atPath: beside, isDirectory: &isFolder), isFolder { return beside }
    }
    // #filePath is …/Sources/GuideKit/Validation/Validator.swift.
    let sources = String(#filePath).parentPath.parentPath.joiningPath("Resources")
    if manager.fileExists(atPath: sources, isDirectory: &isFolder), isFolder { return sources }
    return nil
  }()

  /// The running executable's path, links resolved.
  private static func executablePath() -> String? {
    #if os(Linux)
      return try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    #else
      guard let first = CommandLine.arguments.first else { return nil }
      return first.hasPrefix("/") ? first : FileManager.default.currentDirectoryPath.joiningPath(first)
    #endif
  }
}

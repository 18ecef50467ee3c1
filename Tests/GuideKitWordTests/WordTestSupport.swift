import Foundation
import GuideKit
import GuideKitTestSupport
import GuideKitXML
import Testing
import ZIPFoundation

/// What the Word tests share: the package root, the bundled editions, reading a .docx back.
enum WordTest {
  /// `<root>/Tests/GuideKitWordTests/WordTestSupport.swift`.
  static let packageRoot = PackageRoot.url

  static func edition(_ path: String) -> String { packageRoot.appendingPathComponent("guidelines/\(path)").path }

  /// The bundled pairs of consecutive editions.
  static let bundledPairs = [
    ("telework-security/4.0.xml", "telework-security/5.0.xml"),
    ("telework-labor/2018.xml", "telework-labor/2021.xml"),
  ]

  static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

  /// The delta document of two editions.
  static func delta(_ old: String, _ new: String) throws -> String {
    let a = try DocumentLoader.load(file: old)
    let b = try DocumentLoader.load(file: new)
    return DeltaDocument.xml(try DocumentDiffer.diff(old: a, new: b))
  }

  /// The entries of a ZIP file in archive order, with their bytes.
  static func entries(_ bytes: [UInt8]) throws -> [(name: String, entry: Entry, data: Data)] {
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    var result: [(String, Entry, Data)] = []
    for entry in archive {
      var data = Data()
      _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
      result.append((entry.path, entry, data))
    }
    return result
  }

  /// A part of a .docx, parsed.
  static func part(_ bytes: [UInt8], _ name: String) throws -> XMLElement {
    let data = try #require(try entries(bytes).first { $0.name == name }?.data, "no \(name) in the package")
    return try XMLDocument.parse(data: data, fileName: name).rootElement()
  }

  /// Elements of the WordprocessingML namespace named `name` below `element`, in document order.
  static func all(_ element: XMLElement, _ name: String) -> [XMLElement] {
    element.descendants { $0.name == name && $0.namespaceURI == w }
  }

  static func attribute(_ element: XMLElement, _ name: String) -> String? {
    element[attribute: name, namespace: w]
  }

  /// The text of the runs below `element`; with `underlined`, only of the runs with w:u (or only
  /// of those without).
  static func text(_ element: XMLElement, underlined: Bool? = nil) -> String {
    var out = ""
    let runs = element.name == "r" && element.namespaceURI == w ? [element] : all(element, "r")
    for run in runs {
      let isUnderlined = all(run, "u").contains { attribute($0, "val") != "none" }
      if let underlined, underlined != isUnderlined { continue }
      for t in all(run, "t") { out += t.textContent }
    }
    return out
  }

  /// The path of an executable on PATH, or nil.
  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs a program to its end; its standard output and error as text.
  static func run(_ executable: String, _ arguments: [String], in folder: String? = nil) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let run = try ProgramRunner.run(
      URL(fileURLWithPath: executable), arguments, in: folder.map { URL(fileURLWithPath: $0) })
    return (run.status, run.stdout, run.stderr)
  }
}

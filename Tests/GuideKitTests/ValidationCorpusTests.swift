import Foundation
import Testing

@testable import GuideKit

/// The repository's own guidelines and reference folder, validated as the CLI would.
private func repositoryPath(_ relative: String) -> String {
  SharedData.packageRoot.appendingPathComponent(relative).path
}

@Suite("Validation of the bundled data and the shared data")
struct ValidationCorpusTests {
  @Test func bundledGuidelinesAndICTMeasuresHaveNoFindings() throws {
    let report = Validator.validate(paths: [repositoryPath("guidelines"), repositoryPath("references/ict-measures")])
    #expect(report.files == 6)
    #expect(report.diagnostics.map { DiagnosticFormatter.line($0) } == [])
    #expect((report.errors, report.warnings, report.exitStatus) == (0, 0, 0))
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func bundledGuidelinesResolveAgainstTheReferences() throws {
    let registry = ReferenceRegistry(folders: [
      repositoryPath("references"), SharedData.path("egov/laws"), SharedData.path("oscal/catalogs"),
    ])
    #expect(registry.missingFolders.isEmpty)
    let report = Validator.validate(
      paths: [repositoryPath("guidelines")], options: ValidationOptions(registry: registry))
    #expect(report.diagnostics.map { DiagnosticFormatter.line($0) } == [])
    #expect(report.exitStatus == 0)
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func unknownSourceArticleAndPinAgainstTheSharedLaws() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add(
      "g/1.0.xml",
      validationGuideline(
        """
          <chapter id="ch-1" num="第1章">
            <title>総則</title>
            <clause id="c-1" num="(1)">
              <p><ref source="322AC0000000049" provision="Art38_2/Para1" pin="20250601_504AC0000000068">労働基準法第38条の2第1項</ref>。</p>
              <p><ref source="322AC0000000049" provision="Art32" pin="2025-07-01">労働基準法第32条</ref>。</p>
              <p><ref source="nist-sp800-53" provision="ac-17.2" pin="rev5.0.1">AC-17(2)</ref>。</p>
              <p>⟨source⟩<ref source="325AC0000000999" provision="Art1" pin="20250601_504AC0000000068">存在しない法令</ref>。</p>
              <p>⟨article⟩<ref source="322AC0000000049" provision="Art999" pin="20250601_504AC0000000068">存在しない条</ref>。</p>
              <p>⟨control⟩<ref source="nist-sp800-53" provision="zz-99" pin="rev4">存在しない管理策</ref>。</p>
              <p>⟨pin⟩<ref source="347AC0000000057" provision="Art1" pin="19990101_411AC0000000000">存在しない版</ref>。</p>
              <p>⟨early⟩<ref source="347AC0000000057" provision="Art1" pin="1990-01-01">施行前の日付</ref>。</p>
            </clause>
          </chapter>
        """))
    let registry = ReferenceRegistry(folders: [SharedData.path("egov/laws"), SharedData.path("oscal/catalogs")])
    let report = folder.validate(["g"], options: ValidationOptions(registry: registry))
    let file = "g/1.0.xml"
    #expect(
      folder.findings(report) == [
        folder.expect(file, "source", .warning, "ref-unverifiable"),
        folder.expect(file, "article", .error, "ref-unknown-provision"),
        folder.expect(file, "control", .error, "ref-unknown-provision"),
        folder.expect(file, "pin", .error, "ref-unknown-pin"),
        folder.expect(file, "early", .error, "ref-unknown-pin"),
      ])
    #expect(report.exitStatus == 1)
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func lawFileIsValidAgainstTheEGovSchema() throws {
    let laws = SharedData.files(in: "egov/laws")
    let law = try #require(laws.first { $0.contains("322AC0000000049") })
    let options = ValidationOptions(schemaPath: SharedData.path("egov/schema/XMLSchemaForJapaneseLaw_v3.xsd"))
    let report = Validator.validate(paths: [law], options: options)
    #expect(report.files == 1)
    #expect(report.diagnostics.map { DiagnosticFormatter.line($0) } == [])
    #expect(report.exitStatus == 0)
  }

  @Test(.enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func guidelineIsInvalidAgainstTheEGovSchema() throws {
    let options = ValidationOptions(schemaPath: SharedData.path("egov/schema/XMLSchemaForJapaneseLaw_v3.xsd"))
    let report = Validator.validate(paths: [repositoryPath("guidelines/telework-security/5.0.xml")], options: options)
    #expect(report.exitStatus == 1)
    #expect(report.diagnostics.first?.rule == "schema")
    // libxml2 gives an element the line where its start tag ends (the root's spans lines 2–4).
    #expect((2...4).contains(report.diagnostics.first?.line ?? 0))
  }

  @Test func missingSchemaIsTrouble() throws {
    let folder = try ValidationFixtureFolder()
    try folder.add("g.xml", validationGuideline())
    let report = folder.validate(options: ValidationOptions(schemaPath: folder.path("missing.xsd")))
    #expect(report.exitStatus == 2)
    #expect(report.diagnostics.first?.file == folder.path("missing.xsd"))
  }

  @Test func parallelValidationGivesTheSameResultAsSingleFileRuns() throws {
    let folder = try ValidationFixtureFolder()
    var names: [String] = []
    for index in 0..<24 {
      let name = "many/g\(String(format: "%02d", index)).xml"
      names.append(name)
      // Each file has its own id and findings that depend only on the file.
      let body: String
      switch index % 4 {
      case 0: body = validationBody
      case 1: body = validationBody.replacingOccurrences(of: "id=\"c-2\"", with: "id=\"c-1\"")
      case 2: body = validationBody.replacingOccurrences(of: "<p>多要素認証を用いる。</p>", with: "<p> </p>")
      default: body = validationBody.replacingOccurrences(of: "(2)", with: "(1)") + "<oops"
      }
      try folder.add(name, validationGuideline(id: "g\(index)", body))
    }
    // 24 small files: validated in parallel only below a zero threshold.
    let together = Parallel.$minimumWork.withValue(0) { folder.validate(["many"]) }
    var alone: [Diagnostic] = []
    for name in names {
      alone += folder.validate([name]).diagnostics
    }
    #expect(together.files == 24)
    #expect(together.diagnostics == alone.sorted(by: Diagnostic.sortKey))
    #expect(Set(together.diagnostics.map(\.rule)) == ["duplicate-id", "empty-clause", "xml-syntax"])
    for _ in 0..<3 {
      let again = Parallel.$minimumWork.withValue(0) { folder.validate(["many"]) }
      #expect(again.diagnostics == together.diagnostics, "parallel runs agree")
    }
  }

  @Test func bundledEditionsValidateTheSameOneFolderAtATime() throws {
    let whole = Validator.validate(paths: [repositoryPath("guidelines")])
    let byFolder = ["telework-labor", "telework-security"].flatMap {
      Validator.validate(paths: [repositoryPath("guidelines/\($0)")]).diagnostics
    }
    #expect(whole.diagnostics == byFolder.sorted(by: Diagnostic.sortKey))
    #expect(whole.files == 4)
  }
}

import Foundation
import GuideKitTestSupport
import GuideKitXML
import Testing

@testable import GuideKit

/// Guidelines are read while they are parsed (`GuidelineStreamReader`); `GuidelineReader.read`
/// reads the parsed tree. Both must give the same tree, line numbers included.
@Suite("Guideline reading while parsing")
struct GuidelineStreamingTests {
  private func treeReading(_ path: String) throws -> ClauseTree {
    try DocumentLoader.read(GuideKitXML.XMLDocument.parse(file: path))
  }

  @Test(arguments: [
    "guidelines/telework-labor/2018.xml", "guidelines/telework-labor/2021.xml",
    "guidelines/telework-security/4.0.xml", "guidelines/telework-security/5.0.xml",
    "references/ict-measures/2018.xml", "references/ict-measures/2021.xml",
  ])
  func bundledEditions(_ relative: String) throws {
    let path = RepoPaths.path(relative)
    guard FileManager.default.fileExists(atPath: path) else {
      Issue.record("missing \(relative)")
      return
    }
    let streamed = try DocumentLoader.load(file: path)
    #expect(streamed == (try treeReading(path)))
    #expect(streamed.diffUnits().count >= 10)
  }

  /// Nesting, foreign elements at every level, several titles, text and comments between
  /// elements, metadata after the units, a clause inside a clause.
  @Test func unusualShapes() throws {
    let folder = try TempFolder(prefix: "guideline-stream")
    let path = try folder.write(
      "edge.xml",
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <guideline xmlns="urn:guidekit:guideline:1" xmlns:x="urn:other" id="g" version="2.0" supersedes="1.0"
          issued="2026-01-01" effective="2026-04-01" xml:lang="ja">
        <title>表題<x:i>外</x:i></title>
        <!-- a comment -->
        <x:foreign><chapter id="not-read"/></x:foreign>
        <chapter id="c1" num="第1章">
          <title>総則<ref source="322AC0000000049" provision="Art1">第1条</ref></title>
          <title>二つ目の表題</title>
          text between
          <p>前文。<ref source="322AC0000000049" provision="Art2" pin="20250601">第2条</ref></p>
          <x:note>外の要素</x:note>
          <section id="s1" num="第1節" level="basic" audience="all">
            <clause id="k1" num="(1)">
              <title>目的</title>
              <p>本文。</p>
              <list type="ordered"><item>一</item><item num="②">二</item></list>
              <clause id="k1-1" num="(1の2)"><p>入れ子。</p></clause>
              <note>注記<ref source="nist-sp800-53" provision="ac-17">AC-17</ref></note>
            </clause>
            <x:clause id="foreign-clause"/>
          </section>
          <clause id="k2"><p>章の直下。</p></clause>
        </chapter>
        <clause id="k3"><p>最上位。</p></clause>
        <summary><p>概要。</p><list><item>点</item></list></summary>
        <issuer>発行者</issuer>
        <removals><removed id="old-1" into="k1">統合。</removed><x:removed id="no"/></removals>
        <contact>窓口</contact>
      </guideline>
      """)
    let streamed = try DocumentLoader.load(file: path)
    #expect(streamed == (try treeReading(path)))
    #expect(streamed.units.map(\.id) == ["c1", "k3"])
    #expect(streamed.info.removals.map(\.id) == ["old-1"])
    #expect(streamed.allUnits().map(\.unit.id) == ["c1", "s1", "k1", "k1-1", "k2", "k3"])
  }
}

import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

private let oldEdition = """
  <?xml version="1.0" encoding="UTF-8"?>
  <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="t" version="1.0" issued="2025-04-01">
    <title>対照表の試験</title>
    <issuer>総務省</issuer>
    <chapter id="ch-1" num="第1章">
      <title>総則</title>
      <section id="s-1" num="1-1">
        <title>基本</title>
        <clause id="c-1" num="(1)"><p>テレワークを導入する。</p></clause>
        <clause id="c-2" num="(2)"><p>多要素認証を用いる。</p></clause>
      </section>
      <section id="s-2" num="1-2">
        <title>端末</title>
        <clause id="c-3" num="(1)"><p>端末を貸与する。</p></clause>
        <clause id="c-4" num="(2)"><title>在宅のルーター</title><p>ルーターの初期パスワードを変更する。</p></clause>
        <clause id="c-5" num="(3)"><title>ルーターの管理</title><p>ルーターのファームウェアを更新する。</p></clause>
      </section>
    </chapter>
  </guideline>

  """

/// c-1 edited, c-2 moved from 1-1 into 1-2, c-3 removed, c-4 merged into c-5 (unchanged).
private let newEdition = """
  <?xml version="1.0" encoding="UTF-8"?>
  <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="t" version="2.0" supersedes="1.0" issued="2026-04-01">
    <title>対照表の試験</title>
    <issuer>総務省</issuer>
    <removals>
      <removed id="c-3">不要となったため削除した。</removed>
      <removed id="c-4" into="c-5">ルーターの管理と統合した。</removed>
    </removals>
    <chapter id="ch-1" num="第1章">
      <title>総則</title>
      <section id="s-1" num="1-1">
        <title>基本</title>
        <clause id="c-1" num="(1)"><p>全ての職員にテレワークを導入する。</p></clause>
      </section>
      <section id="s-2" num="1-2">
        <title>端末</title>
        <clause id="c-2" num="(2)"><p>多要素認証を用いる。</p></clause>
        <clause id="c-5" num="(3)"><title>ルーターの管理</title><p>ルーターのファームウェアを更新する。</p></clause>
      </section>
      <section id="s-3" num="1-3">
        <title>新しい節</title>
        <clause id="c-6" num="(1)"><p>新しい規定を置く。</p></clause>
      </section>
    </chapter>
  </guideline>

  """

@Suite("新旧対照表 and redline: headings and merge targets")
struct DeltaTableHeadingTests {
  func delta() throws -> String {
    let a = try DocumentLoader.load(data: Data(oldEdition.utf8), fileName: "1.0.xml")
    let b = try DocumentLoader.load(data: Data(newEdition.utf8), fileName: "2.0.xml")
    return DeltaDocument.xml(try DocumentDiffer.diff(old: a, new: b))
  }

  /// The table row whose text contains `text`.
  func row(_ html: String, containing text: String) -> String? {
    html.components(separatedBy: "<tr").first { $0.contains(text) }
  }

  @Test("a section that a clause moved into is not 新設; a section new in NEW is")
  func headings() throws {
    let table = try Stylesheets().transform("delta-table", xml: try delta(), fileName: "delta.xml")
    let moved = try #require(row(table, containing: "1-2 端末"), "\(table)")
    #expect(!moved.contains("新設"), "\(moved)")
    let fresh = try #require(row(table, containing: "1-3 新しい節"), "\(table)")
    #expect(fresh.contains("（新設）"), "\(fresh)")
  }

  @Test("a removal row names the merge target by number and title, not by id")
  func mergeTarget() throws {
    let delta = try delta()
    #expect(delta.contains(#"<relation rel="merged-into" id="c-5" num="(3)">ルーターの管理</relation>"#), "\(delta)")
    let schema = try XMLSchema(path: try #require(BundledSchema.resourcePath("schemas/delta.xsd")))
    let problems = schema.validate(try XMLDocument.parse(data: Data(delta.utf8), fileName: "delta.xml"))
    #expect(problems.isEmpty, "\(problems)")
    for name in ["delta-table", "delta-html"] {
      let html = try Stylesheets().transform(name, xml: delta, fileName: "delta.xml")
      #expect(html.contains("(3)「ルーターの管理」に統合"), "\(name): \(html)")
      #expect(!html.contains("c-5 に統合"), "\(name)")
    }
  }
}

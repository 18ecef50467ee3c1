/// Guideline editions that the fetching tests fetch sources for.
public enum SampleEditions {
  /// One edition citing 労働安全衛生法 (pinned by revision id) and サイバーセキュリティ基本法
  /// (pinned by the date 2025-08-01, when its 2025-07-01 revision was in force), whose
  /// 2026-10-01 revision renumbers 第18条 to 第17条.
  public static let twoLaws = """
    <?xml version="1.0" encoding="UTF-8"?>
    <guideline xmlns="urn:guidekit:guideline:1" xml:lang="ja" id="g" version="1.0" issued="2026-01-01">
      <title>試験</title>
      <issuer>試験</issuer>
      <chapter id="c1" num="第1章">
        <title>章</title>
        <clause id="a" num="(1)">
          <p><ref source="347AC0000000057" provision="Art1" pin="20260101_507AC0000000033">労働安全衛生法第1条</ref></p>
          <p><ref source="426AC1000000104" provision="Art18" pin="2025-08-01">サイバーセキュリティ基本法第18条</ref></p>
        </clause>
      </chapter>
    </guideline>
    """
}

// The live preview in a real browser: headless chromium driven over W3C WebDriver.
import Foundation
import Testing

@Suite("guidekit serve in chromium", .serialized)
struct BrowserTests {
  static let available = ChromeDriverProcess.chromium != nil && ChromeDriverProcess.chromedriver != nil

  @Test(
    "an open edition page follows the file: new text, then the diagnostic at the clause, then none; never reloaded",
    .enabled(if: available, "chromium and chromedriver are not installed (apt: chromium chromium-driver)"))
  func livePage() async throws {
    let serve = try ServeProcess()
    defer { serve.stop() }
    let chromedriver = try ChromeDriverProcess(executable: try #require(ChromeDriverProcess.chromedriver))
    defer { chromedriver.stop() }
    let driver = WebDriver(base: "http://127.0.0.1:\(chromedriver.port)")
    try await chromedriver.waitUntilReady(driver)
    try await driver.startSession(chromium: try #require(ChromeDriverProcess.chromium))
    do {
      try await run(driver, serve)
    } catch {
      await driver.endSession()
      await driver.shutdown()
      throw error
    }
    await driver.endSession()
    await driver.shutdown()
  }

  private func run(_ driver: WebDriver, _ serve: ServeProcess) async throws {
    try await driver.navigate("\(serve.url)telework-security/5.0.html")
    // The live script is connected once the page shows its diagnostics panel.
    try await waitFor(driver, "the diagnostics panel", "return !!document.getElementById('gk-live-panel');")
    // A mark that a reload would wipe out, and an observer that stamps (with the machine's wall
    // clock, as the test's) the moment the page first meets the condition of the current step:
    // the time is the page's, not that of the test's polling through WebDriver.
    _ = try await driver.execute(
      """
      window.gkNotReloaded = true;
      window.scrollTo(0, 400);
      window.gkSeen = null;
      const check = () => { if (window.gkCondition && window.gkSeen === null && window.gkCondition()) window.gkSeen = Date.now(); };
      new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      return true;
      """)
    let file = "telework-security/5.0.xml"
    let original = try serve.read(file)

    // 1. Reword a clause.
    let reworded = original.replacingOccurrences(
      of: "<title>テレワークの意義と現状</title>", with: "<title>テレワークの意義と現状（改訂案）</title>")
    #expect(reworded != original)
    try await step(
      driver, serve, file, reworded, "the reworded clause",
      "document.getElementById('intro-significance').textContent.includes('テレワークの意義と現状（改訂案）')")

    // 2. A duplicate id: the diagnostic is marked at that clause.
    let duplicated = reworded.replacingOccurrences(
      of: "<clause id=\"intro-purpose\"", with: "<clause id=\"intro-significance\"")
    #expect(duplicated != reworded)
    try await step(
      driver, serve, file, duplicated, "the duplicate-id marker at the clause",
      """
      (() => {
        const marker = document.querySelector('[id="intro-significance"] > .gk-live-marker[data-rule="duplicate-id"]');
        // The panel lists this page's error first, ahead of the other editions' warnings.
        const first = document.querySelector('#gk-live-panel li');
        return !!marker && marker.textContent.includes('5.0.xml:') && !!first &&
          first.classList.contains('gk-live-error') &&
          !!first.querySelector('a[href="/telework-security/5.0.html#intro-significance"]');
      })()
      """)

    // 3. Fixed: no diagnostic any more.
    try await step(
      driver, serve, file, reworded, "no marker",
      "document.querySelectorAll('.gk-live-marker').length === 0 && !!document.getElementById('gk-live-panel')")

    let notReloaded = try await driver.execute("return window.gkNotReloaded === true;") as? Bool
    #expect(notReloaded == true, "the page was reloaded")
    let scroll = try await driver.execute("return window.scrollY;") as? Int
    #expect(scroll == 400, "the scroll position was not kept")
  }

  /// Writes `text` to `file`, then expects the page to meet `condition` (a JavaScript expression)
  /// within 2 s of the write, by the page's own clock stamp.
  private func step(
    _ driver: WebDriver, _ serve: ServeProcess, _ file: String, _ text: String, _ what: String, _ condition: String
  ) async throws {
    _ = try await driver.execute("window.gkSeen = null; window.gkCondition = () => \(condition); return true;")
    let written = Date().timeIntervalSince1970 * 1000
    try serve.write(file, text)
    try await waitFor(driver, what, timeout: .seconds(30), "return window.gkSeen !== null;")
    let seen = try #require(try await driver.execute("return window.gkSeen;") as? Double)
    #expect(seen - written <= 2000, "\(what): shown \(Int(seen - written)) ms after the write, not within 2 s")
  }

  /// Polls `script` (returning a boolean) every 50 ms until true; fails after `timeout`.
  private func waitFor(
    _ driver: WebDriver, _ what: String, timeout: Duration = .seconds(20), _ script: String
  ) async throws {
    let start = ContinuousClock.now
    while ContinuousClock.now - start < timeout {
      if try await driver.execute(script) as? Bool == true { return }
      try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("not within \(timeout): \(what)")
    throw WebDriverError.failed("timed out: \(what)")
  }
}

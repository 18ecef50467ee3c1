import Foundation
import GuideKitXML
import Testing

@testable import GuideKit

// What replaced the Foundation-only APIs when guidekit moved to FoundationEssentials, each checked
// against the Foundation API it replaced (the tests link all of Foundation).

/// The string path helpers must give what `NSString`'s path methods give on the paths guidekit
/// builds (relative and absolute, with and without trailing slashes, extensions, dots).
@Suite("Path strings")
struct PathStringTests {
  static let paths = [
    "", "/", "a", "a/", "/a", "/a/", "a/b", "a/b/", "/a/b.xml", "a//b", "./a/b.tar.gz", ".hidden", "a/.hidden",
    "a.b/c", "output", "output/", "../x/y.html", "guidelines/telework-security/5.0.xml", "/tmp/x.y/z.",
    "テレワーク/第1条.xml",
  ]
  static let components = ["b", "b.xml", "c/d.html", "manifest.json"]

  @Test func joiningPathMatchesAppendingPathComponent() {
    for path in Self.paths where !path.contains("//") {
      for component in Self.components {
        #expect(
          path.joiningPath(component) == (path as NSString).appendingPathComponent(component), "\(path) + \(component)")
      }
    }
  }

  /// Where Foundation on Linux keeps doubled or trailing slashes, the helper gives what the
  /// NSString documentation (and Foundation on Apple systems) gives.
  @Test func joiningCollapsesSlashes() {
    #expect("a".joiningPath("/b") == "a/b")
    #expect("a/".joiningPath("/b") == "a/b")
    #expect("/".joiningPath("/b") == "/b")
    #expect("a".joiningPath("") == "a")
    #expect("a/".joiningPath("") == "a")
    #expect("".joiningPath("b/") == "b")
  }

  @Test func partsMatchNSString() {
    for path in Self.paths where !path.contains("//") {
      #expect(path.lastPathPart == (path as NSString).lastPathComponent, "\(path)")
      // Foundation on Linux traps on a one-character name without a slash before it ("a", "a/").
      let name = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
      if name.count > 1 || name.contains("/") {
        #expect(path.parentPath == (path as NSString).deletingLastPathComponent, "\(path)")
      }
      #expect(path.removingPathExtension == (path as NSString).deletingPathExtension, "\(path)")
    }
  }

  /// `guidekit publish --out o` takes the parent of a one-letter folder name.
  @Test func parentOfOneLetterName() {
    #expect("o".parentPath == "")
    #expect("o/".parentPath == "")
    #expect("o".lastPathPart == "o")
    #expect("".parentPath.joiningPath("o") == "o")
  }

  @Test func hexStringIsTwoLowerCaseDigitsPerByte() {
    #expect([0x00, 0x0f, 0xa5, 0xff].hexString == "000fa5ff")
    #expect([UInt8]().hexString == "")
  }

  @Test func trimmingWhitespaceMatchesFoundation() {
    for text in ["", " ", "\n a b \t\n", "abc", "\u{3000}全角\u{3000}", "x\r\n"] {
      #expect(
        text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
    }
  }
}

/// SARIF artifact locations are percent-encoded by hand since Foundation is not linked; they must
/// match Foundation's encoding with the URL-path character set (less `:`).
@Suite("SARIF URIs")
struct SARIFURITests {
  @Test func matchesFoundationPercentEncoding() {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: ":")
    for path in [
      "guidelines/telework-security/5.0.xml", "./a b/c.xml", "テレワーク/第1条.xml", "a:b/c%d#e?f.xml",
      "x/~y_z-1!$&'()*+,;=@.xml", "emoji/👩‍💻.xml", "",
    ] {
      let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
      #expect(SARIF.uri(path) == relative.addingPercentEncoding(withAllowedCharacters: allowed), "\(path)")
    }
  }
}

/// `PinDate.today` formats without Foundation's DateFormatter; it must give what that formatter
/// gives for Japan's calendar date.
@Suite("Today's pin date")
struct PinDateTodayTests {
  @Test func matchesDateFormatterInTokyo() {
    let formatter = DateFormatter()
    formatter.calendar = Calendar(identifier: .gregorian)
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Tokyo")
    formatter.dateFormat = "yyyy-MM-dd"
    let before = formatter.string(from: Date())
    let today = PinDate.today()
    let after = formatter.string(from: Date())
    #expect(today == before || today == after)
    #expect(today.wholeMatch(of: #/[0-9]{4}-[0-9]{2}-[0-9]{2}/#) != nil)
  }
}

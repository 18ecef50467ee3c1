import Foundation
import Testing

@testable import GuideKit

/// The labelled corpus (Fixtures/citations/corpus.txt): one group of sentences per context.
struct CitationCorpus {
  struct Sentence {
    var text: String
    var expected: [String]
    var line: Int
  }

  var groups: [[Sentence]] = []

  init(path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var names: [String: String] = [:]
    var group: [Sentence] = []
    var pending: (String, Int)?
    func expand(_ label: String) -> String {
      if label.hasPrefix("!supp:") {
        return "!supp:" + (names[String(label.dropFirst(6))] ?? String(label.dropFirst(6)))
      }
      guard !label.hasPrefix("!"), let colon = label.firstIndex(of: ":") else { return label }
      let name = String(label[..<colon])
      return (names[name] ?? name) + label[colon...]
    }
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw)
      if line.hasPrefix("@"), let eq = line.firstIndex(of: "=") {
        names[String(line[line.index(after: line.startIndex)..<eq])] = String(line[line.index(after: eq)...])
      } else if line.hasPrefix("> ") {
        pending = (String(line.dropFirst(2)), number + 1)
      } else if line.hasPrefix("=") {
        let (sentence, at) = try #require(pending, "line \(number + 1): a label without a sentence")
        let labels = line.dropFirst().split(separator: " ").map { expand(String($0)) }
        group.append(Sentence(text: sentence, expected: labels, line: at))
        pending = nil
      } else if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") {
        if line.trimmingCharacters(in: .whitespaces).isEmpty, !group.isEmpty {
          groups.append(group)
          group = []
        }
      }
    }
    if !group.isEmpty { groups.append(group) }
  }

  /// The label a recognised citation is scored by.
  static func label(_ citation: Citation) -> String {
    switch citation.problem {
    case .unknownTitle: return "!unknown"
    case .supplementary: return "!supp" + (citation.source.map { ":" + $0 } ?? "")
    case .unresolved: return "!unresolved"
    case nil: return "\(citation.source ?? "?"):\(citation.provision ?? "?")"
    }
  }
}

/// The articles of 労働基準法 from 第32条 to 第41条の2, as its e-Gov file numbers them.
let labourStandardsArticles: [[Int]] = [
  [32], [32, 2], [32, 3], [32, 3, 2], [32, 4], [32, 4, 2], [32, 5], [33], [34], [35], [36], [37], [38], [38, 2],
  [38, 3], [38, 4], [39], [40], [41], [41, 2],
]

func repositoryRecognizer() throws -> CitationRecognizer {
  let table = try LawTitleTable.load(path: RepoPaths.path("references/law-titles.json"))
  return CitationRecognizer(titles: table, articles: { $0 == "322AC0000000049" ? labourStandardsArticles : nil })
}

@Suite("Citation corpus")
struct CitationCorpusTests {
  @Test("precision ≥ 0.99 and recall ≥ 0.97 on the labelled corpus")
  func precisionAndRecall() throws {
    let corpus = try CitationCorpus(path: RepoPaths.path("Tests/GuideKitTests/Fixtures/citations/corpus.txt"))
    let recognizer = try repositoryRecognizer()
    var truePositives = 0
    var predicted = 0
    var expected = 0
    var misses: [String] = []
    for group in corpus.groups {
      var context = CitationContext()
      for sentence in group {
        let found = recognizer.citations(in: sentence.text, context: &context).map(CitationCorpus.label)
        var remaining = sentence.expected
        var wrong: [String] = []
        for label in found {
          if let k = remaining.firstIndex(of: label) {
            remaining.remove(at: k)
            truePositives += 1
          } else {
            wrong.append(label)
          }
        }
        predicted += found.count
        expected += sentence.expected.count
        if !wrong.isEmpty || !remaining.isEmpty {
          misses.append("corpus.txt:\(sentence.line): \(sentence.text)\n  extra \(wrong)\n  missed \(remaining)")
        }
      }
    }
    let precision = predicted == 0 ? 1 : Double(truePositives) / Double(predicted)
    let recall = expected == 0 ? 1 : Double(truePositives) / Double(expected)
    print(
      "citation corpus: \(expected) citations in \(corpus.groups.map(\.count).reduce(0, +)) sentences; precision \(String(format: "%.4f", precision)) (\(truePositives)/\(predicted)), recall \(String(format: "%.4f", recall)) (\(truePositives)/\(expected))"
    )
    for miss in misses { print(miss) }
    #expect(expected >= 300)
    #expect(precision >= 0.99, "\(misses.joined(separator: "\n"))")
    #expect(recall >= 0.97, "\(misses.joined(separator: "\n"))")
  }
}

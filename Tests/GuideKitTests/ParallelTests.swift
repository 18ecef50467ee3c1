import Testing

@testable import GuideKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Parallel work")
struct ParallelTests {
  @Test("work below the threshold runs on the calling thread; results keep job order either way")
  func threshold() {
    let caller = pthread_self()
    let small = Parallel.map(64, work: Parallel.minimumWork - 1) { index in
      (index * index, pthread_equal(pthread_self(), caller) != 0)
    }
    let squares = small.map { $0.0 }
    let onCaller = small.filter { $0.1 }.count
    #expect(squares == (0..<64).map { $0 * $0 })
    #expect(onCaller == 64)
    for work in [Parallel.minimumWork, nil] {
      let large = Parallel.map(64, work: work) { index in index * index }
      #expect(large == (0..<64).map { $0 * $0 })
    }
    #expect(Parallel.map(0, work: nil) { $0 }.isEmpty)
  }

  @Test(
    "a diff is the same whether its steps run one after another or in parallel",
    arguments: [
      ("guidelines/telework-security/4.0.xml", "guidelines/telework-security/5.0.xml"),
      ("guidelines/telework-labor/2018.xml", "guidelines/telework-labor/2021.xml"),
    ])
  func bundledDiffs(old: String, new: String) throws {
    try expectSameBothWays([RepoPaths.path(old), RepoPaths.path(new)])
  }

  @Test(
    "the 労働安全衛生法 pair gives the same diff one step after another and in parallel",
    .enabled(if: SharedData.isAvailable, SharedData.absentMessage))
  func lawDiff() throws {
    try expectSameBothWays([
      SharedData.path("egov/laws/347AC0000000057_20260101_507AC0000000033.xml"),
      SharedData.path("egov/laws/347AC0000000057_20260401_507AC0000000033.xml"),
    ])
  }

  private func expectSameBothWays(_ files: [String]) throws {
    func run() throws -> ([ClauseTree], DocumentDiff) {
      let trees = try DocumentLoader.load(files: files)
      return (trees, try DocumentDiffer.diff(old: trees[0], new: trees[1]))
    }
    let (serialTrees, serial) = try Parallel.$minimumWork.withValue(.max) { try run() }
    let (parallelTrees, parallel) = try Parallel.$minimumWork.withValue(0) { try run() }
    #expect(serialTrees == parallelTrees)
    #expect(!serial.changes.isEmpty)
    #expect(serial.changes == parallel.changes)
    #expect(serial.unchangedCount == parallel.unchangedCount)
  }
}

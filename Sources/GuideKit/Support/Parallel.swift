import Dispatch
import FoundationEssentials
import Synchronization

enum Parallel {
  /// `body(0)`, …, `body(count − 1)` run on every core; the results in index order.
  ///
  /// Results go through a lock: threads storing into one Swift array race on its buffer, even
  /// at different indices.
  static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = Mutex<[Int: T]>([:])
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let result = body(index)
      results.withLock { $0[index] = result }
    }
    let all = results.withLock { $0 }
    let ordered = (0..<count).compactMap { all[$0] }
    precondition(ordered.count == count, "a parallel job stored no result")
    return ordered
  }
}

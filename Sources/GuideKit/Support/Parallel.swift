import Dispatch

enum Parallel {
  /// `body(0)`, …, `body(count − 1)` run on every core; the results in index order.
  static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.store(body(index), at: index)
    }
    return slots.values()
  }

  /// One slot per job, written once by the job of that index and read only after every job has
  /// ended (`concurrentPerform` returns then): no two threads touch one slot, so no lock is needed
  /// — and none that ThreadSanitizer cannot see (a contended `Synchronization.Mutex` is reported
  /// as a race, SECURITY.md). One Swift array would not do: threads storing into it race on its
  /// buffer, even at different indices.
  private final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    init(_ count: Int) {
      self.count = count
      base = .allocate(capacity: max(count, 1))
      base.initialize(repeating: nil, count: count)
    }

    deinit {
      base.deinitialize(count: count)
      base.deallocate()
    }

    func store(_ value: T, at index: Int) {
      precondition(index >= 0 && index < count, "a parallel job stored out of range")
      base[index] = value
    }

    func values() -> [T] {
      (0..<count).map { index in
        guard let value = base[index] else { preconditionFailure("a parallel job stored no result") }
        return value
      }
    }
  }
}

import Dispatch

enum Parallel {
  /// Estimated input, in bytes, below which ``map(_:work:_:)`` runs its jobs one after another on
  /// the calling thread. Below about a megabyte, waking the worker threads and waiting for the last
  /// of them costs what the parallel work saves, and the wait makes the run time depend on when
  /// the other core is free: a diff of two 0.44 MB files took 14.7 ms (σ 0.4) one job after
  /// another and 15.1 ms (σ 1.5) in parallel on 2 cores (Benchmarks/README.md). Tests bind it to
  /// run small inputs both ways.
  @TaskLocal static var minimumWork = 1 << 20

  /// `body(0)`, …, `body(count − 1)` run on every core; the results in index order.
  /// - Parameter work: the bytes of input the jobs process together, when known: below
  ///   ``minimumWork`` they run on the calling thread. `nil` (many files, unknown sizes): in
  ///   parallel.
  static func map<T: Sendable>(_ count: Int, work: Int?, _ body: @Sendable (Int) -> T) -> [T] {
    if count <= 1 || work.map({ $0 < minimumWork }) == true {
      return (0..<count).map { body($0) }
    }
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

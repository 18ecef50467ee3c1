import Synchronization

/// A compute-once cache that threads share: the value stored for a key, else the value computed
/// (outside the lock, so that a slow computation blocks no other key) and stored. Two threads
/// asking for one key at once may both compute it; the values are equal and either is kept.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
  private let values = Mutex<[Key: Value]>([:])

  init() {}

  func value(for key: Key, compute: () -> Value) -> Value {
    if let cached = values.withLock({ $0[key] }) { return cached }
    let computed = compute()
    values.withLock { $0[key] = computed }
    return computed
  }
}

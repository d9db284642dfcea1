import Foundation
import GRDB
import Synchronization

/// Group commit for the store's hot writes: conditional writes submitted
/// while a commit is in flight wait and then share one transaction — one
/// WAL sync for all of them instead of one each.
///
/// Each write runs in its own savepoint, in submission order, so its checks
/// see every earlier write of the group and a write that throws (a lost
/// race, a failed precondition) is rolled back alone; the others commit.
/// Nobody is answered before the group's `COMMIT` returned: a write reported
/// as done is as durable as with a transaction of its own. When the commit
/// itself fails, every write of the group gets the error.
///
/// With one writer at a time a group holds one write, so latency is that of
/// a plain transaction; under load groups grow by themselves (the next group
/// is whatever arrived during the previous commit).
final class GroupCommitter: Sendable {
    /// One submitted write: applies itself inside the group's transaction and
    /// returns how to answer its caller once the group committed.
    private struct Pending: Sendable {
        let apply: @Sendable (Database) -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    private struct Queue {
        var pending: [Pending] = []
        var draining = false
    }

    private let writer: any DatabaseWriter
    private let queue = Mutex(Queue())
    private let mapError: @Sendable (any Error) -> any Error

    /// - Parameters:
    ///   - writer: the database whose writer runs the groups.
    ///   - mapError: turns SQLite errors into the caller-facing error (other errors pass).
    init(writer: any DatabaseWriter, mapError: @escaping @Sendable (any Error) -> any Error) {
        self.writer = writer
        self.mapError = mapError
    }

    /// Runs `body` in the next group's transaction (in a savepoint of its own)
    /// and returns its result once that transaction committed.
    /// - Throws: what `body` threw (its writes rolled back), or the commit's failure.
    func submit<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let mapError = mapError
        return try await withCheckedThrowingContinuation { continuation in
            let pending = Pending(
                apply: { db in
                    do {
                        var result: T?
                        try db.inSavepoint {
                            result = try body(db)
                            return .commit
                        }
                        let value = result!
                        return { continuation.resume(returning: value) }
                    } catch {
                        let failure = mapError(error)
                        return { continuation.resume(throwing: failure) }
                    }
                },
                fail: { error in continuation.resume(throwing: mapError(error)) }
            )
            let start = queue.withLock { state in
                state.pending.append(pending)
                defer { state.draining = true }
                return !state.draining
            }
            if start { drain() }
        }
    }

    /// Commits everything pending as one group, then the next group, until
    /// nothing is left.
    private func drain() {
        let group = queue.withLock { state in
            let group = state.pending
            state.pending = []
            if group.isEmpty { state.draining = false }
            return group
        }
        guard !group.isEmpty else { return }
        writer.asyncWriteWithoutTransaction { db in
            var answers: [@Sendable () -> Void] = []
            answers.reserveCapacity(group.count)
            do {
                try db.inTransaction(.immediate) {
                    for pending in group { answers.append(pending.apply(db)) }
                    return .commit
                }
                for answer in answers { answer() }
            } catch {
                for pending in group { pending.fail(error) }
            }
            self.drain()
        }
    }
}

import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes sure at most one sync session runs per database (SYNC.md §11.1:
/// a replica never runs two sessions or two pushes at once).
///
/// Within a process, a set of held keys (the database path, or the
/// database object's identity for in-memory replicas); across processes
/// (two `fieldbook sync` at once), an exclusive `flock` on
/// `<database>.sync-lock` beside a file database.
final class SyncSessionLock: @unchecked Sendable {
    private static let held = HeldKeys()
    private let key: String
    private let descriptor: Int32?

    /// Takes the lock or throws ``SyncEngineError/sessionInProgress(database:)``.
    init(database: ClientDatabase) throws {
        let path = database.writer.path
        let isFile = !path.isEmpty && path != ":memory:" && !path.hasPrefix("file::memory:")
        key = isFile ? path : "memory:\(ObjectIdentifier(database).hashValue)"
        guard Self.held.insert(key) else { throw SyncEngineError.sessionInProgress(database: isFile ? path : "memory") }
        guard isFile else {
            descriptor = nil
            return
        }
        let fd = open(path + ".sync-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            descriptor = nil  // no lock file (read-only directory): the in-process lock still holds
            return
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            Self.held.remove(key)
            throw SyncEngineError.sessionInProgress(database: path)
        }
        descriptor = fd
    }

    /// Releases the lock; call once.
    func release() {
        if let descriptor {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
        Self.held.remove(key)
    }

    private final class HeldKeys: @unchecked Sendable {
        private let lock = NSLock()
        private var keys: Set<String> = []

        func insert(_ key: String) -> Bool { lock.withLock { keys.insert(key).inserted } }
        func remove(_ key: String) { _ = lock.withLock { keys.remove(key) } }
    }
}

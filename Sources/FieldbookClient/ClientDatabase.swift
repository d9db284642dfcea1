import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

/// The local replica: one SQLite file holding every record the user may
/// see, the outbox of local changes not yet acknowledged by the server, and
/// the replica's identity and clocks.
///
/// Every write is a named transaction that records its change in the outbox
/// in the same SQLite transaction, so a crash can never leave a record
/// without its outbox entry or the reverse.
///
/// ```swift
/// let database = try ClientDatabase.open(at: "/path/fieldbook.sqlite")
/// let account = try database.write("account") { change in
///     change.set("name", to: "Müller GmbH")
/// }
/// for try await accounts in database.observe({ db in try database.records("account", in: db) }) {
///     print(accounts.count)
/// }
/// ```
public final class ClientDatabase: Sendable {
    /// The GRDB writer (a `DatabasePool` in WAL mode for files).
    public let writer: any DatabaseWriter
    /// The entity schema this client was built with.
    public let registry: SchemaRegistry
    /// Source of wall-clock time for hybrid timestamps.
    public let clock: any PhysicalClock
    /// This replica's identity, created with the database.
    public let replicaID: ReplicaID

    /// How much a returned write survives.
    public enum Durability: String, Sendable, CaseIterable {
        /// Survives app crashes *and* power loss or an OS crash: every commit
        /// waits for the disk (`synchronous=FULL`). The default.
        case powerLossSafe
        /// Survives app crashes; after a power loss the last commits may be
        /// missing, never half-applied (`synchronous=NORMAL` in WAL). Faster
        /// single writes on slow disks.
        case crashSafe
    }

    /// Opens (creating if needed) the replica database at `path`.
    /// - Parameters:
    ///   - path: the SQLite file; its directory must exist.
    ///   - registry: the schema; defaults to the standard CRM schema.
    ///   - clock: wall-clock source; inject a ``ManualClock`` in tests.
    ///   - durability: what a returned write survives; see ``Durability``.
    public static func open(
        at path: String, registry: SchemaRegistry = .standard, clock: any PhysicalClock = SystemClock(),
        durability: Durability = .powerLossSafe
    ) throws -> ClientDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // GRDB sets WAL connections to synchronous=NORMAL; the single writer
        // connection gets the level asked for.
        let level = durability == .powerLossSafe ? "FULL" : "NORMAL"
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(level)") }
        return try ClientDatabase(writer: pool, registry: registry, clock: clock)
    }

    /// An in-memory replica, for tests and previews.
    public static func inMemory(
        registry: SchemaRegistry = .standard, clock: any PhysicalClock = SystemClock()
    ) throws -> ClientDatabase {
        try ClientDatabase(writer: DatabaseQueue(), registry: registry, clock: clock)
    }

    /// Wraps an existing GRDB writer, migrating it to the current layout.
    public init(writer: any DatabaseWriter, registry: SchemaRegistry = .standard, clock: any PhysicalClock) throws {
        self.writer = writer
        self.registry = registry
        self.clock = clock
        try ClientMigrations(registry: registry).migrator.migrate(writer)
        self.replicaID = try writer.write { db in try ReplicaRow.fetchOrCreate(db, schemaVersion: registry.version).replicaID }
    }

    /// The schema of `entity`.
    /// - Throws: ``ClientError/unknownEntity(_:)``.
    public func schema(_ entity: String) throws(ClientError) -> EntitySchema {
        guard let schema = registry.entity(entity) else { throw .unknownEntity(entity) }
        return schema
    }

    /// Current wall time as an ISO 8601 UTC string (for bookkeeping columns).
    func nowText() -> String {
        UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))?.description ?? "1970-01-01T00:00:00Z"
    }
}

import FieldbookModel
import GRDB

/// The client database layout, as append-only GRDB migrations.
///
/// `core-v1` creates the replica row, the replicated record states and the
/// outbox. Then one migration per schema version (`schema-v1`, `schema-v2`, …)
/// creates the projection tables of the entities that version adds and
/// the columns of the fields it adds, derived from the ``SchemaRegistry``
/// (later: worklist indexes, the sync tables, and `outbox-v2`, which keys the
/// outbox by change counter; see `LeanOutbox`):
/// adding an entity to the schema is its declaration plus its schema
/// migration — the client tables follow. Never edit a shipped migration.
struct ClientMigrations {
    let registry: SchemaRegistry

    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("core-v1") { db in try Self.createCore(db) }
        var previous: SchemaRegistry?
        for migration in registry.migrations {
            let upTo = (try? SchemaRegistry(migrations: registry.migrations.filter { $0.version <= migration.version }))
            guard let current = upTo else { continue }
            let before = previous
            migrator.registerMigration("schema-v\(migration.version)") { db in
                try Self.migrateProjections(from: before, to: current, in: db)
            }
            previous = current
        }
        // Append-only after the schema migrations: indexes for the worklist and scheduling queries.
        migrator.registerMigration(WorklistIndexes.migrationName) { db in try WorklistIndexes.create(in: db) }
        // The sync engine's bookkeeping (server, acknowledgement, evicted records kept, re-download).
        migrator.registerMigration(SyncTables.migrationName) { db in try SyncTables.create(in: db) }
        // The outbox keyed by change counter, with one index (fewer B-tree writes per local edit).
        migrator.registerMigration(LeanOutbox.migrationName) { db in try LeanOutbox.migrate(db) }
        return migrator
    }

    static func createCore(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE replica (
                    singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
                    replica_id TEXT NOT NULL,
                    counter INTEGER NOT NULL CHECK (counter >= 0),
                    clock TEXT NOT NULL,
                    stable TEXT NOT NULL DEFAULT '{}',
                    cursor TEXT,
                    last_sync_at TEXT,
                    last_sync_error TEXT,
                    schema_version INTEGER NOT NULL
                );
                CREATE TABLE record (
                    id TEXT PRIMARY KEY NOT NULL,
                    entity TEXT NOT NULL,
                    state BLOB NOT NULL,
                    deleted INTEGER NOT NULL,
                    conflicts INTEGER NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX record_by_entity ON record(entity);
                CREATE INDEX record_with_conflicts ON record(conflicts) WHERE conflicts > 0;
                CREATE TABLE outbox (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    dot TEXT NOT NULL UNIQUE,
                    record_id TEXT NOT NULL REFERENCES record(id),
                    entity TEXT NOT NULL,
                    change BLOB NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'rejected')),
                    code TEXT,
                    reason TEXT,
                    created_at TEXT NOT NULL
                );
                CREATE INDEX outbox_by_record ON outbox(record_id);
                CREATE INDEX outbox_by_status ON outbox(status, seq);
                """
        )
    }

    /// Creates projections for new entities and columns for new fields.
    static func migrateProjections(from before: SchemaRegistry?, to after: SchemaRegistry, in db: Database) throws {
        for name in after.entityNames {
            guard let entity = after.entity(name) else { continue }
            let table = ProjectionTable(entity: entity)
            guard let old = before?.entity(name) else {
                for statement in table.createStatements() { try db.execute(sql: statement) }
                continue
            }
            let oldNames = Set(old.fields.map(\.name))
            for field in table.columns where !oldNames.contains(field.name) {
                for statement in table.addColumnStatements(for: field) { try db.execute(sql: statement) }
            }
            // Values of the new fields may already be stored (written by newer
            // clients and preserved): re-project the entity's records.
            if table.columns.contains(where: { !oldNames.contains($0.name) }) {
                try RecordRow.reproject(entity: entity, in: db)
            }
        }
    }
}

import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Checks the invariants that crashes must never break, returning one
    /// line per violation (IDs and dots only, no field values):
    /// - SQLite's `integrity_check` and `foreign_key_check` pass;
    /// - every outbox change is applied to its record (its dot is known in
    ///   every slot it wrote);
    /// - every change of this replica visible in a record's state that the
    ///   server has not acknowledged is in the outbox (checked until the
    ///   server first confirms a change: before that, every local change);
    /// - every record has its projection row.
    public func consistencyProblems() throws -> [String] {
        try writer.read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems.append("integrity_check: " + integrity.joined(separator: "; ")) }
            if try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") != nil { problems.append("foreign_key_check failed") }

            let replica = try ReplicaRow.fetchOrCreate(db, schemaVersion: registry.version)
            let outbox = try OutboxEntry.fetchAll(in: db)
            let outboxDots = Set(outbox.map(\.change.dot))
            for entry in outbox {
                guard let state = try RecordRow.fetch(entry.change.record, in: db) else {
                    problems.append("outbox \(entry.change.dot) has no record \(entry.change.record)")
                    continue
                }
                for op in entry.change.ops where !state.register(op.slot).knows(entry.change.dot) && op.value != nil {
                    problems.append("outbox \(entry.change.dot) not applied to \(entry.change.record)")
                }
            }
            // Confirmed local changes leave the outbox; the check holds only until the first confirmation.
            let confirmedAny = try Bool.fetchOne(db, sql: "SELECT confirmed_any FROM replica WHERE singleton = 1") ?? false
            if replica.cursor == nil, !confirmedAny {
                for id in try String.fetchAll(db, sql: "SELECT id FROM record ORDER BY id") {
                    guard let state = try RecordRow.fetch(id, in: db) else { continue }
                    let local = state.slots.values.flatMap { register in
                        register.entries.map(\.dot) + Array(register.superseded)
                    }.filter { $0.replica == replica.replicaID }
                    for dot in Set(local) where !outboxDots.contains(dot) {
                        problems.append("record \(id) holds local change \(dot) missing from the outbox")
                    }
                    if let entity = registry.entity(state.entity) {
                        let table = ProjectionTable(entity: entity).name
                        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE id = ?", arguments: [id]) != 1 {
                            problems.append("record \(id) has no projection row")
                        }
                    }
                }
            }
            if let maxCounter = outbox.map(\.change.dot.counter).max(), maxCounter > replica.counter {
                problems.append("outbox holds counter \(maxCounter) beyond the replica counter \(replica.counter)")
            }
            return problems
        }
    }
}

import GRDB

/// The `worklist-indexes-v1` migration: partial indexes for the Home
/// worklist and the scheduling queries that the automatic per-column
/// projection indexes do not cover. Each index's `WHERE` clause is repeated
/// verbatim by its query, which is what lets SQLite use a partial index.
///
/// Projections missing from a custom schema are skipped.
enum WorklistIndexes {
    /// Migration name (append-only; never rename or edit once shipped).
    static let migrationName = "worklist-indexes-v1"

    /// (table, required columns, statement).
    static let indexes: [(String, [String], String)] = [
        (
            "e_activity", ["kind", "status", "dueDate"],
            """
            CREATE INDEX e_activity_open_tasks ON e_activity("dueDate")
            WHERE _deleted = 0 AND kind = 'task' AND status IN ('open', 'in_progress')
            """
        ),
        (
            "e_offer", ["status", "validUntil"],
            "CREATE INDEX e_offer_sent_validity ON e_offer(\"validUntil\") WHERE _deleted = 0 AND status = 'sent'"
        ),
        (
            "e_appointment", ["organizer", "start"],
            "CREATE INDEX e_appointment_organizer_start ON e_appointment(organizer, \"start\") WHERE _deleted = 0"
        ),
        (
            "e_account", ["careIntervalDays"],
            """
            CREATE INDEX e_account_care ON e_account("careIntervalDays")
            WHERE _deleted = 0 AND "careIntervalDays" IS NOT NULL
            """
        ),
    ]

    /// Creates the indexes whose table and columns exist.
    static func create(in db: Database) throws {
        for (table, columns, statement) in indexes {
            guard try db.tableExists(table) else { continue }
            let present = Set(try db.columns(in: table).map(\.name))
            guard columns.allSatisfy(present.contains) else { continue }
            try db.execute(sql: statement)
        }
    }
}

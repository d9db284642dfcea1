import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Imports CSV `text` into the local replica with `mapping`: every row
    /// becomes a normal local write (validated, queued in the outbox for
    /// sync), in transactions of `batchSize` rows. A row that fails
    /// (unreadable value, unknown reference, rule broken) is reported with
    /// its line and left out; the rest is imported.
    ///
    /// With `dryRun`, the same writes run in one transaction that is rolled
    /// back, so the report says exactly what a real run would do.
    ///
    /// ```swift
    /// let report = try database.importCSV(csv, mapping: ImportMapping(entity: "account"), dryRun: true)
    /// report.created   // rows that would create a record
    /// ```
    /// - Parameters:
    ///   - role: whose permissions the writes are validated with (the signed-in user's role).
    ///   - defaults: field defaults below the mapping's own (e.g. the signed-in user as owner).
    ///   - progress: called after each batch with rows done and rows in all.
    /// - Throws: ``CSVError`` for an unreadable file, ``ImportProblem`` for a
    ///   mapping that does not fit, ``ClientError/unknownEntity(_:)``.
    public func importCSV(
        _ text: String, mapping: ImportMapping, role: Role = .rep, dryRun: Bool, defaults: [String: String] = [:],
        batchSize: Int = 500, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> ImportReport {
        let schema = try self.schema(mapping.entity)
        let table = try CSVTable(parsing: text)
        let planner = try ImportPlanner(
            schema: schema, registry: registry, mapping: mapping, header: table.header, defaults: defaults
        ) { entity in try self.records(entity, includingDeleted: true) }
        var report = ImportReport(entity: schema.name, dryRun: dryRun)
        let rows = try planner.plan(table, report: &report)
        if dryRun {
            do {
                try write(as: role) { (transaction: inout LocalTransaction) -> Void in
                    var outcome = report
                    for row in rows { try Self.importRow(row, schema: schema, into: &transaction, report: &outcome) }
                    throw DryRunRollback(report: outcome)
                }
            } catch let rollback as DryRunRollback {
                report = rollback.report
            }
            progress(rows.count, rows.count)
            return report
        }
        var done = 0
        for start in stride(from: 0, to: rows.count, by: max(1, batchSize)) {
            let batch = Array(rows[start..<min(rows.count, start + max(1, batchSize))])
            report = try write(as: role) { transaction in
                var outcome = report
                for row in batch { try Self.importRow(row, schema: schema, into: &transaction, report: &outcome) }
                return outcome
            }
            done += batch.count
            progress(done, rows.count)
        }
        return report
    }

    /// Writes one planned row, counting the outcome; a refused row is a failure, not an error.
    private static func importRow(
        _ row: ImportRow, schema: EntitySchema, into transaction: inout LocalTransaction, report: inout ImportReport
    ) throws {
        let existing = try transaction.record(row.recordID)
        if let existing, existing.entity != schema.name {
            report.fail(line: row.line, "record \(row.recordID) is a \(existing.entity), not a \(schema.name)")
            return
        }
        let action = row.action(on: existing)
        if action == .unchanged {
            report.skipped += 1
            return
        }
        do {
            try transaction.edit(schema.name, row.recordID) { row.fill(&$0) }
            if action == .create { report.created += 1 } else { report.updated += 1 }
        } catch ClientError.validationFailed(_, _, let issues) {
            let messages = issues.filter { $0.severity == .error }.map(\.message)
            report.fail(line: row.line, messages.joined(separator: "; "))
        }
    }

    /// The CSV export of every live record of `entity` (see ``CSVExporter``).
    public func exportCSV(_ entity: String, mapping: ImportMapping? = nil) throws -> String {
        let schema = try self.schema(entity)
        let exporter = mapping.map { CSVExporter(schema: schema, mapping: $0) } ?? CSVExporter(schema: schema)
        return exporter.csv(of: try records(entity))
    }
}

/// Ends a dry-run transaction (rolling it back) and carries its report out.
private struct DryRunRollback: Error {
    let report: ImportReport
}

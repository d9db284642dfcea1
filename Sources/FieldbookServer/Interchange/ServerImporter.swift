import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync

/// Runs a CSV import against the server store: plans the rows with the
/// shared engine, then writes each as a server-authored change validated
/// with the caller's role (or, in a dry run, only validates it).
struct ServerImporter: Sendable {
    let sync: SyncService

    /// Imports `csv` with `mapping` on behalf of `identity`.
    func run(csv: String, mapping: ImportMapping, dryRun: Bool, identity: AuthenticatedDevice) async throws -> ImportReport {
        let catalog = sync.configuration.schemas
        let registry = catalog.versions.last.flatMap(catalog.registry(for:)) ?? .standard
        guard let schema = registry.entity(mapping.entity) else { throw RecordAPIError.notFound("no entity \(mapping.entity)") }
        let table: CSVTable
        do {
            table = try CSVTable(parsing: csv)
        } catch {
            throw RecordAPIError.invalidRequest("csv: \(error)")
        }
        let byEntity = try await recordsByEntity()
        var report = ImportReport(entity: schema.name, dryRun: dryRun)
        let rows: [ImportRow]
        do {
            let planner = try ImportPlanner(schema: schema, registry: registry, mapping: mapping, header: table.header) {
                byEntity[$0] ?? []
            }
            rows = try planner.plan(table, report: &report)
        } catch let problem as ImportProblem {
            throw RecordAPIError.invalidRequest(problem.message)
        }
        let validator = SchemaValidator(registry: registry, options: .server(role: identity.role))
        for row in rows {
            let existing = try await sync.store.record(row.recordID).record?.state
            if let existing, existing.entity != schema.name {
                report.fail(line: row.line, "record \(row.recordID) is a \(existing.entity), not a \(schema.name)")
                continue
            }
            let action = row.action(on: existing)
            if action == .unchanged {
                report.skipped += 1
                continue
            }
            if dryRun {
                var builder = ChangeBuilder(state: existing ?? RecordState(entity: schema.name, id: row.recordID))
                row.fill(&builder)
                let change = Change(
                    entity: schema.name, record: row.recordID, dot: Dot(replica: ReplicaID(unchecked: "dry-run"), counter: 1),
                    time: HybridTimestamp(millis: 1, logical: 0), ops: builder.operations
                )
                let errors = validator.validate(change: change, current: existing).filter { $0.severity == .error }
                if errors.isEmpty { count(action, in: &report) } else {
                    report.fail(line: row.line, errors.map(\.message).joined(separator: "; "))
                }
                continue
            }
            let authored = try await sync.author(schema.name, row.recordID, caller: identity.caller) { row.fill(&$0) }
            if let authored, authored.result.status == .rejected {
                report.fail(line: row.line, authored.result.reason ?? authored.result.code?.rawValue ?? "rejected")
            } else {
                count(action, in: &report)
            }
        }
        return report
    }

    private func count(_ action: ImportRow.Action, in report: inout ImportReport) {
        if action == .create { report.created += 1 } else { report.updated += 1 }
    }

    /// Every record in the store, by entity (for references and existing records).
    private func recordsByEntity() async throws -> [String: [RecordState]] {
        var result: [String: [RecordState]] = [:]
        var after: String?
        while true {
            let batch = try await sync.store.records(after: after, limit: 1000)
            for record in batch { result[record.state.entity, default: []].append(record.state) }
            guard batch.count == 1000, let last = batch.last else { return result }
            after = last.id
        }
    }
}

import FieldbookModel
import FieldbookServerCore
import FieldbookSync

/// The reports API's work, independent of HTTP: reads the records of the
/// entities reports use that the caller may read, settles the scope, and
/// runs the shared ``ReportEngine``.
struct ReportAPI: Sendable {
    /// Records read per store call.
    static let batch = 500

    let sync: SyncService

    /// The report `kind` for `identity` with the query's parameters.
    func run(_ kind: ReportKind, query: ReportQuery, identity: AuthenticatedDevice) async throws -> RecordJSONValue {
        let dataset = try await readableDataset(identity)
        let scope = try ReportScope.resolve(
            caller: identity, scope: query.scope, team: query.team, rep: query.filter.rep, organisation: dataset
        )
        var filter = query.filter
        filter.reps = scope.reps
        let result: ReportResult
        do {
            result = try ReportEngine.run(kind, on: dataset, filter: filter, by: query.by)
        } catch let error as ReportError {
            throw RecordAPIError.invalidRequest(error.description)
        }
        guard case .object(var members) = result.json else { return result.json }
        members["scope"] = scope.json
        return .object(members)
    }

    /// Every live record of the report entities that `identity` may read.
    private func readableDataset(_ identity: AuthenticatedDevice) async throws -> ReportDataset {
        let access = try await RecordReadAccess.of(identity, sync: sync)
        var records: [RecordState] = []
        var after: String?
        while true {
            let page = try await sync.store.records(after: after, limit: Self.batch)
            for record in page {
                after = record.id
                guard ReportDataset.entities.contains(record.state.entity), !record.state.isDeleted,
                    try await access.canRead(record)
                else { continue }
                records.append(record.state)
            }
            if page.count < Self.batch { break }
        }
        return ReportDataset(records: records)
    }
}

/// The query parameters of `GET /v1/reports/{report}`.
struct ReportQuery: Sendable {
    var filter: ReportFilter
    var scope: String?
    var team: String?
    var by: String?

    /// Reads the parameters; dates must be `YYYY-MM-DD`.
    init(parameters: (String) -> String?) throws(RecordAPIError) {
        func day(_ name: String) throws(RecordAPIError) -> CalendarDate? {
            guard let text = parameters(name) else { return nil }
            guard let date = CalendarDate(parsing: text) else { throw .invalidRequest("\(name) must be a date YYYY-MM-DD") }
            return date
        }
        func id(_ name: String) throws(RecordAPIError) -> String? {
            guard let text = parameters(name) else { return nil }
            guard RecordID.isWellFormed(text) else { throw .invalidRequest("\(name) must be a record ID") }
            return text
        }
        let from = try day("from")
        let to = try day("to")
        if let from, let to, to < from { throw .invalidRequest("to is before from") }
        filter = ReportFilter(
            from: from, to: to, phase: try id("phase"), rep: try id("rep"), territory: try id("territory"),
            product: try id("product")
        )
        scope = parameters("scope")
        team = try id("team")
        by = parameters("by")
    }
}

import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The live `pipeline` records (maintained by the office), by name then ID.
    public func pipelines() throws -> [SalesPipeline] {
        try writer.read { db in try Self.storedPipelines(in: db) }
    }

    /// The pipeline new opportunities use: the active stored pipeline marked
    /// `isDefault` (the lowest ID if several are), else
    /// ``SalesPipeline/standard``.
    public func defaultPipeline() throws -> SalesPipeline {
        try writer.read { db in try Self.defaultPipeline(in: db) }
    }

    /// The pipeline of an opportunity: the stored pipeline its `pipeline`
    /// field names, else the default pipeline.
    public func pipeline(ofOpportunity opportunity: RecordState) throws -> SalesPipeline {
        try writer.read { db in try Self.pipeline(of: opportunity, in: db) }
    }

    static func storedPipelines(in db: Database) throws -> [SalesPipeline] {
        try ProjectionQuery.records("pipeline", in: db)
            .map(SalesPipeline.init(record:))
            .sorted { ($0.name, $0.label) < ($1.name, $1.label) }
    }

    static func defaultPipeline(in db: Database) throws -> SalesPipeline {
        let candidates = try ProjectionQuery.records("pipeline", in: db).filter { record in
            record.value("isDefault") == .bool(true) && record.value("active") != .bool(false)
        }
        guard let chosen = candidates.min(by: { $0.id < $1.id }) else { return .standard }
        let pipeline = SalesPipeline(record: chosen)
        return pipeline.phases.isEmpty ? .standard : pipeline
    }

    static func pipeline(of opportunity: RecordState, in db: Database) throws -> SalesPipeline {
        if let id = opportunity.value("pipeline")?.text, let record = try RecordRow.fetch(id, in: db),
            record.entity == "pipeline", !record.isDeleted
        {
            return SalesPipeline(record: record)
        }
        return try defaultPipeline(in: db)
    }

    /// The phase an opportunity is in, looked up in its pipeline — or, for
    /// an opportunity without a stored pipeline, in the built-in one (phases
    /// chosen before the office defined a pipeline).
    static func currentPhase(of opportunity: RecordState, in db: Database) throws -> SalesPipeline.Phase? {
        guard let phase = opportunity.value("phase")?.text else { return nil }
        if let found = try pipeline(of: opportunity, in: db).phase(id: phase) { return found }
        return opportunity.value("pipeline")?.text == nil ? SalesPipeline.standard.phase(id: phase) : nil
    }
}

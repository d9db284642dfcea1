import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// A report over the local replica — "my" figures, offline: the records
    /// this device holds (its sync scope) of the entities reports read
    /// (``ReportDataset/entities``), computed by the same ``ReportEngine``
    /// the server uses.
    ///
    /// ```swift
    /// let funnel = try database.report(.funnel, filter: ReportFilter(rep: "u-anna"))
    /// let revenue = try database.report(.revenue, filter: ReportFilter(), by: "product")
    /// ```
    /// - Throws: ``ReportError`` for an unknown grouping;
    ///   ``ClientError/corruptRecord(id:reason:)`` when a sum overflows.
    public func report(_ kind: ReportKind, filter: ReportFilter = ReportFilter(), by grouping: String? = nil) throws
        -> ReportResult
    {
        let dataset = try reportDataset()
        do {
            return try ReportEngine.run(kind, on: dataset, filter: filter, by: grouping)
        } catch let error as ReportError {
            throw error
        } catch {
            throw ClientError.corruptRecord(id: kind.rawValue, reason: "\(error)")
        }
    }

    /// The local records reports read, indexed.
    public func reportDataset() throws -> ReportDataset {
        try writer.read { db in
            var records: [RecordState] = []
            for entity in ReportDataset.entities.sorted() {
                records += try RecordRow.fetchAll(entity: entity, in: db)
            }
            return ReportDataset(records: records)
        }
    }
}

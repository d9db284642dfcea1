import FieldbookSync
import GRDB

/// Finds records through their entity projection (`e_<entity>`): SQL selects
/// the IDs using the projection's indexes, the states come from the `record`
/// table. Only live (not deleted) records are returned.
enum ProjectionQuery {
    /// The live records of `entity` matching `condition`, in `order`.
    /// - Parameters:
    ///   - condition: an SQL boolean expression over the projection's columns
    ///     (quoted camelCase names), with `?` placeholders for `arguments`.
    ///   - order: an SQL `ORDER BY` list; `id` is always appended as a tie-break.
    ///   - limit: the maximum number of records, nil for all.
    static func records(
        _ entity: String, where condition: String = "1", arguments: StatementArguments = [],
        orderBy order: String? = nil, limit: Int? = nil, in db: Database
    ) throws -> [RecordState] {
        var sql = "SELECT id FROM e_\(entity) WHERE _deleted = 0 AND (\(condition))"
        sql += " ORDER BY " + (order.map { $0 + ", id" } ?? "id")
        if let limit { sql += " LIMIT \(max(0, limit))" }
        let ids = try String.fetchAll(db, sql: sql, arguments: arguments)
        return try ids.compactMap { try RecordRow.fetch($0, in: db) }
    }

    /// The live record `id` of `entity`.
    /// - Throws: ``ClientError/recordNotFound(id:)`` when absent or deleted,
    ///   ``ClientError/wrongEntity(id:expected:found:)`` for another entity.
    static func require(_ entity: String, _ id: String, in db: Database) throws -> RecordState {
        guard let record = try RecordRow.fetch(id, in: db), !record.isDeleted else {
            throw ClientError.recordNotFound(id: id)
        }
        guard record.entity == entity else {
            throw ClientError.wrongEntity(id: id, expected: entity, found: record.entity)
        }
        return record
    }
}

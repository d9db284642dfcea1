import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Tasks matching `query`, by due date (then ID).
    /// - Parameter today: the user's current day (see ``TaskQuery/Due``).
    public func tasks(_ query: TaskQuery = TaskQuery(), today: CalendarDate) throws -> [RecordState] {
        try read { db in try self.tasks(query, today: today, in: db) }
    }

    /// Tasks matching `query` (for use inside observations and transactions).
    public func tasks(_ query: TaskQuery, today: CalendarDate, in db: Database) throws -> [RecordState] {
        let condition = query.condition(today: today)
        return try ProjectionQuery.records(
            "activity", where: condition.sql, arguments: StatementArguments(condition.arguments),
            orderBy: "\"dueDate\"", in: db
        )
    }

    /// History activities (calls, visits, letters, e-mails, notes), newest first.
    /// - Parameters:
    ///   - account: only this account's history; nil for all.
    ///   - contact: only history with this contact; nil for all.
    ///   - kind: only this kind; nil for every history kind.
    ///   - limit: at most this many; nil for all.
    public func history(
        account: String? = nil, contact: String? = nil, kind: String? = nil, limit: Int? = nil
    ) throws -> [RecordState] {
        try read { db in
            var terms = ["kind IN ('call', 'visit', 'letter', 'email', 'note')"]
            var arguments: [String] = []
            for (column, value) in [("account", account), ("contact", contact), ("kind", kind)] {
                guard let value else { continue }
                terms.append("\(column) = ?")
                arguments.append(value)
            }
            return try ProjectionQuery.records(
                "activity", where: terms.joined(separator: " AND "), arguments: StatementArguments(arguments),
                orderBy: "\"occurredAt\" DESC", limit: limit, in: db
            )
        }
    }

    /// Marks task `id` done at `time` (default: now). Completing a task that
    /// is already done changes nothing.
    ///
    /// ```swift
    /// try database.completeTask(taskID)
    /// ```
    /// - Throws: ``ClientError/recordNotFound(id:)`` when there is no such live
    ///   task (history activities cannot be completed).
    @discardableResult
    public func completeTask(_ id: String, at time: UTCDateTime? = nil) throws -> RecordState {
        let completedAt = time ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
        return try write { transaction in
            let task = try ProjectionQuery.require("activity", id, in: transaction.db)
            guard task.value("kind") == .text("task") else { throw ClientError.recordNotFound(id: id) }
            guard task.value("status") != .text("done") else { return task }
            return try transaction.edit("activity", id) { builder in
                builder.set("status", to: "done")
                builder.set("completedAt", to: completedAt.value)
            }
        }
    }
}

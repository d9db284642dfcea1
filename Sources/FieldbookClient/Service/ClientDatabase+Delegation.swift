import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Hands open task `id` to `assignee`, keeping who delegated it
    /// (`delegatedBy`: `delegator`, else the previous assignee) and when
    /// (`delegatedAt`). After sync the task is in the delegatee's worklist.
    ///
    /// ```swift
    /// try database.delegateTask(taskID, to: "user-ben", by: "user-anna")
    /// ```
    /// - Throws: ``ServiceError/taskNotOpen(task:status:)`` for a done or
    ///   cancelled task, ``ClientError/recordNotFound(id:)`` when there is no
    ///   such live task (history activities cannot be delegated).
    @discardableResult
    public func delegateTask(
        _ id: String, to assignee: String, by delegator: String? = nil, at time: UTCDateTime? = nil
    ) throws -> RecordState {
        let now = time ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
        return try write { transaction in
            let task = try ProjectionQuery.require("activity", id, in: transaction.db)
            guard task.value("kind") == .text("task") else { throw ClientError.recordNotFound(id: id) }
            let status = task.value("status")?.text ?? "open"
            guard status == "open" || status == "in_progress" else {
                throw ServiceError.taskNotOpen(task: id, status: status)
            }
            let by = delegator ?? task.value("assignee")?.text
            return try transaction.edit("activity", id) { builder in
                builder.set("assignee", to: .text(assignee))
                if let by { builder.set("delegatedBy", to: .text(by)) }
                builder.set("delegatedAt", to: now.value)
            }
        }
    }
}

import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The measures a ticket can be resolved with.
    public static let ticketMeasures = ["rejection", "advice", "exchange", "return"]

    /// Moves ticket `id` one step through its workflow in one local
    /// transaction. Closing sets `closedAt` (the handling time ends), reopening
    /// clears it. The server checks the same workflow, so a step taken on a
    /// stale replica may still be refused at sync (shown by `fieldbook status`).
    ///
    /// ```swift
    /// try database.moveTicket(id, .resolve, measure: "exchange", resolution: "new unit sent")
    /// ```
    /// - Parameters:
    ///   - measure: required for ``TicketStep/resolve`` and ``TicketStep/close``
    ///     unless the ticket has one.
    ///   - time: the step's instant (default: now); the closing time when closing.
    /// - Throws: ``ServiceError/transitionNotAllowed(ticket:step:from:allowedFrom:)``,
    ///   ``ServiceError/measureRequired(ticket:)``, ``ServiceError/unknownMeasure(_:)``,
    ///   ``ClientError/recordNotFound(id:)``.
    @discardableResult
    public func moveTicket(
        _ id: String, _ step: TicketStep, measure: String? = nil, resolution: String? = nil,
        at time: UTCDateTime? = nil
    ) throws -> RecordState {
        let now = time ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
        if let measure, !Self.ticketMeasures.contains(measure) { throw ServiceError.unknownMeasure(measure) }
        return try write { transaction in
            let ticket = try ProjectionQuery.require("ticket", id, in: transaction.db)
            let status = ticket.value("status")?.text ?? "new"
            guard step.allowedFrom.contains(status) else {
                throw ServiceError.transitionNotAllowed(
                    ticket: id, step: step.rawValue, from: status, allowedFrom: step.allowedFrom
                )
            }
            if step.needsMeasure, measure == nil, ticket.value("measure")?.text == nil {
                throw ServiceError.measureRequired(ticket: id)
            }
            return try transaction.edit("ticket", id) { builder in
                builder.set("status", to: .text(step.targetStatus))
                if let measure { builder.set("measure", to: .text(measure)) }
                if let resolution { builder.set("resolution", to: .text(resolution)) }
                switch step {
                case .close: builder.set("closedAt", to: now.value)
                case .reopen where ticket.value("closedAt").map({ $0 != .null }) == true:
                    builder.set("closedAt", to: .null)
                default: break
                }
            }
        }
    }

    /// Adds a follow-up task linked to ticket `id` (and its account and
    /// contact), e.g. "call back after the exchange". A follow-up is a record
    /// of its own, so it survives when the office closes the ticket meanwhile.
    ///
    /// ```swift
    /// let task = try database.addTicketFollowUp(id, subject: "Call back", due: friday)
    /// ```
    /// - Parameter assignee: default: the ticket's assignee.
    /// - Throws: ``ServiceError/assigneeRequired(record:)``, ``ClientError/recordNotFound(id:)``,
    ///   ``ClientError/validationFailed(entity:record:issues:)``.
    @discardableResult
    public func addTicketFollowUp(
        _ id: String, subject: String, due: CalendarDate, assignee: String? = nil, description: String? = nil
    ) throws -> RecordState {
        try write { transaction in
            let ticket = try ProjectionQuery.require("ticket", id, in: transaction.db)
            guard let user = assignee ?? ticket.value("assignee")?.text else {
                throw ServiceError.assigneeRequired(record: id)
            }
            return try transaction.edit("activity", Self.newRecordID()) { builder in
                builder.set("kind", to: "task")
                builder.set("subject", to: .text(subject))
                if let description { builder.set("description", to: .text(description)) }
                builder.set("ticket", to: .text(id))
                for field in ["account", "contact"] {
                    if let value = ticket.value(field), value != .null { builder.set(field, to: value) }
                }
                builder.set("assignee", to: .text(user))
                builder.set("dueDate", to: due.value)
                builder.set("status", to: "open")
                builder.set("generatedBy", to: "ticket-follow-up")
            }
        }
    }

    /// The follow-up tasks and other activities linked to ticket `id`, by due date.
    public func ticketActivities(_ id: String) throws -> [RecordState] {
        try read { db in
            try ProjectionQuery.records("activity", where: "ticket = ?", arguments: [id], orderBy: "\"dueDate\"", in: db)
        }
    }
}

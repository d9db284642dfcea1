import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// Moves an open opportunity to another phase of its pipeline, in one
    /// transaction that also sets `probability` to the phase's and records
    /// the change in the history (a `note` activity, see
    /// ``OpportunityHistoryEntry``).
    ///
    /// An opportunity without a pipeline uses the default pipeline (and is
    /// linked to it when it is a stored one).
    ///
    /// ```swift
    /// try database.changePhase(ofOpportunity: id, to: "negotiation")
    /// ```
    /// - Parameters:
    ///   - phase: a phase ID, name, or unique prefix of either.
    ///   - note: an optional remark kept with the history entry.
    ///   - user: who changes it (the history entry's owner), when known.
    /// - Throws: ``WorkflowError/opportunityClosed(opportunity:status:)``,
    ///   ``WorkflowError/unknownPhase(phase:pipeline:known:)``,
    ///   ``ClientError/recordNotFound(id:)``.
    @discardableResult
    public func changePhase(
        ofOpportunity id: String, to phase: String, note: String? = nil, user: String? = nil
    ) throws -> RecordState {
        let now = UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))
        return try write { transaction in
            let opportunity = try ProjectionQuery.require("opportunity", id, in: transaction.db)
            let status = opportunity.value("status")?.text ?? "open"
            guard status == "open" else { throw WorkflowError.opportunityClosed(opportunity: id, status: status) }
            let pipeline = try Self.pipeline(of: opportunity, in: transaction.db)
            guard let target = pipeline.phase(matching: phase) else {
                throw WorkflowError.unknownPhase(phase: phase, pipeline: pipeline.label, known: pipeline.phases.map(\.id))
            }
            let previous = try Self.currentPhase(of: opportunity, in: transaction.db)
            let updated = try transaction.edit("opportunity", id) { builder in
                if let pipelineID = pipeline.id, opportunity.value("pipeline")?.text != pipelineID {
                    builder.set("pipeline", to: .text(pipelineID))
                }
                builder.set("phase", to: .text(target.id))
                builder.set("probability", to: try target.probability.value(scale: 2))
            }
            let subject = "Phase: " + (previous.map { "\($0.name) → " } ?? "") + "\(target.name) (\(target.probability.normalized)%)"
            try Self.recordHistory(
                of: opportunity, marker: OpportunityHistoryEntry.phaseMarker, subject: subject,
                description: OpportunityHistoryEntry.describe(
                    from: opportunity.value("phase")?.text, to: target.id, note: note
                ),
                at: now, user: user, in: &transaction
            )
            return updated
        }
    }

    /// Closes an open opportunity as won, lost or cancelled; the reason is
    /// mandatory (the server refuses a closing without one too). Sets the
    /// close date, the probability (100 when won, else 0) and the forecast
    /// category `closed`, and records the closing in the history.
    ///
    /// A won opportunity becomes an order with the ID
    /// ``WonOrder/id(forOpportunity:)``; orders are back-office records a rep
    /// may not write, so the order is authored where the win is processed
    /// with back-office rights (``WonOrder/fill(_:from:)``) and arrives with
    /// the next sync — one order even when two reps won it offline.
    ///
    /// ```swift
    /// try database.closeOpportunity(id, as: .lost, reason: "price", on: today)
    /// ```
    /// - Throws: ``WorkflowError/reasonRequired(record:step:)``,
    ///   ``WorkflowError/opportunityClosed(opportunity:status:)``,
    ///   ``ClientError/recordNotFound(id:)``, ``ClientError/validationFailed(entity:record:issues:)``
    ///   for a status other than won, lost or cancelled.
    @discardableResult
    public func closeOpportunity(
        _ id: String, as outcome: Opportunity.Status, reason: String, on date: CalendarDate, user: String? = nil
    ) throws -> RecordState {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))
        return try write { transaction in
            let opportunity = try ProjectionQuery.require("opportunity", id, in: transaction.db)
            let status = opportunity.value("status")?.text ?? "open"
            guard status == "open" else { throw WorkflowError.opportunityClosed(opportunity: id, status: status) }
            guard !reason.isEmpty else { throw WorkflowError.reasonRequired(record: id, step: "closing opportunity") }
            let updated = try transaction.edit("opportunity", id) { builder in
                builder.set("status", to: .text(outcome.rawValue))
                builder.set("closeReason", to: .text(reason))
                builder.set("closeDate", to: date.value)
                builder.set("probability", to: outcome == .won ? "100.00" : "0.00")
                builder.set("forecastCategory", to: "closed")
            }
            try Self.recordHistory(
                of: opportunity, marker: OpportunityHistoryEntry.closeMarker, subject: "Closed as \(outcome.rawValue)",
                description: OpportunityHistoryEntry.describe(from: status, to: outcome.rawValue, note: reason),
                at: now, user: user, in: &transaction
            )
            return updated
        }
    }

    /// The opportunity's history (phase changes and closing), oldest first
    /// (see ``OpportunityHistoryEntry/precedes(_:_:)``).
    public func history(ofOpportunity id: String) throws -> [OpportunityHistoryEntry] {
        try writer.read { db in
            _ = try ProjectionQuery.require("opportunity", id, in: db)
            return try ProjectionQuery.records("activity", where: "\"opportunity\" = ?", arguments: [id], in: db)
                .compactMap(OpportunityHistoryEntry.init(activity:))
                .sorted(by: OpportunityHistoryEntry.precedes)
        }
    }

    private static func recordHistory(
        of opportunity: RecordState, marker: String, subject: String, description: String, at time: UTCDateTime?,
        user: String?, in transaction: inout LocalTransaction
    ) throws {
        try transaction.edit("activity", ClientDatabase.newRecordID()) { builder in
            builder.set("kind", to: "note")
            builder.set("subject", to: .text(String(subject.prefix(200))))
            builder.set("description", to: .text(String(description.prefix(8000))))
            if let account = opportunity.value("account") { builder.set("account", to: account) }
            builder.set("opportunity", to: .text(opportunity.id))
            builder.set("generatedBy", to: .text(marker))
            if let time { builder.set("occurredAt", to: .text(time.description)) }
            if let user { builder.set("owner", to: .text(user)) }
        }
    }
}

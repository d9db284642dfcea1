import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// Sends offer `id` (draft, or expired and sent again): status `sent`,
    /// optionally a new validity, and — in the same local transaction — the
    /// follow-up task (``OfferFollowUp``) for the offer's owner, due
    /// `followUpDays` before `validUntil`. The task's ID is derived from the
    /// offer's, so two devices sending the same offer make one task.
    ///
    /// ```swift
    /// try database.sendOffer(id, on: today, validUntil: CalendarDate(year: 2026, month: 12, day: 15))
    /// ```
    /// - Parameters:
    ///   - day: the day it is sent (today); the task is never due before it.
    ///   - validUntil: a new validity; without it the stored one is needed.
    ///   - followUpDays: days before expiry the task is due (default 3).
    ///   - user: assignee of the task when the offer has no owner (the
    ///     offer's owner is set to it then).
    /// - Throws: ``OfferError`` (not allowed from the current status, no
    ///   lines, no validity, no owner), ``ClientError``.
    @discardableResult
    public func sendOffer(
        _ id: String, on day: CalendarDate, validUntil: CalendarDate? = nil,
        followUpDays: Int = OfferFollowUp.defaultLeadDays, user: String? = nil
    ) throws -> RecordState {
        try write { transaction in
            let offer = try ProjectionQuery.require("offer", id, in: transaction.db)
            try OfferStatusStep.check(offer, to: "sent")
            guard !offer.items(of: "lines").isEmpty else { throw OfferError.noLines(offer: id) }
            guard let validity = validUntil ?? offer.value("validUntil")?.date else {
                throw OfferError.validityRequired(offer: id)
            }
            guard let owner = offer.value("owner")?.text ?? user else { throw OfferError.ownerRequired(offer: id) }
            let taskID = OfferFollowUp.taskID(forOffer: id)
            let sent = try transaction.edit("offer", id) { builder in
                builder.set("status", to: "sent")
                if let validUntil { builder.set("validUntil", to: validUntil.value) }
                if offer.value("owner")?.text == nil { builder.set("owner", to: .text(owner)) }
                if offer.value("followUpTask")?.text != taskID { builder.set("followUpTask", to: .text(taskID)) }
                builder.updateOfferTotals()
            }
            let due = OfferFollowUp.dueDate(validUntil: validity, sentOn: day, leadDays: followUpDays)
            try transaction.edit("activity", taskID) { builder in
                let task: [(String, Value)] = [
                    ("kind", "task"), ("subject", .text(OfferFollowUp.subject(for: sent))),
                    ("assignee", .text(owner)), ("owner", .text(owner)), ("dueDate", due.value),
                    ("status", "open"), ("generatedBy", .text(OfferFollowUp.marker)),
                ]
                for (field, value) in task where builder.state.value(field) != value { builder.set(field, to: value) }
                for field in ["account", "contact", "opportunity"] {
                    if let value = offer.value(field), value != .null, builder.state.value(field) != value {
                        builder.set(field, to: value)
                    }
                }
            }
            return sent
        }
    }

    /// Records the customer's acceptance of a sent offer; accepted is final.
    /// The follow-up task is closed as done. The server assigns the final
    /// offer number when the acceptance reaches it.
    /// - Throws: ``OfferError/expired(offer:validUntil:)`` when `day` is past
    ///   the validity, ``OfferError/transitionNotAllowed(offer:from:to:)``, ``ClientError``.
    @discardableResult
    public func acceptOffer(_ id: String, on day: CalendarDate) throws -> RecordState {
        try write { transaction in
            let offer = try ProjectionQuery.require("offer", id, in: transaction.db)
            try OfferStatusStep.check(offer, to: "accepted")
            if OfferStatusStep.effectiveStatus(of: offer, on: day) == "expired" {
                throw OfferError.expired(offer: id, validUntil: offer.value("validUntil")?.text ?? "")
            }
            let accepted = try transaction.edit("offer", id) { $0.set("status", to: "accepted") }
            try Self.closeFollowUp(of: offer, as: "done", in: &transaction)
            return accepted
        }
    }

    /// Records the customer's rejection of a sent offer with a mandatory
    /// reason, kept as a `note` activity on the offer's account (and
    /// opportunity); rejected is final. The follow-up task is cancelled.
    /// - Throws: ``OfferError/reasonRequired(offer:step:)``,
    ///   ``OfferError/transitionNotAllowed(offer:from:to:)``, ``ClientError``.
    @discardableResult
    public func rejectOffer(_ id: String, reason: String, user: String? = nil) throws -> RecordState {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))
        return try write { transaction in
            let offer = try ProjectionQuery.require("offer", id, in: transaction.db)
            try OfferStatusStep.check(offer, to: "rejected")
            guard !reason.isEmpty else { throw OfferError.reasonRequired(offer: id, step: "rejecting") }
            let rejected = try transaction.edit("offer", id) { $0.set("status", to: "rejected") }
            let number = offer.value("finalNumber")?.text ?? offer.value("provisionalNumber")?.text ?? id
            try transaction.edit("activity", ClientDatabase.newRecordID()) { builder in
                builder.set("kind", to: "note")
                builder.set("subject", to: .text(String("Offer \(number) rejected".prefix(200))))
                builder.set("description", to: .text(String(reason.prefix(8000))))
                for field in ["account", "contact", "opportunity"] {
                    if let value = offer.value(field), value != .null { builder.set(field, to: value) }
                }
                builder.set("generatedBy", to: "offer-rejection")
                if let now { builder.set("occurredAt", to: .text(now.description)) }
                if let owner = user ?? offer.value("owner")?.text { builder.set("owner", to: .text(owner)) }
            }
            try Self.closeFollowUp(of: offer, as: "cancelled", in: &transaction)
            return rejected
        }
    }

    /// Stores `expired` for a sent offer (it shows as expired anyway once
    /// its validity has passed, see ``OfferStatusStep/effectiveStatus(of:on:)``).
    /// An expired offer can be sent again with a new validity.
    /// - Throws: ``OfferError/transitionNotAllowed(offer:from:to:)``, ``ClientError``.
    @discardableResult
    public func expireOffer(_ id: String) throws -> RecordState {
        try write { transaction in
            let offer = try ProjectionQuery.require("offer", id, in: transaction.db)
            try OfferStatusStep.check(offer, to: "expired")
            return try transaction.edit("offer", id) { $0.set("status", to: "expired") }
        }
    }

    /// Closes the offer's follow-up task when it is still open.
    private static func closeFollowUp(of offer: RecordState, as status: String, in transaction: inout LocalTransaction)
        throws
    {
        let taskID = offer.value("followUpTask")?.text ?? OfferFollowUp.taskID(forOffer: offer.id)
        guard let task = try transaction.record(taskID), !task.isDeleted, task.entity == "activity",
            ["open", "in_progress"].contains(task.value("status")?.text ?? "open")
        else { return }
        try transaction.edit("activity", taskID) { $0.set("status", to: .text(status)) }
    }
}

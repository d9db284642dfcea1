import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// Invites contacts to an event: one `event_registration` (status
    /// `invited`) per contact, IDs derived from event and contact
    /// (``MarketingIDs``) so inviting twice, or on two devices, gives one
    /// registration. A contact already registered or attended is left as is.
    /// - Returns: the registrations, in the order of `contacts`.
    /// - Throws: ``ClientError/recordNotFound(id:)`` for a missing event or contact.
    @discardableResult
    public func inviteToEvent(_ eventID: String, contacts: [String], invitedBy: String? = nil) throws -> [RecordState] {
        try write { transaction in
            _ = try ProjectionQuery.require("event", eventID, in: transaction.db)
            return try contacts.map { contactID in
                try Self.registration(eventID, contactID, status: "invited", onlyIfNew: true, invitedBy: invitedBy, in: &transaction)
            }
        }
    }

    /// Moves a contact's registration for an event to `status` (`registered`,
    /// `attended`, `no_show` or `cancelled`), creating it for a contact who
    /// was not invited (a walk-in at the booth).
    /// - Throws: ``MarketingError/registrationStatus(registration:status:step:)``
    ///   when an attended registration would go back, ``ClientError/recordNotFound(id:)``.
    @discardableResult
    public func setEventRegistration(_ eventID: String, contact contactID: String, status: String) throws -> RecordState {
        try write { transaction in
            _ = try ProjectionQuery.require("event", eventID, in: transaction.db)
            return try Self.registration(eventID, contactID, status: status, onlyIfNew: false, invitedBy: nil, in: &transaction)
        }
    }

    /// The registrations of an event, by status then ID.
    public func eventRegistrations(_ eventID: String) throws -> [RecordState] {
        try writer.read { db in
            _ = try ProjectionQuery.require("event", eventID, in: db)
            return try ProjectionQuery.records(
                "event_registration", where: "event = ?", arguments: [eventID], orderBy: "status", in: db
            )
        }
    }

    /// The leads captured at an event, newest ID last.
    public func eventLeads(_ eventID: String) throws -> [RecordState] {
        try writer.read { db in
            _ = try ProjectionQuery.require("event", eventID, in: db)
            return try ProjectionQuery.records("lead", where: "event = ?", arguments: [eventID], in: db)
        }
    }

    /// Captures a lead at an event: status `new`, source `trade_fair` for a
    /// trade fair (else `other`), linked to the event and its campaign. A
    /// new ID each time: two reps capturing leads at the same booth offline
    /// keep both. With ``EventLeadInput/contact`` the contact's registration
    /// becomes `attended` and links the lead.
    /// - Throws: ``MarketingError/leadUnnamed``, ``ClientError/validationFailed(entity:record:issues:)``
    ///   (e.g. no owner), ``ClientError/recordNotFound(id:)``.
    @discardableResult
    public func captureEventLead(_ eventID: String, _ input: EventLeadInput, today: CalendarDate? = nil) throws -> RecordState {
        let day = today ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!.date
        let named = [input.company, input.lastName].contains { !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        guard named else { throw MarketingError.leadUnnamed }
        return try write { transaction in
            let event = try ProjectionQuery.require("event", eventID, in: transaction.db)
            let lead = try transaction.edit("lead", Self.newRecordID()) { builder in
                builder.set("status", to: "new")
                builder.set("source", to: event.value("kind")?.text == "trade_fair" ? "trade_fair" : "other")
                builder.set("event", to: .text(eventID))
                if let campaign = event.value("campaign"), campaign != .null { builder.set("campaign", to: campaign) }
                let fields: [(String, String?)] = [
                    ("companyName", input.company), ("firstName", input.firstName), ("lastName", input.lastName),
                    ("email", input.email), ("phone", input.phone), ("description", input.description), ("owner", input.owner),
                ]
                for (field, value) in fields {
                    if let value, !value.isEmpty { builder.set(field, to: .text(value)) }
                }
                builder.set("followUpDate", to: (input.followUp ?? day.adding(days: 1)).value)
            }
            if let contactID = input.contact {
                let registration = try Self.registration(
                    eventID, contactID, status: "attended", onlyIfNew: false, invitedBy: nil, in: &transaction
                )
                try transaction.edit("event_registration", registration.id) { $0.set("resultingLead", to: .text(lead.id)) }
            }
            return lead
        }
    }

    /// Creates or moves the registration of `contactID` for `eventID`.
    private static func registration(
        _ eventID: String, _ contactID: String, status: String, onlyIfNew: Bool, invitedBy: String?,
        in transaction: inout LocalTransaction
    ) throws -> RecordState {
        let contact = try ProjectionQuery.require("contact", contactID, in: transaction.db)
        let id = MarketingIDs.eventRegistration(event: eventID, contact: contactID)
        let existing = try transaction.record(id)
        if let existing, !existing.isDeleted {
            let current = existing.value("status")?.text ?? "invited"
            if onlyIfNew || current == status { return existing }
            if current == "attended" {
                throw MarketingError.registrationStatus(registration: id, status: current, step: "mark \(status)")
            }
        }
        return try transaction.edit("event_registration", id) { builder in
            if existing?.isDeleted == true { builder.restore() }
            if existing == nil || existing?.isDeleted == true {
                builder.set("event", to: .text(eventID))
                builder.set("contact", to: .text(contactID))
                if let account = contact.value("account"), account != .null { builder.set("account", to: account) }
                if let invitedBy { builder.set("invitedBy", to: .text(invitedBy)) }
            }
            builder.set("status", to: .text(status))
        }
    }
}

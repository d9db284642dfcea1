import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// The role hashed with an appointment's ID to derive its visit report's
    /// ID (see ``DerivedID``). Never change it.
    public static let visitReportDerivationRole = "appointment/visit-report"

    /// The ID of the visit report made from appointment `id`: the same on
    /// every device, so reports written twice (or offline on two devices)
    /// merge into one.
    public static func visitReportID(forAppointment id: String) -> String {
        DerivedID.make(from: id, role: visitReportDerivationRole)
    }

    /// Creates the visit report of an appointment, or — when it exists —
    /// edits it, in one transaction that also links the appointment to the
    /// report and marks it held.
    ///
    /// A new report copies the appointment's account, contact, date (the
    /// start's day in `timeZone`), organizer (as author) and participants
    /// (the contact and external participants as `participants`, internal
    /// participants as `internalParticipants`); `body` then adds topics,
    /// outcome, next steps and gifts.
    ///
    /// ```swift
    /// let report = try database.createVisitReport(fromAppointment: appointmentID, timeZone: .current) { change in
    ///     change.add("pricing", to: "topics")
    ///     change.set("outcome", to: "Trial order agreed")
    /// }
    /// ```
    /// - Throws: ``ClientError/recordNotFound(id:)`` for a missing appointment,
    ///   ``ClientError/validationFailed(entity:record:issues:)`` when the
    ///   appointment has no account (a visit report needs one).
    @discardableResult
    public func createVisitReport(
        fromAppointment appointmentID: String, timeZone: TimeZone,
        _ body: (inout ChangeBuilder) throws -> Void = { _ in }
    ) throws -> RecordState {
        try write { transaction in
            let appointment = try ProjectionQuery.require("appointment", appointmentID, in: transaction.db)
            let reportID = Self.visitReportID(forAppointment: appointmentID)
            let existing = try transaction.record(reportID)
            let report = try transaction.edit("visit_report", reportID) { builder in
                if existing == nil || existing?.isDeleted == true {
                    if existing != nil { builder.restore() }
                    Self.copy(appointment, into: &builder, timeZone: timeZone)
                }
                try body(&builder)
            }
            try transaction.edit("appointment", appointmentID) { builder in
                if appointment.value("visitReport") != .text(reportID) {
                    builder.set("visitReport", to: .text(reportID))
                }
                if appointment.value("status") != .text("held") { builder.set("status", to: "held") }
            }
            return report
        }
    }

    private static func copy(_ appointment: RecordState, into builder: inout ChangeBuilder, timeZone: TimeZone) {
        builder.set("appointment", to: .text(appointment.id))
        for field in ["account", "contact"] {
            if let value = appointment.value(field), value != .null { builder.set(field, to: value) }
        }
        if let organizer = appointment.value("organizer"), organizer != .null { builder.set("author", to: organizer) }
        if let start = appointment.value("start")?.dateTime {
            builder.set("visitDate", to: LocalCalendar.day(of: start, in: timeZone).value)
        }
        var participants = appointment.elements(of: "externalParticipants")
        if let contact = appointment.value("contact")?.text { participants.append(contact) }
        for contact in Set(participants).sorted() { builder.add(contact, to: "participants") }
        for user in appointment.elements(of: "internalParticipants") { builder.add(user, to: "internalParticipants") }
    }
}

extension ChangeBuilder {
    /// Adds a gift to a visit report's `gifts` list (at the end). The item ID
    /// is derived from the report and the description, so recording the same
    /// gift twice — or on two devices — yields one item.
    /// - Returns: the gift's item ID.
    @discardableResult
    public mutating func addGift(_ description: String, value: DecimalNumber? = nil, recipient: String? = nil) throws
        -> String
    {
        let item = DerivedID.make(from: state.id, role: "visit-report/gift/" + description)
        var members: [String: Value] = ["description": .text(description)]
        if let value { members["value"] = try value.value(scale: 2) }
        if let recipient { members["recipient"] = .text(recipient) }
        if preview().items(of: "gifts").contains(where: { $0.id == item }) {
            for (member, memberValue) in members { setItem(item, in: "gifts", member: member, to: memberValue) }
        } else {
            insertItem(item, into: "gifts", after: lastItem(of: "gifts"), members: members)
        }
        return item
    }
}

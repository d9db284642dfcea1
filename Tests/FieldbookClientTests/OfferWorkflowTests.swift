import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Offer status workflow and follow-up task")
struct OfferWorkflowTests {
    static let validity = CalendarDate(year: 2026, month: 12, day: 15)!

    /// A draft offer with one line (3 × 19.99 − 12.5 %) on a new account.
    func draft(_ work: FieldWork, owner: String? = "u-rep") throws -> RecordState {
        let account = try work.account()
        let offer = try work.database.createOffer(offerDate: FieldWork.today) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: "19.00")
            if let owner { change.set("owner", to: .text(owner)) }
        }
        let line = OfferLineInput(
            product: "p-1", quantity: DecimalNumber(3), listPrice: DecimalNumber(unchecked: "19.99"),
            discountPercent: DecimalNumber(unchecked: "12.5"))
        return try work.database.addOfferLine(to: offer.id, line)
    }

    @Test func legalPathDraftSentAccepted() throws {
        let work = try FieldWork()
        let offer = try draft(work)
        let sent = try work.database.sendOffer(offer.id, on: FieldWork.today, validUntil: Self.validity)
        #expect(sent.value("status") == "sent" && sent.value("validUntil") == "2026-12-15")
        let accepted = try work.database.acceptOffer(offer.id, on: FieldWork.today)
        #expect(accepted.value("status") == "accepted")
        let task = try #require(try work.database.record(OfferFollowUp.taskID(forOffer: offer.id)))
        #expect(task.value("status") == "done", "acceptance closes the follow-up task")
    }

    @Test func illegalTransitionsAreRefusedAndWriteNothing() throws {
        let work = try FieldWork()
        let offer = try draft(work)
        #expect(throws: OfferError.transitionNotAllowed(offer: offer.id, from: "draft", to: "accepted")) {
            try work.database.acceptOffer(offer.id, on: FieldWork.today)
        }
        #expect(throws: OfferError.transitionNotAllowed(offer: offer.id, from: "draft", to: "rejected")) {
            try work.database.rejectOffer(offer.id, reason: "too expensive")
        }
        #expect(throws: OfferError.transitionNotAllowed(offer: offer.id, from: "draft", to: "expired")) {
            try work.database.expireOffer(offer.id)
        }
        try work.database.sendOffer(offer.id, on: FieldWork.today, validUntil: Self.validity)
        #expect(throws: OfferError.transitionNotAllowed(offer: offer.id, from: "sent", to: "sent")) {
            try work.database.sendOffer(offer.id, on: FieldWork.today)
        }
        #expect(throws: OfferError.reasonRequired(offer: offer.id, step: "rejecting")) {
            try work.database.rejectOffer(offer.id, reason: "  ")
        }
        try work.database.rejectOffer(offer.id, reason: "competitor was cheaper")
        for step in ["sent", "accepted", "expired"] {
            #expect(throws: OfferError.transitionNotAllowed(offer: offer.id, from: "rejected", to: step)) {
                switch step {
                case "sent": try work.database.sendOffer(offer.id, on: FieldWork.today)
                case "accepted": try work.database.acceptOffer(offer.id, on: FieldWork.today)
                default: try work.database.expireOffer(offer.id)
                }
            }
        }
        #expect(try work.database.record(offer.id)?.value("status") == "rejected")
        let notes = try work.database.records("activity").filter { $0.value("kind") == "note" }
        #expect(notes.map { $0.value("description") } == ["competitor was cheaper"])
        let task = try #require(try work.database.record(OfferFollowUp.taskID(forOffer: offer.id)))
        #expect(task.value("status") == "cancelled")
        #expect(OfferStatusStep.isFinal("rejected") && OfferStatusStep.isFinal("accepted") && !OfferStatusStep.isFinal("sent"))
    }

    @Test func sendingNeedsLinesValidityAndAnOwner() throws {
        let work = try FieldWork()
        let account = try work.account()
        let empty = try work.database.createOffer(offerDate: FieldWork.today) { change in
            change.set("account", to: .text(account))
            change.set("taxRate", to: "19.00")
        }
        #expect(throws: OfferError.noLines(offer: empty.id)) {
            try work.database.sendOffer(empty.id, on: FieldWork.today, validUntil: Self.validity)
        }
        let unowned = try draft(work, owner: nil)
        #expect(throws: OfferError.validityRequired(offer: unowned.id)) {
            try work.database.sendOffer(unowned.id, on: FieldWork.today, user: "u-rep")
        }
        #expect(throws: OfferError.ownerRequired(offer: unowned.id)) {
            try work.database.sendOffer(unowned.id, on: FieldWork.today, validUntil: Self.validity)
        }
        let sent = try work.database.sendOffer(unowned.id, on: FieldWork.today, validUntil: Self.validity, user: "u-ben")
        #expect(sent.value("owner") == "u-ben")
        #expect(try work.database.record(OfferFollowUp.taskID(forOffer: unowned.id))?.value("assignee") == "u-ben")
    }

    @Test func expiryIsComputedAndAnExpiredOfferIsSentAgain() throws {
        let work = try FieldWork()
        let offer = try draft(work)
        let sent = try work.database.sendOffer(offer.id, on: FieldWork.today, validUntil: Self.validity)
        let last = Self.validity
        #expect(OfferStatusStep.effectiveStatus(of: sent, on: last) == "sent")
        #expect(OfferStatusStep.effectiveStatus(of: sent, on: last.adding(days: 1)) == "expired")
        #expect(throws: OfferError.expired(offer: offer.id, validUntil: "2026-12-15")) {
            try work.database.acceptOffer(offer.id, on: last.adding(days: 1))
        }
        #expect(try work.database.expireOffer(offer.id).value("status") == "expired")
        let again = try work.database.sendOffer(offer.id, on: last.adding(days: 2), validUntil: last.adding(days: 30))
        #expect(again.value("status") == "sent")
        let tasks = try work.database.records("activity").filter { $0.value("kind") == "task" }
        #expect(tasks.count == 1, "sending again moves the one follow-up task")
        #expect(tasks.first?.value("dueDate") == "2027-01-11")
    }

    @Test func followUpTaskIsDueBeforeExpiryAndShowsInTheWorklist() throws {
        let work = try FieldWork()
        let offer = try draft(work)
        let sent = try work.database.sendOffer(offer.id, on: FieldWork.today, validUntil: Self.validity)
        let taskID = OfferFollowUp.taskID(forOffer: offer.id)
        #expect(sent.value("followUpTask") == .text(taskID))
        let task = try #require(try work.database.record(taskID))
        #expect(task.value("kind") == "task" && task.value("status") == "open")
        #expect(task.value("assignee") == "u-rep" && task.value("dueDate") == "2026-12-12")
        #expect(task.value("account") == offer.value("account"))
        #expect(task.value("generatedBy") == .text(OfferFollowUp.marker))

        let options = WorklistOptions(user: "u-rep")
        #expect(try work.database.worklist(on: FieldWork.today, timeZone: FieldWork.berlin, options: options).tasks.isEmpty)
        let due = try work.database.worklist(on: CalendarDate(year: 2026, month: 12, day: 13)!, timeZone: FieldWork.berlin, options: options)
        #expect(due.tasks.map(\.record.id) == [taskID])
        #expect(due.tasks.first?.isOverdue == true)
    }

    @Test func shortValidityMakesTheTaskDueAtOnce() {
        let today = FieldWork.today
        #expect(OfferFollowUp.dueDate(validUntil: today.adding(days: 10), sentOn: today) == today.adding(days: 7))
        #expect(OfferFollowUp.dueDate(validUntil: today.adding(days: 2), sentOn: today) == today)
        #expect(OfferFollowUp.dueDate(validUntil: today.adding(days: 10), sentOn: today, leadDays: 0) == today.adding(days: 10))
        #expect(OfferFollowUp.taskID(forOffer: "o-1") == OfferFollowUp.taskID(forOffer: "o-1"))
        #expect(OfferFollowUp.taskID(forOffer: "o-1") != OfferFollowUp.taskID(forOffer: "o-2"))
    }
}

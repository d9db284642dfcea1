import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation
import Testing

@Suite("Appointment collisions")
struct AppointmentCollisionTests {
    /// Books [start, end) through the collision check.
    @discardableResult
    func book(
        _ work: FieldWork, _ start: UTCDateTime, _ end: UTCDateTime, organizer: String? = nil, force: Bool = false,
        id: String = ClientDatabase.newRecordID()
    ) throws -> RecordState {
        try work.database.saveAppointment(id, allowingCollisions: force) { change in
            change.set("subject", to: "Visit")
            change.set("start", to: start.value)
            change.set("end", to: end.value)
            if let organizer { change.set("organizer", to: .text(organizer)) }
        }
    }

    @Test func touchingIntervalsDoNotCollide() throws {
        let work = try FieldWork()
        let first = try book(work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"))
        let second = try book(work, FieldWork.utc("2026-11-24T11:00"), FieldWork.utc("2026-11-24T12:00"))
        #expect(try work.database.collisions(for: first).isEmpty)
        #expect(try work.database.collisions(for: second).isEmpty)
        #expect(try work.database.appointments().count == 2)
    }

    @Test func anOverlapIsRefusedAndNothingIsSaved() throws {
        let work = try FieldWork()
        let first = try book(work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"))
        let second = try book(work, FieldWork.utc("2026-11-24T11:00"), FieldWork.utc("2026-11-24T12:00"))
        let id = "clash"
        let outbox = try work.database.outbox().count
        do {
            try book(work, FieldWork.utc("2026-11-24T10:59"), FieldWork.utc("2026-11-24T11:01"), id: id)
            Issue.record("expected a scheduling conflict")
        } catch let conflict as SchedulingConflict {
            #expect(conflict.appointment == id)
            #expect(conflict.collisions.map(\.id) == [first.id, second.id])
            #expect(!conflict.description.contains("Visit"))
        }
        #expect(try work.database.record(id) == nil)
        #expect(try work.database.outbox().count == outbox)

        let forced = try book(
            work, FieldWork.utc("2026-11-24T10:59"), FieldWork.utc("2026-11-24T11:01"), force: true, id: id)
        #expect(try work.database.collisions(for: forced).map(\.id) == [first.id, second.id])
    }

    @Test func anAppointmentInsideAnotherCollides() throws {
        let work = try FieldWork()
        let day = try book(work, FieldWork.utc("2026-11-24T08:00"), FieldWork.utc("2026-11-24T17:00"))
        #expect(throws: SchedulingConflict.self) {
            try book(work, FieldWork.utc("2026-11-24T12:00"), FieldWork.utc("2026-11-24T12:30"))
        }
        let inside = try book(work, FieldWork.utc("2026-11-24T12:00"), FieldWork.utc("2026-11-24T12:30"), force: true)
        #expect(try work.database.collisions(for: inside).map(\.id) == [day.id])
    }

    @Test func onlyTheSameOrganizersAppointmentsCollide() throws {
        let work = try FieldWork()
        let anna = try book(
            work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"), organizer: "u-anna")
        let ben = try book(
            work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"), organizer: "u-ben")
        #expect(try work.database.collisions(for: anna).isEmpty)
        // Without an organizer every local appointment counts.
        let error = #expect(throws: SchedulingConflict.self) {
            try book(work, FieldWork.utc("2026-11-24T10:30"), FieldWork.utc("2026-11-24T11:30"))
        }
        #expect(Set(error?.collisions.map(\.id) ?? []) == [anna.id, ben.id])
    }

    @Test func cancelledAndDeletedAppointmentsDoNotCollide() throws {
        let work = try FieldWork()
        let cancelled = try book(work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"))
        try work.database.saveAppointment(cancelled.id) { $0.set("status", to: "cancelled") }
        let deleted = try book(work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"))
        try work.database.write { try $0.delete("appointment", deleted.id) }
        let booked = try book(work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"))
        #expect(try work.database.collisions(for: booked).isEmpty)
        // Un-cancelling is a change of status, so it is checked again.
        #expect(throws: SchedulingConflict.self) {
            try work.database.saveAppointment(cancelled.id) { $0.set("status", to: "planned") }
        }
    }

    @Test func movingOntoAnotherIsRefusedButOtherEditsAreNot() throws {
        let work = try FieldWork()
        let first = try book(work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"))
        let second = try book(work, FieldWork.utc("2026-11-24T12:00"), FieldWork.utc("2026-11-24T13:00"))
        #expect(throws: SchedulingConflict.self) {
            try work.database.saveAppointment(second.id) { change in
                change.set("start", to: FieldWork.utc("2026-11-24T10:30").value)
            }
        }
        #expect(try work.database.record(second.id)?.value("start") == FieldWork.utc("2026-11-24T12:00").value)

        let forced = try book(work, FieldWork.utc("2026-11-24T10:30"), FieldWork.utc("2026-11-24T11:30"), force: true)
        let edited = try work.database.saveAppointment(forced.id) { $0.set("location", to: "Stuttgart") }
        #expect(edited.value("location") == "Stuttgart")
        #expect(try work.database.collisions(for: edited).map(\.id) == [first.id])
    }

    @Test func localTimesInDifferentZonesCompareAsInstants() throws {
        let work = try FieldWork()
        let london = TimeZone(identifier: "Europe/London")!
        // 10:00 in Berlin is 09:00 in London (both in winter time).
        let berlin = try book(
            work, FieldWork.local("2026-11-24T10:00"), FieldWork.local("2026-11-24T11:00"), organizer: "u-anna"
        )
        #expect(throws: SchedulingConflict.self) {
            try book(
                work, FieldWork.local("2026-11-24T09:30", london), FieldWork.local("2026-11-24T10:30", london),
                organizer: "u-anna")
        }
        // 10:00–11:00 London starts when 10:00–11:00 Berlin ends: touching, no collision.
        let touching = try book(
            work, FieldWork.local("2026-11-24T10:00", london), FieldWork.local("2026-11-24T11:00", london),
            organizer: "u-anna"
        )
        #expect(try work.database.collisions(for: berlin).isEmpty)
        #expect(try work.database.collisions(for: touching).isEmpty)
    }

    @Test func aNewAppointmentGetsAStableCalendarUID() throws {
        let work = try FieldWork()
        let booked = try book(work, FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"), id: "apt-1")
        #expect(booked.value("icalUID") == .text(ClientDatabase.icalUID(forAppointment: "apt-1")))
        let moved = try work.database.saveAppointment("apt-1") {
            $0.set("end", to: FieldWork.utc("2026-11-24T11:30").value)
        }
        #expect(moved.value("icalUID") == booked.value("icalUID"))
    }

    @Test func appointmentsInARangeOverlapIt() throws {
        let work = try FieldWork()
        let early = try book(work, FieldWork.utc("2026-11-24T08:00"), FieldWork.utc("2026-11-24T09:30"))
        let late = try book(work, FieldWork.utc("2026-11-24T15:00"), FieldWork.utc("2026-11-24T16:00"))
        let nextDay = try book(work, FieldWork.utc("2026-11-25T08:00"), FieldWork.utc("2026-11-25T09:00"))
        let range = try work.database.appointments(
            from: FieldWork.utc("2026-11-24T09:00"), to: FieldWork.utc("2026-11-25T00:00"))
        #expect(range.map(\.id) == [early.id, late.id])
        #expect(try work.database.appointments(from: FieldWork.utc("2026-11-24T16:00")).map(\.id) == [nextDay.id])
    }
}

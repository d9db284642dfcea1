import FieldbookClient
import FieldbookModel
import FieldbookSync
import Testing

@Suite("Visit reports from appointments")
struct VisitReportTests {
    /// An appointment with account, contact, organizer and participants.
    func appointment(_ work: FieldWork, start: UTCDateTime = FieldWork.utc("2026-11-23T23:30")) throws -> (
        String, String
    ) {
        let account = try work.account()
        let contact = try work.add("contact", ["account": .text(account), "lastName": "Schmidt"])
        let id = try work.add(
            "appointment",
            [
                "subject": "Visit", "start": start.value, "end": FieldWork.utc("2026-11-24T00:30").value,
                "account": .text(account), "contact": .text(contact), "organizer": "u-anna",
            ],
            adding: ["externalParticipants": ["c-buyer"], "internalParticipants": ["u-ben"]]
        )
        return (id, account)
    }

    @Test func theReportCopiesTheAppointmentAndMarksItHeld() throws {
        let work = try FieldWork()
        let (appointment, account) = try appointment(work)
        let report = try work.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin) {
            change in
            change.add("pricing", to: "topics")
            change.set("outcome", to: "Trial order")
            try change.addGift("Wine", value: DecimalNumber(unchecked: "24.90"))
        }
        #expect(report.id == ClientDatabase.visitReportID(forAppointment: appointment))
        #expect(report.value("account") == .text(account))
        #expect(report.value("appointment") == .text(appointment))
        #expect(report.value("author") == "u-anna")
        // 23:30 UTC is already the next day in Berlin.
        #expect(report.value("visitDate") == "2026-11-24")
        let contact = try #require(try work.database.record(appointment)?.value("contact")?.text)
        #expect(report.elements(of: "participants") == ["c-buyer", contact].sorted())
        #expect(report.elements(of: "internalParticipants") == ["u-ben"])
        #expect(report.elements(of: "topics") == ["pricing"])
        #expect(report.items(of: "gifts").map { $0.members["value"] } == ["24.90"])
        let linked = try #require(try work.database.record(appointment))
        #expect(linked.value("visitReport") == .text(report.id))
        #expect(linked.value("status") == "held")
    }

    @Test func doingItTwiceYieldsOneReport() throws {
        let work = try FieldWork()
        let (appointment, _) = try appointment(work)
        try work.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin) { change in
            change.add("pricing", to: "topics")
            try change.addGift("Wine")
        }
        let again = try work.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin) {
            change in
            change.add("delivery", to: "topics")
            try change.addGift("Wine")
        }
        #expect(try work.database.records("visit_report").map(\.id) == [again.id])
        #expect(again.elements(of: "topics") == ["delivery", "pricing"])
        #expect(again.items(of: "gifts").count == 1)
    }

    @Test func twoDevicesOfflineConvergeOnOneReport() throws {
        let anna = try FieldWork()
        let (appointment, _) = try appointment(anna)
        let ben = try FieldWork()
        try ben.database.applyRemote(try anna.database.pendingChanges())
        let sharedBefore = Set(try anna.database.pendingChanges().map(\.dot))

        try anna.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin) { change in
            change.add("pricing", to: "topics")
            try change.addGift("Wine", value: DecimalNumber(unchecked: "24.90"))
        }
        try ben.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin) { change in
            change.add("service", to: "topics")
            try change.addGift("Wine", value: DecimalNumber(unchecked: "24.90"))
        }
        let fromAnna = try anna.database.pendingChanges().filter { !sharedBefore.contains($0.dot) }
        try anna.database.applyRemote(try ben.database.pendingChanges())
        try ben.database.applyRemote(fromAnna)

        let id = ClientDatabase.visitReportID(forAppointment: appointment)
        for device in [anna, ben] {
            #expect(try device.database.records("visit_report").map(\.id) == [id])
            #expect(try device.database.conflicts().isEmpty)
            let report = try #require(try device.database.record(id))
            #expect(report.elements(of: "topics") == ["pricing", "service"])
            #expect(report.items(of: "gifts").count == 1)
        }
        #expect(try anna.database.record(id) == ben.database.record(id))
    }

    @Test func anAppointmentWithoutAccountCannotBeReported() throws {
        let work = try FieldWork()
        let appointment = try work.appointment(FieldWork.utc("2026-11-24T10:00"), FieldWork.utc("2026-11-24T11:00"))
        #expect(throws: ClientError.self) {
            try work.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin)
        }
        #expect(try work.database.record(appointment)?.value("status") == nil)
        #expect(throws: ClientError.self) {
            try work.database.createVisitReport(fromAppointment: "missing", timeZone: FieldWork.berlin)
        }
    }

    @Test func aDeletedReportComesBackWhenMadeAgain() throws {
        let work = try FieldWork()
        let (appointment, _) = try appointment(work)
        let report = try work.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin)
        try work.database.write { try $0.delete("visit_report", report.id) }
        let restored = try work.database.createVisitReport(fromAppointment: appointment, timeZone: FieldWork.berlin)
        #expect(!restored.isDeleted)
        #expect(restored.value("visitDate") == "2026-11-24")
    }
}

import FieldbookClient
import FieldbookModel
import FieldbookSync

/// An in-memory Fieldbook replica for app developers' UI tests and previews:
/// a real ``ClientDatabase`` (same schema, same validation, same
/// observation) with a clock the test controls and a simulated office that
/// can edit records "remotely", as if a sync had brought the edit.
///
/// ```swift
/// let replica = try TestReplica()
/// let sample = try replica.seedSampleData()
/// try replica.office.edit("account", sample.accountID) { $0.set("name", to: "Renamed by the office") }
/// // the UI observing the account list now shows the new name
/// ```
public final class TestReplica: Sendable {
    /// The replica under test.
    public let database: ClientDatabase
    /// The wall clock the replica reads; move it to test due dates and worklists.
    public let clock: ManualClock
    /// A simulated office whose edits arrive as remote changes.
    public let office: SimulatedOffice

    /// Creates an empty in-memory replica whose clock reads `now`
    /// (default 2026-11-23T08:00:00Z, a Monday).
    public init(now: UTCDateTime = UTCDateTime(parsing: "2026-11-23T08:00:00Z")!) throws {
        clock = ManualClock(millis: UInt64(now.secondsSinceEpoch) * 1000)
        database = try ClientDatabase.inMemory(clock: clock)
        office = SimulatedOffice(database: database, clock: clock)
    }

    /// The user the sample task is assigned to.
    public static let sampleUserID = "user-anna"

    /// IDs of the sample records.
    public struct SampleData: Sendable {
        public var accountID: String
        public var contactIDs: [String]
        public var taskID: String
        public var appointmentID: String
    }

    /// Adds a small, realistic data set: an account with two contacts, a
    /// task due today and an appointment today at 10:00 UTC.
    @discardableResult
    public func seedSampleData() throws -> SampleData {
        let account = ClientDatabase.newRecordID()
        let contacts = [ClientDatabase.newRecordID(), ClientDatabase.newRecordID()]
        let task = ClientDatabase.newRecordID()
        let appointment = ClientDatabase.newRecordID()
        let today = CalendarDate(daysSinceEpoch: Int(clock.nowMillis() / 86_400_000))!
        try database.write { transaction in
            try transaction.edit("account", account) { change in
                change.set("name", to: "Müller Maschinenbau GmbH")
                change.add("customer", to: "roles")
            }
            for (index, id) in contacts.enumerated() {
                try transaction.edit("contact", id) { change in
                    change.set("account", to: .text(account))
                    change.set("firstName", to: .text(["Anna", "Bernd"][index]))
                    change.set("lastName", to: .text(["Schmidt", "Weber"][index]))
                }
            }
            try transaction.edit("activity", task) { change in
                change.set("kind", to: "task")
                change.set("subject", to: "Send the revised offer")
                change.set("account", to: .text(account))
                change.set("status", to: "open")
                change.set("assignee", to: .text(TestReplica.sampleUserID))
                change.set("dueDate", to: .text(today.description))
            }
            try transaction.edit("appointment", appointment) { change in
                change.set("subject", to: "Quarterly review")
                change.set("account", to: .text(account))
                change.set("start", to: .text(today.description + "T10:00:00Z"))
                change.set("end", to: .text(today.description + "T11:00:00Z"))
            }
        }
        return SampleData(accountID: account, contactIDs: contacts, taskID: task, appointmentID: appointment)
    }
}

/// The office, simulated: edits made here reach the replica under test as
/// remote changes (through ``ClientDatabase/applyRemote(_:stable:)``), exactly
/// as a sync would deliver them — including conflicts with local edits.
public final class SimulatedOffice: Sendable {
    private let database: ClientDatabase
    private let clock: ManualClock
    private let replica: Mutex<Replica>

    init(database: ClientDatabase, clock: ManualClock) {
        self.database = database
        self.clock = clock
        self.replica = Mutex(Replica(id: ReplicaID(unchecked: "office")))
    }

    /// Edits a record as the office would and delivers the change.
    /// The office sees the replica's current state of the record, so its edit
    /// overwrites what the replica has *synced*; to create a conflict, edit
    /// the same field locally afterwards or before calling this.
    @discardableResult
    public func edit(
        _ entity: String, _ id: String, _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> Change? {
        let current = try database.record(id)
        let change = try replica.withLock { office -> Change? in
            if let current, office.records[id] == nil { try office.join(current) }
            return try office.change(entity, id, physical: clock.nowMillis(), body)
        }
        if let change { try database.applyRemote([change]) }
        return change
    }
}

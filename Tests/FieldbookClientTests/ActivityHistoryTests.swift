import FieldbookClient
import FieldbookModel
import FieldbookSync
import Testing

@Suite("Activity history")
struct ActivityHistoryTests {
    @Test func historyIsNewestFirstAndFiltered() throws {
        let work = try FieldWork()
        let mueller = try work.account()
        let bauer = try work.account("Bauer AG")
        func log(_ kind: Value, _ at: String, _ account: String, contact: String? = nil) throws -> String {
            var values: [String: Value] = [
                "kind": kind, "subject": "Contact", "account": .text(account), "occurredAt": .text(at),
            ]
            if let contact { values["contact"] = .text(contact) }
            return try work.add("activity", values)
        }
        let call = try log("call", "2026-11-20T09:00:00Z", mueller)
        let email = try log("email", "2026-11-22T09:00:00Z", mueller, contact: "c-1")
        let note = try log("note", "2026-11-21T09:00:00Z", bauer)
        try work.task(mueller, due: "2026-11-23")
        #expect(try work.database.history().map(\.id) == [email, note, call])
        #expect(try work.database.history(account: mueller).map(\.id) == [email, call])
        #expect(try work.database.history(contact: "c-1").map(\.id) == [email])
        #expect(try work.database.history(kind: "note").map(\.id) == [note])
        #expect(try work.database.history(limit: 1).map(\.id) == [email])
    }

    @Test func historyNeedsItsTime() throws {
        let work = try FieldWork()
        #expect(throws: ClientError.self) {
            try work.add("activity", ["kind": "call", "subject": "Call", "account": .text(try work.account())])
        }
    }
}

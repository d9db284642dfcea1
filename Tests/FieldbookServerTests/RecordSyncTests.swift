import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Testing

/// Office edits are changes of the server's replica: they reach every client
/// through pull, and they meet client changes in per-field merge.
@Suite struct RecordSyncTests {
    @Test func everyOfficeWriteIsPulledAsAServerChange() async throws {
        try await RecordTestServer.with { server in
            let download = try await server.harness.pullAll(Fixtures.anna)
            let cursor = try #require(download.last?.cursor)

            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "Müller GmbH", "roles": ["customer"]}}"#)
            let patch = try await server.send(
                "PATCH", "/v1/records/account/acc-1", body: #"{"fields": {"industry": "Maschinenbau"}}"#
            )
            #expect(patch.status == 200)
            #expect(try await server.send("DELETE", "/v1/records/account/acc-1").status == 204)

            let changes = try await server.harness.pullAll(Fixtures.anna, from: cursor).flatMap(\.changes)
            #expect(changes.count == 3)
            #expect(changes.allSatisfy { $0.dot.replica == server.harness.service.configuration.serverReplica })
            #expect(changes.map(\.dot.counter) == [1, 2, 3])
            #expect(changes.allSatisfy { $0.entity == "account" && $0.record == "acc-1" })
            #expect(changes[0].ops.contains { $0.slot == .field("name") && $0.value == .text("Müller GmbH") })
            #expect(changes[0].ops.contains { $0.slot == .element("customer", of: "roles") })
            #expect(changes[1].ops.map(\.slot) == [.field("industry")])
            #expect(changes[2].ops.map(\.slot) == [.deleted])
        }
    }

    @Test func concurrentFieldEditsShowAsConflictsAndAPatchResolvesThem() async throws {
        try await RecordTestServer.with { server in
            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "Müller GmbH", "phone": "+49 30 1111"}}"#)
            // Anna's phone edit did not see the office's value: concurrent.
            let result = try await server.harness.push(
                Fixtures.change(counter: 1, [Fixtures.set("phone", "+49 30 2222")]), as: Fixtures.anna
            )
            #expect(result.status == .accepted)

            let read = try await server.send("GET", "/v1/records/account/acc-1")
            let conflict = try #require(read.json?["conflicts"]?[0])
            #expect(conflict["kind"] == .string("field"))
            #expect(conflict["field"] == .string("phone"))
            #expect(conflict["winner"]?["value"] == read.fields?["phone"])
            let other = try #require(conflict["others"]?[0])
            #expect(Set([conflict["winner"]?["value"], other["value"]]) == [.string("+49 30 1111"), .string("+49 30 2222")])
            #expect([conflict["winner"]?["dot"], other["dot"]].contains(.string("anna-phone:1")))

            // Writing the shown value again supersedes both sides.
            let shown = try #require(read.fields?["phone"]?.stringValue)
            let resolved = try await server.send(
                "PATCH", "/v1/records/account/acc-1", body: #"{"fields": {"phone": "\#(shown)"}}"#
            )
            #expect(resolved.status == 200)
            #expect(resolved.json?["conflicts"] == .array([]))
            #expect(resolved.fields?["phone"] == .string(shown))
        }
    }
}

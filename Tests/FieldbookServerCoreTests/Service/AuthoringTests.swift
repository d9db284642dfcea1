import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Server-authored changes")
struct AuthoringTests {
    typealias F = Fixtures
    let server = ReplicaID(unchecked: "srv")

    @Test func theServerAuthorsUnderItsOwnReplicaAndClientsPullIt() async throws {
        let harness = Harness()
        var anna = TestClient(F.anna, clock: harness.clock)
        anna.edit("account", "acc-1") { $0.set("name", to: "Kramer") }
        try await anna.sync(with: harness.service)
        let authored = try #require(
            try await harness.service.author("account", "acc-1", caller: SyncCaller(user: "user-eva", role: .office)) {
                $0.set("name", to: "Kramer KG")
                $0.set("abcClass", to: "A")
            }
        )
        #expect(authored.result.status == .accepted)
        #expect(authored.change.dot == Dot(replica: server, counter: 1))
        let annaDot = try #require(anna.record("acc-1")?.register(.field("name")).winner?.dot)
        #expect(authored.change.ops.first { $0.slot == .field("name") }?.supersedes == [annaDot], "supersedes what the server held")
        let annaTime = try #require(anna.record("acc-1")?.register(.field("name")).winner?.time)
        #expect(authored.change.time > annaTime)
        try await anna.pull(from: harness.service)
        #expect(anna.record("acc-1")?.value("name") == "Kramer KG")
        #expect(anna.conflicts.isEmpty)
        let next = try #require(try await harness.service.author("account", "acc-1") { $0.set("industry", to: "Retail") })
        #expect(next.change.dot.counter == 2, "counters continue")
    }

    @Test func authoredChangesAreValidatedWithTheCallersRole() async throws {
        let harness = Harness()
        try await harness.push(F.account(counter: 1))
        let rep = try #require(
            try await harness.service.author("account", "acc-1", caller: SyncCaller(user: "user-anna", role: .rep)) {
                $0.set("abcClass", to: "A")
            }
        )
        #expect(rep.result.rejectionCode == .forbidden, "reps may not set the ABC class")
        let invalid = try #require(try await harness.service.author("account", "acc-1") { $0.set("status", to: "bogus") })
        #expect(invalid.result.rejectionCode == .invalidValue)
        #expect(invalid.change.dot.counter == 2, "a rejection consumes the counter like any other")
    }

    @Test func anEmptyEditAuthorsNothing() async throws {
        let harness = Harness()
        #expect(try await harness.service.author("account", "acc-1") { _ in } == nil)
        #expect(try await harness.store.decidedCounter(of: server) == 0)
    }

    @Test func aCounterTakenByAnotherInstanceIsRetried() async throws {
        let harness = Harness()
        try await harness.push(F.account(counter: 1))
        // Another server instance sharing the database decided srv:1 meanwhile.
        let other = F.change(replica: server, counter: 1, [F.set("industry", "Retail")])
        #expect(try await harness.push(other, as: server, role: .system).status == .accepted)
        let authored = try #require(try await harness.service.author("account", "acc-1") { $0.set("industry", to: "Trade") })
        #expect(authored.change.dot.counter == 2)
        #expect(authored.result.status == .accepted)
        #expect(authored.change.ops.first?.supersedes == [other.dot])
    }
}

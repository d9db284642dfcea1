import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import Testing

/// The server's final offer numbers on the SQLite store, where concurrent
/// pushes share group-commit transactions.
@Suite("SQLite store: final offer numbers")
struct OfferNumberingTests {
    typealias F = Fixtures

    /// An offer accepted offline on `replica` (no lines, so no totals).
    static func acceptedOffer(_ record: String, replica: ReplicaID) -> Change {
        F.change(
            "offer", record: record, replica: replica, counter: 1,
            [
                F.set("provisionalNumber", .text("\(replica)-2026-0001")), F.set("account", "acc-1"),
                F.set("offerDate", "2026-11-23"), F.set("validUntil", "2026-12-15"), F.set("taxRate", "19.00"),
                F.set("status", "accepted"),
            ]
        )
    }

    /// Pushes like a client: a push answered `unavailable` (the automation
    /// lost too many races for the server's counter) is sent again; the
    /// change is then a duplicate and the automation runs again.
    static func pushRetrying(_ request: PushRequest, caller: SyncCaller, to service: SyncService) async throws
        -> ChangeResult
    {
        for _ in 0..<50 {
            do {
                return try await service.push(request, caller: caller).results[0]
            } catch let error as SyncServiceError where error.code == .unavailable {
                await Task.yield()
            }
        }
        throw SyncServiceError(.unavailable, "still unavailable after 50 pushes")
    }

    @Test func offersAcceptedConcurrentlyGetDistinctNumbersOnce() async throws {
        let database = try TemporaryDatabase()
        defer { database.remove() }
        let harness = Harness(store: try SQLiteServerStore(path: database.path))
        let count = 24
        let service = harness.service
        let results = try await withThrowingTaskGroup(of: ChangeResult.self) { group in
            for index in 0..<count {
                let replica = ReplicaID(unchecked: "rep-\(index)")
                let request = PushRequest(
                    schemaVersion: 1, replica: replica, changes: [Self.acceptedOffer("offer-\(index)", replica: replica)])
                let caller = SyncCaller(user: "user-\(index)", role: .rep)
                group.addTask { try await Self.pushRetrying(request, caller: caller, to: service) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == .accepted || $0.status == .duplicate }, "\(results.compactMap(\.code))")
        var numbers: [String] = []
        for index in 0..<count {
            let offer = try #require(try await harness.state("offer-\(index)"))
            numbers.append(try #require(offer.value("finalNumber")?.text))
        }
        #expect(Set(numbers).count == count, "distinct: \(numbers.sorted())")
        #expect(numbers.allSatisfy { $0.hasPrefix("A-2026-") && $0.count >= 11 })

        // A retried push is a duplicate: the automation runs again and writes nothing.
        let head = try await harness.store.logHead()
        let retry = try await harness.push(Self.acceptedOffer("offer-0", replica: ReplicaID(unchecked: "rep-0")), as: ReplicaID(unchecked: "rep-0"))
        #expect(retry.status == .duplicate)
        #expect(try await harness.store.logHead() == head)
        #expect(try await harness.state("offer-0")?.value("finalNumber") == .text(numbers[0]))
    }
}

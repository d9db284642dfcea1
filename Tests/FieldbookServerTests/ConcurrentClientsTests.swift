import FieldbookProtocol
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

/// Many clients pushing at once over HTTP: every change is decided once, and a
/// full download afterwards sees all of them.
@Suite struct ConcurrentClientsTests {
    @Test(.timeLimit(.minutes(2)))
    func concurrentPushesAreAllAcceptedAndPulled() async throws {
        let server = try await TestServer.start()
        let codec = WireCodec()
        let clients = 16
        let batches = 4
        let perBatch = 10
        try await withThrowingTaskGroup(of: [ChangeResult.Status].self) { group in
            for client in 0..<clients {
                group.addTask {
                    let replica = ReplicaID(unchecked: "client-\(client)")
                    var statuses: [ChangeResult.Status] = []
                    for batch in 0..<batches {
                        let changes = (0..<perBatch).map { index in
                            let counter = UInt64(batch * perBatch + index + 1)
                            return Fixtures.account("acc-\(client)-\(counter)", replica: replica, counter: counter)
                        }
                        let body = try codec.encode(PushRequest(schemaVersion: 1, replica: replica, changes: changes))
                        let compressed = try TestCompression.gzip(body)
                        let reply = try await server.send(
                            "POST", "/v1/sync/push", body: compressed,
                            headers: ["Content-Encoding": "gzip", "Accept-Encoding": "identity"],
                            token: StubAuthenticator.token(for: replica)
                        )
                        guard reply.status == 200 else { throw PushFailed(status: reply.status, body: reply.text) }
                        statuses += try codec.decode(PushResponse.self, from: reply.body).results.map(\.status)
                    }
                    return statuses
                }
            }
            var all: [ChangeResult.Status] = []
            for try await statuses in group { all += statuses }
            #expect(all.count == clients * batches * perBatch)
            #expect(all.allSatisfy { $0 == .accepted })
        }

        var seen: Set<String> = []
        var cursor: PullCursor?
        var pages = 0
        repeat {
            let body = try codec.encode(PullRequest(schemaVersion: 1, replica: Fixtures.ben, cursor: cursor, limit: 250))
            let reply = try await server.send("POST", "/v1/sync/pull", body: body, token: StubAuthenticator.benToken)
            #expect(reply.status == 200)
            let page = try codec.decode(PullResponse.self, from: reply.body)
            seen.formUnion(page.snapshots.map(\.id))
            seen.formUnion(page.changes.map(\.record))
            cursor = page.cursor
            pages += 1
            if !page.hasMore { break }
        } while pages < 100
        #expect(seen.count == clients * batches * perBatch)
        #expect(pages >= 3)
        #expect(try await server.send("GET", "/healthz", token: nil).status == 200)
        await server.stop()
    }
}

private struct PushFailed: Error, CustomStringConvertible {
    var status: Int
    var body: String
    var description: String { "push answered \(status): \(body)" }
}

import FieldbookClient
import FieldbookServerCoreTesting
import Foundation
import GRDB
import Testing

/// Holds a transport's requests until opened.
actor SyncGate {
    private var entered = false
    private var isOpen = false
    private var enteredWaiters: [CheckedContinuation<Void, Never>] = []
    private var openWaiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        entered = true
        enteredWaiters.forEach { $0.resume() }
        enteredWaiters = []
        guard !isOpen else { return }
        await withCheckedContinuation { openWaiters.append($0) }
    }

    func waitUntilEntered() async {
        guard !entered else { return }
        await withCheckedContinuation { enteredWaiters.append($0) }
    }

    func open() {
        isOpen = true
        openWaiters.forEach { $0.resume() }
        openWaiters = []
    }
}

/// A transport that waits at a ``SyncGate`` before every request.
struct GatedTransport: SyncTransport {
    let inner: any SyncTransport
    let gate: SyncGate

    func send(_ request: SyncRequest) async throws -> SyncResponse {
        await gate.enter()
        return try await inner.send(request)
    }
}

@Suite("One sync session at a time")
struct SyncSessionLockTests {
    @Test func aSecondSessionOnTheSameDatabaseIsRefusedWhileOneRuns() async throws {
        let world = try SyncWorld()
        let anna = try world.client("anna")
        try anna.account("acc-1", "Müller GmbH")
        let gate = SyncGate()
        let engine = SyncEngine(
            database: anna.database, transport: GatedTransport(inner: InProcessTransport(service: world.service), gate: gate)
        )
        let first = Task { try await engine.sync() }
        await gate.waitUntilEntered()

        let path = anna.database.writer.path
        await #expect(throws: SyncEngineError.sessionInProgress(database: path)) { try await engine.sync() }
        let sameFile = try ClientDatabase.open(at: path, clock: ManualClock(millis: Fixtures.now))
        let other = SyncEngine(database: sameFile, transport: InProcessTransport(service: world.service))
        await #expect(throws: SyncEngineError.sessionInProgress(database: path)) { try await other.sync() }

        await gate.open()
        let summary = try await first.value
        #expect(summary.pushed == 1)
        let (again, _) = try await anna.sync()
        #expect(again.pushed == 0, "the lock is released after the session")
        #expect(try anna.database.syncStatus().lastSyncError == nil, "a refused second session does not touch the status")
    }
}

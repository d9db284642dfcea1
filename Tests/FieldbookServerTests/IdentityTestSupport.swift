import FieldbookServerCore
import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import GRDB
import Logging

@testable import FieldbookServer

/// A data directory in a temp dir with a real SQLite sync store and a real
/// `directory.sqlite`, bcrypt at cost 4 and last-seen recorded on every request.
struct IdentityFixture {
    let directory: URL
    let store: SQLiteServerStore
    let sync: SyncService
    let identity: IdentityService

    init(lastSeenInterval: TimeInterval = 0) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-identity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteServerStore(path: directory.appendingPathComponent("sync.sqlite").path)
        sync = SyncService(store: store, clock: WallClock())
        var configuration = IdentityConfiguration()
        configuration.bcryptCost = 4
        configuration.lastSeenInterval = lastSeenInterval
        identity = try IdentityService.open(
            dataDirectory: directory, sync: sync, logger: Logger(label: "test.identity"), configuration: configuration
        )
    }

    /// Closes the databases and removes the directory.
    func tearDown() {
        try? identity.close()
        try? store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds a rep (or another role) with password `secret-password`.
    @discardableResult
    func addUser(_ login: String, role: String = "rep", team: String? = nil, territories: [String] = []) async throws -> String {
        try await identity.addUser(
            NewUser(
                login: login, displayName: "Person \(login)", role: role, team: team, territories: territories,
                password: "secret-password"
            )
        )
    }

    /// Opens `directory.sqlite` independently of the service, as another process would.
    func openDirectoryFile() throws -> DatabaseQueue {
        try DatabaseQueue(path: directory.appendingPathComponent(IdentityConfiguration.directoryFileName).path)
    }

    /// The live record `id` from the sync store.
    func record(_ id: String) async throws -> RecordState? {
        guard case .live(let stored) = try await store.record(id) else { return nil }
        return stored.state
    }
}

func replica(_ text: String) -> ReplicaID { ReplicaID(unchecked: text) }

import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStoreSQLite
import FieldbookSync
import Foundation
import Testing

@testable import FieldbookServer

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `fieldbook-server serve --demo` as a real process on a temporary data directory.
@Suite struct DemoDatasetTests {
    /// A running `fieldbook-server serve` child process.
    struct Served {
        let process: Process
        let port: Int
        let stderr: OutputCollector

        /// Sends SIGTERM and waits for a clean exit.
        func stop() async throws {
            kill(process.processIdentifier, SIGTERM)
            for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
            #expect(!process.isRunning)
            #expect(process.terminationStatus == 0, "stderr: \(stderr.text)")
        }
    }

    static func serve(_ directory: URL, arguments: [String] = [], environment: [String: String] = [:]) async throws
        -> Served
    {
        let process = Process()
        process.executableURL = ServeCommandTests.binary
        process.arguments = ["serve", "--port", "0", "--data", directory.path] + arguments
        process.environment = ["FIELDBOOK_SERVER_HOST": "127.0.0.1", "FIELDBOOK_BCRYPT_COST": "4"]
            .merging(environment) { $1 }
        let stdout = OutputCollector()
        let stderr = OutputCollector()
        process.standardOutput = stdout.pipe
        process.standardError = stderr.pipe
        try process.run()
        for _ in 0..<600 {
            if let line = stdout.text.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://") }),
                let port = Int(line.split(separator: ":").last ?? "")
            {
                return Served(process: process, port: port, stderr: stderr)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw DemoTestError.didNotStart(stderr.text)
    }

    /// POSTs a wire message and decodes the answer.
    static func post<Response: Decodable>(
        _ port: Int, _ path: String, _ body: some Encodable, token: String? = nil, as: Response.Type
    ) async throws -> Response {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.httpBody = try WireCodec().encode(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else { throw DemoTestError.status(status, String(decoding: data, as: UTF8.self)) }
        return try WireCodec().decode(Response.self, from: data)
    }

    /// Every record (entity and ID) a user's fresh replica pulls.
    static func pullEverything(_ port: Int, login: String) async throws -> [String: Set<String>] {
        let replica = try ReplicaID("\(login)-demo-laptop")
        let session = try await post(
            port, AuthEndpoint.login.path,
            LoginRequest(login: login, password: DemoDataset.password, deviceName: "Laptop", replica: replica),
            as: LoginResponse.self
        )
        var records: [String: Set<String>] = [:]
        var cursor: PullCursor?
        for _ in 0..<100 {
            let page = try await post(
                port, SyncEndpoint.pull.path,
                PullRequest(schemaVersion: SchemaRegistry.currentVersion, replica: replica, cursor: cursor),
                token: session.token, as: PullResponse.self
            )
            for change in page.changes { records[change.entity, default: []].insert(change.record) }
            for snapshot in page.snapshots { records[snapshot.entity, default: []].insert(snapshot.id) }
            cursor = page.cursor
            if !page.hasMore { break }
        }
        return records
    }

    /// The IDs of every record in the sync store.
    static func storedIDs(_ directory: URL) async throws -> [String] {
        let store = try SQLiteServerStore(path: directory.appendingPathComponent("sync.sqlite").path)
        defer { try? store.close() }
        return try await store.records(after: nil, limit: 100_000).map(\.id)
    }

    @Test(.enabled(if: ServeCommandTests.binary != nil, "fieldbook-server is not built"), .timeLimit(.minutes(2)))
    func seedsAnEmptyDirectoryOnceAndRepsSeeOnlyTheirTerritory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }

        let first = try await Self.serve(directory, environment: ["FIELDBOOK_SERVER_DEMO": "1"])
        let notice = first.stderr.text
        #expect(notice.contains("DEMO DATA"))
        #expect(notice.contains(DemoDataset.password))
        for login in ["admin", "eva", "anna", "ben"] { #expect(notice.contains("  \(login) (")) }

        let north = DemoDataset.accounts.filter { $0.territory == "North" }
        let anna = try await Self.pullEverything(first.port, login: "anna")
        #expect(anna["account"] == Set(north.map(\.id)))
        #expect(anna["contact"] == Set(north.flatMap(\.contacts).map(\.id)))
        #expect(anna["opportunity"] == Set(north.flatMap(\.opportunities).map(\.id)))
        #expect(anna["appointment"] == Set(north.compactMap(\.appointment).map(\.id)))
        let eva = try await Self.pullEverything(first.port, login: "eva")
        #expect(eva["account"]?.count == DemoDataset.accounts.count)
        #expect(eva["product"]?.count == DemoDataset.products.count)
        try await first.stop()
        let seeded = try await Self.storedIDs(directory)
        #expect(seeded.count >= DemoDataset.accounts.count + DemoDataset.products.count + DemoDataset.users.count)

        let second = try await Self.serve(directory, arguments: ["--demo"])
        #expect(second.stderr.text.contains("is not empty; no demo data was added"))
        #expect(!second.stderr.text.contains("DEMO DATA"))
        try await second.stop()
        #expect(try await Self.storedIDs(directory) == seeded)
    }
}

enum DemoTestError: Error {
    case didNotStart(String)
    case status(Int, String)
}

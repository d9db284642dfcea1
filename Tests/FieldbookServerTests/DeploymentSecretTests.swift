import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStorePostgresTesting
import FieldbookSync
import Foundation
import Logging
import Testing

@testable import FieldbookServer

@Suite("Deployment secret and HMAC cursor tags")
struct DeploymentSecretTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theSecretIsMadeOnceKeptPrivateAndDiffersPerDeployment() throws {
        let directory = try Self.temporaryDirectory()
        let first = try DeploymentSecret.load(dataDirectory: directory)
        #expect(first.count == 32)
        #expect(try DeploymentSecret.load(dataDirectory: directory) == first)
        let path = directory.appendingPathComponent(DeploymentSecret.fileName).path
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try DeploymentSecret.load(dataDirectory: try Self.temporaryDirectory()) != first)

        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        #expect(throws: DeploymentSecretError.self) { try DeploymentSecret.load(dataDirectory: directory) }
    }

    @Test func tagsDependOnTheKeyAndTheMessage() {
        let key = Array(repeating: UInt8(7), count: 32)
        let tag = CursorHMAC(secret: key).tag(for: Array("L42".utf8))
        #expect(tag.count == 16)
        #expect(CursorHMAC(secret: key).tag(for: Array("L42".utf8)) == tag)
        #expect(CursorHMAC(secret: key).tag(for: Array("L43".utf8)) != tag)
        var other = key
        other[31] = 8
        #expect(CursorHMAC(secret: other).tag(for: Array("L42".utf8)) != tag)
        // Not the keyless checksum a client could compute.
        #expect(CursorChecksum().tag(for: Array("L42".utf8)) != Array(tag.prefix(8)))
    }

    @Test func cursorsSurviveARestartButNotAnotherDeployment() throws {
        var logger = Logger(label: "test.secret")
        logger.logLevel = .error
        let directory = try Self.temporaryDirectory()
        let replica = ReplicaID(unchecked: "rep-anna")
        let issued: PullCursor
        do {
            let services = try ServerServices.open(dataDirectory: directory, logger: logger)
            defer { try? services.close() }
            issued = services.sync.configuration.cursors.encode(.log(17), for: replica)
        }
        let restarted = try ServerServices.open(dataDirectory: directory, logger: logger)
        defer { try? restarted.close() }
        #expect(try restarted.sync.configuration.cursors.decode(issued, for: replica) == .log(17))
        let elsewhere = try ServerServices.open(dataDirectory: try Self.temporaryDirectory(), logger: logger)
        defer { try? elsewhere.close() }
        #expect(throws: SyncServiceError.self) { try elsewhere.sync.configuration.cursors.decode(issued, for: replica) }
        // The keyless codec of the core does not accept it either.
        #expect(throws: SyncServiceError.self) { try CursorCodec().decode(issued, for: replica) }
    }

    @Test(.enabled(if: PostgresTestDatabase.isEnabled, PostgresTestDatabase.skipNote))
    func instancesOnOnePostgreSQLDatabaseShareTheSecret() async throws {
        try await PostgresTestDatabase.withSchema(prefix: "secret") { schema in
            var logger = Logger(label: "test.secret.postgres")
            logger.logLevel = .error
            let first = try await ServerServices.open(postgres: schema.url, maximumConnections: 2, logger: logger)
            let second = try await ServerServices.open(postgres: schema.url, maximumConnections: 2, logger: logger)
            let replica = ReplicaID(unchecked: "rep-anna")
            let issued = first.sync.configuration.cursors.encode(.log(5), for: replica)
            #expect(try second.sync.configuration.cursors.decode(issued, for: replica) == .log(5))
            #expect(throws: SyncServiceError.self) { try CursorCodec().decode(issued, for: replica) }
            try await first.shutdown()
            try await second.shutdown()
        }
    }
}

import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import GRDB
import Hummingbird
import Logging
import NIOCore
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import FieldbookServer

/// The calendar subscription feed on a real Hummingbird server on 127.0.0.1.
@Suite("Calendar feed over HTTP")
struct CalendarFeedTests {
    func withServer(_ body: @Sendable (IdentityFixture, URL) async throws -> Void) async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let services = ServerServices(sync: fixture.sync, identity: fixture.identity, logger: Logger(label: "test"))
        let router = Router(context: FieldbookRequestContext.self)
        router.add(middleware: BearerAuthMiddleware(authenticator: services.authenticator, mode: .optional))
        IdentityRoutes.register(on: router, services: services)
        CalendarFeedRoutes.register(on: router, services: services)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test.http")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(fixture, URL(string: "http://127.0.0.1:\(port)")!)
            group.cancelAll()
        }
    }

    static func call(_ method: String, _ url: URL, _ path: String, token: String? = nil) async throws -> (Int, Data, String?) {
        var request = URLRequest(url: URL(string: url.absoluteString + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, data, http?.value(forHTTPHeaderField: "Content-Type"))
    }

    func signIn(_ fixture: IdentityFixture, _ url: URL, _ login: String, replica: String) async throws -> String {
        let request = LoginRequest(login: login, password: "secret-password", deviceName: "Phone", replica: ReplicaID(unchecked: replica))
        var http = URLRequest(url: url.appendingPathComponent("/v1/auth/login"))
        http.httpMethod = "POST"
        http.setValue("application/json", forHTTPHeaderField: "Content-Type")
        http.httpBody = try WireCodec().encode(request)
        let (data, _) = try await URLSession.shared.data(for: http)
        return try WireCodec().decode(LoginResponse.self, from: data).token
    }

    /// Parses `text` with Python's `icalendar` (required under `CI=true`, skipped locally without it).
    static func checkWithPythonICalendar(_ text: String, expectedUIDs: Set<String>) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).ics")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for event in cal.walk('VEVENT'):
                print(str(event['UID']))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("python3 is required under CI=true") }
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus != 0, output.contains("No module named 'icalendar'") {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("python3 with icalendar is required under CI=true") }
            return
        }
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(Set(output.split(separator: "\n").map(String.init)) == expectedUIDs)
    }

    func appointment(_ fixture: IdentityFixture, _ id: String, organizer: String, subject: String, start: String) async throws {
        _ = try await fixture.sync.author("appointment", id) { builder in
            builder.set("subject", to: .text(subject))
            builder.set("start", to: .text(start + ":00Z"))
            builder.set("end", to: .text(String(start.prefix(11)) + "23:00:00Z"))
            builder.set("organizer", to: .text(organizer))
        }
    }

    @Test func feedListsTheUsersAppointmentsAndTokensCanBeRotatedAndRevoked() async throws {
        try await withServer { fixture, url in
            let anna = try await fixture.addUser("anna")
            let ben = try await fixture.addUser("ben")
            try await appointment(fixture, "apt-anna-1", organizer: anna, subject: "Besuch Müller, Halle 3", start: "2026-11-24T09:00")
            try await appointment(fixture, "apt-anna-2", organizer: anna, subject: "Messe", start: "2026-11-25T10:00")
            try await appointment(fixture, "apt-ben-1", organizer: ben, subject: "Bens Termin", start: "2026-11-24T11:00")
            let annaToken = try await signIn(fixture, url, "anna", replica: "anna-phone")

            #expect(try await Self.call("POST", url, "/v1/calendar/feed-token").0 == 401)
            let (status, data, _) = try await Self.call("POST", url, "/v1/calendar/feed-token", token: annaToken)
            #expect(status == 201)
            let created = try #require(try JSONSerialization.jsonObject(with: data) as? [String: String])
            let path = try #require(created["path"])
            #expect(path.hasPrefix("/v1/calendar/fbc_") && path.hasSuffix(".ics"))

            // No bearer token: the URL itself is the secret.
            let (feedStatus, feed, type) = try await Self.call("GET", url, path)
            #expect(feedStatus == 200)
            #expect(type?.hasPrefix("text/calendar") == true)
            let text = String(decoding: feed, as: UTF8.self)
            #expect(text.contains("UID:apt-anna-1@fieldbook\r\n"))
            #expect(text.contains("UID:apt-anna-2@fieldbook\r\n"))
            #expect(!text.contains("apt-ben-1"))
            #expect(text.contains("SUMMARY:Besuch Müller\\, Halle 3\r\n"))
            #expect(text.contains("DTSTART:20261124T090000Z\r\n"))
            try Self.checkWithPythonICalendar(text, expectedUIDs: ["apt-anna-1@fieldbook", "apt-anna-2@fieldbook"])

            // Only the hash is stored.
            let token = String(path.dropFirst("/v1/calendar/".count).dropLast(4))
            let stored = try await fixture.openDirectoryFile().read { db in try Data.fetchAll(db, sql: "SELECT token_hash FROM calendar_feed") }
            #expect(stored == [Data(DeviceToken.digest(of: token))])

            #expect(try await Self.call("GET", url, "/v1/calendar/fbc_wrong.ics").0 == 404)
            // Rotating replaces the URL; the old one stops working.
            let (_, rotatedData, _) = try await Self.call("POST", url, "/v1/calendar/feed-token", token: annaToken)
            let rotated = try #require(try JSONSerialization.jsonObject(with: rotatedData) as? [String: String])["path"]
            #expect(rotated != path)
            #expect(try await Self.call("GET", url, path).0 == 404)
            #expect(try await Self.call("GET", url, try #require(rotated)).0 == 200)
            // Revoking ends the feed.
            #expect(try await Self.call("DELETE", url, "/v1/calendar/feed-token", token: annaToken).0 == 204)
            #expect(try await Self.call("GET", url, try #require(rotated)).0 == 404)
        }
    }
}

/// The same directory operations on `directory.sqlite`.
@Suite("Calendar feed tokens in directory.sqlite")
struct SQLiteCalendarFeedTests {
    @Test func feedTokensRotateAndRevoke() async throws {
        let fixture = try IdentityFixture()
        defer { fixture.tearDown() }
        let anna = try await fixture.addUser("anna")
        let directory = fixture.identity.directory
        let hash = DeviceToken.digest(of: "fbc_one"), rotated = DeviceToken.digest(of: "fbc_two")
        try await directory.setFeedToken(user: anna, hash: hash, now: 1)
        #expect(try await directory.feedOwner(ofHash: hash)?.user == anna)
        try await directory.setFeedToken(user: anna, hash: rotated, now: 2)
        #expect(try await directory.feedOwner(ofHash: hash) == nil)
        #expect(try await directory.feedOwner(ofHash: rotated)?.login == "anna")
        #expect(try await directory.clearFeedToken(user: anna))
        #expect(try await directory.feedOwner(ofHash: rotated) == nil)
        #expect(try await directory.clearFeedToken(user: anna) == false)
    }
}

import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing

/// `POST /v1/import/{entity}` on a real HTTP server on 127.0.0.1.
@Suite struct ImportRouteTests {
    static let products = "\u{FEFF}Artikelnr;Bezeichnung;Listenpreis;Aktiv\r\nP-100;\"Bohrer; 10 mm\";\"1.234,50\";ja\r\np-100 ;Bohrer 10mm;\"1.234,50\";ja\r\nP-200;Hydrauliköl;12,9;nein\r\nP-300;Presse;zwölf;ja\r\n"
    static let mapping = #"{"entity": "product", "key": "Artikelnr", "numbers": "de", "columns": {"Artikelnr": "number", "Bezeichnung": "name", "Listenpreis": "listPrice", "Aktiv": "active"}}"#

    static func body(_ csv: String, dryRun: Bool) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["csv": csv, "dryRun": dryRun] as [String: Any])
        let envelope = String(decoding: data, as: UTF8.self)
        return String(envelope.dropLast()) + ", \"mapping\": \(mapping)}"
    }

    @Test func officeImportsProductsDryRunThenRealThenIdempotently() async throws {
        try await RecordTestServer.with { server in
            let dry = try await server.send("POST", "/v1/import/product", role: "office", body: try Self.body(Self.products, dryRun: true))
            #expect(dry.status == 200)
            #expect(dry.json?["created"] == .integer(2))
            #expect(dry.json?["skipped"] == .integer(1))
            #expect(dry.json?["failed"] == .integer(1))
            #expect(dry.json?["messages"]?.arrayElements?.contains { $0["line"] == .integer(5) && $0["severity"] == .string("error") } == true)
            #expect(try await server.send("GET", "/v1/records/product").json?["records"]?.arrayElements?.isEmpty == true)

            let cursor = try #require(try await server.harness.pullAll(Fixtures.anna).last?.cursor)
            let real = try await server.send("POST", "/v1/import/product", role: "office", body: try Self.body(Self.products, dryRun: false))
            #expect(real.json?["created"] == .integer(2))
            #expect(real.json?["failed"] == .integer(1))
            let id = ImportPlanner.derivedID(entity: "product", key: "P-100")
            let drill = try await server.send("GET", "/v1/records/product/\(id)")
            #expect(drill.fields?["name"] == .string("Bohrer; 10 mm"))
            #expect(drill.fields?["listPrice"] == .string("1234.50"))
            #expect(drill.fields?["active"] == .bool(true))
            // The rows are server-replica changes every device pulls.
            let pulled = try await server.harness.pullAll(Fixtures.anna, from: cursor).flatMap(\.changes)
            #expect(pulled.filter { $0.entity == "product" }.count == 2)
            #expect(pulled.allSatisfy { $0.dot.replica == server.harness.service.configuration.serverReplica })

            let again = try await server.send("POST", "/v1/import/product", role: "admin", body: try Self.body(Self.products, dryRun: false))
            #expect(again.json?["created"] == .integer(0))
            // Two products unchanged, plus the duplicate row "p-100 ".
            #expect(again.json?["skipped"] == .integer(3))
            #expect(again.json?["updated"] == .integer(0))
        }
    }

    @Test func repsAndAnonymousCallersAreRefused() async throws {
        try await RecordTestServer.with { server in
            let rep = try await server.send("POST", "/v1/import/product", role: "rep", body: try Self.body(Self.products, dryRun: true))
            #expect(rep.status == 403)
            #expect(rep.errorCode == "forbidden")
            #expect(try await server.send("POST", "/v1/import/product", role: nil, body: "{}").status == 401)
            #expect(try await server.send("POST", "/v1/import/product", role: "office", body: "not json").status == 400)
            let wrong = try await server.send("POST", "/v1/import/account", role: "office", body: try Self.body(Self.products, dryRun: true))
            #expect(wrong.status == 400)
        }
    }
}

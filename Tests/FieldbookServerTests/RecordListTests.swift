import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Testing

/// Listing: pages by ID, bounded limits, case-insensitive search.
@Suite struct RecordListTests {
    @Test func pagesFollowIDsAndSkipOtherEntities() async throws {
        try await RecordTestServer.with { server in
            let expected = (0..<25).map(Self.accountID)
            for (number, id) in expected.enumerated() {
                _ = try await server.create("account", #"{"id": "\#(id)", "fields": {"name": "Account \#(number)"}}"#)
            }
            _ = try await server.create("contact", #"{"id": "acc-10a", "fields": {"lastName": "X", "account": "acc-10"}}"#)

            var ids: [String] = []
            var after: String?
            var pages = 0
            repeat {
                let path = "/v1/records/account?limit=10" + (after.map { "&after=" + $0 } ?? "")
                let reply = try await server.send("GET", path)
                #expect(reply.status == 200)
                let records = try #require(reply.json?["records"]?.arrayElements)
                #expect(records.count == (pages < 2 ? 10 : 5))
                ids += records.compactMap { $0["id"]?.stringValue }
                after = reply.json?["next"]?.stringValue
                pages += 1
            } while after != nil && pages < 5
            #expect(pages == 3)
            #expect(ids == expected)

            let all = try await server.send("GET", "/v1/records/account")
            #expect(all.json?["records"]?.arrayElements?.count == 25)
            #expect(all.json?["next"] == .null)
            let contacts = try await server.send("GET", "/v1/records/contact")
            #expect(contacts.json?["records"]?[0]?["id"] == .string("acc-10a"))

            for query in ["limit=0", "limit=1001", "limit=ten", "after=a%20b"] {
                let reply = try await server.send("GET", "/v1/records/account?" + query)
                #expect(reply.status == 400, "\(query)")
                #expect(reply.errorCode == "invalid_request", "\(query)")
            }
        }
    }

    /// `acc-00` … `acc-99`.
    static func accountID(_ number: Int) -> String {
        number < 10 ? "acc-0\(number)" : "acc-\(number)"
    }

    @Test func searchIgnoresCaseAndLooksIntoListMembers() async throws {
        try await RecordTestServer.with { server in
            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "MÜLLER GmbH"}}"#)
            _ = try await server.create("account", #"{"id": "acc-2", "fields": {"name": "Mueller AG", "email": "info@mueller.example"}}"#)
            _ = try await server.create(
                "account", #"{"id": "acc-3", "fields": {"name": "Schmidt KG", "addresses": [{"kind": "billing", "city": "München"}]}}"#
            )
            func search(_ q: String) async throws -> [String] {
                let reply = try await server.send("GET", "/v1/records/account?q=" + q)
                return reply.json?["records"]?.arrayElements?.compactMap { $0["id"]?.stringValue } ?? []
            }
            #expect(try await search("m%C3%BCller") == ["acc-1"])
            #expect(try await search("mueller") == ["acc-2"])
            #expect(try await search("M%C3%BCNCHEN") == ["acc-3"])
            #expect(try await search("gmbh") == ["acc-1"])
            #expect(try await search("nowhere") == [])
            #expect(try await search("%20") == ["acc-1", "acc-2", "acc-3"])
        }
    }
}

import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Testing

/// Create, read, patch and delete over real HTTP, on a real SQLite store.
@Suite struct RecordCRUDTests {
    @Test func accountWithRolesAndAddressesRoundTrips() async throws {
        try await RecordTestServer.with { server in
            let created = try await server.send(
                "POST", "/v1/records/account",
                body: #"""
                    {"id": "acc-mueller", "fields": {"name": "Müller GmbH", "roles": ["prospect", "customer"],
                     "careIntervalDays": 30, "notes": "call first",
                     "addresses": [{"id": "adr-1", "kind": "billing", "city": "Köln"}, {"kind": "shipping", "city": "Bonn"}]}}
                    """#
            )
            #expect(created.status == 201)
            #expect(created.headers["location"] == "/v1/records/account/acc-mueller")
            let version = try #require(created.json?["version"])
            #expect(created.headers["etag"] == "\"\(version.integerValue ?? -1)\"")
            #expect(created.json?["entity"] == .string("account"))
            #expect(created.json?["deleted"] == .bool(false))
            #expect(created.json?["conflicts"] == .array([]))
            let fields = try #require(created.fields)
            #expect(fields["name"] == .string("Müller GmbH"))
            #expect(fields["roles"] == .array([.string("customer"), .string("prospect")]))
            #expect(fields["careIntervalDays"] == .integer(30))
            #expect(fields["addresses"]?[0]?["id"] == .string("adr-1"))
            #expect(fields["addresses"]?[0]?["city"] == .string("Köln"))
            let generated = try #require(fields["addresses"]?[1]?["id"]?.stringValue)
            #expect(RecordID.isWellFormed(generated) && generated != "adr-1")
            #expect(fields["addresses"]?[1]?["kind"] == .string("shipping"))

            let read = try await server.send("GET", "/v1/records/account/acc-mueller")
            #expect(read.status == 200)
            #expect(read.json == created.json)

            let patched = try await server.send(
                "PATCH", "/v1/records/account/acc-mueller",
                body: #"""
                    {"fields": {"name": "Müller & Söhne GmbH", "notes": null},
                     "add": {"roles": ["partner"]}, "remove": {"roles": ["prospect"]},
                     "items": {"addresses": [
                        {"op": "update", "id": "adr-1", "values": {"street": "Domplatz 1", "city": null}},
                        {"op": "insert", "id": "adr-0", "after": null, "values": {"kind": "visiting"}},
                        {"op": "remove", "id": "\#(generated)"}]}}
                    """#
            )
            #expect(patched.status == 200)
            let after = try #require(patched.fields)
            #expect(after["name"] == .string("Müller & Söhne GmbH"))
            #expect(after["notes"] == nil)
            #expect(after["roles"] == .array([.string("customer"), .string("partner")]))
            #expect(after["addresses"] == .array([
                .object(["id": .string("adr-0"), "kind": .string("visiting")]),
                .object(["id": .string("adr-1"), "kind": .string("billing"), "street": .string("Domplatz 1")]),
            ]))
            #expect((patched.json?["version"]?.integerValue ?? 0) > (version.integerValue ?? 0))
        }
    }

    @Test func offerWithLinesAndProductRoundTrip() async throws {
        try await RecordTestServer.with { server in
            let product = try await server.create(
                "product", #"{"id": "prd-1", "fields": {"number": "P-1", "name": "Press", "listPrice": "1200", "active": true}}"#
            )
            #expect(product["fields"]?["listPrice"] == .string("1200.00"))
            #expect(product["fields"]?["active"] == .bool(true))
            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "Müller GmbH"}}"#)
            let offer = try await server.create(
                "offer",
                #"""
                {"id": "off-1", "fields": {"provisionalNumber": "P-2026-1", "account": "acc-1", "offerDate": "2026-11-22",
                 "status": "draft", "taxRate": 19,
                 "lines": [{"id": "l1", "product": "prd-1", "quantity": "2", "listPrice": "12.5"},
                           {"id": "l2", "product": "prd-1", "quantity": 1, "listPrice": "1200.00", "discountPercent": "10"}]}}
                """#
            )
            let fields = try #require(offer["fields"])
            #expect(fields["taxRate"] == .string("19.00"))
            #expect(fields["offerDate"] == .string("2026-11-22"))
            #expect(fields["lines"]?[0]?["quantity"] == .string("2.000"))
            #expect(fields["lines"]?[0]?["listPrice"] == .string("12.50"))
            #expect(fields["lines"]?[1]?["discountPercent"] == .string("10.00"))
            // Derived amounts are stored with the lines: 2 × 12.50 + 1 × 1200.00 less 10 %, 19 % tax.
            #expect(fields["lines"]?[0]?["net"] == .string("25.00"))
            #expect(fields["lines"]?[1]?["net"] == .string("1080.00"))
            #expect(fields["netTotal"] == .string("1105.00"))
            #expect(fields["taxAmount"] == .string("209.95"))
            #expect(fields["grossTotal"] == .string("1314.95"))

            // Replacing the lines whole: reordered, one member changed, one member left out (cleared).
            let patched = try await server.send(
                "PATCH", "/v1/records/offer/off-1",
                body: #"""
                    {"fields": {"lines": [{"id": "l2", "product": "prd-1", "quantity": "1", "listPrice": "1200.00"},
                                          {"id": "l1", "product": "prd-1", "quantity": "3", "listPrice": "12.50"}]}}
                    """#
            )
            #expect(patched.status == 200)
            let lines = try #require(patched.fields?["lines"])
            #expect(lines[0]?["id"] == .string("l2"))
            #expect(lines[0]?["discountPercent"] == nil)
            #expect(lines[1]?["quantity"] == .string("3.000"))
            #expect(lines[1]?["net"] == .string("37.50"))
            #expect(patched.fields?["netTotal"] == .string("1237.50"))
            #expect(patched.fields?["grossTotal"] == .string("1472.63"))
        }
    }

    @Test func deleteThenGetIsNotFound() async throws {
        try await RecordTestServer.with { server in
            _ = try await server.create("contact", #"{"id": "con-1", "fields": {"lastName": "Schmidt", "account": "acc-1"}}"#)
            let deleted = try await server.send("DELETE", "/v1/records/contact/con-1")
            #expect(deleted.status == 204)
            #expect(deleted.json == nil)

            let read = try await server.send("GET", "/v1/records/contact/con-1")
            #expect(read.status == 404)
            #expect(read.errorCode == "not_found")
            #expect(read.json?["requestID"] == .string("req-test"))
            let tombstone = try await server.send("GET", "/v1/records/contact/con-1?deleted=include")
            #expect(tombstone.status == 200)
            #expect(tombstone.json?["deleted"] == .bool(true))

            #expect(try await server.send("DELETE", "/v1/records/contact/con-1").status == 404)
            #expect(try await server.send("PATCH", "/v1/records/contact/con-1", body: #"{"fields": {}}"#).status == 404)
            let list = try await server.send("GET", "/v1/records/contact")
            #expect(list.json?["records"] == .array([]))
        }
    }

    @Test func ifMatchGuardsAgainstLostUpdates() async throws {
        try await RecordTestServer.with { server in
            let created = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "A"}}"#)
            let etag = "\"\(created["version"]?.integerValue ?? -1)\""
            let first = try await server.send(
                "PATCH", "/v1/records/account/acc-1", body: #"{"fields": {"name": "B"}}"#, headers: ["If-Match": etag]
            )
            #expect(first.status == 200)
            #expect(first.headers["etag"] != etag)
            let stale = try await server.send(
                "PATCH", "/v1/records/account/acc-1", body: #"{"fields": {"name": "C"}}"#, headers: ["If-Match": etag]
            )
            #expect(stale.status == 412)
            #expect(stale.errorCode == "version_mismatch")
            let staleDelete = try await server.send("DELETE", "/v1/records/account/acc-1", headers: ["If-Match": etag])
            #expect(staleDelete.status == 412)
            #expect(try await server.send("GET", "/v1/records/account/acc-1").fields?["name"] == .string("B"))
        }
    }

    @Test func createWithATakenIDIsAConflict() async throws {
        try await RecordTestServer.with { server in
            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "A"}}"#)
            let again = try await server.send("POST", "/v1/records/contact", body: #"{"id": "acc-1", "fields": {"lastName": "B"}}"#)
            #expect(again.status == 409)
            #expect(again.errorCode == "already_exists")
        }
    }
}

extension RecordJSONValue {
    /// The integer of a number, nil for other values.
    var integerValue: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }
}

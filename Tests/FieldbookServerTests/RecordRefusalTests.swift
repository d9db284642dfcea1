import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Testing

/// Refusals: roles, validation, malformed input, unknown entities and
/// records. Messages name fields, never the values sent.
@Suite struct RecordRefusalTests {
    @Test func repWritingAProductIsForbiddenAndNothingIsLogged() async throws {
        try await RecordTestServer.with { server in
            let cursor = try #require(try await server.harness.pullAll(Fixtures.anna).last?.cursor)
            let created = try await server.send(
                "POST", "/v1/records/product", role: "rep", body: #"{"fields": {"number": "P-1", "name": "Press"}}"#
            )
            #expect(created.status == 403)
            #expect(created.errorCode == "forbidden")
            #expect(created.message.contains("product"))

            _ = try await server.create("product", #"{"id": "prd-1", "fields": {"number": "P-1", "name": "Press"}}"#)
            let cursorAfterOffice = try #require(try await server.harness.pullAll(Fixtures.anna, from: cursor).last?.cursor)
            let patched = try await server.send(
                "PATCH", "/v1/records/product/prd-1", role: "rep", body: #"{"fields": {"name": "Cheap press"}}"#
            )
            #expect(patched.status == 403)
            #expect(try await server.harness.pullAll(Fixtures.anna, from: cursorAfterOffice).flatMap(\.changes).isEmpty)
            #expect(try await server.send("GET", "/v1/records/product/prd-1").fields?["name"] == .string("Press"))
        }
    }

    @Test func readsNeedAnIdentityAndFollowTheCallersScope() async throws {
        try await RecordTestServer.with(scoped: true) { server in
            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "A"}}"#)
            let anonymous = try await server.send("GET", "/v1/records/account/acc-1", role: nil)
            #expect(anonymous.status == 401)
            #expect(anonymous.errorCode == "unauthenticated")
            #expect(try await server.send("POST", "/v1/records/account", role: nil, body: "{}").status == 401)
            // The office's unassigned account is outside a rep's scope: to the
            // rep it does not exist, exactly like an ID that was never used.
            let outOfScope = try await server.send("GET", "/v1/records/account/acc-1", role: "rep")
            let missing = try await server.send("GET", "/v1/records/account/acc-2", role: "rep")
            #expect(outOfScope.status == 404)
            #expect(missing.status == 404)
            #expect(outOfScope.errorCode == missing.errorCode)
            let listed = try await server.send("GET", "/v1/records/account", role: "rep")
            #expect(listed.status == 200)
            #expect(listed.json?["records"]?.arrayElements?.isEmpty == true)
            #expect(try await server.send("GET", "/v1/records/account", role: "office").json?["records"]?.arrayElements?.count == 1)
            #expect(try await server.send("GET", "/v1/records/account/acc-1", role: "admin").status == 200)
        }
    }

    @Test func invalidValuesAreRefusedNamingTheFieldNotTheValue() async throws {
        try await RecordTestServer.with { server in
            let secret = String(repeating: "SECRET", count: 40)
            let cases: [(body: String, code: String, names: String)] = [
                (#"{"fields": {"name": "\#(secret)"}}"#, "invalid_value", "name"),
                (#"{"fields": {"name": "A", "careIntervalDays": "SECRET"}}"#, "invalid_value", "careIntervalDays"),
                (#"{"fields": {"name": "A", "status": "SECRET"}}"#, "invalid_value", "status"),
                (#"{"fields": {"name": "A", "email": "SECRET"}}"#, "invalid_value", "email"),
                (#"{"fields": {"name": "A", "roles": ["SECRET"]}}"#, "invalid_value", "roles"),
                (#"{"fields": {"name": "A", "addresses": [{"city": "SECRET"}]}}"#, "business_rule", "addresses"),
                (#"{"fields": {"name": "A", "addresses": [{"kind": "billing", "SECRET 1": 1}]}}"#, "unknown_field", "account.addresses"),
                (#"{"fields": {"name": "A", "addresses": [{"kind": "billing", "zip": 1}]}}"#, "unknown_field", "zip"),
                (#"{"fields": {"name": "A", "nmae": "SECRET"}}"#, "unknown_field", "nmae"),
                (#"{"fields": {"industry": "SECRET"}}"#, "business_rule", "name"),
            ]
            for (body, code, names) in cases {
                let reply = try await server.send("POST", "/v1/records/account", body: body)
                #expect(reply.status == 422, "\(names)")
                #expect(reply.errorCode == code, "\(names): \(reply.message)")
                #expect(reply.message.contains(names), "\(reply.message)")
                #expect(!reply.message.contains("SECRET"), "\(reply.message)")
            }
            let fraction = try await server.send(
                "POST", "/v1/records/product", body: #"{"fields": {"number": "P", "name": "N", "listPrice": 12.5}}"#
            )
            // JSON numbers are integers, as on the sync wire: decimals travel as strings.
            #expect(fraction.status == 400)
            #expect(fraction.message.contains("integers"))
            let tooFine = try await server.send(
                "POST", "/v1/records/product", body: #"{"fields": {"number": "P", "name": "N", "listPrice": "12.505"}}"#
            )
            #expect(tooFine.status == 422)
            #expect(tooFine.errorCode == "invalid_value")
            let rule = try await server.send(
                "POST", "/v1/records/offer",
                body: #"""
                    {"fields": {"provisionalNumber": "P-1", "account": "acc-1", "offerDate": "2026-11-22",
                     "validUntil": "2026-11-01", "status": "draft", "taxRate": "19.00"}}
                    """#
            )
            #expect(rule.status == 422)
            #expect(rule.errorCode == "business_rule")
            #expect(try await server.send("GET", "/v1/records/account").json?["records"] == .array([]))
        }
    }

    @Test func malformedRequestsAreBadRequests() async throws {
        try await RecordTestServer.with { server in
            let malformed = try await server.send("POST", "/v1/records/account", body: #"{"fields": {"name": "A"}"#)
            #expect(malformed.status == 400)
            #expect(malformed.errorCode == "malformed_json")
            let array = try await server.send("POST", "/v1/records/account", body: #"[1, 2]"#)
            #expect(array.status == 400)
            #expect(array.errorCode == "invalid_request")
            let extra = try await server.send("POST", "/v1/records/account", body: #"{"feilds": {}}"#)
            #expect(extra.status == 400)
            let badID = try await server.send("POST", "/v1/records/account", body: #"{"id": "a b", "fields": {"name": "A"}}"#)
            #expect(badID.status == 400)
            let notASet = try await server.send("PATCH", "/v1/records/account/acc-9", body: #"{"add": {"name": ["x"]}}"#)
            #expect(notASet.status == 404)
            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "A"}}"#)
            let setOnScalar = try await server.send("PATCH", "/v1/records/account/acc-1", body: #"{"add": {"name": ["x"]}}"#)
            #expect(setOnScalar.status == 400)
            let noItem = try await server.send(
                "PATCH", "/v1/records/account/acc-1", body: #"{"items": {"addresses": [{"op": "remove", "id": "nope"}]}}"#
            )
            #expect(noItem.status == 400)
            let manyElements = (0..<1001).map { "\"i\($0)\"" }.joined(separator: ",")
            let tooMany = try await server.send(
                "PATCH", "/v1/records/account/acc-1", body: #"{"add": {"interests": [\#(manyElements)]}}"#
            )
            #expect(tooMany.status == 413)
            #expect(tooMany.errorCode == "too_many_elements")
            let text = try await server.send(
                "POST", "/v1/records/account", body: #"{"fields": {"name": "A"}}"#, headers: ["Content-Type": "text/plain"]
            )
            #expect(text.status == 415)
            #expect(text.errorCode == "unsupported_media_type")
            let badMatch = try await server.send(
                "PATCH", "/v1/records/account/acc-1", body: #"{"fields": {}}"#, headers: ["If-Match": "soon"]
            )
            #expect(badMatch.status == 400)
        }
    }

    @Test func unknownEntitiesAndRecordsAreNotFound() async throws {
        try await RecordTestServer.with { server in
            for (method, path) in [
                ("GET", "/v1/records/spaceship"), ("GET", "/v1/records/spaceship/x-1"), ("DELETE", "/v1/records/spaceship/x-1"),
                ("GET", "/v1/records/account/acc-404"), ("DELETE", "/v1/records/account/acc-404"),
            ] {
                let reply = try await server.send(method, path)
                #expect(reply.status == 404, "\(method) \(path)")
                #expect(reply.errorCode == "not_found", "\(method) \(path)")
            }
            let post = try await server.send("POST", "/v1/records/spaceship", body: #"{"fields": {"name": "A"}}"#)
            #expect(post.status == 404)
            // A record of another entity is not found under this one.
            _ = try await server.create("account", #"{"id": "acc-1", "fields": {"name": "A"}}"#)
            #expect(try await server.send("GET", "/v1/records/contact/acc-1").status == 404)
        }
    }
}

import FieldbookModel
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync
import Testing

/// The office REST API leaves what the identity directory owns (a user's
/// login, role and active flag) to `fieldbook-server user …`.
@Suite struct RecordDirectoryFieldTests {
    /// Puts a `user` record into the store the way the identity service does.
    private func seedUser(_ server: RecordTestServer) async throws {
        _ = try await server.harness.service.author("user", "usr-eva", caller: .system) { builder in
            builder.set("login", to: .text("eva"))
            builder.set("displayName", to: .text("Eva Office"))
            builder.set("role", to: .text("office"))
            builder.set("active", to: .bool(true))
        }
    }

    @Test func roleLoginAndActiveAreRefusedPointingToTheCommands() async throws {
        try await RecordTestServer.with { server in
            try await seedUser(server)
            for body in [
                #"{"fields": {"role": "admin"}}"#, #"{"fields": {"active": false}}"#,
                #"{"fields": {"login": "eve"}}"#, #"{"fields": {"displayName": "Eva", "role": null}}"#,
            ] {
                let reply = try await server.send("PATCH", "/v1/records/user/usr-eva", role: "admin", body: body)
                #expect(reply.status == 403, "\(body)")
                #expect(reply.errorCode == "forbidden")
                #expect(reply.message.contains("fieldbook-server user"), "\(reply.message)")
            }
            let stored = try await server.send("GET", "/v1/records/user/usr-eva", role: "admin")
            #expect(stored.fields?["role"] == .string("office"))
            #expect(stored.fields?["active"] == .bool(true))
            #expect(stored.fields?["displayName"] == .string("Eva Office"))
        }
    }

    @Test func otherUserFieldsStayEditableButCreatesAndDeletesAreRefused() async throws {
        try await RecordTestServer.with { server in
            try await seedUser(server)
            let renamed = try await server.send(
                "PATCH", "/v1/records/user/usr-eva", role: "admin", body: #"{"fields": {"displayName": "Eva Berger"}}"#
            )
            #expect(renamed.status == 200)
            #expect(renamed.fields?["displayName"] == .string("Eva Berger"))

            let created = try await server.send(
                "POST", "/v1/records/user", role: "admin",
                body: #"{"fields": {"login": "mallory", "displayName": "M", "role": "admin"}}"#
            )
            #expect(created.status == 403)
            #expect(created.message.contains("fieldbook-server user add"))
            #expect(try await server.send("DELETE", "/v1/records/user/usr-eva", role: "admin").status == 403)
            #expect(try await server.send("GET", "/v1/records/user/usr-eva", role: "admin").status == 200)
            // The rule is about `user` records only.
            #expect(try await server.send("POST", "/v1/records/account", body: #"{"fields": {"name": "A"}}"#).status == 201)
        }
    }
}

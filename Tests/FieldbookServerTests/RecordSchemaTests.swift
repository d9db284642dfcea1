import FieldbookModel
import FieldbookServerCoreTesting
import FieldbookSync
import Foundation
import Testing
import FieldbookTestSupport

/// Real request and response bodies of the records API against
/// `Protocol/schemas/record-*.schema.json`, with Python's `jsonschema`
/// (skipped where it is not installed, a failure on CI).
@Suite(
    .enabled(
        if: RecordSchemaPython.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil,
        "python3 with the jsonschema package is not installed"
    )
)
struct RecordSchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Protocol/schemas").standardized

    @Test func bodiesMatchTheSchemas() async throws {
        var cases: [(schema: String, json: String, valid: Bool)] = []
        let writes = [
            #"{"id": "acc-1", "fields": {"name": "Müller GmbH", "phone": "+49 30 1111", "roles": ["customer"], "addresses": [{"kind": "billing", "city": "Köln"}]}}"#,
            #"{"fields": {"notes": null, "industry": "Maschinenbau"}, "add": {"roles": ["partner"]}, "remove": {"roles": ["customer"]}}"#,
        ]
        cases += writes.map { ("record-write", $0, true) }
        cases += [
            ("record-write", #"{"fields": {"name": 1.5}}"#, false),
            ("record-write", #"{"items": {"addresses": [{"op": "update"}]}}"#, false),
            ("record-document", #"{"entity": "account", "id": "a", "version": 1, "deleted": false, "fields": {}}"#, false),
            ("record-list", #"{"records": []}"#, false),
        ]
        try await RecordTestServer.with { server in
            _ = try await server.create("account", writes[0])
            _ = try await server.harness.push(Fixtures.change(record: "acc-1", counter: 1, [Fixtures.set("phone", "+49 30 2222")]))
            let patched = try await server.send("PATCH", "/v1/records/account/acc-1", body: writes[1])
            _ = try await server.create("contact", #"{"id": "con-1", "fields": {"lastName": "Schmidt", "account": "acc-1"}}"#)
            _ = try await server.send("DELETE", "/v1/records/contact/con-1")
            let deleted = try await server.send("GET", "/v1/records/contact/con-1?deleted=include")
            let list = try await server.send("GET", "/v1/records/account?limit=1")
            let error = try await server.send("GET", "/v1/records/account/acc-404")
            #expect(patched.json?["conflicts"]?.arrayElements?.isEmpty == false)
            for (schema, reply) in [("record-document", patched), ("record-document", deleted), ("record-list", list), ("error", error)] {
                let data = try JSONEncoder().encode(reply.json)
                cases.append((schema, String(decoding: data, as: UTF8.self), true))
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("record-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var arguments = ["-c", Self.script, Self.schemas.path]
        for (index, sample) in cases.enumerated() {
            let file = directory.appendingPathComponent("\(index).json")
            try Data(sample.json.utf8).write(to: file)
            arguments.append("\(sample.schema):\(sample.valid ? "valid" : "invalid"):\(file.path)")
        }
        let result = try RecordSchemaPython.run(arguments)
        #expect(result.status == 0, "\(result.output)")
    }

    static let script = #"""
        import json, pathlib, sys
        import jsonschema
        schemas = [json.loads(p.read_text()) for p in pathlib.Path(sys.argv[1]).glob("*.schema.json")]
        byID = {s["$id"]: s for s in schemas}
        try:  # jsonschema >= 4.18 resolves $ref through `referencing`
            import referencing
            from referencing.jsonschema import DRAFT202012
            registry = referencing.Registry().with_resources(
                (s["$id"], referencing.Resource.from_contents(s, default_specification=DRAFT202012)) for s in schemas)
            def validator_for(schema):
                return jsonschema.Draft202012Validator(schema, registry=registry)
        except ImportError:  # Debian 12's jsonschema 4.10
            def validator_for(schema):
                resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=dict(byID))
                return jsonschema.Draft202012Validator(schema, resolver=resolver)
        failures = []
        for case in sys.argv[2:]:
            schema, expect, path = case.split(":", 2)
            validator = validator_for(byID[schema + ".schema.json"])
            errors = list(validator.iter_errors(json.loads(pathlib.Path(path).read_text())))
            if (expect == "valid") == bool(errors):
                failures.append(f"{schema} {expect} {path}: {errors[0].message[:200] if errors else 'accepted'}")
        print("\n".join(failures))
        sys.exit(1 if failures else 0)
        """#

}

/// Runs `python3` (for `jsonschema`).
enum RecordSchemaPython {
    /// Whether `python3` can import `jsonschema`.
    static let isAvailable = (try? run(["-c", "import jsonschema"]).status) == 0

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readToEndRetryingInterrupts()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

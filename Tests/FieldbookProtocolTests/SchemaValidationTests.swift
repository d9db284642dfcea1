import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

/// Runs when python3 + jsonschema are installed, and always on CI (`CI` set),
/// where a missing validator is a failure rather than a skip.
@Suite(
    "JSON Schemas in Protocol/schemas",
    .enabled(
        if: SchemaValidator.isAvailable || SchemaValidator.isCI,
        "python3 with the jsonschema package is not installed (apt install python3-jsonschema, or pip install jsonschema)"
    )
)
struct SchemaValidationTests {
    /// Documents every schema must refuse, so the schemas are not vacuous.
    static let invalid: [(label: String, schema: String, json: String)] = [
        ("replica with colon", "replica-id", #""anna:1""#),
        ("replica too long", "replica-id", "\"" + String(repeating: "a", count: 65) + "\""),
        ("dot counter zero", "dot", #""anna:0""#),
        ("dot with sign", "dot", #""anna:+5""#),
        ("dot with leading zero", "dot", #""anna:007""#),
        ("dot without counter", "dot", #""anna""#),
        ("hlc uppercase", "hlc-timestamp", #""01972FB54BA00000""#),
        ("hlc short", "hlc-timestamp", #""01972fb54ba0000""#),
        ("value float", "value", "1.5"),
        ("value array", "value", "[1]"),
        ("value above int64", "value", "9223372036854775808"),
        ("slot lowercase escape", "slot", #""tags/a%2f""#),
        ("slot bare percent", "slot", #""tags/100%""#),
        ("slot four segments", "slot", #""a/b/c/d""#),
        ("slot empty element", "slot", #""tags/""#),
        ("slot digit first", "slot", #""1abc""#),
        ("slot member digit first", "slot", #""lines/l1/9x""#),
        ("operation value and remove", "operation", #"{"slot":"name","value":1,"remove":true}"#),
        ("operation neither", "operation", #"{"slot":"name"}"#),
        ("operation remove false", "operation", #"{"slot":"name","remove":false}"#),
        ("operation covers on field", "operation", #"{"slot":"name","value":1,"covers":["a:1"]}"#),
        ("operation covers on restore", "operation", #"{"slot":"@deleted","value":false,"covers":["a:1"]}"#),
        ("operation deleted non-bool", "operation", #"{"slot":"@deleted","value":"yes"}"#),
        ("operation duplicate supersedes", "operation", #"{"slot":"x","value":1,"supersedes":["a:1","a:1"]}"#),
        ("change without ops", "change", #"{"entity":"a","record":"r","dot":"a:1","time":"0000000000000001","ops":[]}"#),
        ("change without time", "change", #"{"entity":"a","record":"r","dot":"a:1","ops":[{"slot":"x","value":1}]}"#),
        ("change entity upper case", "change", #"{"entity":"Account","record":"r","dot":"a:1","time":"0000000000000001","ops":[{"slot":"x","value":1}]}"#),
        ("change non-ASCII record", "change", #"{"entity":"a","record":"café","dot":"a:1","time":"0000000000000001","ops":[{"slot":"x","value":1}]}"#),
        ("change empty record", "change", #"{"entity":"a","record":"","dot":"a:1","time":"0000000000000001","ops":[{"slot":"x","value":1}]}"#),
        ("entry without time", "entry", #"{"dot":"a:1","value":1}"#),
        ("register bad superseded", "register", #"{"entries":[],"superseded":["a"]}"#),
        ("record-state bad slot", "record-state", #"{"entity":"a","id":"r","slots":[{"slot":"x//y","entries":[]}]}"#),
        ("record-state slots as object", "record-state", #"{"entity":"a","id":"r","slots":{"x":{"entries":[]}}}"#),
        ("record-state slot without name", "record-state", #"{"entity":"a","id":"r","slots":[{"entries":[]}]}"#),
        ("conflict unknown kind", "conflict", #"{"entity":"a","record":"r","kind":"other","slot":"x","winner":{"dot":"a:1","time":"0000000000000001","value":1},"others":[]}"#),
        ("version vector zero", "version-vector", #"{"a":0}"#),
        ("version vector negative", "version-vector", #"{"a":-1}"#),
        ("version vector bad replica", "version-vector", #"{"a b":1}"#),
        ("error code camel case", "error-code", #""cursorExpired""#),
        ("cursor with space", "cursor", #""c 1""#),
        ("change-result rejected without code", "change-result", #"{"dot":"a:1","status":"rejected"}"#),
        ("change-result accepted with code", "change-result", #"{"dot":"a:1","status":"accepted","code":"forbidden"}"#),
        ("change-result unknown status", "change-result", #"{"dot":"a:1","status":"maybe"}"#),
        ("push-request version zero", "push-request", #"{"protocolVersion":0,"schemaVersion":1,"replica":"a","changes":[]}"#),
        ("push-request foreign type", "push-request", #"{"protocolVersion":1,"schemaVersion":1,"replica":"a","changes":{}}"#),
        ("pull-request limit zero", "pull-request", #"{"protocolVersion":1,"schemaVersion":1,"replica":"a","limit":0}"#),
        ("pull-request without limit", "pull-request", #"{"protocolVersion":1,"schemaVersion":1,"replica":"a"}"#),
        ("pull-response without cursor", "pull-response", #"{"changes":[],"snapshots":[],"evictions":[],"hasMore":false,"stable":{},"serverTime":"0000000000000000"}"#),
        ("error without message", "error", #"{"error":"internal_error"}"#),
        ("error bad code", "error", #"{"error":"Bad-Code","message":"x"}"#),
        ("login-request without replica", "login-request", #"{"login":"anna","password":"x","deviceName":"d"}"#),
        ("login-request empty login", "login-request", #"{"login":"","password":"x","deviceName":"d","replica":"r1"}"#),
        ("login-response token without prefix", "login-response", #"{"token":"abc","device":"d","replica":"r1","user":"u","login":"anna","role":"rep"}"#),
        // The office REST API's bodies (Protocol/records-api.md); real bodies are checked in RecordSchemaTests.
        ("record-document float field", "record-document", #"{"entity":"account","id":"a","version":1,"deleted":false,"fields":{"x":1.5},"conflicts":[]}"#),
        ("record-list without next", "record-list", #"{"records":[]}"#),
        ("record-write update without id", "record-write", #"{"items":{"lines":[{"op":"update"}]}}"#),
        // Report bodies (Protocol/reports-api.md); real ones are checked in ReportAPITests.
        ("report unknown kind", "report", #"{"report":"gossip","filter":{},"summary":{}}"#),
        ("report without summary", "report", #"{"report":"funnel","filter":{}}"#),
    ]

    @Test func examplesSwiftEncodingsAndCounterexamplesAgreeWithTheSchemas() throws {
        guard SchemaValidator.isAvailable else {
            Issue.record("CI is set but python3 with jsonschema is missing (apt install python3-jsonschema)")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-instances-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var cases: [SchemaValidator.Case] = []
        for example in ExampleFile.all {
            cases.append(.init(label: "example \(example.name)", schema: example.schema, file: example.url.path, valid: true))
        }
        for (index, sample) in WireSample.all.enumerated() {
            let file = directory.appendingPathComponent("sample-\(index).json")
            try sample.encoded().write(to: file)
            cases.append(.init(label: "swift \(sample.label)", schema: sample.schema, file: file.path, valid: true))
        }
        for code in WireErrorCode.allKnown {
            let file = directory.appendingPathComponent("code-\(code.rawValue).json")
            try WireCodec().encode(code).write(to: file)
            cases.append(.init(label: "code \(code)", schema: "error-code", file: file.path, valid: true))
        }
        for (index, bad) in Self.invalid.enumerated() {
            let file = directory.appendingPathComponent("invalid-\(index).json")
            try Data(bad.json.utf8).write(to: file)
            cases.append(.init(label: "invalid \(bad.label)", schema: bad.schema, file: file.path, valid: false))
        }

        let report = try SchemaValidator.validate(cases)
        #expect(report.checked == cases.count)
        #expect(report.failures.isEmpty, "\(report.failures.joined(separator: "\n"))")
        let schemaFiles = try FileManager.default.contentsOfDirectory(atPath: ProtocolFiles.schemas.path)
            .filter { $0.hasSuffix(".schema.json") }
        #expect(report.schemas == schemaFiles.count)
        let tested = Set(cases.map { $0.schema + ".schema.json" })
        #expect(Set(schemaFiles).subtracting(tested).isEmpty, "schemas without a test case")
    }
}

import Foundation

/// Validates JSON documents against `Protocol/schemas` by running Python's
/// `jsonschema` (Draft 2020-12) with every schema registered under its
/// relative `$id`, so `$ref`s between the files resolve as they would for any
/// other consumer. Uses `referencing` when present (jsonschema ≥ 4.18) and
/// `RefResolver` otherwise (Debian 12's python3-jsonschema 4.10).
enum SchemaValidator {
    struct Case: Encodable {
        var label: String
        var schema: String
        var file: String
        var valid: Bool
    }

    struct Report: Decodable {
        var checked: Int
        var schemas: Int
        var failures: [String]
    }

    enum Failure: Error, CustomStringConvertible {
        case unavailable(String)
        case crashed(status: Int32, output: String)
        var description: String {
            switch self {
            case .unavailable(let why): "python3 with jsonschema unavailable: \(why)"
            case .crashed(let status, let output): "validator exited with \(status): \(output)"
            }
        }
    }

    static let script = #"""
        import json, os, pathlib, sys
        try:
            import jsonschema
        except ImportError as error:
            print(f"import failed: {error}", file=sys.stderr)
            sys.exit(3)
        try:  # jsonschema >= 4.18 resolves $ref through `referencing`
            if os.environ.get("FIELDBOOK_LEGACY_RESOLVER"):
                raise ImportError("forced")
            import referencing
            from referencing.jsonschema import DRAFT202012
        except ImportError:  # Debian 12 ships jsonschema 4.10: use RefResolver
            referencing = None
        if len(sys.argv) < 2:
            sys.exit(0)
        manifest = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
        schemas = {}
        for path in sorted(pathlib.Path(manifest["schemas"]).glob("*.schema.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(schema)
            if schema.get("$id") != path.name:
                print(f"{path.name}: $id must be the file name", file=sys.stderr)
                sys.exit(2)
            schemas[path.name] = schema
        def validator_for(schema):
            if referencing is None:
                resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=dict(schemas))
                return jsonschema.Draft202012Validator(schema, resolver=resolver)
            registry = referencing.Registry().with_resources(
                (s["$id"], referencing.Resource.from_contents(s, default_specification=DRAFT202012)) for s in schemas.values()
            )
            return jsonschema.Draft202012Validator(schema, registry=registry)
        failures = []
        for case in manifest["cases"]:
            schema = schemas[case["schema"] + ".schema.json"]
            instance = json.loads(pathlib.Path(case["file"]).read_text(encoding="utf-8"))
            validator = validator_for(schema)
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
            if case["valid"] and errors:
                where = "/".join(str(p) for p in errors[0].absolute_path)
                failures.append(f"{case['label']}: at '{where}': {errors[0].message[:300]}")
            elif not case["valid"] and not errors:
                failures.append(f"{case['label']}: accepted by {case['schema']} but must be rejected")
        print("RESULT " + json.dumps({"checked": len(manifest["cases"]), "schemas": len(schemas), "failures": failures}))
        """#

    /// Whether `python3` can import `jsonschema` here.
    static let isAvailable: Bool = (try? run(arguments: []).status) == 0

    /// Whether the environment says this is CI, where the validator is required.
    static var isCI: Bool { Python.isCI }

    /// Validates `cases` (instances written to files) against the schemas.
    static func validate(_ cases: [Case]) throws -> Report {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = directory.appendingPathComponent("manifest.json")
        struct Manifest: Encodable {
            var schemas: String
            var cases: [Case]
        }
        try JSONEncoder().encode(Manifest(schemas: ProtocolFiles.schemas.path, cases: cases)).write(to: manifest)
        let (status, output) = try run(arguments: [manifest.path])
        if status == 3 { throw Failure.unavailable(output) }
        guard status == 0, let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else {
            throw Failure.crashed(status: status, output: output)
        }
        return try JSONDecoder().decode(Report.self, from: Data(line.dropFirst("RESULT ".count).utf8))
    }

    private static func run(arguments: [String]) throws -> (status: Int32, output: String) {
        try Python.run(script, arguments: arguments)
    }
}

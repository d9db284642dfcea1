import FieldbookServer
import FieldbookServerCore
import Foundation
import Logging
import Testing

/// `Protocol/openapi.yaml` documents exactly the routes the server serves.
@Suite struct OpenAPISpecTests {
    static let specURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Protocol/openapi.yaml")

    /// The `METHOD /path` pairs under `paths:` (paths indented 2, methods 4 spaces).
    static func specRoutes() throws -> Set<ServedRoute> {
        let text = try String(contentsOf: specURL, encoding: .utf8)
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var routes: Set<ServedRoute> = []
        var inPaths = false
        var path: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty {
                inPaths = line.hasPrefix("paths:")
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).prefix { $0 != ":" })
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let path {
                let key = line.dropFirst(4).prefix { $0 != ":" }.lowercased()
                if methods.contains(key) { routes.insert(ServedRoute(method: key.uppercased(), path: path)) }
            }
        }
        return routes
    }

    @Test func specListsTheExpectedRoutes() throws {
        let spec = try Self.specRoutes()
        let expected = Set(FieldbookServerApp.expectedRoutes)
        #expect(spec.subtracting(expected).isEmpty, "in openapi.yaml but not expected: \(spec.subtracting(expected).sorted())")
        #expect(expected.subtracting(spec).isEmpty, "expected but missing from openapi.yaml: \(expected.subtracting(spec).sorted())")
    }

    @Test func routerServesExactlyTheSpec() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-spec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let services = try ServerServices.open(dataDirectory: directory, logger: Logger(label: "spec-test"))
        defer { try? services.close() }
        let router = FieldbookServerApp.makeRouter(configuration: .init(dataDirectory: directory), services: services)
        let served = Set(FieldbookServerApp.routes(of: router))
        let spec = try Self.specRoutes()
        let unserved = spec.subtracting(served).sorted()
        let undocumented = served.subtracting(spec).sorted()
        #expect(undocumented.isEmpty, "served by the router but missing from openapi.yaml: \(undocumented)")
        #expect(unserved.isEmpty, "documented in openapi.yaml but not served by the router: \(unserved)")
    }

    @Test func specReferencesExistingSchemas() throws {
        let text = try String(contentsOf: Self.specURL, encoding: .utf8)
        let directory = Self.specURL.deletingLastPathComponent()
        let refs = text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "$ref: \"schemas/") else { return nil }
            return String(line[range.upperBound...].dropLast())
        }
        #expect(refs.count > 10)
        let missing = Set(refs.filter {
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent("schemas").appendingPathComponent($0).path)
        })
        #expect(missing.isEmpty, "openapi.yaml references missing schemas: \(missing.sorted())")
    }
}

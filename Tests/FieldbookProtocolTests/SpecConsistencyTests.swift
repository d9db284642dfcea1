import FieldbookProtocol
import Foundation
import Testing

/// Keeps SYNC.md, the schemas, the examples and the Swift types in step.
@Suite("SYNC.md consistency")
struct SpecConsistencyTests {
    @Test func everyErrorCodeIsDocumented() {
        for code in WireErrorCode.allKnown {
            #expect(SpecText.text.contains("| `\(code.rawValue)` |"), "SYNC.md §13 must list \(code.rawValue)")
        }
    }

    @Test func theErrorCodeSchemaListsEveryCode() throws {
        let schema = try JSONSerialization.jsonObject(with: ProtocolFiles.read(ProtocolFiles.schema("error-code")))
        let listed = try #require((schema as? [String: Any])?["examples"] as? [String])
        #expect(Set(listed) == Set(WireErrorCode.allKnown.map(\.rawValue)))
        #expect(listed.count == WireErrorCode.allKnown.count)
    }

    @Test func documentedHTTPStatusesMatchTheCodes() throws {
        let rows = SpecText.table(after: "**Request-level codes**")
        #expect(rows.count == WireErrorCode.requestLevel.count)
        for row in rows {
            let code = WireErrorCode(rawValue: try #require(SpecText.literal(row[0])))
            #expect(WireErrorCode.requestLevel.contains(code), "\(code) is not a request-level code")
            #expect(code.httpStatus.map(String.init) == row[1], "\(code)")
        }
        let changeRows = SpecText.table(after: "**Change-level codes**")
        #expect(Set(changeRows.compactMap { SpecText.literal($0[0]) }) == Set(WireErrorCode.changeLevel.map(\.rawValue)))
    }

    @Test func everyExampleAndSchemaIsReferenced() throws {
        for example in ExampleFile.all {
            #expect(SpecText.text.contains("Protocol/examples/\(example.name).json"), "\(example.name)")
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: ProtocolFiles.examples.path)
        #expect(Set(onDisk) == Set(ExampleFile.all.map { $0.name + ".json" }), "examples without a golden test")
    }

    @Test func schemaSectionReferencesExist() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ProtocolFiles.schemas.path)
        for file in files where file.hasSuffix(".schema.json") {
            let schema = try JSONSerialization.jsonObject(with: ProtocolFiles.read(ProtocolFiles.schemas.appendingPathComponent(file)))
            let description = (schema as? [String: Any])?["description"] as? String ?? ""
            #expect(!description.isEmpty, "\(file) needs a description")
            for match in description.matches(of: /§(\d+(?:\.\d+)?)/) {
                let section = String(match.1)
                #expect(SpecText.text.contains("\n## \(section). ") || SpecText.text.contains("\n### \(section) "), "\(file) cites §\(section)")
            }
        }
    }

    @Test func limitsMatchTheSpec() {
        let minimum = WireLimits.protocolMinimum
        #expect(minimum.maxBodyBytes == 8 << 20 && minimum.maxDepth == 16 && minimum.maxElements == 250_000)
        let recommended = WireLimits.default
        #expect(recommended.maxBodyBytes == 16 << 20 && recommended.maxDepth == 32 && recommended.maxElements == 1_000_000)
        #expect(PushRequest.maxChanges == 1000 && PullRequest.maxLimit == 10_000)
        #expect(SpecText.text.contains("| body bytes | 8 MiB | 16 MiB |"))
    }
}

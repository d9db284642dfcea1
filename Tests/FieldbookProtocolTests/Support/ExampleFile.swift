import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

/// One golden file under `Protocol/examples/`, the JSON Schema it must
/// satisfy, and the value from ``ExampleScenario`` it must encode.
struct ExampleFile: Sendable, CustomTestStringConvertible {
    let name: String
    let schema: String
    /// The scenario value, encoded as the golden file should read.
    let expected: @Sendable () throws -> Data
    /// Decodes a file as the example's type and encodes it again.
    let reencode: @Sendable (Data) throws -> Data

    var testDescription: String { name + ".json" }
    var url: URL { ProtocolFiles.example(name) }

    /// The pretty, canonical form golden files are stored in (plus a final newline).
    static let codec = WireCodec(prettyPrinted: true)

    static func make<T: Codable & Sendable>(
        _ name: String, schema: String? = nil, _ value: @escaping @Sendable () -> T
    ) -> ExampleFile {
        ExampleFile(
            name: name, schema: schema ?? name,
            expected: { try codec.encode(value()) + Data("\n".utf8) },
            reencode: { data in try codec.encode(codec.decode(T.self, from: data)) + Data("\n".utf8) }
        )
    }

    static let all: [ExampleFile] = [
        make("push-request") { ExampleScenario.pushRequest },
        make("push-response") { ExampleScenario.pushResponse },
        make("pull-request") { ExampleScenario.pullRequest },
        make("pull-response") { ExampleScenario.pullResponse },
        make("error") { ExampleScenario.error },
        make("record-state-merged", schema: "record-state") { ExampleScenario.mergedAccount },
        make("conflict") { ExampleScenario.phoneConflict },
    ]
}

import Foundation

/// Locates the package's `Protocol/` folder from this file's path, so golden
/// files and schemas are read from the source tree wherever tests run.
enum ProtocolFiles {
    /// `<package>/Protocol`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // FieldbookProtocolTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package
        .appendingPathComponent("Protocol")

    static var schemas: URL { root.appendingPathComponent("schemas") }
    static var examples: URL { root.appendingPathComponent("examples") }
    static var spec: URL { root.appendingPathComponent("SYNC.md") }

    static func example(_ name: String) -> URL { examples.appendingPathComponent(name + ".json") }
    static func schema(_ name: String) -> URL { schemas.appendingPathComponent(name + ".schema.json") }

    static func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }
}

import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `fieldbook-server serve` as a real process: port 0, ready line, health, SIGTERM.
@Suite struct ServeCommandTests {
    /// The built executable next to the test bundle (`swift build --build-tests` builds it).
    static let binary: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("fieldbook-server") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test(.enabled(if: binary != nil, "fieldbook-server is not built"), .timeLimit(.minutes(1)))
    func servesOnAFreePortAndStopsOnSIGTERM() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fieldbook-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--data", directory.path, "--log-format", "json"]
        process.environment = ["FIELDBOOK_SERVER_HOST": "127.0.0.1"]
        let stdout = OutputCollector()
        let stderr = OutputCollector()
        process.standardOutput = stdout.pipe
        process.standardError = stderr.pipe
        try process.run()

        var port: Int?
        for _ in 0..<300 where port == nil {
            if let line = stdout.text.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://127.0.0.1:") }) {
                port = Int(line.split(separator: ":").last ?? "")
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let bound = try #require(port, "no ready line; stderr: \(stderr.text)")
        #expect(bound > 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("sync.sqlite").path))

        let (body, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(bound)/healthz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == #"{"status":"ok"}"#)

        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<200 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0, "stderr: \(stderr.text)")
        let logs = stderr.text
        #expect(logs.contains(#""message":"stopped""#))
        #expect(logs.contains(#""route":"/healthz""#))
        #expect(logs.contains(#""request_id":"req-"#))
    }
}

/// Collects a child process's output.
final class OutputCollector: @unchecked Sendable {
    let pipe = Pipe()
    private let lock = NSLock()
    private var data = Data()

    init() {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            self?.lock.withLock { self?.data.append(chunk) }
        }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

import FieldbookServer
import Foundation
import Logging
import Testing

/// Options win over environment variables, which win over defaults.
@Suite struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = try FieldbookServerConfiguration.resolve(environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory.lastPathComponent == "fieldbook-data")
        #expect(configuration.logLevel == .info)
        #expect(configuration.logFormat == .text)
        #expect(configuration.maxBodyBytes == 16 << 20)
    }

    @Test func environmentThenOptions() throws {
        let environment = [
            "FIELDBOOK_SERVER_HOST": "0.0.0.0", "FIELDBOOK_SERVER_PORT": "9000", "FIELDBOOK_SERVER_DATA": "/tmp/fb",
            "FIELDBOOK_SERVER_LOG_LEVEL": "DEBUG", "FIELDBOOK_SERVER_LOG_FORMAT": "json",
            "FIELDBOOK_SERVER_MAX_BODY_BYTES": "2048",
        ]
        let fromEnvironment = try FieldbookServerConfiguration.resolve(environment: environment)
        #expect(fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.dataDirectory.path == "/tmp/fb")
        #expect(fromEnvironment.logLevel == .debug)
        #expect(fromEnvironment.logFormat == .json)
        #expect(fromEnvironment.maxBodyBytes == 2048)
        let fromOptions = try FieldbookServerConfiguration.resolve(port: 0, logFormat: "text", environment: environment)
        #expect(fromOptions.port == 0)
        #expect(fromOptions.logFormat == .text)
    }

    @Test func badValuesNameTheSetting() {
        #expect(throws: ConfigurationError(setting: "FIELDBOOK_SERVER_PORT", problem: "not an integer")) {
            try FieldbookServerConfiguration.resolve(environment: ["FIELDBOOK_SERVER_PORT": "http"])
        }
        #expect(throws: ConfigurationError.self) { try FieldbookServerConfiguration.resolve(port: 70000, environment: [:]) }
        #expect(throws: ConfigurationError.self) { try FieldbookServerConfiguration.resolve(logLevel: "loud", environment: [:]) }
    }

    @Test func jsonLogLinesCarryMetadataButOnlyWhatIsGiven() throws {
        let lines = LockedLines()
        let handler = JSONLogHandler(label: "test", sink: JSONLogSink { lines.append($0) })
        let logger = Logger(label: "test") { _ in handler }
        logger.info("request", metadata: ["route": "/v1/sync/push", "status": "200"])
        let line = try #require(lines.all.first)
        let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: String])
        #expect(object["message"] == "request")
        #expect(object["route"] == "/v1/sync/push")
        #expect(object["status"] == "200")
        #expect(object["level"] == "info")
        #expect(object["ts"] != nil)
        #expect(line.last == 0x0A)
    }
}

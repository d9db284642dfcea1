import Foundation
import Logging

/// Writes one JSON object per log line: `ts`, `level`, `label`, `message`,
/// then the metadata as string members (`--log-format json`).
///
/// ```json
/// {"label":"fieldbook-server","level":"info","message":"request","method":"POST","route":"/v1/sync/push","status":"200","ts":"2026-…Z"}
/// ```
public struct JSONLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let sink: JSONLogSink

    /// A handler writing to standard error.
    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.init(label: label, metadataProvider: metadataProvider, sink: .standardError)
    }

    /// A handler writing to `sink` (tests collect the lines).
    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil, sink: JSONLogSink) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var object: [String: String] = [:]
        for (key, value) in merged { object[key] = Self.flatten(value) }
        object["ts"] = Date().formatted(.iso8601)
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = event.message.description
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(object) else { return }
        line.append(0x0A)
        sink.write(line)
    }

    private static func flatten(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: value.description
        }
    }
}

/// Where a ``JSONLogHandler`` writes its lines (whole lines, one at a time).
public final class JSONLogSink: @unchecked Sendable {
    private let lock = NSLock()
    private let writeLine: (Data) -> Void

    /// A sink calling `writeLine` under a lock.
    public init(_ writeLine: @escaping (Data) -> Void) {
        self.writeLine = writeLine
    }

    /// Standard error.
    public static let standardError = JSONLogSink { FileHandle.standardError.write($0) }

    func write(_ line: Data) {
        lock.withLock { writeLine(line) }
    }
}

import Logging

/// Process-wide logging set-up for the `fieldbook-server` commands.
enum ServerLogging {
    /// Installs text (swift-log's stream handler) or JSON lines on standard error.
    /// Call once, before the first logger is made.
    static func bootstrap(format: FieldbookServerConfiguration.LogFormat, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                switch format {
                case .text: StreamLogHandler.standardError(label: label)
                case .json: JSONLogHandler(label: label)
                }
            handler.logLevel = level
            return handler
        }
    }
}

/// The outcome of an import (or of its dry run): counts and per-row messages.
///
/// Encoded as the JSON of `fieldbook import --json` and of
/// `POST /v1/import/{entity}`:
/// `{"entity", "dryRun", "rows", "created", "updated", "skipped", "failed", "messages": [{"line", "column", "severity", "message"}]}`.
public struct ImportReport: Hashable, Sendable, Encodable {
    /// One message about a row (or, with `line` nil, the whole file).
    public struct Message: Hashable, Sendable, Encodable {
        /// The 1-based line of the row in the file (the header is line 1).
        public var line: Int?
        /// The column concerned, if one.
        public var column: String?
        /// `error` (row not imported) or `warning` (imported, value guessed or row skipped).
        public var severity: String
        /// The explanation.
        public var message: String

        /// A message.
        public init(line: Int?, column: String? = nil, severity: String, message: String) {
            self.line = line
            self.column = column
            self.severity = severity
            self.message = message
        }
    }

    /// The entity imported.
    public var entity: String
    /// Whether nothing was written.
    public var dryRun: Bool
    /// Data rows read.
    public var rows = 0
    /// Records created (or, in a dry run, that would be).
    public var created = 0
    /// Records changed.
    public var updated = 0
    /// Rows that changed nothing (already imported, duplicates in the file, empty rows).
    public var skipped = 0
    /// Rows not imported because of an error.
    public var failed = 0
    /// Errors and warnings, by line.
    public var messages: [Message] = []

    /// An empty report.
    public init(entity: String, dryRun: Bool) {
        self.entity = entity
        self.dryRun = dryRun
    }

    /// Records a failed row.
    public mutating func fail(line: Int?, column: String? = nil, _ message: String) {
        failed += 1
        messages.append(Message(line: line, column: column, severity: "error", message: message))
    }

    /// Records a warning.
    public mutating func warn(line: Int?, column: String? = nil, _ message: String) {
        messages.append(Message(line: line, column: column, severity: "warning", message: message))
    }
}

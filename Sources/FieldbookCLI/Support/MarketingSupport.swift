import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// Shared pieces of the marketing nouns (`campaign`, `event`, `competitor`).
enum MarketingSupport {
    /// Runs `body`, turning a refused marketing step into exit code 4.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MarketingError {
            throw CLIError(error.description, exitCode: 4)
        }
    }

    /// The user signed in on this device (nil when not signed in).
    static func signedInUser(_ global: GlobalOptions) -> String? {
        (try? Credentials.loadFile(from: CLIContext.dataDirectory(global)))?.flatMap { $0.user }
    }

    /// `text` read as a date (today, friday, 2026-12-01, …).
    static func date(_ text: String?, _ support: RecordCommandSupport) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = try support.input.value(text, for: Field("date", .date)).date else {
            throw CLIError("not a date: \(text)", exitCode: 2)
        }
        return date
    }

    /// "First Last" split at the last space: (first, last).
    static func splitName(_ name: String?) -> (first: String?, last: String?) {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return (nil, nil) }
        guard let space = name.lastIndex(of: " ") else { return (nil, name) }
        return (String(name[..<space]).trimmingCharacters(in: .whitespaces), String(name[name.index(after: space)...]))
    }
}

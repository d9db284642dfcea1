import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// Turns what a user typed for a field into the field's wire value, using
/// the field's kind from the schema. An empty string clears the field.
public struct FieldInput: Sendable {
    /// The user's time zone, for dates and times.
    public var timeZone: TimeZone
    /// The current instant, for relative dates (`tomorrow 10:00`).
    public var now: UTCDateTime

    /// Creates a converter.
    public init(timeZone: TimeZone, now: UTCDateTime) {
        self.timeZone = timeZone
        self.now = now
    }

    /// The value for `text` in `field`.
    /// - Throws: ``CLIError`` (exit code 2) naming the field and what is expected.
    public func value(_ text: String, for field: Field) throws -> Value {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .null }
        switch field.kind {
        case .text, .email, .phone, .reference:
            return .text(trimmed)
        case .integer:
            guard let number = Int64(trimmed) else { throw invalid(field, "a whole number") }
            return .int(number)
        case .decimal(let scale, _):
            // Accept a German decimal comma when there is no dot: "12,50".
            let normalized = trimmed.contains(".") ? trimmed : trimmed.replacingOccurrences(of: ",", with: ".")
            guard let number = try? DecimalNumber(parsing: normalized).rounded(toScale: scale),
                let text = try? number.canonicalText(scale: scale)
            else { throw invalid(field, "a decimal number such as 12.50") }
            return .text(text)
        case .date:
            guard let date = DateInput.parseDate(trimmed, timeZone: timeZone, now: now) else {
                throw invalid(field, "a date such as 2026-11-23, 23.11.2026, today or friday")
            }
            return .text(date.description)
        case .dateTime:
            guard let instant = DateInput.parseInstant(trimmed, timeZone: timeZone, now: now) else {
                throw invalid(field, "a date and time such as 2026-11-23T10:00 or tomorrow 10:00")
            }
            return instant.value
        case .bool:
            switch trimmed.lowercased() {
            case "yes", "true", "y", "1", "ja": return .bool(true)
            case "no", "false", "n", "0", "nein": return .bool(false)
            default: throw invalid(field, "yes or no")
            }
        case .enumeration(let allowed):
            let lowered = trimmed.lowercased()
            if let exact = allowed.first(where: { $0.lowercased() == lowered }) { return .text(exact) }
            let candidates = allowed.filter { $0.lowercased().hasPrefix(lowered) }
            guard candidates.count == 1 else { throw invalid(field, "one of " + allowed.joined(separator: ", ")) }
            return .text(candidates[0])
        case .set, .list:
            throw CLIError("field \(field.name) holds several values; use its own option", exitCode: 2)
        }
    }

    private func invalid(_ field: Field, _ expected: String) -> CLIError {
        CLIError("\(field.name): expected \(expected)", exitCode: 2)
    }
}

import FieldbookSync

extension FieldKind {
    /// Checks one non-null value against this scalar kind. Returns the issue
    /// code and a value-free message, or nil when the value fits.
    func check(_ value: Value) -> (code: ValidationIssue.Code, message: String)? {
        switch (self, value) {
        case (.bool, .bool):
            return nil
        case (.integer(let range), .int(let number)):
            return range.contains(number) ? nil : (.outOfRange, "integer outside \(range.lowerBound)...\(range.upperBound)")
        case (.text(let maxLength), .text(let text)):
            // A string never has more characters than UTF-8 bytes: count
            // characters only when the byte count does not settle it.
            return text.utf8.count <= maxLength || text.count <= maxLength
                ? nil : (.textTooLong, "text longer than \(maxLength) characters")
        case (.decimal(let scale, let range), .text(let text)):
            guard DecimalNumber.isCanonical(text, scale: scale), let number = try? DecimalNumber(parsing: text) else {
                return (.decimalNotCanonical, "not a canonical decimal with \(scale) fraction digits")
            }
            guard let range, !range.contains(number) else { return nil }
            return (.outOfRange, "decimal outside \(range.lowerBound)...\(range.upperBound)")
        case (.date, .text(let text)):
            return CalendarDate(parsing: text) != nil ? nil : (.invalidDate, "not a YYYY-MM-DD date")
        case (.dateTime, .text(let text)):
            return UTCDateTime(parsing: text) != nil ? nil : (.invalidDateTime, "not a YYYY-MM-DDTHH:MM:SSZ date-time")
        case (.enumeration(let values), .text(let text)):
            guard !values.contains(text) else { return nil }
            // Allowed values are schema constants, safe to name.
            let list = values.count <= 12 ? ": " + values.joined(separator: ", ") : ""
            return (.valueNotAllowed, "not one of the allowed values" + list)
        case (.reference(let target), .text(let text)):
            return RecordID.isWellFormed(text) ? nil : (.invalidReference, "not a well-formed \(target) ID")
        case (.email, .text(let text)):
            return ContactFormat.isEmail(text) ? nil : (.invalidEmail, "not an e-mail address")
        case (.phone, .text(let text)):
            return ContactFormat.isPhone(text) ? nil : (.invalidPhone, "not a phone number")
        default:
            return (.kindMismatch, "expected \(name), got \(Self.typeName(of: value))")
        }
    }

    /// The JSON type name of a value, for messages.
    static func typeName(of value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .text: "text"
        }
    }
}

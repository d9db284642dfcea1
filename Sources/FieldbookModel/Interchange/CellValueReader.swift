import FieldbookSync

/// Reads one CSV cell as a field value: numbers in German or ISO form,
/// dates as `2026-11-23` or `23.11.2026`, booleans in English or German,
/// enumeration values folded and, failing that, matched by a small edit
/// distance (with a warning). References are resolved by ``ReferenceIndex``.
///
/// ```swift
/// let reader = CellValueReader(numbers: .de)
/// try reader.value("1.234,56", kind: .amount).value     // .text("1234.56")
/// try reader.value("Closed-Won", kind: .enumeration(["won", "closed_won"])).value  // .text("closed_won")
/// ```
public struct CellValueReader: Sendable {
    /// A value read, with a warning when it was guessed.
    public struct Reading: Hashable, Sendable {
        /// The wire value.
        public var value: Value
        /// Set when the cell was matched loosely (e.g. a typo in an enumeration).
        public var warning: String?
    }

    /// How numbers are written.
    public let numbers: ImportMapping.NumberStyle

    /// A reader for `numbers`.
    public init(numbers: ImportMapping.NumberStyle = .auto) { self.numbers = numbers }

    /// The value of `cell` (trimmed, non-empty) for a scalar field of `kind`.
    /// - Throws: ``ImportProblem`` naming what is wrong (never the cell's content beyond the field).
    public func value(_ cell: String, kind: FieldKind, values: [String: String] = [:]) throws(ImportProblem) -> Reading {
        let text = Self.mapped(cell, through: values)
        switch kind {
        case .text(let maxLength):
            guard text.count <= maxLength else { throw ImportProblem("longer than \(maxLength) characters") }
            return Reading(value: .text(text))
        case .email, .phone:
            return Reading(value: .text(text))
        case .integer(let range):
            guard let number = Int64(Self.digitsOnly(text)), range.contains(number) else {
                throw ImportProblem("not a whole number in \(range.lowerBound)…\(range.upperBound)")
            }
            return Reading(value: .int(number))
        case .decimal(let scale, _):
            return Reading(value: .text(try decimal(text, scale: scale)))
        case .date:
            guard let date = Self.date(text) else { throw ImportProblem("not a date (use 2026-11-23 or 23.11.2026)") }
            return Reading(value: date.value)
        case .dateTime:
            guard let instant = Self.dateTime(text) else {
                throw ImportProblem("not a date and time (use 2026-11-23T10:00:00Z or 23.11.2026 10:00, read as UTC)")
            }
            return Reading(value: .text(instant.description))
        case .bool:
            switch TextFolding.key(text) {
            case "true", "yes", "y", "ja", "j", "1", "x", "wahr": return Reading(value: .bool(true))
            case "false", "no", "n", "nein", "0", "falsch": return Reading(value: .bool(false))
            default: throw ImportProblem("not a yes/no value")
            }
        case .enumeration(let allowed):
            return try Self.enumeration(text, allowed: allowed)
        case .reference:
            return Reading(value: .text(text))
        case .set, .list:
            throw ImportProblem("\(kind.name) fields are not read from one cell")
        }
    }

    /// `cell` translated by the mapping's value map (keys compared folded).
    static func mapped(_ cell: String, through values: [String: String]) -> String {
        guard !values.isEmpty else { return cell }
        if let exact = values[cell] { return exact }
        let wanted = TextFolding.token(cell)
        return values.first { TextFolding.token($0.key) == wanted }?.value ?? cell
    }

    /// The canonical decimal text at `scale` of a number written in the reader's style.
    func decimal(_ text: String, scale: Int) throws(ImportProblem) -> String {
        var cleaned = text.filter { !($0 == " " || $0 == "\u{00A0}" || $0 == "€" || $0 == "'" || $0 == "%") }
        if cleaned.hasSuffix("EUR") { cleaned.removeLast(3) }
        let lastComma = cleaned.lastIndex(of: ","), lastDot = cleaned.lastIndex(of: ".")
        let decimalComma: Bool
        switch numbers {
        case .de: decimalComma = true
        case .iso: decimalComma = false
        case .auto:
            if let lastComma, let lastDot { decimalComma = lastComma > lastDot } else {
                decimalComma = lastComma != nil && cleaned.filter { $0 == "," }.count == 1
            }
        }
        let grouping: Character = decimalComma ? "." : ","
        var plain = String(cleaned.filter { $0 != grouping })
        if decimalComma { plain = String(plain.map { $0 == "," ? "." : $0 }) }
        do {
            return try DecimalNumber(parsing: plain).canonicalText(scale: scale)
        } catch {
            throw ImportProblem("not a number with at most \(scale) decimals")
        }
    }

    private static func digitsOnly(_ text: String) -> String {
        text.filter { $0 != "." && $0 != "," && $0 != " " && $0 != "'" }
    }

    /// A date as `YYYY-MM-DD`, `DD.MM.YYYY` (or `D.M.YYYY`).
    public static func date(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(parsing: text) { return iso }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// An instant: ISO 8601 with `Z`, or a date (either form) with `HH:MM[:SS]`, read as UTC.
    public static func dateTime(_ text: String) -> UTCDateTime? {
        if let exact = UTCDateTime(parsing: text) { return exact }
        var body = text
        if body.hasSuffix("Z") { body.removeLast() }
        let separators: Set<Character> = ["T", " "]
        guard let split = body.firstIndex(where: { separators.contains($0) }), let date = date(String(body[..<split])) else {
            return date(text).flatMap { UTCDateTime(date: $0, hour: 0, minute: 0, second: 0) }
        }
        let time = body[body.index(after: split)...].split(separator: ":").map { Int($0) }
        guard (2...3).contains(time.count), time.allSatisfy({ $0 != nil }) else { return nil }
        return UTCDateTime(date: date, hour: time[0]!, minute: time[1]!, second: time.count == 3 ? time[2]! : 0)
    }

    /// One of `allowed`: exact, folded (case, accents, spaces, `-`, `_`), or
    /// the single value within a small edit distance (a warning).
    static func enumeration(_ text: String, allowed: [String]) throws(ImportProblem) -> Reading {
        if allowed.contains(text) { return Reading(value: .text(text)) }
        let wanted = TextFolding.token(text)
        if let folded = allowed.first(where: { TextFolding.token($0) == wanted }) { return Reading(value: .text(folded)) }
        let limit = wanted.count <= 4 ? 1 : 2
        let close = allowed.filter { TextFolding.editDistance(TextFolding.token($0), wanted) <= limit }
        if close.count == 1 {
            return Reading(value: .text(close[0]), warning: "read \"\(text)\" as \(close[0]) (closest allowed value)")
        }
        throw ImportProblem("not one of " + allowed.joined(separator: ", "))
    }
}

import FieldbookModel
import FieldbookSync
import Foundation

/// The query of `GET /v1/records/{entity}`: `limit` (1…1000, default 100),
/// `after` (continue after this ID) and `q` (case-insensitive text search).
struct RecordListQuery: Hashable, Sendable {
    static let defaultLimit = 100
    static let maxLimit = 1000
    /// Longest search text, in characters.
    static let maxSearchLength = 200

    var limit = defaultLimit
    var after: String?
    /// The search text, nil when not searching.
    var search: String?

    /// Reads the query parameters.
    /// - Throws: ``RecordAPIError`` 400 naming the parameter and its rule.
    init(limit: String?, after: String?, q: String?) throws {
        if let limit {
            guard let number = Int(limit), (1...Self.maxLimit).contains(number) else {
                throw RecordAPIError.invalidRequest("limit must be a whole number from 1 to \(Self.maxLimit)")
            }
            self.limit = number
        }
        if let after {
            guard RecordID.isWellFormed(after) else { throw RecordAPIError.invalidRequest("after must be a record ID") }
            self.after = after
        }
        if let q {
            let trimmed = q.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= Self.maxSearchLength else {
                throw RecordAPIError.invalidRequest("q is longer than \(Self.maxSearchLength) characters")
            }
            search = trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Whether `state` matches the search: some text, e-mail or phone field,
    /// text set element or text list member contains it, ignoring case.
    func matches(_ state: RecordState, schema: EntitySchema) -> Bool {
        guard let search else { return true }
        func hit(_ value: Value?) -> Bool {
            guard let text = value?.text else { return false }
            return text.range(of: search, options: .caseInsensitive) != nil
        }
        for field in schema.fields {
            switch field.kind {
            case .text, .email, .phone:
                if hit(state.value(field.name)) { return true }
            case .set(.text):
                if state.elements(of: field.name).contains(where: { hit(.text($0)) }) { return true }
            case .list(let members):
                let searched = members.filter(Self.isSearched).map(\.name)
                guard !searched.isEmpty else { continue }
                for item in state.items(of: field.name) where searched.contains(where: { hit(item.members[$0]) }) {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    private static func isSearched(_ field: Field) -> Bool {
        switch field.kind {
        case .text, .email, .phone: true
        default: false
        }
    }
}

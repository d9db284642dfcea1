import FieldbookSync

/// Finds the record a CSV cell refers to: by ID, then by each match field
/// (e.g. number, then name) compared with case, accents, spaces and
/// punctuation folded away — so "Müller-Bau GmbH" and "mueller bau gmbh"
/// name the same account.
///
/// ```swift
/// let index = ReferenceIndex(entity: "account", records: accounts, match: ["number", "name"])
/// try index.resolve("K-10001")   // the account's ID
/// ```
public struct ReferenceIndex: Sendable {
    /// The target entity.
    public let entity: String
    /// Whether IDs not held here are accepted as they are (users, teams and
    /// territories a replica may not hold).
    public let acceptsUnknownIDs: Bool
    private let ids: Set<String>
    private var byField: [String: [String: [String]]] = [:]
    private let match: [String]

    /// Indexes the live `records` of `entity` by ID and by the `match` fields.
    public init(entity: String, records: [RecordState], match: [String], acceptsUnknownIDs: Bool = false) {
        self.entity = entity
        self.match = match
        self.acceptsUnknownIDs = acceptsUnknownIDs
        let live = records.filter { $0.entity == entity && !$0.isDeleted }
        ids = Set(live.map(\.id))
        for field in match {
            var keys: [String: [String]] = [:]
            for record in live {
                guard let text = record.value(field)?.text else { continue }
                keys[Self.compact(text), default: []].append(record.id)
            }
            byField[field] = keys
        }
    }

    /// The ID of the one record `cell` names, after `synonyms`.
    /// - Throws: ``ImportProblem`` when none or several records match.
    public func resolve(_ cell: String, synonyms: [String: String] = [:]) throws(ImportProblem) -> String {
        let text = CellValueReader.mapped(cell, through: synonyms)
        if ids.contains(text) { return text }
        let wanted = Self.compact(text)
        for field in match {
            guard let found = byField[field]?[wanted] else { continue }
            let unique = Set(found)
            if unique.count == 1 { return found[0] }
            throw ImportProblem("matches \(unique.count) \(entity) records by \(field); add a synonym or use the ID")
        }
        if acceptsUnknownIDs, RecordID.isWellFormed(text) { return text }
        throw ImportProblem("no \(entity) matches (tried ID, " + match.joined(separator: ", ") + ")")
    }

    /// Letters and digits only, folded: "Hydraulik-Pumpe HP 200" → "hydraulikpumpehp200".
    static func compact(_ text: String) -> String {
        TextFolding.key(text).filter { $0 != " " }
    }
}

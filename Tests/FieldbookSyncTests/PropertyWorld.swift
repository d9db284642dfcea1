import FieldbookSync

/// The small universe the random schedules edit: few records, fields and
/// values, so that concurrent writes to one slot (conflicts) are frequent.
enum PropertyWorld {
    /// A record of the pool and its entity.
    struct Record: Sendable {
        /// Entity type name.
        var entity: String
        /// Record ID.
        var id: String
    }

    /// Records edited directly.
    static let records: [Record] = [
        Record(entity: "lead", id: "lead-1"),
        Record(entity: "lead", id: "lead-2"),
        Record(entity: "account", id: "acc-1"),
    ]

    /// Lead-conversion roles; each lead and role gives one derived record.
    static let roles = ["lead-conversion/account", "lead-conversion/contact"]

    /// The record derived from `source` for `role` (same ID on every replica).
    static func derived(from source: String, role: String) -> Record {
        Record(entity: role.hasSuffix("account") ? "account" : "contact", id: DerivedID.make(from: source, role: role))
    }

    /// Every record a schedule may touch: the direct ones and the derived ones.
    static let allRecords: [Record] =
        records + records.filter { $0.entity == "lead" }.flatMap { lead in roles.map { derived(from: lead.id, role: $0) } }

    /// Plain fields.
    static let fields = ["name", "phone", "status"]
    /// The add-wins set field and its possible elements (with `/` and `%` to exercise escaping).
    static let setField = "tags"
    static let elements = ["vip", "golf", "a/b", "50%"]
    /// The ordered-list field, its item IDs and member names.
    static let listField = "lines"
    static let items = ["l1", "l2", "l/3"]
    static let members = ["qty", "note"]

    /// Values written: every JSON scalar kind, few distinct ones.
    static let values: [Value] = [.null, .bool(true), .bool(false), .int(0), .int(1), .int(-7), "a", "b", "Müller GmbH"]

    /// Characters allowed in replica IDs, in byte order.
    static let idCharacters = Array("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")

    /// `count` distinct replica IDs; most are a one-character variation of an
    /// earlier one (appended, dropped or replaced character, changed case), so
    /// the bytewise tie-break meets prefixes and near neighbours.
    static func replicaIDs(_ count: Int, random: inout PropertyRandom) -> [ReplicaID] {
        var ids: [String] = []
        while ids.count < count {
            let candidate: String
            if let base = ids.isEmpty ? nil : random.pick(ids), random.percent(75) {
                candidate = variation(of: base, random: &random)
            } else {
                candidate = String((0..<random.int(in: 1...6)).map { _ in random.pick(idCharacters) })
            }
            if ReplicaID.isValid(candidate), !ids.contains(candidate) { ids.append(candidate) }
        }
        return ids.map { ReplicaID(unchecked: $0) }
    }

    private static func variation(of base: String, random: inout PropertyRandom) -> String {
        var characters = Array(base)
        let position = random.int(below: characters.count)
        switch random.int(below: 4) {
        case 0:
            characters.append(random.pick(idCharacters))
        case 1:
            characters.remove(at: position)
        case 2:
            let index = idCharacters.firstIndex(of: characters[position]) ?? 0
            let neighbour = index + (random.percent(50) ? 1 : -1)
            characters[position] = idCharacters[min(max(neighbour, 0), idCharacters.count - 1)]
        default:
            let character = characters[position]
            characters[position] = Character(
                character.isUppercase ? character.lowercased() : character.uppercased()
            )
        }
        return String(characters)
    }

    /// A readable rendering of a value for traces and failure messages
    /// (`Value.description` hides text on purpose; test values are not secret).
    static func render(_ value: Value?) -> String {
        switch value {
        case nil: "<remove>"
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .int(let int): "\(int)"
        case .text(let text): "\"\(text)\""
        }
    }
}

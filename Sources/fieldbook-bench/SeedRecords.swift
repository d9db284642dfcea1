import FieldbookSync

/// The records the server benchmarks put in the store: groups of one account
/// with two contacts and two activities (calls), with field sizes of a real
/// CRM (an account state ~0.5 KB, a contact ~0.4 KB, an activity ~0.4 KB in
/// the storage codec).
///
/// Record `n` of the sequence is deterministic, so the seeder, the client
/// and the baseline agree on IDs and payloads without keeping them around.
enum SeedRecords {
    /// Records per account group.
    static let groupSize = 5

    /// The account ID of group `group`.
    static func accountID(_ group: Int) -> String { "acc-\(group)" }

    /// Entity, ID and field values of record `index`; `territory(group)` places the group's account.
    static func record(_ index: Int, territory: (Int) -> String) -> (entity: String, id: String, fields: [(String, Value)]) {
        let group = index / groupSize
        let account = accountID(group)
        switch index % groupSize {
        case 0:
            return (
                "account", account,
                [
                    ("name", .text("Kunde \(group) Maschinenbau GmbH & Co. KG")), ("number", .text("K-\(100_000 + group)")),
                    ("status", .text("active")), ("industry", .text("Maschinenbau")),
                    ("phone", .text("+49 711 \(4_000_000 + group)")), ("email", .text("info\(group)@kunde.example")),
                    ("website", .text("https://www.kunde\(group).example")), ("territory", .text(territory(group))),
                    ("notes", .text("Stammkunde seit 2011, Rahmenvertrag für Ersatzteile, Besuch quartalsweise. "
                        + "Ansprechpartner im Einkauf wechselt häufig; Angebote immer an die Sammeladresse. (\(group))")),
                ]
            )
        case 1, 2:
            let k = index % groupSize
            return (
                "contact", "con-\(group)-\(k)",
                [
                    ("account", .text(account)), ("salutation", .text(k == 1 ? "ms" : "mr")),
                    ("firstName", .text(k == 1 ? "Katharina" : "Maximilian")), ("lastName", .text("Mustermann-\(group)")),
                    ("function", .text(k == 1 ? "Leiterin Einkauf" : "Technischer Leiter")),
                    ("phone", .text("+49 711 \(4_000_000 + group)-\(k)")), ("mobile", .text("+49 170 \(1_000_000 + group)")),
                    ("email", .text("person\(k).\(group)@kunde.example")), ("street", .text("Industriestraße \(group % 200)")),
                    ("postalCode", .text("70\(100 + group % 900)")), ("city", .text("Stuttgart")), ("country", .text("DE")),
                ]
            )
        default:
            let k = index % groupSize
            return (
                "activity", "act-\(group)-\(k)",
                [
                    ("kind", .text("call")), ("subject", .text("Nachfassen Angebot A-2025-\(group % 10_000)")),
                    ("description", .text("Telefonat zum Angebot: Preise für Verschleißteile besprochen, Lieferzeit "
                        + "sechs Wochen akzeptiert, Rückruf nach Freigabe durch die Geschäftsleitung vereinbart.")),
                    ("account", .text(account)), ("contact", .text("con-\(group)-\(k - 2)")), ("direction", .text("outbound")),
                    ("occurredAt", .text("2025-03-\(10 + k)T10:15:00Z")), ("durationMinutes", .int(15)),
                ]
            )
        }
    }

    /// The change creating record `index` as `dot` at `time`, and the state it produces.
    static func creation(
        _ index: Int, dot: Dot, time: HybridTimestamp, territory: (Int) -> String
    ) throws -> (change: Change, state: RecordState) {
        let (entity, id, fields) = record(index, territory: territory)
        let empty = RecordState(entity: entity, id: id)
        var builder = ChangeBuilder(state: empty)
        for (field, value) in fields { builder.set(field, to: value) }
        let change = Change(entity: entity, record: id, dot: dot, time: time, ops: builder.operations)
        return (change, try empty.merged(with: change).state)
    }
}

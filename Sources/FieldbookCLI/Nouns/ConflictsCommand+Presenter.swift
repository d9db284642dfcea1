import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// Renders conflicts for `fieldbook conflicts`: every side with its value,
/// who wrote it (the replica of its dot; "this device" for our own) and when
/// (its hybrid time, in the user's time zone).
struct ConflictPresenter {
    /// The open command context.
    let support: RecordCommandSupport

    private var database: ClientDatabase { support.context.database }

    /// JSON: `id`, `entity`, `record`, `label`, `kind` (`field` or
    /// `deleteEdit`), `slot`, `current` (the side shown now) and `others`;
    /// each side has `slot`, `field`, `value`, `dot`, `replica`,
    /// `thisDevice` and `time` (UTC ISO 8601).
    func json(_ conflict: Conflict) -> JSONValue {
        [
            "id": .string(conflict.id), "entity": .string(conflict.entity), "record": .string(conflict.record),
            "label": .string(support.label(of: conflict.record)), "kind": .string(conflict.kind.rawValue),
            "slot": .string(conflict.slot.path),
            "current": side(Conflict.Side(slot: conflict.slot, entry: conflict.winner)),
            "others": .array(conflict.others.map(side)),
        ]
    }

    private func side(_ side: Conflict.Side) -> JSONValue {
        [
            "slot": .string(side.slot.path), "field": .string(side.slot.field),
            "value": RecordPresenter.json(side.entry.value), "dot": .string(side.entry.dot.description),
            "replica": .string(side.entry.dot.replica.rawValue),
            "thisDevice": .bool(side.entry.dot.replica == database.replicaID),
            "time": .optional(Self.instant(side.entry.time)?.description),
        ]
    }

    /// One table row per side; the side shown now is marked `*`.
    func table(_ conflicts: [Conflict]) -> String {
        var rows: [[String]] = []
        for conflict in conflicts {
            let sides = [Conflict.Side(slot: conflict.slot, entry: conflict.winner)] + conflict.others
            for (index, side) in sides.enumerated() {
                let first = index == 0
                rows.append([
                    first ? conflict.id : "", first ? "\(conflict.entity) \(support.label(of: conflict.record))" : "",
                    fieldName(side.slot), (first ? "* " : "  ") + valueText(side, in: conflict.entity), writer(side.entry),
                    time(side.entry), side.entry.dot.description,
                ])
            }
        }
        let table = TextTable(headers: ["CONFLICT", "RECORD", "FIELD", "VALUE", "WRITTEN BY", "AT", "DOT"], rows: rows)
        return table.render(maxCellWidth: 48)
            + "\n\n* = shown now. Resolve with: fieldbook conflicts resolve <conflict> --keep <dot> | --value <text>"
            + " (deleted records: --restore | --keep-deleted)"
    }

    /// The detail view of one conflict.
    func details(_ conflict: Conflict) -> String {
        var lines: [(String, String)] = [
            ("conflict", conflict.id),
            ("record", "\(conflict.entity) \(conflict.record) (\(support.label(of: conflict.record)))"),
        ]
        switch conflict.kind {
        case .field: lines.append(("kind", "concurrent edits of \(fieldName(conflict.slot))"))
        case .deleteEdit: lines.append(("kind", "deleted on one device while edited on another"))
        }
        let current = Conflict.Side(slot: conflict.slot, entry: conflict.winner)
        lines.append(("shown now", describe(current, in: conflict.entity)))
        for other in conflict.others {
            let label = conflict.kind == .deleteEdit ? "edited" : "other"
            let prefix = conflict.kind == .deleteEdit ? fieldName(other.slot) + " = " : ""
            lines.append((label, prefix + describe(other, in: conflict.entity)))
        }
        let resolve = conflict.kind == .deleteEdit || conflict.slot == .deleted
            ? "--restore | --keep-deleted" : "--keep <dot> | --value <text>"
        lines.append(("resolve with", "fieldbook conflicts resolve \(conflict.id) \(resolve)"))
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
            .joined(separator: "\n")
    }

    private func describe(_ side: Conflict.Side, in entity: String) -> String {
        "\(valueText(side, in: entity)) — by \(writer(side.entry)) at \(time(side.entry)) (\(side.entry.dot))"
    }

    /// `name`, `roles[customer]`, `lines[item-1].quantity`, or `(record)` for the delete marker.
    func fieldName(_ slot: Slot) -> String {
        if slot == .deleted { return "(record)" }
        guard let element = slot.element else { return slot.field }
        return "\(slot.field)[\(element)]" + (slot.member.map { ".\($0)" } ?? "")
    }

    /// The value as the user typed it (local times for instants).
    func valueText(_ side: Conflict.Side, in entity: String) -> String {
        if side.slot == .deleted { return side.entry.value == .bool(true) ? "deleted" : "restored" }
        let field = database.registry.entity(entity)?.field(side.slot.field)
        let kind = side.slot.member.flatMap { field?.member($0)?.kind } ?? field?.kind
        let text = support.presenter.text(side.entry.value, kind: kind)
        return side.entry.value == .null ? "(empty)" : text
    }

    private func writer(_ entry: Entry) -> String {
        entry.dot.replica == database.replicaID ? "this device" : entry.dot.replica.rawValue
    }

    private func time(_ entry: Entry) -> String {
        Self.instant(entry.time).map { DateInput.localText(of: $0, in: support.context.timeZone) } ?? "?"
    }

    /// The wall-clock instant of a hybrid timestamp (its millisecond part).
    static func instant(_ time: HybridTimestamp) -> UTCDateTime? {
        UTCDateTime(secondsSinceEpoch: Int64(time.millis / 1000))
    }
}

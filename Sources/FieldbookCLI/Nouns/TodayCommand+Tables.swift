import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// Tables and sections for the field-work views (`today`, `account show`,
/// offers, appointments): columns are closures over a record, references are
/// shown by the referenced record's name when it is on this device.
struct RecordTables {
    /// A column: heading and cell text.
    typealias Column = (header: String, cell: (RecordState) -> String)

    let context: CLIContext
    var presenter: RecordPresenter { RecordPresenter(registry: context.database.registry, timeZone: context.timeZone) }

    /// A column showing field `name` as the presenter does (local times).
    func field(_ name: String, _ header: String? = nil) -> Column {
        (
            header ?? name.uppercased(),
            { record in
                let kind = context.database.registry.entity(record.entity)?.field(name)?.kind
                return presenter.text(record.value(name), kind: kind)
            }
        )
    }

    /// A column showing the record referenced by field `name` by its name.
    func reference(_ name: String, _ header: String? = nil) -> Column {
        (header ?? name.uppercased(), { record in label(record.value(name)?.text) })
    }

    /// The ID column.
    var id: Column { ("ID", { $0.id }) }

    /// A readable label for record `id`: an account's, product's or
    /// campaign's name, a contact's full name, a user's display name;
    /// the ID itself when the record is not on this device.
    func label(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "" }
        guard let record = try? context.database.record(id), !record.isDeleted else { return id }
        switch record.entity {
        case "contact":
            return [record.value("firstName")?.text, record.value("lastName")?.text].compactMap { $0 }
                .joined(separator: " ")
        case "user":
            return record.value("displayName")?.text ?? id
        default:
            return record.value("name")?.text ?? record.value("subject")?.text ?? id
        }
    }

    /// `records` as an aligned table, or `empty` when there are none.
    func table(_ records: [RecordState], _ columns: [Column], empty: String = "none") -> String {
        guard !records.isEmpty else { return empty }
        return TextTable(
            headers: columns.map(\.header), rows: records.map { record in columns.map { $0.cell(record) } }
        )
        .render()
    }

    /// A titled section: `title (count)`, then the body.
    static func section(_ title: String, count: Int, _ body: String) -> String {
        "\(title) (\(count))\n" + body
    }

    /// A local date-time without the date when it falls on `day`.
    func time(_ value: Value?, on day: CalendarDate) -> String {
        guard let instant = value?.dateTime else { return "" }
        let text = DateInput.localText(of: instant, in: context.timeZone)
        return DateInput.localDate(of: instant, in: context.timeZone) == day ? String(text.suffix(5)) : text
    }

    /// Prints `records` as a table of `columns`, or as a JSON array of records.
    func show(_ records: [RecordState], _ columns: [Column], empty: String) {
        context.emit(.array(records.map(presenter.json)), human: table(records, columns, empty: empty))
    }
}

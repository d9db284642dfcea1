import FieldbookClient
import FieldbookModel
import FieldbookSync

/// Prints an offer: header fields, the lines as a table with right-aligned
/// amounts, and net, tax and gross totals; with `--json` the offer record.
struct OfferView {
    let context: CLIContext

    /// Prints `offer`; `extra` members are added to the JSON object.
    func show(_ offer: RecordState, extra: [String: JSONValue] = [:], note: String? = nil) {
        let tables = RecordTables(context: context)
        var json = tables.presenter.json(offer)
        if case .object(var members) = json {
            members["effectiveStatus"] = .string(OfferStatusStep.effectiveStatus(of: offer, on: context.today))
            for (key, value) in extra { members[key] = value }
            json = .object(members)
        }
        context.emit(json, human: ([note].compactMap { $0 } + [render(offer, tables)]).joined(separator: "\n"))
    }

    func render(_ offer: RecordState, _ tables: RecordTables) -> String {
        let header: [(String, String)] = [
            ("id", offer.id),
            ("number", offer.value("finalNumber")?.text ?? "(none yet; assigned by the server once accepted and synced)"),
            ("provisional", offer.value("provisionalNumber")?.text ?? ""),
            ("status", statusText(offer)),
            ("account", tables.label(offer.value("account")?.text)),
            ("contact", tables.label(offer.value("contact")?.text)),
            ("opportunity", tables.label(offer.value("opportunity")?.text)),
            ("offerDate", offer.value("offerDate")?.text ?? ""),
            ("validUntil", offer.value("validUntil")?.text ?? ""),
            ("paymentTerms", offer.value("paymentTerms")?.text ?? ""),
            ("deliveryTerms", offer.value("deliveryTerms")?.text ?? ""),
            ("notes", offer.value("notes")?.text ?? ""),
        ].filter { !$0.1.isEmpty }
        let width = header.map(\.0.count).max() ?? 0
        var sections = [
            header.map { $0.0 + ":" + String(repeating: " ", count: width - $0.0.count + 1) + $0.1 }
                .joined(separator: "\n")
        ]
        let items = offer.items(of: "lines")
        if items.isEmpty {
            sections.append(
                "No lines yet — add one with `fieldbook offer line add \(offer.id) --product … --quantity …`.")
        } else {
            let rows = items.enumerated().map { index, item -> [String] in
                let text = { (member: String) in item.members[member]?.text ?? "" }
                return [
                    String(index + 1), item.id, tables.label(text("product")), text("description"), text("quantity"),
                    text("unit"), text("listPrice"), text("discountPercent"), text("net"),
                ]
            }
            let headers = ["#", "LINE", "PRODUCT", "DESCRIPTION", "QTY", "UNIT", "LIST PRICE", "DISC %", "NET"]
            sections.append(
                TextTable(headers: headers, rows: Self.rightAligned(rows, columns: [0, 4, 6, 7, 8])).render())
        }
        let rate = offer.value("taxRate")?.text ?? "0"
        let totals = [("Net", "netTotal"), ("Tax \(rate) %", "taxAmount"), ("Gross", "grossTotal")]
            .map { ($0.0, offer.value($0.1)?.text ?? "") }
        let labelWidth = totals.map(\.0.count).max() ?? 0
        let amountWidth = totals.map(\.1.count).max() ?? 0
        sections.append(
            totals.map { label, amount in
                label + ":" + String(repeating: " ", count: labelWidth - label.count + 1)
                    + String(repeating: " ", count: amountWidth - amount.count) + amount
            }
            .joined(separator: "\n")
        )
        return sections.joined(separator: "\n\n")
    }

    /// The stored status, or `expired` with a hint when a sent offer's validity has passed.
    func statusText(_ offer: RecordState) -> String {
        let stored = offer.value("status")?.text ?? ""
        let effective = OfferStatusStep.effectiveStatus(of: offer, on: context.today)
        return effective == stored ? stored : "\(effective) (sent, validity passed)"
    }

    /// Pads the cells of `columns` on the left so numbers line up on the right.
    static func rightAligned(_ rows: [[String]], columns: Set<Int>) -> [[String]] {
        var widths: [Int: Int] = [:]
        for row in rows { for column in columns { widths[column] = max(widths[column] ?? 0, row[column].count) } }
        return rows.map { row in
            row.enumerated().map { index, cell in
                guard let width = widths[index] else { return cell }
                return String(repeating: " ", count: width - cell.count) + cell
            }
        }
    }
}

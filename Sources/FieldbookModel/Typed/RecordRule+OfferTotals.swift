import FieldbookSync

extension RecordRule {
    /// Stored offer amounts must match the amounts computed from the lines
    /// (see ``OfferTotals``): each line's `net` (code `offer_line_net_mismatch`)
    /// and the offer's `netTotal`, `taxAmount`, `grossTotal` (code
    /// `offer_totals_mismatch`). Amounts not stored are not checked; they are
    /// derived values a client may omit.
    public static let offerTotalsConsistent = RecordRule(
        code: "offer_totals_mismatch", fields: ["lines", "taxRate", "netTotal", "taxAmount", "grossTotal"],
        summary: "stored line nets and totals equal the amounts computed from the lines (half up to the cent)"
    ) { record in
        let totals: OfferTotals
        do throws(FieldValueError) { totals = try OfferTotals(offer: record) } catch {
            guard case .arithmetic = error else { return [] }  // missing/malformed numbers are reported per field
            return [ValidationIssue(field: "lines", code: "offer_totals_overflow", message: "offer amounts overflow")]
        }
        var issues: [ValidationIssue] = []
        for item in record.items(of: "lines") {
            guard let stored = item.members["net"], stored != .null, stored.decimal != totals.lineNets[item.id] else {
                continue
            }
            issues.append(
                ValidationIssue(
                    field: "lines", member: "net", slot: .member("net", ofItem: item.id, in: "lines"),
                    code: "offer_line_net_mismatch", message: "lines.net differs from quantity × list price less discount"
                )
            )
        }
        for (field, expected) in [("netTotal", totals.net), ("taxAmount", totals.tax), ("grossTotal", totals.gross)] {
            guard let stored = record.value(field), stored != .null, stored.decimal != expected else { continue }
            issues.append(
                ValidationIssue(
                    field: field, code: "offer_totals_mismatch", message: "\(field) differs from the amount computed from the lines"
                )
            )
        }
        return issues
    }
}

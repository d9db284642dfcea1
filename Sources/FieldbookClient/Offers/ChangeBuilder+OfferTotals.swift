import FieldbookModel
import FieldbookSync

extension ChangeBuilder {
    /// Stores the offer's derived amounts as they will be after this change:
    /// each line's `net` and the offer's `netTotal`, `taxAmount` and
    /// `grossTotal`, computed exactly by ``OfferTotals`` (line nets half up to
    /// the cent, tax once on the net total). Only amounts that differ from
    /// what is stored are written.
    ///
    /// Call it last, after every edit of lines or tax rate, so the totals
    /// commit in the same change as the lines they come from. When a line
    /// lacks its quantity or price nothing is written and validation reports
    /// the missing member.
    public mutating func updateOfferTotals() {
        let after = preview()
        guard !after.isDeleted, let totals = try? OfferTotals(offer: after) else { return }
        for item in after.items(of: "lines") {
            guard let net = totals.lineNets[item.id], let value = try? net.value(scale: 2),
                item.members["net"] != value
            else { continue }
            setItem(item.id, in: "lines", member: "net", to: value)
        }
        for (field, amount) in [("netTotal", totals.net), ("taxAmount", totals.tax), ("grossTotal", totals.gross)] {
            guard let value = try? amount.value(scale: 2), after.value(field) != value else { continue }
            set(field, to: value)
        }
    }
}

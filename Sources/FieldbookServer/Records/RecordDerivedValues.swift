import FieldbookModel
import FieldbookSync

/// Derived values an office write stores with the edit, as the client core
/// does on every save: an offer's line nets and totals (``FieldbookModel/OfferTotals``).
///
/// Same rule as the client's `ChangeBuilder.updateOfferTotals()` (FieldbookClient):
/// amounts are computed from the record as it will be after the change and
/// only amounts that differ are written. (Both would better live once in
/// FieldbookModel, with `ChangeBuilder.preview()`.)
enum RecordDerivedValues {
    /// Adds the derived values of `entity` to a non-empty change.
    static func update(_ builder: inout ChangeBuilder, entity: String) {
        guard entity == EntitySchema.offer.name, !builder.isEmpty else { return }
        let after = preview(builder)
        guard !after.isDeleted, let totals = try? OfferTotals(offer: after) else { return }
        for item in after.items(of: "lines") {
            guard let net = totals.lineNets[item.id], let value = try? net.value(scale: 2), item.members["net"] != value
            else { continue }
            builder.setItem(item.id, in: "lines", member: "net", to: value)
        }
        for (field, amount) in [("netTotal", totals.net), ("taxAmount", totals.tax), ("grossTotal", totals.gross)] {
            guard let value = try? amount.value(scale: 2), after.value(field) != value else { continue }
            builder.set(field, to: value)
        }
    }

    /// The record once the operations built so far are applied (under a
    /// placeholder dot that is never stored).
    private static func preview(_ builder: ChangeBuilder) -> RecordState {
        var state = builder.state
        let change = Change(
            entity: state.entity, record: state.id, dot: Dot(replica: ReplicaID(unchecked: "preview"), counter: 1),
            time: .zero, ops: builder.operations
        )
        _ = try? state.apply(change)
        return state
    }
}

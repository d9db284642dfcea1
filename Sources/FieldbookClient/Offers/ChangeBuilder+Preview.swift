import FieldbookSync

extension ChangeBuilder {
    /// The record as it will be once the operations built so far are
    /// applied: what derived values (offer totals, list appends) must be
    /// computed from before the change is committed.
    ///
    /// The preview applies the operations under a placeholder dot that is
    /// never stored; every operation supersedes what this replica sees, so
    /// the preview's winning values are exactly the ones written here.
    public func preview() -> RecordState {
        var state = self.state
        let change = Change(
            entity: state.entity, record: state.id, dot: Dot(replica: ReplicaID(unchecked: "preview"), counter: 1),
            time: .zero, ops: operations
        )
        _ = try? state.apply(change)
        return state
    }

    /// The ID of the last item of list `field` including items inserted in
    /// this change, for appending with ``insertItem(_:into:after:members:)``.
    public func lastItem(of field: String) -> String? {
        preview().items(of: field).last?.id
    }
}

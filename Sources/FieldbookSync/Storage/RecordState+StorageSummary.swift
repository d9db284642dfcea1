extension RecordState {
    /// The number of open conflicts, as stores keep it beside the encoded
    /// state (to find records in conflict without decoding them): equal to
    /// `conflicts.count`, without building the conflicts.
    public var openConflictCount: Int {
        var count = deleteEditConflict == nil ? 0 : 1
        for register in slots.values where register.hasConflict { count += 1 }
        return count
    }
}

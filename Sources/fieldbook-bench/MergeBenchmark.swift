import FieldbookSync

/// Times applying a workload's changes to a fresh replica against applying
/// the same writes to a plain dictionary, in the same process.
struct MergeBenchmark {
    /// Timings and facts of one benchmark run.
    struct Result {
        /// Number of changes applied per run.
        var changes: Int
        /// Seconds per run of the merge (`Replica.receive`), in run order.
        var mergeSeconds: [Double]
        /// Seconds per run of the baseline, in run order.
        var baselineSeconds: [Double]
        /// Slot writes (operations) in the workload.
        var operations: Int
        /// Records after the merge.
        var records: Int
        /// Open conflicts after the merge.
        var openConflicts: Int
        /// Keys in the baseline table (keeps its work observable).
        var baselineCells: Int
        /// Changes that, on arrival, were concurrent with another live write
        /// to one of their slots (measured in an untimed pass).
        var concurrentChanges: Int
    }

    let workload: MergeWorkload
    let repeats: Int

    /// Runs the merge and the baseline `repeats` times each, interleaved.
    func run() -> Result {
        var result = Result(
            changes: workload.changes.count, mergeSeconds: [], baselineSeconds: [],
            operations: workload.changes.reduce(0) { $0 + $1.ops.count }, records: 0, openConflicts: 0,
            baselineCells: 0, concurrentChanges: countConcurrentChanges()
        )
        let clock = ContinuousClock()
        for _ in 0..<repeats {
            var replica = Replica(id: ReplicaID(unchecked: "bench-receiver"))
            result.mergeSeconds.append(clock.measure { merge(into: &replica) }.seconds)
            result.records = replica.records.count
            result.openConflicts = replica.conflicts.count
            var table: [String: [String: Value]] = [:]
            result.baselineSeconds.append(clock.measure { baseline(into: &table) }.seconds)
            result.baselineCells = table.values.reduce(0) { $0 + $1.count }
        }
        return result
    }

    /// Untimed: how many changes meet a concurrent write in one of their slots.
    private func countConcurrentChanges() -> Int {
        var replica = Replica(id: ReplicaID(unchecked: "bench-receiver"))
        var count = 0
        for change in workload.changes {
            _ = try? replica.receive(change, physical: workload.endMillis)
            let record = replica.records[change.record]
            if change.ops.contains(where: { record?.register($0.slot).entries.count ?? 0 > 1 }) { count += 1 }
        }
        return count
    }

    /// The measured operation: every change through `Replica.receive`.
    private func merge(into replica: inout Replica) {
        for change in workload.changes {
            // Generated changes are valid and within the drift bound.
            _ = try? replica.receive(change, physical: workload.endMillis)
        }
    }

    /// The baseline: naive last writer wins on a plain dictionary, no metadata.
    private func baseline(into table: inout [String: [String: Value]]) {
        for change in workload.changes {
            for op in change.ops {
                if let value = op.value {
                    table[change.record, default: [:]][op.slot.path] = value
                } else {
                    table[change.record]?[op.slot.path] = nil
                }
            }
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

extension Array where Element == Double {
    /// The median (mean of the middle two for even counts); 0 when empty.
    var median: Double {
        guard !isEmpty else { return 0 }
        let sorted = self.sorted()
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
    }
}

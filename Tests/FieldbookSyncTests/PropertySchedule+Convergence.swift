import FieldbookSync

extension PropertySchedule {
    /// Convergence: after the full exchange every replica holds equal records
    /// and lists equal conflicts.
    func convergenceFailures() -> [String] {
        let first = replicas[0]
        var failures: [String] = []
        for other in replicas.dropFirst() {
            if other.records != first.records {
                failures.append(
                    "convergence: \(first.id) and \(other.id) differ at \(Self.difference(first.records, other.records))"
                )
            } else if other.conflicts != first.conflicts {
                failures.append("convergence: \(first.id) and \(other.id) list different conflicts")
            }
        }
        return failures
    }

    /// Idempotence: applying every change once more — straight to the record
    /// states, bypassing the replica's duplicate filter, and again through
    /// `Replica.receive` — changes nothing.
    func idempotenceFailures() -> [String] {
        var random = self.random
        var failures: [String] = []
        let changes = random.shuffled(oracle.changes)
        var records = replicas[0].records
        for change in changes {
            guard var state = records[change.record] else {
                failures.append("idempotence: record \(change.record) of \(change.dot) missing")
                continue
            }
            do {
                let touched = try state.apply(change)
                if !touched.isEmpty || state != records[change.record] {
                    failures.append("idempotence: re-applying \(change.dot) to \(change.record) changed slots \(touched)")
                }
                records[change.record] = state
            } catch {
                failures.append("idempotence: re-applying \(change.dot) threw \(error)")
            }
        }
        var replica = replicas[random.int(below: replicas.count)]
        let before = replica.records
        for change in changes {
            let touched = (try? replica.receive(change, physical: UInt64.max / 2)) ?? [Slot.deleted]
            if !touched.isEmpty { failures.append("idempotence: \(replica.id) re-received \(change.dot): \(touched)") }
        }
        if replica.records != before { failures.append("idempotence: re-delivery changed \(replica.id)'s records") }
        return Array(failures.prefix(3))
    }

    /// Join commutativity: the record states seen along the way (every
    /// replica's just before the full exchange, plus earlier snapshots),
    /// joined pairwise in a random order and grouping, equal the state reached
    /// by change delivery; joining any snapshot into the result changes
    /// nothing; `Replica.join` of them all in random order gives the same
    /// records; and, on one random record, three random snapshots obey the
    /// laws (commutative, associative, idempotent).
    func joinFailures() -> [String] {
        var random = self.random
        let expected = replicas[0].records
        var failures: [String] = []
        let ids = expected.keys.sorted()
        let lawRecord = ids.isEmpty ? nil : random.pick(ids)  // the laws on one record per schedule keep it cheap
        for id in ids {
            var pool = snapshots.compactMap { $0[id] }
            random.shuffle(&pool)
            guard let absorbed = pool.first else {
                failures.append("join: no snapshot holds \(id)")
                continue
            }
            do {
                if id == lawRecord {
                    failures += try joinLawFailures(id, random.pick(pool), random.pick(pool), random.pick(pool))
                }
                while pool.count > 1 {
                    let left = random.int(below: pool.count)
                    let right = random.index(below: pool.count, other: left)
                    try pool[left].join(pool[right])
                    pool.remove(at: right)
                }
                if pool[0] != expected[id] {
                    failures.append("join: joined snapshots differ at \(Self.difference([id: pool[0]], [id: expected[id]!]))")
                }
                var absorbing = expected[id]!
                try absorbing.join(absorbed)
                if absorbing != expected[id] { failures.append("join: joining an older snapshot of \(id) changed it") }
            } catch {
                failures.append("join: \(id) threw \(error)")
            }
        }
        var fresh = Replica(id: replicas[0].id)
        let states = snapshots.flatMap { snapshot in snapshot.keys.sorted().map { snapshot[$0]! } }
        for state in random.shuffled(states) {
            do { try fresh.join(state) } catch { failures.append("join: Replica.join threw \(error)") }
        }
        if fresh.records != expected {
            failures.append("join: Replica.join of snapshots differs at \(Self.difference(fresh.records, expected))")
        }
        return Array(failures.prefix(3))
    }

    /// The join laws on three states of one record: commutative, associative, idempotent.
    private func joinLawFailures(_ id: String, _ a: RecordState, _ b: RecordState, _ c: RecordState) throws(SyncError)
        -> [String]
    {
        let join = { (lhs: RecordState, rhs: RecordState) throws(SyncError) -> RecordState in
            var result = lhs
            try result.join(rhs)
            return result
        }
        var failures: [String] = []
        if try join(a, b) != join(b, a) { failures.append("join: \(id): a ⊔ b ≠ b ⊔ a") }
        if try join(join(a, b), c) != join(a, join(b, c)) { failures.append("join: \(id): (a ⊔ b) ⊔ c ≠ a ⊔ (b ⊔ c)") }
        if try join(a, a) != a { failures.append("join: \(id): a ⊔ a ≠ a") }
        return failures
    }
}

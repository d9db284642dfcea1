import FieldbookProtocol
import FieldbookSync

/// The pure per-change checks of SYNC.md §11.2 that need no store: structure
/// (step 5), clock drift (step 6) and which referenced dots need a look-up (step 10).
enum ChangeChecks {
    /// Step 5: the structural rules of §6.1 and §4.2, plus the record's entity (§2.2).
    /// `boundEntity` is the entity of the record (live or purged), if the ID is known.
    static func structure(of change: Change, boundEntity: String?, maxSlotBytes: Int) -> Rejection? {
        do { try change.validateStructure() } catch {
            guard case .invalidChange(_, let reason) = error else { return Rejection(.invalidChange, "structurally invalid change") }
            return Rejection(.invalidChange, reason)
        }
        let dots = [change.dot] + change.ops.flatMap { $0.supersedes + $0.covers }
        if let bad = dots.first(where: { !(1...Dot.maxCounter).contains($0.counter) }) {
            return Rejection(.invalidChange, "dot counter \(bad.counter) of replica \(bad.replica) is outside 1…2^63−1")
        }
        for op in change.ops {
            // Slots built in code are not parsed; check them as if they came off the wire.
            // Not echoed: a malformed path may hold anything, customer data included.
            guard (try? Slot(path: op.slot.path)) != nil else {
                return Rejection(.invalidChange, "a slot is malformed or uses a reserved name")
            }
            guard op.slot.path.utf8.count <= maxSlotBytes else {
                return Rejection(.invalidChange, "a slot of field \(op.slot.field.prefix(64)) is longer than \(maxSlotBytes) bytes")
            }
        }
        if let bound = boundEntity, bound != change.entity {
            return Rejection(.invalidChange, "record \(change.record) is a \(bound) record, the change says \(change.entity)")
        }
        return nil
    }

    /// Step 6: the change's time may lie at most `maxDrift` ms ahead of `nowMillis`.
    static func drift(of change: Change, nowMillis: UInt64, maxDrift: UInt64) -> Rejection? {
        do {
            try HybridLogicalClock(maxDrift: maxDrift).checkDrift(change.time, physical: nowMillis)
            return nil
        } catch {
            let ahead = change.time.millis - nowMillis
            return Rejection(
                .clockDrift, "the change's time is \(ahead) ms ahead of the server clock; at most \(maxDrift) ms are allowed"
            )
        }
    }

    /// Step 10, first half: the `supersedes` and `covers` dots that are neither
    /// the author's own earlier dots nor covered by `stable` — the store must
    /// have accepted each of them.
    static func dotsToLookUp(in change: Change, stable: VersionVector) -> Set<Dot> {
        var dots = Set<Dot>()
        for op in change.ops {
            for dot in op.supersedes + op.covers {
                let ownEarlier = dot.replica == change.dot.replica && dot.counter < change.dot.counter
                if !ownEarlier && !stable.contains(dot) { dots.insert(dot) }
            }
        }
        return dots
    }
}

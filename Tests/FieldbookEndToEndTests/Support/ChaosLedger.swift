/// What one chaos replica was told succeeded, and what may or may not have
/// happened because its process was killed first: the expectations the final
/// state is checked against.
///
/// A command that exited 0 is *acknowledged*; a command killed with SIGKILL
/// may have committed or not, so its effect is *possible*.
struct ChaosLedger: Sendable {
    /// The record kinds the chaos replicas write, with the CLI noun, the
    /// server entity, the field holding the unique name and the field only
    /// the creating replica edits.
    enum Kind: String, Sendable, CaseIterable {
        case account, contact, task

        var entity: String { self == .task ? "activity" : rawValue }
        var nameField: String {
            switch self {
            case .account: "name"
            case .contact: "lastName"
            case .task: "subject"
            }
        }
        var ownedField: String { self == .task ? "description" : "phone" }
    }

    /// An acknowledged record creation.
    struct Created: Sendable {
        var kind: Kind
        var name: String
    }

    /// The value of an owned field: the last acknowledged one, and values of
    /// later killed edits that may have committed.
    struct FieldExpectation: Sendable {
        var confirmed: String?
        var possible: Set<String> = []

        /// Whether `value` is an allowed final value.
        func allows(_ value: String?) -> Bool {
            value == confirmed || (value.map(possible.contains) ?? false)
        }
    }

    /// Acknowledged creations by record ID.
    var created: [String: Created] = [:]
    /// Names of creations whose process was killed.
    var possibleNames: Set<String> = []
    /// Records whose deletion was acknowledged.
    var deleted: Set<String> = []
    /// Records whose deletion was attempted by a killed process.
    var possiblyDeleted: Set<String> = []
    /// Owned field expectations by record ID.
    var owned: [String: FieldExpectation] = [:]
    /// Every industry value written to an account (by anyone), acknowledged or not.
    var industries: [String: Set<String>] = [:]
    /// Commands that failed without being killed (other than syncs while the server was down).
    var unexpectedFailures: [String] = []
    /// Counts for the run's summary line.
    var commands = 0
    var killed = 0
    var syncs = 0

    /// Records an owned-field write of `value` to `id`.
    mutating func wrote(_ value: String, to id: String, acknowledged: Bool) {
        if acknowledged {
            owned[id] = FieldExpectation(confirmed: value)
        } else {
            owned[id, default: FieldExpectation()].possible.insert(value)
        }
    }

    /// Folds the ledgers of all replicas into one.
    static func merged(_ ledgers: [ChaosLedger]) -> ChaosLedger {
        var all = ChaosLedger()
        for ledger in ledgers {
            all.created.merge(ledger.created) { first, _ in first }
            all.possibleNames.formUnion(ledger.possibleNames)
            all.deleted.formUnion(ledger.deleted)
            all.possiblyDeleted.formUnion(ledger.possiblyDeleted)
            all.owned.merge(ledger.owned) { first, _ in first }
            all.industries.merge(ledger.industries) { $0.union($1) }
            all.unexpectedFailures += ledger.unexpectedFailures
            all.commands += ledger.commands
            all.killed += ledger.killed
            all.syncs += ledger.syncs
        }
        return all
    }
}

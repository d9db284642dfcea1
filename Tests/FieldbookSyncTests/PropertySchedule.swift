import FieldbookSync

/// One random schedule: 2–6 replicas with skewed physical clocks make random
/// edits on a few records and exchange random subsets of their logs —
/// duplicated, reordered, partly dropped and retried later — then finish
/// with a full exchange in which every replica receives every change.
///
/// Everything is drawn from one ``PropertyRandom`` seeded with ``seed``, and
/// every step is reported to ``PropertyOracle`` so the outcome can be judged
/// without trusting the merge.
struct PropertySchedule {
    /// A directed pair of replicas (indices into ``replicas``).
    private struct Link: Hashable {
        var from: Int
        var to: Int
    }

    /// The drift bound given to every replica's clock. Test replicas run days
    /// apart on purpose; should a replica check drift on receipt, the default
    /// 5-minute bound would make those behind refuse everyone else's changes.
    static let maxDrift: UInt64 = 30 * 86_400_000

    /// The schedule's seed.
    let seed: UInt64
    /// Number of random steps before the full exchange.
    let steps: Int
    /// The replicas.
    private(set) var replicas: [Replica]
    /// Each replica's physical clock offset from true time, in ms.
    let skews: [Int64]
    /// The independent record of writes and causal histories.
    private(set) var oracle = PropertyOracle()
    /// Record states captured along the way and just before the full exchange.
    private(set) var snapshots: [[String: RecordState]] = []
    /// Unexpected errors (refused changes, lost log entries).
    private(set) var errors: [String] = []
    /// The generator, left where the schedule ended (checks continue from it).
    private(set) var random: PropertyRandom

    private var retries: [Link: [Change]] = [:]
    private var now: UInt64 = 1_750_000_000_000
    private var step = 0
    private let trace: Bool

    /// Draws the schedule's shape from `seed`; `steps` overrides the drawn step count.
    init(seed: UInt64, steps override: Int? = nil, trace: Bool = false) {
        var random = PropertyRandom(seed: seed)
        let count = random.int(in: 2...6)
        let drawnSteps = random.int(in: 8...48)
        let ids = PropertyWorld.replicaIDs(count, random: &random)
        skews = ids.map { _ in Self.randomSkew(&random) }
        replicas = ids.map { Replica(id: $0, clock: HybridLogicalClock(maxDrift: Self.maxDrift)) }
        self.seed = seed
        self.steps = override ?? drawnSteps
        self.random = random
        self.trace = trace
        log("schedule \(seed): \(count) replicas \(zip(ids, skews).map { "\($0)(\(Self.render(skew: $1)))" })")
    }

    /// Runs the random steps, then the full exchange.
    mutating func run() {
        for index in 0..<steps {
            step = index
            advanceTime()
            switch random.int(below: 100) {
            case 0..<52: localChange()
            case 52..<58: derive()
            case 58..<66: resolveConflict()
            default: partialExchange()
            }
        }
        snapshots.append(contentsOf: replicas.map(\.records))
        fullExchange()
    }

    // MARK: Clocks

    private static func randomSkew(_ random: inout PropertyRandom) -> Int64 {
        let hour: Int64 = 3_600_000
        return switch random.int(below: 8) {
        case 0..<4: 0
        case 4: -Int64(random.int(in: 1...23)) * hour - Int64(random.int(below: 1000))
        case 5: -Int64(random.int(in: 1...5)) * 24 * hour - Int64(random.int(below: 1000))
        default: Int64(random.int(in: 1...120_000))
        }
    }

    private mutating func advanceTime() {
        let elapsed: UInt64 = switch random.int(below: 10) {
        case 0..<4: 0
        case 4..<7: 1
        case 7..<9: UInt64(random.int(in: 2...1000))
        default: UInt64(random.int(in: 1000...3_600_000))
        }
        now += elapsed
    }

    private func physical(_ replica: Int) -> UInt64 { UInt64(Int64(now) + skews[replica]) }

    // MARK: Edits

    private mutating func localChange() {
        let index = random.int(below: replicas.count)
        let record = random.percent(75) ? random.pick(PropertyWorld.records) : random.pick(PropertyWorld.allRecords)
        let state = replicas[index].records[record.id] ?? RecordState(entity: record.entity, id: record.id)
        edit(index, record, PropertyEdit.random(on: state, random: &random))
    }

    /// Two replicas derive the same record from a lead (same derived ID),
    /// copying the lead's name as each sees it.
    private mutating func derive() {
        let source = random.pick(PropertyWorld.records.filter { $0.entity == "lead" })
        let record = PropertyWorld.derived(from: source.id, role: random.pick(PropertyWorld.roles))
        let first = random.int(below: replicas.count)
        for index in [first, random.index(below: replicas.count, other: first)] {
            let name = replicas[index].records[source.id]?.value("name") ?? .null
            edit(index, record, [.set(field: "name", value: name), .set(field: "status", value: "converted")])
        }
    }

    private mutating func resolveConflict() {
        let index = random.int(below: replicas.count)
        let conflicts = replicas[index].conflicts
        guard !conflicts.isEmpty else { return localChange() }
        let conflict = random.pick(conflicts)
        let record = PropertyWorld.Record(entity: conflict.entity, id: conflict.record)
        edit(index, record, [PropertyEdit.resolving(conflict, random: &random)])
    }

    private mutating func edit(_ index: Int, _ record: PropertyWorld.Record, _ edits: [PropertyEdit]) {
        let made = replicas[index].change(record.entity, record.id, physical: physical(index)) { builder in
            for edit in edits { edit.apply(to: &builder) }
        }
        guard let made else { return }
        oracle.made(made, by: replicas[index].id)
        log("\(replicas[index].id) made \(made.dot) @\(made.time) on \(record.id): \(edits) → \(Self.render(made))")
    }

    // MARK: Exchanges

    /// Sends a random subset of one replica's log to another: retries of
    /// earlier drops first, then shuffled, some duplicated, some dropped again.
    private mutating func partialExchange() {
        let from = random.int(below: replicas.count)
        let link = Link(from: from, to: random.index(below: replicas.count, other: from))
        let share = random.int(in: 10...100)
        let log = replicas[from].log
        var batch = retries[link, default: []] + log.filter { _ in random.percent(share) }
        random.shuffle(&batch)
        var delivered: [Change] = []
        var dropped: [Change] = []
        for change in batch {
            if random.percent(15) {
                dropped.append(change)
                continue
            }
            delivered.append(change)
            if random.percent(15) { delivered.insert(change, at: random.int(below: delivered.count + 1)) }
        }
        retries[link] = dropped
        self.log(
            "exchange \(replicas[link.from].id) → \(replicas[link.to].id): \(delivered.map(\.dot)) dropped \(dropped.map(\.dot))"
        )
        deliver(delivered, to: link.to)
        if random.percent(10) { snapshots.append(replicas[link.to].records) }
    }

    /// Every replica receives the union of all logs, shuffled, some twice.
    private mutating func fullExchange() {
        var all: [Change] = []
        var known = Set<Dot>()
        for replica in replicas {
            for change in replica.log where known.insert(change.dot).inserted { all.append(change) }
        }
        if all.count != oracle.changes.count {
            errors.append("replica logs hold \(all.count) distinct changes, \(oracle.changes.count) were made")
        }
        log("full exchange of \(all.count) changes")
        for index in replicas.indices {
            var batch = random.shuffled(all)
            for change in all where random.percent(10) { batch.insert(change, at: random.int(below: batch.count + 1)) }
            deliver(batch, to: index)
        }
    }

    private mutating func deliver(_ changes: [Change], to index: Int) {
        for change in changes {
            do {
                try replicas[index].receive(change, physical: physical(index))
                oracle.received(change.dot, by: replicas[index].id)
            } catch {
                errors.append("\(replicas[index].id) refused \(change.dot): \(error)")
            }
        }
    }

    // MARK: Trace

    private func log(_ line: @autoclosure () -> String) {
        if trace { print("[\(seed) step \(step)] \(line())") }
    }

    private static func render(skew: Int64) -> String {
        skew == 0 ? "on time" : skew < 0 ? "\(-skew / 60_000) min behind" : "\(skew) ms ahead"
    }

    private static func render(_ change: Change) -> String {
        change.ops.map { op in
            let covers = op.covers.isEmpty ? "" : " covers \(op.covers)"
            return "\(op.slot)=\(PropertyWorld.render(op.value)) supersedes \(op.supersedes)\(covers)"
        }
        .joined(separator: "; ")
    }
}

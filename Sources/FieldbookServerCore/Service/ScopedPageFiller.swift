import FieldbookProtocol
import FieldbookSync

/// Builds one scoped pull page (see ``SyncService/scopedContent(from:scope:for:head:limit:)``).
struct ScopedPageFiller {
    let service: SyncService
    let replica: ReplicaID
    let head: LogPosition
    /// Items the page may still take.
    var budget: Int
    /// The roots served: in the cursor's epoch and in the caller's scope now.
    let serving: Set<ScopeRoot>
    let epoch: UInt64
    var page = PageContent(cursor: .log(.start))
    /// One reading of each record's root per page (nil: not indexed).
    private var roots: [String: ScopeRoot?] = [:]
    private var snapshotted: Set<String> = []
    private var evicted: Set<String> = []

    init(service: SyncService, replica: ReplicaID, head: LogPosition, budget: Int, serving: Set<ScopeRoot>, epoch: UInt64) {
        self.service = service
        self.replica = replica
        self.head = head
        self.budget = budget
        self.serving = serving
        self.epoch = epoch
    }

    private var store: any ServerStore { service.store }

    /// Fills the page from `start` until the budget is spent or the log is exhausted.
    mutating func fill(from start: ScopedPhase) async throws {
        var phase = start
        while true {
            page.cursor = .scoped(epoch: epoch, phase)
            switch phase {
            case .transition(let from, let evicting, let after, let then):
                guard let next = try await transition(from: from, evicting: evicting, after: after, then: then) else { return }
                phase = next
            case .snapshot(let horizon, let after):
                guard let next = try await snapshots(horizon: horizon, after: after) else { return }
                phase = next
            case .log(let position, let movedAfter):
                try await log(after: position, movedAfter: movedAfter)
                return
            }
        }
    }

    // MARK: Phases

    /// One step of a transition; nil when the page is full.
    private mutating func transition(from: UInt64, evicting: Bool, after: String?, then: ScopedPhase) async throws -> ScopedPhase? {
        guard let old = try await store.scopeEpoch(from, of: replica),
            let new = try await store.scopeEpoch(epoch, of: replica)
        else { throw SyncServiceError.cursorExpired }
        let roots = evicting ? old.subtracting(new) : new.subtracting(old)
        let done: ScopedPhase = evicting ? .transition(from: from, evicting: false, after: nil, then: then) : then
        guard !roots.isEmpty else { return done }
        guard budget > 0 else { return full() }
        let batch = try await store.scopedRecords(in: roots, after: after, limit: budget + 1)
        let taken = batch.prefix(budget)
        budget -= taken.count
        for item in taken {
            let id = item.record.id
            if evicting {
                if !isServed(id, read: item.root) { evict(RecordRef(entity: item.record.state.entity, id: id)) }
            } else if isServed(id, read: item.root) {
                snapshot(item.record.state)
            }
        }
        guard batch.count > taken.count, let last = taken.last else { return done }
        page.cursor = .scoped(epoch: epoch, .transition(from: from, evicting: evicting, after: last.record.id, then: then))
        return full()
    }

    /// One step of a download's snapshots; nil when the page is full.
    private mutating func snapshots(horizon: LogPosition, after: String?) async throws -> ScopedPhase? {
        guard budget > 0 else { return full() }
        let batch = try await store.scopedRecords(in: serving.union([.shared]), after: after, limit: budget + 1)
        let taken = batch.prefix(budget)
        budget -= taken.count
        for item in taken where isServed(item.record.id, read: item.root) { snapshot(item.record.state) }
        guard batch.count > taken.count, let last = taken.last else { return .log(horizon, movedAfter: nil) }
        page.cursor = .scoped(epoch: epoch, .snapshot(horizon: horizon, after: last.record.id))
        return full()
    }

    /// The log phase: root changes and changes after `position`, in log order.
    private mutating func log(after position: LogPosition, movedAfter: String?) async throws {
        guard budget > 0 else {
            let entries = try await store.readLog(after: position, limit: 1, excludingAuthor: replica).entries
            let moves = try await store.rootChanges(after: position, through: head)
            page.hasMore = !entries.isEmpty || !moves.isEmpty
            return
        }
        let slice = try await store.readLog(after: position, limit: budget, excludingAuthor: replica)
        let upper = slice.scannedThrough
        let moves = try await store.rootChanges(after: position, through: upper)
        try await readRoots(Set(slice.entries.map(\.change.record)).union(moves.map(\.record.id)))
        let movesAt = Dictionary(grouping: moves, by: \.position)
        let entryAt = Dictionary(slice.entries.map { ($0.position, $0) }, uniquingKeysWith: { first, _ in first })
        for at in Set(movesAt.keys).union(entryAt.keys).sorted() {
            // Everything before `at` is done; a cut here resumes at `at`.
            let before = LogPosition(rawValue: at.rawValue - 1)
            var lastMoved = at == position.next ? movedAfter : nil
            for move in movesAt[at] ?? [] {
                if let skip = lastMoved, !skip.utf8.lexicographicallyPrecedes(move.record.id.utf8) { continue }
                guard budget > 0 else { return stop(at: before, movedAfter: lastMoved) }
                budget -= 1
                try await settle(move.record)
                lastMoved = move.record.id
            }
            if let entry = entryAt[at], isServed(entry.change.record, read: nil) {
                guard budget > 0 else { return stop(at: before, movedAfter: lastMoved) }
                budget -= 1
                page.changes.append(entry.change)
            }
        }
        page.cursor = .scoped(epoch: epoch, .log(upper, movedAfter: nil))
        page.hasMore = slice.hasMore
    }

    // MARK: Items

    private mutating func full() -> ScopedPhase? {
        page.hasMore = true
        return nil
    }

    private mutating func stop(at position: LogPosition, movedAfter: String?) {
        page.cursor = .scoped(epoch: epoch, .log(position, movedAfter: movedAfter))
        page.hasMore = true
    }

    /// A record whose root changed: a snapshot when served now, else an eviction.
    private mutating func settle(_ record: RecordRef) async throws {
        if isServed(record.id, read: nil), let state = try await store.record(record.id).record?.state {
            snapshot(state)
        } else {
            evict(record)
        }
    }

    private mutating func snapshot(_ state: RecordState) {
        if snapshotted.insert(state.id).inserted { page.snapshots.append(state) }
    }

    private mutating func evict(_ record: RecordRef) {
        if evicted.insert(record.id).inserted { page.evictions.append(record) }
    }

    // MARK: Roots

    private mutating func readRoots(_ ids: Set<String>) async throws {
        let missing = ids.filter { roots[$0] == nil }
        guard !missing.isEmpty else { return }
        let found = try await store.scopeRoots(of: missing)
        for id in missing { roots[id] = .some(found[id]) }
    }

    /// Whether `id` is served, deciding by the first root read for it on this page.
    private mutating func isServed(_ id: String, read: ScopeRoot?) -> Bool {
        if roots[id] == nil, let read { roots[id] = .some(read) }
        guard let root = roots[id].flatMap({ $0 }) else { return false }
        return isServedRoot(root)
    }

    private func isServedRoot(_ root: ScopeRoot) -> Bool { root == .shared || serving.contains(root) }
}

import FieldbookProtocol
import FieldbookSync

/// The scope part of a ``MemoryStoreState``: entries, look-up keys, parent
/// links, root changes and per-replica epochs.
struct MemoryScopeIndex: Sendable {
    var entries: [String: ScopeEntry] = [:]
    /// Record IDs by look-up key.
    var keys: [String: Set<String>] = [:]
    /// Record IDs by the parent they inherit their root from.
    var children: [String: Set<String>] = [:]
    /// Root changes after the log floor, in position order.
    var rootChanges: [RootChange] = []
    /// Epochs per replica, oldest first.
    var epochs: [ReplicaID: [ScopeEpoch]] = [:]

    /// Indexes `facts` for `id` and logs every effective root that changes.
    mutating func index(_ id: String, entity: String, facts: ScopeFacts, at position: LogPosition) {
        let old = entries[id]
        unlink(id)
        for key in facts.keys { keys[key, default: []].insert(id) }
        if let parent = facts.parent { children[parent, default: []].insert(id) }
        let root = facts.parent.flatMap { entries[$0]?.root } ?? facts.root
        entries[id] = ScopeEntry(entity: entity, facts: facts, root: root)
        var visited: Set<String> = []
        move(id, from: old?.root, at: position, visited: &visited)
    }

    /// Drops `id`'s entry (a purge); records inheriting from it keep their roots.
    mutating func remove(_ id: String) {
        unlink(id)
        entries[id] = nil
    }

    private mutating func unlink(_ id: String) {
        guard let old = entries[id] else { return }
        for key in old.facts.keys { keys[key]?.remove(id) }
        if let parent = old.facts.parent { children[parent]?.remove(id) }
    }

    /// Logs `id`'s move from `old` to its current root, then moves its children along.
    private mutating func move(_ id: String, from old: ScopeRoot?, at position: LogPosition, visited: inout Set<String>) {
        guard visited.insert(id).inserted, let entry = entries[id] else { return }
        if let old, old != entry.root {
            rootChanges.append(RootChange(position: position, record: RecordRef(entity: entry.entity, id: id), from: old, to: entry.root))
        }
        for child in (children[id] ?? []).sorted() {
            guard var childEntry = entries[child], childEntry.root != entry.root else { continue }
            let before = childEntry.root
            childEntry.root = entry.root
            entries[child] = childEntry
            move(child, from: before, at: position, visited: &visited)
        }
    }

    mutating func saveEpoch(_ roots: Set<ScopeRoot>, for replica: ReplicaID, keeping: Int) -> UInt64 {
        var list = epochs[replica] ?? []
        let number = (list.last?.number ?? 0) + 1
        list.append(ScopeEpoch(number: number, roots: roots))
        if list.count > max(1, keeping) { list.removeFirst(list.count - max(1, keeping)) }
        epochs[replica] = list
        return number
    }
}

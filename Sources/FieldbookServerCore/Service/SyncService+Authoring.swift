import FieldbookModel
import FieldbookProtocol
import FieldbookSync

extension SyncService {
    /// Authors a change under the server's replica ID (SYNC.md §11.2, "Servers
    /// author changes too"): office edits through a REST API, finalising
    /// numbers, workflow automation, schema migrations.
    ///
    /// `edit` fills a ``FieldbookSync/ChangeBuilder`` from the record's current server
    /// state, so the change supersedes exactly what the server holds. The
    /// change gets the server replica's next counter and a time after every
    /// entry of the record, then runs through the same push pipeline as a
    /// client's change (validated at the newest schema version with
    /// `caller`'s role) and is logged for every replica to pull. When another
    /// server instance takes the counter or changes the record first, `edit`
    /// runs again on the fresh state, so it must not have side effects.
    ///
    /// Several instances on one database share the server replica: its
    /// counters are allocated in the database (the store checks that the dot
    /// is the next one inside its commit lock), never per process. In one
    /// process authors take turns; an instance that lost the counter to
    /// another waits a short random time and builds again.
    ///
    /// ```swift
    /// let authored = try await service.author("offer", offerID, caller: SyncCaller(user: "user-eva", role: .office)) {
    ///     $0.set("number", to: "A-2025-0117")
    /// }
    /// ```
    /// - Returns: the change and its decision, or nil when `edit` wrote nothing.
    /// - Throws: errors thrown by `edit`, ``SyncServiceError`` (`unavailable`
    ///   after too many lost races), or a store error.
    public func author(
        _ entity: String, _ record: String, caller: SyncCaller = .system,
        _ edit: (inout ChangeBuilder) throws -> Void
    ) async throws -> AuthoredChange? {
        let server = configuration.serverReplica
        var context = PushContext(
            replica: server, caller: caller,
            validator: SchemaValidator(
                registry: try registry(for: configuration.schemas.versions.last ?? 0),
                options: ValidationOptions(unknownFields: .reject, role: caller.role)
            ),
            stable: try await store.frontierState().stable
        )
        context.scope = try await scope(of: caller)
        await authoring.begin()
        do {
            let authored = try await authorInTurn(entity, record, context: context, edit)
            await authoring.end()
            // Automations of server-authored changes (an office edit through the REST API marking an
            // opportunity won or an order delivered) run after the turn: they author changes themselves.
            if let authored, authored.result.status == .accepted || authored.result.status == .duplicate {
                try await automate(after: authored.change)
            }
            return authored
        } catch {
            await authoring.end()
            throw error
        }
    }

    /// Builds, numbers and decides the change until no other instance took its counter first.
    private func authorInTurn(
        _ entity: String, _ record: String, context: PushContext, _ edit: (inout ChangeBuilder) throws -> Void
    ) async throws -> AuthoredChange? {
        let server = configuration.serverReplica
        // Each lost race means another instance committed a server change: progress overall.
        let attempts = max(1, configuration.limits.maxCommitAttempts) * 4
        for attempt in 0..<attempts {
            let current = try await store.record(record).record?.state
            var builder = ChangeBuilder(state: current ?? RecordState(entity: entity, id: record))
            try edit(&builder)
            guard !builder.isEmpty else { return nil }
            let counter = try await store.decidedCounter(of: server) + 1
            let seen = current?.slots.values.flatMap { $0.entries.map(\.time) } ?? []
            let change = Change(
                entity: entity, record: record, dot: Dot(replica: server, counter: counter),
                time: await clock.stamp(after: seen), ops: builder.operations
            )
            let result = try await decide(change, in: context)
            // Another instance used this counter first: build again on fresh state, after a
            // short random pause so the instances do not collide again in lockstep.
            if result.code == .dotReused || result.code == .counterGap {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(2 << min(attempt, 5)))))
                continue
            }
            return AuthoredChange(change: change, result: result)
        }
        throw SyncServiceError(.unavailable, "record \(record) is being changed concurrently; retry")
    }
}

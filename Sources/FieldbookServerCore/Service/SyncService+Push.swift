import FieldbookModel
import FieldbookProtocol
import FieldbookSync

extension SyncService {
    /// Processes a push (SYNC.md §11.2): decides every change in order, each
    /// on its own — a rejected change does not stop the rest of the batch.
    ///
    /// Per change, in this order: 1 `foreign_dot` · 2 the recorded decision
    /// again (`duplicate`, the same rejection, or `dot_reused` when the content
    /// differs) · 3 `counter_gap` (not recorded) · 4 covered by the frontier →
    /// `duplicate` · 5 `invalid_change` · 6 `clock_drift` · 7 schema validation
    /// for the client's version (`unknown_entity`, `unknown_field`,
    /// `invalid_value`, `invalid_reference`) · 8 rights (`forbidden` for the
    /// role, then the ``ChangeAuthorizer``, then the caller's scope:
    /// `out_of_scope` for a record outside it, SYNC.md §11.5.1) · 9 `record_purged` ·
    /// 10 `unknown_dot` · 11 `business_rule` on the merged record · where the
    /// merged record ends up must be in scope (`out_of_scope` for a new record,
    /// `forbidden` for a move or an account reassignment) · 12 merge,
    /// log, index and decide atomically → `accepted`. Every decision from step 5 on is
    /// recorded before the response is built.
    ///
    /// - Throws: ``SyncServiceError`` for request-level failures
    ///   (`unsupported_protocol_version`, `unsupported_schema_version`,
    ///   `batch_too_large`, `forbidden`, `unavailable`), or a store error.
    ///   Changes decided before a store failure stay decided; a retry answers them again.
    public func push(_ request: PushRequest, caller: SyncCaller) async throws -> PushResponse {
        try checkProtocolVersion(request.protocolVersion)
        let registry = try registry(for: request.schemaVersion)
        let limit = configuration.limits.maxChangesPerPush
        guard request.changes.count <= limit else {
            throw SyncServiceError(.batchTooLarge, "a push carries at most \(limit) changes; split the outbox")
        }
        if request.replica == configuration.serverReplica, caller.role != .system {
            throw SyncServiceError(.forbidden, "replica \(request.replica) is the server's own replica")
        }
        var context = PushContext(
            replica: request.replica, caller: caller,
            validator: SchemaValidator(registry: registry, options: ValidationOptions(unknownFields: .reject, role: caller.role)),
            stable: try await store.frontierState().stable
        )
        context.scope = try await scope(of: caller)
        if !context.scope.isEverything {
            context.servedRoots = try await store.latestScopeEpoch(of: request.replica)?.roots ?? []
        }
        var results: [ChangeResult] = []
        results.reserveCapacity(request.changes.count)
        for change in request.changes {
            let result = try await decide(change, in: context)
            results.append(result)
            if result.status == .accepted, change.entity == "account", !context.scope.isEverything {
                try await admitAccount(change.record, into: &context.scope)
            }
        }
        return PushResponse(results: results, serverTime: await clock.now())
    }

    /// Decides one change, evaluating it again when the store moved underneath.
    func decide(_ change: Change, in context: PushContext) async throws -> ChangeResult {
        let dot = change.dot
        guard dot.replica == context.replica else {
            return .rejected(dot, code: .foreignDot, reason: "dot \(dot) belongs to another replica than the pushing one")
        }
        let digest = ChangeDigest(of: change)
        for _ in 0..<max(1, configuration.limits.maxCommitAttempts) {
            if case .decided(let result) = try await attempt(change, digest: digest, in: context) {
                // Server-authored changes are automated by `author` once its turn ended (automations author too).
                if result.status == .accepted || result.status == .duplicate, context.replica != configuration.serverReplica {
                    try await automate(after: change)
                }
                return result
            }
        }
        throw SyncServiceError(.unavailable, "record \(change.record) is being changed concurrently; retry the push")
    }

    /// Steps 2–12 for one change against the store's current content.
    private func attempt(_ change: Change, digest: ChangeDigest, in context: PushContext) async throws -> DecisionAttempt {
        let dot = change.dot
        let inputs = try await store.decisionInputs(for: change)
        if let decision = inputs.decision {
            return .decided(Self.replay(decision, digest: digest))
        }
        let decidedThrough = inputs.decidedCounter
        if dot.counter > decidedThrough + 1 {
            let missing = Dot(replica: dot.replica, counter: decidedThrough + 1)
            return .decided(.rejected(dot, code: .counterGap, reason: "change \(missing) has not been pushed yet; push it first"))
        }
        if context.stable.contains(dot) { return .decided(.duplicate(dot)) }
        if dot.counter <= decidedThrough {
            // Decided earlier, but the decision is gone: stores keep decisions above the frontier.
            return .decided(.rejected(dot, code: .dotReused, reason: "dot \(dot) was decided earlier; its record is no longer kept"))
        }
        let lookup = inputs.lookup
        let limits = configuration.limits
        if let rejection = ChangeChecks.structure(of: change, boundEntity: lookup.entity, maxSlotBytes: limits.maxSlotBytes) {
            return try await reject(change, rejection, digest: digest)
        }
        let now = await clock.physicalMillis()
        if let rejection = ChangeChecks.drift(of: change, nowMillis: now, maxDrift: limits.maxDrift) {
            return try await reject(change, rejection, digest: digest)
        }
        let current = lookup.record?.state
        let verdict = ValidationVerdict(context.validator.validate(change: change, current: current))
        if let rejection = verdict.schema ?? verdict.rights {
            return try await reject(change, rejection, digest: digest)
        }
        if let rejection = try await configuration.authorizer.authorize(change, current: current, caller: context.caller) {
            return try await reject(change, rejection, digest: digest)
        }
        let entry = inputs.scopeEntry
        if let rejection = Self.scopeRejection(writing: change, current: current, entry: entry, in: context) {
            return try await reject(change, rejection, digest: digest)
        }
        if case .purged = lookup {
            let rejection = Rejection(.recordPurged, "record \(change.record) was deleted and cleaned up; recreate it if still needed")
            return try await reject(change, rejection, digest: digest)
        }
        if let rejection = try await unknownDot(in: change, stable: context.stable) {
            return try await reject(change, rejection, digest: digest)
        }
        if let rejection = verdict.businessRule {
            return try await reject(change, rejection, digest: digest)
        }
        let merged: MergeResult
        do {
            merged = try (current ?? RecordState(entity: change.entity, id: change.record)).merged(with: change, stable: context.stable)
        } catch {
            return try await reject(change, Rejection(.invalidChange, "\(error)"), digest: digest)
        }
        let creator = entry?.facts.creator ?? (current == nil ? context.caller.user : nil)
        let facts = configuration.scopes.facts(for: merged.state, creator: creator)
        if let rejection = try await scopeRejection(placing: merged.state, facts: facts, before: current, entry: entry, in: context) {
            return try await reject(change, rejection, digest: digest)
        }
        let commit = AcceptedCommit(
            change: change, digest: digest, state: merged.state, expectedRevision: lookup.record?.revision, scope: facts
        )
        do {
            _ = try await store.commitAccepted(commit)
        } catch let error as ServerStoreError {
            guard Self.isRace(error) else { throw error }
            return .retry
        }
        await clock.observe(change.time)
        return .decided(.accepted(dot))
    }

    /// Step 2: the recorded decision, or `dot_reused` when the content differs.
    static func replay(_ decision: StoredDecision, digest: ChangeDigest) -> ChangeResult {
        guard decision.digest == digest else {
            return .rejected(
                decision.dot, code: .dotReused,
                reason: "the server holds a different change with dot \(decision.dot); this replica needs a new ID"
            )
        }
        switch decision.outcome {
        case .accepted: return .duplicate(decision.dot)
        case .rejected(let rejection): return .rejected(decision.dot, code: rejection.code, reason: rejection.reason)
        }
    }

    /// Step 10: a `supersedes`/`covers` dot that was never accepted (and is
    /// neither the author's own earlier dot nor below the frontier).
    private func unknownDot(in change: Change, stable: VersionVector) async throws -> Rejection? {
        let wanted = ChangeChecks.dotsToLookUp(in: change, stable: stable)
        guard !wanted.isEmpty else { return nil }
        let unknown = wanted.subtracting(try await store.acceptedDots(among: wanted))
        guard let first = unknown.min() else { return nil }
        let more = unknown.count > 1 ? " (and \(unknown.count - 1) more)" : ""
        return Rejection(.unknownDot, "supersedes or covers dot \(first)\(more), which was never delivered to this replica")
    }

    /// Records a final rejection; a lost race means the dot was decided meanwhile.
    private func reject(_ change: Change, _ rejection: Rejection, digest: ChangeDigest) async throws -> DecisionAttempt {
        do {
            try await store.recordRejection(rejection, digest: digest, of: change.dot)
        } catch let error as ServerStoreError {
            guard Self.isRace(error) else { throw error }
            return .retry
        }
        return .decided(.rejected(change.dot, code: rejection.code, reason: rejection.reason))
    }

    /// Whether a store error means "someone else wrote first": evaluate again.
    static func isRace(_ error: ServerStoreError) -> Bool {
        switch error {
        case .dotAlreadyDecided, .counterNotNext, .recordChanged: true
        case .logCompacted, .unavailable: false
        }
    }
}

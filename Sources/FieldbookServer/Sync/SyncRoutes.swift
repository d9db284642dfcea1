import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Hummingbird

/// `POST /v1/sync/push` and `POST /v1/sync/pull` (SYNC.md §11): admission
/// (``SyncAdmission``), bearer auth, replica ownership, bounded decoding, and
/// the ``SyncService``.
struct SyncRoutes: Sendable {
    let services: ServerServices

    /// Adds the routes to `router`, behind a required ``BearerAuthMiddleware``.
    func register(on router: Router<FieldbookRequestContext>) {
        let group = router.group()
            .add(middleware: SyncAdmission(limit: services.http.maxSyncRequests))
            .add(middleware: BearerAuthMiddleware(authenticator: services.authenticator, mode: .required))
        group.post(RouterPath(SyncEndpoint.push.path)) { request, context in
            try await push(request, context: context)
        }
        group.post(RouterPath(SyncEndpoint.pull.path)) { request, context in
            try await pull(request, context: context)
        }
    }

    func push(_ request: Request, context: FieldbookRequestContext) async throws -> Response {
        let identity = try requireIdentity(context)
        let body = try await services.bodyReader.read(request)
        let push = try services.codec.decode(PushRequest.self, from: body)
        try checkReplica(push.replica, of: identity)
        let response = try await services.sync.push(push, caller: identity.caller)
        services.metrics.recordPush(response.results)
        return try services.responder.json(response, request: request)
    }

    func pull(_ request: Request, context: FieldbookRequestContext) async throws -> Response {
        let identity = try requireIdentity(context)
        let body = try await services.bodyReader.read(request)
        let pull = try services.codec.decode(PullRequest.self, from: body)
        try checkReplica(pull.replica, of: identity)
        let response = try await services.sync.pull(pull, caller: identity.caller)
        services.metrics.recordPull(response)
        return try services.responder.json(response, request: request)
    }

    private func requireIdentity(_ context: FieldbookRequestContext) throws(APIError) -> AuthenticatedDevice {
        guard let identity = context.identity else { throw APIError.unauthenticated }
        return identity
    }

    /// SYNC.md §14: a device syncs only its own replica.
    private func checkReplica(_ replica: ReplicaID, of identity: AuthenticatedDevice) throws(APIError) {
        guard replica == identity.replica else {
            throw APIError(
                .forbidden, "replica \(replica) is not bound to device \(identity.device); sync as \(identity.replica)"
            )
        }
    }
}

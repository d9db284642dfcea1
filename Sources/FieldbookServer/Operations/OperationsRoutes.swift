import FieldbookProtocol
import FieldbookServerCore
import Hummingbird
import NIOCore

/// `GET /healthz` (the store answers) and `GET /metrics` (Prometheus text).
struct OperationsRoutes: Sendable {
    /// The health path.
    static let healthPath = "/healthz"
    /// The metrics path.
    static let metricsPath = "/metrics"

    let services: ServerServices

    /// Adds the routes to `router`.
    func register(on router: Router<FieldbookRequestContext>) {
        router.get(RouterPath(Self.healthPath)) { request, _ in
            do {
                _ = try await services.sync.store.logHead()
            } catch {
                throw APIError(.unavailable, "the sync store does not answer")
            }
            return try services.responder.json(["status": "ok"], request: request)
        }
        router.get(RouterPath(Self.metricsPath)) { request, _ in
            services.responder.body(
                ByteBuffer(string: services.metrics.render()), contentType: "text/plain; version=0.0.4; charset=utf-8",
                request: request
            )
        }
    }
}

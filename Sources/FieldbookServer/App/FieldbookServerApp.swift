import FieldbookProtocol
import Hummingbird
import Logging
import NIOCore

/// Builds the Fieldbook HTTP server: routes, middleware, limits and timeouts.
///
/// ```swift
/// var configuration = FieldbookServerConfiguration(dataDirectory: directory)
/// configuration.port = 0
/// let services = try ServerServices.open(dataDirectory: directory, logger: logger)
/// let app = FieldbookServerApp.build(configuration: configuration, services: services) { port in
///     print("listening on http://127.0.0.1:\(port)")
/// }
/// try await app.runService()   // SIGTERM/SIGINT shut it down gracefully
/// ```
public enum FieldbookServerApp {
    /// Every route the complete server serves (sync, operations, auth, office REST API),
    /// as documented in `Protocol/openapi.yaml`.
    public static let expectedRoutes: [ServedRoute] = [
        ServedRoute(method: "GET", path: "/healthz"),
        ServedRoute(method: "GET", path: "/metrics"),
        ServedRoute(method: "POST", path: SyncEndpoint.push.path),
        ServedRoute(method: "POST", path: SyncEndpoint.pull.path),
        ServedRoute(method: "POST", path: AuthEndpoint.login.path),
        ServedRoute(method: "POST", path: AuthEndpoint.logout.path),
        ServedRoute(method: "GET", path: "/v1/records/{entity}"),
        ServedRoute(method: "POST", path: "/v1/records/{entity}"),
        ServedRoute(method: "GET", path: "/v1/records/{entity}/{id}"),
        ServedRoute(method: "PATCH", path: "/v1/records/{entity}/{id}"),
        ServedRoute(method: "DELETE", path: "/v1/records/{entity}/{id}"),
        ServedRoute(method: "GET", path: "/v1/reports/{report}"),
        ServedRoute(method: "POST", path: "/v1/import/{entity}"),
        ServedRoute(method: "POST", path: "/v1/calendar/feed-token"),
        ServedRoute(method: "DELETE", path: "/v1/calendar/feed-token"),
        ServedRoute(method: "GET", path: "/v1/calendar/{file}"),
    ].sorted()

    /// The router with every route and middleware; ``routes(of:)`` lists what it serves.
    public static func makeRouter(
        configuration: FieldbookServerConfiguration, services: ServerServices
    ) -> Router<FieldbookRequestContext> {
        let router = Router(context: FieldbookRequestContext.self)
        let table = RouteTable()
        var services = services
        services.http = configuration.httpLimits
        router.add(
            middleware: RequestObservationMiddleware(
                metrics: services.metrics, logger: services.logger, routes: table, responder: services.responder
            )
        )
        // Every route sees `context.identity` when a valid bearer token came along;
        // route groups that need one require it (sync) or answer 401 themselves (records).
        router.add(middleware: BearerAuthMiddleware(authenticator: services.authenticator, mode: .optional))
        OperationsRoutes(services: services).register(on: router)
        SyncRoutes(services: services).register(on: router)
        IdentityRoutes.register(on: router, services: services)
        RecordRoutes.register(on: router, services: services)
        ReportRoutes.register(on: router, services: services)
        ImportRoutes.register(on: router, services: services)
        CalendarFeedRoutes.register(on: router, services: services)
        table.routes = routes(of: router)
        return router
    }

    /// The routes `router` serves, sorted by path then method, with `{name}` parameters.
    public static func routes(of router: Router<FieldbookRequestContext>) -> [ServedRoute] {
        RouteTable.routes(of: router)
    }

    /// The application, ready to `run()` (in a service group) or `runService()`.
    /// - Parameters:
    ///   - onServerRunning: called once the socket is bound, with the actual
    ///     port (useful with port 0).
    public static func build(
        configuration: FieldbookServerConfiguration, services: ServerServices,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = makeRouter(configuration: configuration, services: services)
        let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000)
        return Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: idle)),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "fieldbook-server"
            ),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: services.logger
        )
    }
}

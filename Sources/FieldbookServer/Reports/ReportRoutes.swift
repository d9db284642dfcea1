import FieldbookModel
import FieldbookServerCore
import FieldbookSync
import Hummingbird
import Logging

/// The reports API `GET /v1/reports/{report}` (`Protocol/reports-api.md`):
/// funnel, forecast, win-rate, revenue, activities, campaigns, tickets, with
/// the filters `from`, `to`, `phase`, `rep`, `territory`, `product`, `by`
/// and the scope `company|team|rep` (`team=` for office staff).
enum ReportRoutes {
    /// Adds the route to `router`.
    static func register(on router: Router<FieldbookRequestContext>, services: ServerServices) {
        register(on: router, sync: services.sync, logger: services.logger)
    }

    /// Adds the route to `router`, given only what it uses.
    static func register(on router: Router<FieldbookRequestContext>, sync: SyncService, logger: Logger) {
        let api = ReportAPI(sync: sync)
        router.group("v1/reports").get(":report") { request, context in
            await RecordRoutes.respond(context, logger) {
                guard let identity = context.identity else { throw RecordAPIError.unauthenticated }
                let name = try context.parameters.require("report")
                guard let kind = ReportKind(rawValue: name) else {
                    throw RecordAPIError.notFound(ReportError.unknownReport(name).description)
                }
                let query = try ReportQuery { request.uri.queryParameters.get($0) }
                return try RecordHTTP.json(try await api.run(kind, query: query, identity: identity))
            }
        }
    }
}

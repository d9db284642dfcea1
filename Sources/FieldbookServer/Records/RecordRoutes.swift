import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import HTTPTypes
import Hummingbird
import Logging

/// The office REST API `/v1/records/*` (`Protocol/records-api.md`): CRUD on
/// every entity of the schema, each write a server-authored change that
/// syncs to every replica.
///
/// | route | answer |
/// |---|---|
/// | `GET /v1/records/{entity}?limit=&after=&q=` | 200 `{"records": [document…], "next": id or null}` |
/// | `GET /v1/records/{entity}/{id}` | 200 document, `ETag` |
/// | `POST /v1/records/{entity}` | 201 document, `ETag`, `Location` |
/// | `PATCH /v1/records/{entity}/{id}` (`If-Match` optional) | 200 document, `ETag` |
/// | `DELETE /v1/records/{entity}/{id}` (`If-Match` optional) | 204 |
///
/// Every failure is an `ErrorResponse` (see ``RecordAPIError``).
enum RecordRoutes {
    /// Adds the routes to `router`.
    static func register(on router: Router<FieldbookRequestContext>, services: ServerServices) {
        register(on: router, sync: services.sync, logger: services.logger)
    }

    /// Adds the routes to `router`, given only what they use.
    static func register(on router: Router<FieldbookRequestContext>, sync: SyncService, logger: Logger) {
        let api = RecordAPI(sync: sync, logger: logger)
        let records = router.group("v1/records")
        records.get(":entity") { request, context in
            await respond(context, logger) {
                let query = try RecordListQuery(
                    limit: request.uri.queryParameters.get("limit"), after: request.uri.queryParameters.get("after"),
                    q: request.uri.queryParameters.get("q")
                )
                let entity = try context.parameters.require("entity")
                let (page, next) = try await api.list(entity, query: query, identity: try identity(context))
                let schema = try api.schema(entity)
                return try RecordHTTP.json(
                    .object([
                        "records": .array(page.map { RecordDocument.json($0, schema: schema) }),
                        "next": next.map(RecordJSONValue.string) ?? .null,
                    ])
                )
            }
        }
        records.get(":entity/:id") { request, context in
            await respond(context, logger) {
                let (entity, id) = try path(context)
                let includeDeleted = request.uri.queryParameters.get("deleted") == "include"
                let record = try await api.read(entity, id, identity: try identity(context), includeDeleted: includeDeleted)
                return try document(record, api: api)
            }
        }
        records.post(":entity") { request, context in
            await respond(context, logger) {
                let entity = try context.parameters.require("entity")
                let identity = try identity(context)
                _ = try api.schema(entity)
                let body = try await RecordHTTP.jsonObject(of: request)
                let record = try await api.create(entity, body: body, identity: identity)
                return try document(record, api: api, status: .created, location: "/v1/records/\(entity)/\(record.id)")
            }
        }
        records.patch(":entity/:id") { request, context in
            await respond(context, logger) {
                let (entity, id) = try path(context)
                let identity = try identity(context)
                let expected = try RecordHTTP.expectedVersion(request)
                let body = try await RecordHTTP.jsonObject(of: request)
                let record = try await api.patch(entity, id, body: body, expectedVersion: expected, identity: identity)
                return try document(record, api: api)
            }
        }
        records.delete(":entity/:id") { request, context in
            await respond(context, logger) {
                let (entity, id) = try path(context)
                let expected = try RecordHTTP.expectedVersion(request)
                try await api.delete(entity, id, expectedVersion: expected, identity: try identity(context))
                return Response(status: .noContent)
            }
        }
    }

    private static func identity(_ context: FieldbookRequestContext) throws(RecordAPIError) -> AuthenticatedDevice {
        guard let identity = context.identity else { throw RecordAPIError.unauthenticated }
        return identity
    }

    private static func path(_ context: FieldbookRequestContext) throws -> (entity: String, id: String) {
        (try context.parameters.require("entity"), try context.parameters.require("id"))
    }

    private static func document(
        _ record: StoredRecord, api: RecordAPI, status: HTTPResponse.Status = .ok, location: String? = nil
    ) throws -> Response {
        var headers: HTTPFields = [.eTag: RecordHTTP.etag(record.revision.rawValue)]
        if let location { headers[.location] = location }
        return try RecordHTTP.json(
            RecordDocument.json(record, schema: try api.schema(record.state.entity)), status: status, headers: headers
        )
    }

    /// Runs a handler, answering every failure with an `ErrorResponse`:
    /// API errors as they are, sync-service errors by their code, anything
    /// else as 500 (logged by type only: errors may carry data).
    static func respond(
        _ context: FieldbookRequestContext, _ logger: Logger, _ handler: () async throws -> Response
    ) async -> Response {
        do {
            return try await handler()
        } catch let error as RecordAPIError {
            return RecordHTTP.errorResponse(error, requestID: context.requestID)
        } catch let error as SyncServiceError {
            return RecordHTTP.errorResponse(RecordAPIError(error), requestID: context.requestID)
        } catch let error as ServerStoreError {
            // The reason names the SQL failure (result code, message), never bound values.
            logger.error(
                "records API store failure", metadata: ["reason": "\(error)", "requestID": "\(context.requestID)"]
            )
            let answer: RecordAPIError =
                if case .unavailable = error {
                    RecordAPIError(.serviceUnavailable, .unavailable, "the store is unavailable; retry later")
                } else {
                    RecordAPIError(.internalServerError, .internalError, "the server failed; retry later")
                }
            return RecordHTTP.errorResponse(answer, requestID: context.requestID)
        } catch {
            logger.error(
                "records API failure", metadata: ["error": "\(type(of: error))", "requestID": "\(context.requestID)"]
            )
            return RecordHTTP.errorResponse(
                RecordAPIError(.internalServerError, .internalError, "the server failed; retry later"),
                requestID: context.requestID
            )
        }
    }
}

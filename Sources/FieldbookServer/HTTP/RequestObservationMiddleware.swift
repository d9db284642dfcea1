import FieldbookProtocol
import FieldbookServerCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: gives every request an ID (from `X-Request-ID`
/// or generated) and echoes it, turns every error into an ``ErrorResponse``
/// JSON body, counts the request in ``ServerMetrics`` and writes one log line
/// per request (method, route template, status, duration, login and device;
/// never bodies or field values).
struct RequestObservationMiddleware: RouterMiddleware {
    typealias Context = FieldbookRequestContext

    /// The header carrying the request ID both ways.
    static let requestIDHeader = HTTPField.Name("X-Request-ID")!

    let metrics: ServerMetrics
    let logger: Logger
    let routes: RouteTable
    let responder: JSONResponder

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        context.requestID = Self.requestID(from: request.headers[Self.requestIDHeader])
        metrics.requestStarted()
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let failure = classify(error, request: request, routeMatched: Self.route(of: context) != nil)
            if failure.status.code >= 500 {
                logger.error(
                    "request failed",
                    metadata: ["request_id": "\(context.requestID)", "error.type": "\(String(reflecting: type(of: error)))"]
                )
            }
            response = errorResponse(failure, requestID: context.requestID, request: request)
        }
        response.headers[Self.requestIDHeader] = context.requestID
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = Self.route(of: context) ?? "unmatched"
        metrics.requestFinished(route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        var metadata: Logger.Metadata = [
            "request_id": "\(context.requestID)", "method": "\(request.method.rawValue)", "route": "\(route)",
            "status": "\(response.status.code)", "duration_ms": "\(String(format: "%.2f", seconds * 1000))",
        ]
        if let identity = context.annotations.identity {
            metadata["login"] = "\(identity.login)"
            metadata["device"] = "\(identity.device)"
        }
        logger.log(level: response.status.code >= 500 ? .warning : .info, "request", metadata: metadata)
        return response
    }

    /// The route template the router matched; nil when no route matched
    /// (Hummingbird's not-found responder marks those "NotFound").
    static func route(of context: Context) -> String? {
        guard let path = context.endpointPath, path != "NotFound" else { return nil }
        return path
    }

    /// A safe request ID: the client's if it is 1–128 printable ASCII characters, else a new one.
    static func requestID(from header: String?) -> String {
        if let header, (1...128).contains(header.utf8.count),
            header.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        {
            return header
        }
        let random = (0..<16).map { _ in String(UInt8.random(in: 0...15), radix: 16) }.joined()
        return "req-" + random
    }

    /// The API error an arbitrary error stands for. `routeMatched` tells a
    /// handler's own 404 (a missing record) from the router finding no route.
    func classify(_ error: any Error, request: Request, routeMatched: Bool) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as SyncServiceError:
            return APIError(error.code, error.message)
        case let error as WireCodecError:
            return APIError(error.errorCode, error.description)
        case let error as ServerStoreError:
            if case .unavailable = error { return APIError(.unavailable, "the store is unavailable; retry later") }
            return APIError(.internalError, "the request could not be completed; retry later")
        case let error as HTTPError where error.status == .notFound && !routeMatched:
            return notFound(request)
        case let error as HTTPError:
            return APIError(Self.code(for: error.status), error.body ?? error.status.reasonPhrase, status: error.status)
        case let error as any HTTPResponseError:
            return APIError(Self.code(for: error.status), error.status.reasonPhrase, status: error.status)
        default:
            return APIError(.internalError, "the request could not be completed; retry later")
        }
    }

    /// 405 with `Allow` when the path is served with other methods, else 404.
    private func notFound(_ request: Request) -> APIError {
        let path = String(request.uri.path.prefix(200))
        let methods = routes.methods(matching: request.uri.path)
        guard methods.isEmpty else {
            let allowed = methods.joined(separator: ", ")
            return APIError(
                .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(path); use \(allowed)",
                status: .methodNotAllowed, headers: ["Allow": allowed]
            )
        }
        return APIError(.notFound, "no route \(request.method.rawValue) \(path)")
    }

    /// A wire code for a bare HTTP status raised inside Hummingbird.
    static func code(for status: HTTPResponse.Status) -> WireErrorCode {
        switch status.code {
        case 401: .unauthenticated
        case 403: .forbidden
        case 404: .notFound
        case 405: .methodNotAllowed
        case 408: .requestTimeout
        case 413: .bodyTooLarge
        case 415: .unsupportedMediaType
        case 429: .rateLimited
        case 503: .unavailable
        case 400..<500: .invalidRequest
        default: .internalError
        }
    }

    private func errorResponse(_ error: APIError, requestID: String, request: Request) -> Response {
        var response: Response
        do {
            response = try responder.json(error.body(requestID: requestID), status: error.status, request: request)
        } catch {
            response = Response(status: .internalServerError)
        }
        if error.code == .unavailable || error.code == .rateLimited { response.headers[.retryAfter] = "1" }
        for (name, value) in error.headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }
}

import FieldbookProtocol
import FieldbookServerCore
import Foundation
import Hummingbird
import Logging

/// Requires `Authorization: Bearer <token>`: asks the authenticator for the
/// device, stores it in `context.identity` (and the access log's annotations),
/// and answers `401 unauthenticated` when the token is missing or not valid.
///
/// Add it to any group of routes that need a signed-in device:
/// `router.group("v1/records").add(middleware: BearerAuthMiddleware(authenticator: services.authenticator))`.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = FieldbookRequestContext

    /// Checks tokens.
    let authenticator: any DeviceAuthenticator

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let token = Self.bearerToken(request.headers[.authorization]) else { throw APIError.unauthenticated }
        let device: AuthenticatedDevice?
        do {
            device = try await authenticator.authenticate(token: token)
        } catch {
            context.logger.error("token check failed", metadata: ["error.type": "\(type(of: error))"])
            throw APIError(.unavailable, "credentials cannot be checked right now; retry later")
        }
        guard let device else { throw APIError.unauthenticated }
        var context = context
        context.identity = device
        context.annotations.identity = device
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer …` header (scheme case-insensitive).
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

import FieldbookProtocol
import FieldbookServerCore
import Foundation
import Hummingbird
import Logging

/// Bearer-token authentication (`Authorization: Bearer <token>`).
///
/// - ``Mode/optional`` runs on the whole router: a valid token puts the device
///   into `context.identity` (and the access log's annotations); a missing or
///   invalid one leaves it nil, so each route decides (the records API answers
///   401 itself).
/// - ``Mode/required`` guards a group (the sync endpoints): it reuses the
///   identity the optional pass found, else checks the token itself, and
///   answers `401 unauthenticated` when there is no valid token.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = FieldbookRequestContext

    /// Whether a request without a valid token may pass.
    enum Mode: Sendable {
        case optional
        case required
    }

    /// Checks tokens.
    let authenticator: any DeviceAuthenticator
    let mode: Mode

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if context.identity != nil { return try await next(request, context) }
        guard let token = Self.bearerToken(request.headers[.authorization]) else {
            if mode == .optional { return try await next(request, context) }
            throw APIError.unauthenticated
        }
        let device: AuthenticatedDevice?
        do {
            device = try await authenticator.authenticate(token: token)
        } catch {
            context.logger.error("token check failed", metadata: ["error.type": "\(type(of: error))"])
            throw APIError(.unavailable, "credentials cannot be checked right now; retry later")
        }
        guard let device else {
            if mode == .optional { return try await next(request, context) }
            throw APIError.unauthenticated
        }
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

import FieldbookProtocol
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The `/v1/auth/*` routes: `POST /v1/auth/login` (``LoginRequest`` →
/// ``LoginResponse``) and `POST /v1/auth/logout` (bearer token; 204).
///
/// Errors are ``ErrorResponse`` JSON with the code's status. Request bodies,
/// passwords and tokens are never logged.
enum IdentityRoutes {
    /// Largest login body accepted (a login is a few hundred bytes).
    static let maxLoginBytes = 16 * 1024

    /// Adds the routes to `router`.
    static func register(on router: Router<FieldbookRequestContext>, services: ServerServices) {
        router.post(RouterPath(AuthEndpoint.login.path)) { request, context in
            await login(request, context: context, identity: services.identity)
        }
        router.post(RouterPath(AuthEndpoint.logout.path)) { request, context in
            await logout(request, context: context, identity: services.identity)
        }
    }

    /// `POST /v1/auth/login`.
    static func login(_ request: Request, context: FieldbookRequestContext, identity: IdentityService) async -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxLoginBytes)
        } catch {
            return failure(.bodyTooLarge, "a login body has at most \(maxLoginBytes) bytes", status: 413, context: context)
        }
        let codec = WireCodec(limits: .protocolMinimum)
        let loginRequest: LoginRequest
        do {
            loginRequest = try codec.decode(LoginRequest.self, from: Array(buffer: body))
        } catch {
            // The decoding error may quote values (a password); answer with the code only.
            let code = error.errorCode
            return failure(code, "the body is not a valid login request (\(code.rawValue))", status: code.httpStatus ?? 400, context: context)
        }
        do {
            let response = try await identity.login(loginRequest)
            return json(response, status: .ok, context: context)
        } catch let error as IdentityError {
            return failure(error.code, error.message, status: error.httpStatus, context: context)
        } catch {
            context.logger.error("login failed", metadata: ["error": "\(type(of: error))"])
            return failure(.unavailable, "the identity directory is unavailable; retry later", status: 503, context: context)
        }
    }

    /// `POST /v1/auth/logout`: forgets the bearer token.
    static func logout(_ request: Request, context: FieldbookRequestContext, identity: IdentityService) async -> Response {
        guard let token = bearerToken(request.headers) else {
            return failure(.unauthenticated, "send the device token as 'Authorization: Bearer <token>'", status: 401, context: context)
        }
        do {
            guard try await identity.logout(token: token) else {
                return failure(.unauthenticated, "the token is not valid", status: 401, context: context)
            }
            return Response(status: .noContent)
        } catch {
            context.logger.error("logout failed", metadata: ["error": "\(type(of: error))"])
            return failure(.unavailable, "the identity directory is unavailable; retry later", status: 503, context: context)
        }
    }

    /// The token of an `Authorization: Bearer <token>` header.
    static func bearerToken(_ headers: HTTPFields) -> String? {
        guard let value = headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status, context: FieldbookRequestContext) -> Response {
        do {
            let data = try WireCodec().encode(value)
            return Response(
                status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
            )
        } catch {
            return failure(.internalError, "the response could not be encoded", status: 500, context: context)
        }
    }

    static func failure(_ code: WireErrorCode, _ message: String, status: Int, context: FieldbookRequestContext) -> Response {
        let requestID = context.requestID.isEmpty ? nil : context.requestID
        let body = ErrorResponse(error: code, message: message, requestID: requestID)
        let data = (try? WireCodec().encode(body)) ?? Data(#"{"error":"internal_error","message":"encoding failed"}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/json"]
        if code == .unauthenticated { headers[.wwwAuthenticate] = "Bearer" }
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

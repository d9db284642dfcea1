import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The per-user iCalendar subscription feed (Protocol/interchange.md):
///
/// | route | answer |
/// |---|---|
/// | `POST /v1/calendar/feed-token` (bearer) | 201 `{"token", "path"}`: a new secret feed URL, shown once; replaces the previous one |
/// | `DELETE /v1/calendar/feed-token` (bearer) | 204; the feed URL stops working |
/// | `GET /v1/calendar/{token}.ics` (no bearer: the token is the secret) | 200 `text/calendar`; 404 for an unknown or revoked token |
///
/// The directory stores only the SHA-256 of a feed token. The feed lists the
/// appointments the user organises or takes part in, within the user's sync scope.
enum CalendarFeedRoutes {
    /// The prefix of feed tokens.
    static let prefix = "fbc_"

    /// Adds the routes to `router`.
    static func register(on router: Router<FieldbookRequestContext>, services: ServerServices) {
        let directory = services.identity.directory
        let sync = services.sync
        router.post("v1/calendar/feed-token") { _, context in
            guard let identity = context.identity else {
                return IdentityRoutes.failure(.unauthenticated, "a valid bearer token is required", status: 401, context: context)
            }
            let token = prefix + String(DeviceToken.generate().dropFirst(DeviceToken.prefix.count))
            do {
                try await directory.setFeedToken(
                    user: identity.user, hash: DeviceToken.digest(of: token), now: Int64(Date().timeIntervalSince1970 * 1000)
                )
            } catch {
                return IdentityRoutes.failure(.unavailable, "the identity directory is unavailable; retry later", status: 503, context: context)
            }
            return IdentityRoutes.json(FeedToken(token: token, path: "/v1/calendar/\(token).ics"), status: .created, context: context)
        }
        router.delete("v1/calendar/feed-token") { _, context in
            guard let identity = context.identity else {
                return IdentityRoutes.failure(.unauthenticated, "a valid bearer token is required", status: 401, context: context)
            }
            do {
                _ = try await directory.clearFeedToken(user: identity.user)
            } catch {
                return IdentityRoutes.failure(.unavailable, "the identity directory is unavailable; retry later", status: 503, context: context)
            }
            return Response(status: .noContent)
        }
        router.get("v1/calendar/:file") { _, context in
            let notFound = IdentityRoutes.failure(.notFound, "no such calendar feed", status: 404, context: context)
            guard let file = context.parameters.get("file"), file.hasSuffix(".ics") else { return notFound }
            let token = String(file.dropLast(4))
            guard token.hasPrefix(prefix), token.utf8.count < 100 else { return notFound }
            do {
                guard let owner = try await directory.feedOwner(ofHash: DeviceToken.digest(of: token)) else { return notFound }
                let identity = AuthenticatedDevice(
                    user: owner.user, login: owner.login, role: Role(rawValue: owner.role), device: "calendar-feed",
                    replica: ReplicaID(unchecked: "calendar-feed")
                )
                let appointments = try await Self.appointments(of: identity, sync: sync)
                let stamp = UTCDateTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)) ?? UTCDateTime(parsing: "2000-01-01T00:00:00Z")!
                let text = ICalendarWriter(name: "Fieldbook – \(owner.login)", stamp: stamp).calendar(of: appointments)
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "private, max-age=300"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: text))
                )
            } catch {
                context.logger.error("calendar feed failed", metadata: ["error": "\(type(of: error))"])
                return IdentityRoutes.failure(.unavailable, "the calendar is unavailable; retry later", status: 503, context: context)
            }
        }
    }

    /// The answer to `POST /v1/calendar/feed-token`.
    struct FeedToken: Encodable {
        var token: String
        var path: String
    }

    /// The live appointments `identity` organises or takes part in and may read.
    static func appointments(of identity: AuthenticatedDevice, sync: SyncService) async throws -> [RecordState] {
        let access = try await RecordReadAccess.of(identity, sync: sync)
        var result: [RecordState] = []
        var after: String?
        while true {
            let batch = try await sync.store.records(after: after, limit: 1000)
            for record in batch where record.state.entity == "appointment" && !record.state.isDeleted {
                let state = record.state
                let mine = state.value("organizer")?.text == identity.user
                    || state.elements(of: "internalParticipants").contains(identity.user)
                if mine, try await access.canRead(record) { result.append(state) }
            }
            guard batch.count == 1000, let last = batch.last else { return result }
            after = last.id
        }
    }
}

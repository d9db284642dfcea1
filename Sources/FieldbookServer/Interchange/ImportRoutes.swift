import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `POST /v1/import/{entity}`: CSV import for office staff (Protocol/interchange.md).
///
/// The body is a JSON envelope `{"csv": "…", "mapping": {…}?, "dryRun": bool?}`
/// (at most 8 MiB); the answer is the ``FieldbookModel/ImportReport`` (200,
/// also when rows failed: see `failed` and `messages`). Office and admin
/// only (403 otherwise). Every row is a server-authored change with the
/// caller's role, like the records API's writes; a dry run validates the
/// same changes without committing any.
enum ImportRoutes {
    /// The request body.
    struct Envelope: Decodable {
        var csv: String
        var mapping: ImportMapping?
        var dryRun: Bool?
    }

    static let maxBodyBytes = 8 << 20

    /// Adds the route to `router`.
    static func register(on router: Router<FieldbookRequestContext>, services: ServerServices) {
        register(on: router, sync: services.sync, logger: services.logger)
    }

    /// Adds the route to `router`, given only what it uses.
    static func register(on router: Router<FieldbookRequestContext>, sync: SyncService, logger: Logger) {
        let importer = ServerImporter(sync: sync)
        router.post("v1/import/:entity") { request, context in
            do {
                guard let identity = context.identity else { throw RecordAPIError.unauthenticated }
                guard identity.role == .office || identity.role == .admin else {
                    throw RecordAPIError.forbidden("imports are for office and admin users")
                }
                let entity = try context.parameters.require("entity")
                var request = request
                let buffer: ByteBuffer
                do {
                    buffer = try await request.collectBody(upTo: maxBodyBytes)
                } catch {
                    throw RecordAPIError(.contentTooLarge, .bodyTooLarge, "the body exceeds \(maxBodyBytes) bytes")
                }
                let envelope: Envelope
                do {
                    envelope = try JSONDecoder().decode(Envelope.self, from: Data(buffer.readableBytesView))
                } catch {
                    throw RecordAPIError.invalidRequest("the body must be {\"csv\": text, \"mapping\": object?, \"dryRun\": bool?}")
                }
                let mapping = envelope.mapping ?? ImportMapping(entity: entity)
                guard mapping.entity == entity else {
                    throw RecordAPIError.invalidRequest("the mapping is for \(mapping.entity), not \(entity)")
                }
                let report = try await importer.run(
                    csv: envelope.csv, mapping: mapping, dryRun: envelope.dryRun ?? false, identity: identity
                )
                logger.info(
                    "csv import",
                    metadata: [
                        "entity": "\(entity)", "user": "\(identity.user)", "dryRun": "\(report.dryRun)",
                        "created": "\(report.created)", "updated": "\(report.updated)", "failed": "\(report.failed)",
                    ]
                )
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let data = try encoder.encode(report)
                return Response(
                    status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
                )
            } catch let error as RecordAPIError {
                return RecordHTTP.errorResponse(error, requestID: context.requestID)
            } catch let error as SyncServiceError {
                return RecordHTTP.errorResponse(RecordAPIError(error), requestID: context.requestID)
            } catch {
                logger.error("csv import failed", metadata: ["reason": "\(type(of: error))"])
                return RecordHTTP.errorResponse(
                    RecordAPIError(.internalServerError, .internalError, "the import failed"), requestID: context.requestID
                )
            }
        }
    }
}

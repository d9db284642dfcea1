import Logging
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Foundation

extension IdentityService {
    /// Authors a change of `entity` `id` as the server; a rejected change
    /// (schema, business rule) becomes an `invalid` error naming the code.
    func author(_ entity: String, _ id: String, _ edit: (inout ChangeBuilder) throws -> Void) async throws {
        guard let authored = try await sync.author(entity, id, caller: .system, edit) else { return }
        guard authored.result.status != .rejected else {
            let code = authored.result.code?.rawValue ?? "rejected"
            throw IdentityError(.invalid, "the \(entity) record \(id) was refused: \(code): \(authored.result.reason ?? "")")
        }
        logger.info("record authored", metadata: ["entity": "\(entity)", "record": "\(id)", "dot": "\(authored.change.dot)"])
    }

    /// The live, undeleted record `id` of `entity`, or nil.
    func record(_ id: String, of entity: String) async throws -> RecordState? {
        guard case .live(let stored) = try await sync.store.record(id) else { return nil }
        let state = stored.state
        return state.entity == entity && !state.isDeleted ? state : nil
    }

    /// The record ID of the user with this login or record ID; `notFound` otherwise.
    func userID(_ reference: String) async throws -> String {
        if let credential = try await directory.credential(login: reference) { return credential.user }
        if let credential = try await directory.credential(user: reference) { return credential.user }
        throw IdentityError(.notFound, "no user '\(reference)'")
    }

    /// The record ID of the team with this name or ID; `notFound` otherwise.
    func teamID(_ reference: String) async throws -> String {
        guard let id = try await directory.resolve(.team, reference) else {
            throw IdentityError(.notFound, "no team '\(reference)'")
        }
        return id
    }

    /// The record ID of the territory with this name, code or ID; `notFound` otherwise.
    func territoryID(_ reference: String) async throws -> String {
        guard let id = try await directory.resolve(.territory, reference) else {
            throw IdentityError(.notFound, "no territory '\(reference)'")
        }
        return id
    }

    /// Checks a required name-like argument: trimmed, 1…`maxLength` characters.
    static func checkedName(_ text: String, _ what: String, maxLength: Int = 200) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maxLength else {
            throw IdentityError(.invalid, "\(what) must have 1 to \(maxLength) characters")
        }
        return trimmed
    }
}

import FieldbookModel
import FieldbookSync
import Foundation
import GRDB

extension ClientDatabase {
    /// Marks a lead qualified (ready to convert).
    /// - Throws: ``WorkflowError/leadAlreadyConverted(lead:opportunity:)``,
    ///   ``ClientError/recordNotFound(id:)``, ``ClientError/validationFailed(entity:record:issues:)``
    ///   (e.g. a disqualified lead must be reopened first).
    @discardableResult
    public func qualifyLead(_ leadID: String) throws -> RecordState {
        try write { transaction in
            let lead = try ProjectionQuery.require("lead", leadID, in: transaction.db)
            if let converted = lead.value("convertedOpportunity")?.text {
                throw WorkflowError.leadAlreadyConverted(lead: leadID, opportunity: converted)
            }
            return try transaction.edit("lead", leadID) { $0.set("status", to: "qualified") }
        }
    }

    /// Disqualifies a lead; the reason is mandatory.
    /// - Throws: ``WorkflowError/reasonRequired(record:step:)`` for an empty
    ///   reason, ``WorkflowError/leadAlreadyConverted(lead:opportunity:)``,
    ///   ``ClientError/recordNotFound(id:)``, ``ClientError/validationFailed(entity:record:issues:)``.
    @discardableResult
    public func disqualifyLead(_ leadID: String, reason: String) throws -> RecordState {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        return try write { transaction in
            let lead = try ProjectionQuery.require("lead", leadID, in: transaction.db)
            if let converted = lead.value("convertedOpportunity")?.text {
                throw WorkflowError.leadAlreadyConverted(lead: leadID, opportunity: converted)
            }
            guard !reason.isEmpty else { throw WorkflowError.reasonRequired(record: leadID, step: "disqualifying lead") }
            return try transaction.edit("lead", leadID) { builder in
                builder.set("status", to: "disqualified")
                builder.set("disqualifyReason", to: .text(reason))
            }
        }
    }

    /// Existing accounts that may be the lead's company: same name (case,
    /// accents, punctuation and legal forms such as GmbH ignored), or the
    /// account or one of its contacts has the lead's e-mail address or phone
    /// number. Best matches (most reasons) first, then by name.
    /// - Throws: ``ClientError/recordNotFound(id:)`` for a missing lead.
    public func accountSuggestions(forLead leadID: String) throws -> [AccountSuggestion] {
        try writer.read { db in
            let lead = try ProjectionQuery.require("lead", leadID, in: db)
            let name = lead.value("companyName")?.text.map(LeadMatching.normalizedName)
            let email = lead.value("email")?.text?.lowercased()
            let phone = lead.value("phone")?.text.map(LeadMatching.phoneKey)
            let accounts = try ProjectionQuery.records("account", in: db)
            var contactsByAccount: [String: [RecordState]] = [:]
            for contact in try ProjectionQuery.records("contact", in: db) {
                if let account = contact.value("account")?.text { contactsByAccount[account, default: []].append(contact) }
            }
            return accounts.compactMap { account -> AccountSuggestion? in
                let people = [account] + contactsByAccount[account.id, default: []]
                var reasons: [AccountSuggestion.Reason] = []
                if let name, !name.isEmpty, account.value("name")?.text.map(LeadMatching.normalizedName) == name {
                    reasons.append(.name)
                }
                if let email, people.contains(where: { $0.value("email")?.text?.lowercased() == email }) {
                    reasons.append(.email)
                }
                if let phone, phone.count >= 6,
                    people.contains(where: { record in
                        ["phone", "mobile"].contains { record.value($0)?.text.map(LeadMatching.phoneKey) == phone }
                    })
                {
                    reasons.append(.phone)
                }
                guard !reasons.isEmpty else { return nil }
                return AccountSuggestion(account: account.id, name: account.value("name")?.text ?? "", reasons: reasons)
            }
            .sorted { ($1.reasons.count, $0.name, $0.account) < ($0.reasons.count, $1.name, $1.account) }
        }
    }
}

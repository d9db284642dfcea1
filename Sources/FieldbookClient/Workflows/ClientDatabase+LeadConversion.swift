import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Converts a lead into an account (or links an existing one), a contact
    /// and an opportunity, in one local transaction.
    ///
    /// The new records get IDs derived from the lead's ID (``LeadConversion``),
    /// so two reps converting the same lead offline create the *same* three
    /// records: after sync there is one account, one contact and one
    /// opportunity, and values they wrote differently merge per field (a
    /// difference stays a visible conflict). A record that already exists
    /// under its derived ID (another device's conversion, synced) is linked,
    /// not overwritten.
    ///
    /// The account copies company, e-mail, phone and address, the contact the
    /// person, the opportunity starts open in the first phase of the default
    /// pipeline with the contact in its buying center. The lead becomes
    /// `qualified` and keeps `convertedAccount`, `convertedContact`,
    /// `convertedOpportunity` and `convertedAt`.
    ///
    /// ```swift
    /// let result = try database.convertLead(leadID, options: LeadConversionOptions(amount: 25000))
    /// result.opportunity.id == LeadConversion(lead: leadID).opportunity   // true
    /// ```
    /// - Throws: ``WorkflowError/leadAlreadyConverted(lead:opportunity:)``,
    ///   ``WorkflowError/leadDisqualified(lead:)``, ``WorkflowError/accountNotFound(account:)``,
    ///   ``WorkflowError/leadUnnamed(lead:)``, ``ClientError/recordNotFound(id:)``
    ///   for a missing lead, ``ClientError/validationFailed(entity:record:issues:)``
    ///   (e.g. no owner on the lead and none given).
    @discardableResult
    public func convertLead(_ leadID: String, options: LeadConversionOptions = .init()) throws -> LeadConversionResult {
        let now = UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))
        return try write { transaction in
            let lead = try ProjectionQuery.require("lead", leadID, in: transaction.db)
            if let converted = lead.value("convertedOpportunity")?.text {
                throw WorkflowError.leadAlreadyConverted(lead: leadID, opportunity: converted)
            }
            if lead.value("status")?.text == "disqualified" { throw WorkflowError.leadDisqualified(lead: leadID) }
            let ids = LeadConversion(lead: leadID)
            let person = Self.personName(of: lead)
            guard let title = lead.value("companyName")?.text ?? person else { throw WorkflowError.leadUnnamed(lead: leadID) }
            let owner = options.owner.map(Value.text) ?? lead.value("owner")
            let pipeline = try Self.defaultPipeline(in: transaction.db)

            let account: RecordState
            let createdAccount: Bool
            if let chosen = options.existingAccount {
                guard let existing = try transaction.record(chosen), existing.entity == "account", !existing.isDeleted else {
                    throw WorkflowError.accountNotFound(account: chosen)
                }
                account = existing
                createdAccount = false
            } else {
                account = try Self.createIfAbsent("account", ids.account, in: &transaction) { builder in
                    builder.set("name", to: .text(title))
                    builder.add("prospect", to: "roles")
                    Self.copy(["phone", "email"], from: lead, into: &builder)
                    Self.set("owner", owner, into: &builder)
                    builder.set("sourceLead", to: .text(leadID))
                    Self.copyAddress(of: lead, into: &builder)
                }
                createdAccount = true
            }
            var contact: RecordState?
            if lead.value("lastName")?.text != nil {
                contact = try Self.createIfAbsent("contact", ids.contact, in: &transaction) { builder in
                    builder.set("account", to: .text(account.id))
                    Self.copy(["firstName", "lastName", "email", "phone", "street", "postalCode", "city", "country"], from: lead, into: &builder)
                    Self.set("owner", owner, into: &builder)
                    builder.set("sourceLead", to: .text(leadID))
                }
            }
            let opportunity = try Self.createIfAbsent("opportunity", ids.opportunity, in: &transaction) { builder in
                builder.set("account", to: .text(account.id))
                builder.set("name", to: .text(options.opportunityName ?? title))
                builder.set("status", to: "open")
                Self.set("owner", owner, into: &builder)
                builder.set("lead", to: .text(leadID))
                if let id = pipeline.id { builder.set("pipeline", to: .text(id)) }
                if let phase = pipeline.firstOpenPhase {
                    builder.set("phase", to: .text(phase.id))
                    builder.set("probability", to: try phase.probability.value(scale: 2))
                }
                if let amount = options.amount { builder.set("amount", to: try amount.value(scale: 2)) }
                if let date = options.expectedCloseDate { builder.set("expectedCloseDate", to: date.value) }
                if let description = lead.value("description") { builder.set("description", to: description) }
                if let contact { builder.add(contact.id, to: "buyingCenter") }
            }
            let updatedLead = try transaction.edit("lead", leadID) { builder in
                if lead.value("status")?.text != "qualified" { builder.set("status", to: "qualified") }
                builder.set("convertedAccount", to: .text(account.id))
                if let contact { builder.set("convertedContact", to: .text(contact.id)) }
                builder.set("convertedOpportunity", to: .text(opportunity.id))
                if let now { builder.set("convertedAt", to: .text(now.description)) }
            }
            return LeadConversionResult(
                lead: updatedLead, account: account, createdAccount: createdAccount, contact: contact,
                opportunity: opportunity
            )
        }
    }

    /// Creates record `id` with `fill` unless it exists live (then returns
    /// it untouched); a deleted one is restored and filled again.
    private static func createIfAbsent(
        _ entity: String, _ id: String, in transaction: inout LocalTransaction, _ fill: (inout ChangeBuilder) throws -> Void
    ) throws -> RecordState {
        let existing = try transaction.record(id)
        if let existing, !existing.isDeleted { return existing }
        return try transaction.edit(entity, id) { builder in
            if existing != nil { builder.restore() }
            try fill(&builder)
        }
    }

    /// "First Last", "Last", or nil without a last name.
    static func personName(of lead: RecordState) -> String? {
        guard let last = lead.value("lastName")?.text else { return nil }
        return [lead.value("firstName")?.text, last].compactMap { $0 }.joined(separator: " ")
    }

    private static func copy(_ fields: [String], from lead: RecordState, into builder: inout ChangeBuilder) {
        for field in fields { set(field, lead.value(field), into: &builder) }
    }

    private static func set(_ field: String, _ value: Value?, into builder: inout ChangeBuilder) {
        if let value, value != .null { builder.set(field, to: value) }
    }

    /// The lead's address as the account's visiting address, an item whose
    /// ID is derived from the lead (so two conversions write one item).
    private static func copyAddress(of lead: RecordState, into builder: inout ChangeBuilder) {
        var members: [String: Value] = ["kind": "visiting"]
        for field in ["street", "postalCode", "city", "country"] {
            if let value = lead.value(field), value != .null { members[field] = value }
        }
        guard members.count > 1 else { return }
        let item = DerivedID.make(from: lead.id, role: "lead-conversion/account-address")
        _ = builder.insertItem(item, into: "addresses", after: nil, members: members)
    }
}

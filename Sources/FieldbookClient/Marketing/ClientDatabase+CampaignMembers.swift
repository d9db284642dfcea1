import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// Marks a sent campaign member bounced (the letter or e-mail did not arrive).
    /// - Throws: ``MarketingError/memberStatus(member:status:step:)`` unless sent,
    ///   ``ClientError/recordNotFound(id:)``.
    @discardableResult
    public func bounceCampaignMember(_ memberID: String) throws -> RecordState {
        try write { transaction in
            let member = try ProjectionQuery.require("campaign_member", memberID, in: transaction.db)
            let status = member.value("status")?.text ?? "selected"
            guard status == "sent" else { throw MarketingError.memberStatus(member: memberID, status: status, step: "bounce") }
            return try transaction.edit("campaign_member", memberID) { $0.set("status", to: "bounced") }
        }
    }

    /// Records a member's response (status `responded`, `respondedAt`,
    /// `response`) and turns it into a lead or a task in the same local
    /// transaction, linked as `resultingLead` / `resultingActivity`.
    ///
    /// The lead's and task's IDs are derived from the member, so the same
    /// response recorded on two devices offline yields one lead or task.
    /// A lead has source `campaign`, the campaign, the contact's company and
    /// person; its owner is the one given, else the contact's or account's
    /// owner; its follow-up date defaults to `today`. A task is due `today`
    /// unless given.
    /// - Throws: ``MarketingError/memberStatus(member:status:step:)`` for a
    ///   bounced or opted-out member, ``MarketingError/responseAlreadyHandled(member:record:)``,
    ///   ``ClientError/validationFailed(entity:record:issues:)`` (e.g. no owner), ``ClientError/recordNotFound(id:)``.
    @discardableResult
    public func respondCampaignMember(
        _ memberID: String, response: String? = nil, followUp: CampaignResponseFollowUp = .none,
        at time: UTCDateTime? = nil, today: CalendarDate? = nil
    ) throws -> (member: RecordState, lead: RecordState?, task: RecordState?) {
        let now = time ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
        let day = today ?? now.date
        return try write { transaction in
            let member = try ProjectionQuery.require("campaign_member", memberID, in: transaction.db)
            let status = member.value("status")?.text ?? "selected"
            guard status == "sent" || status == "responded" else {
                throw MarketingError.memberStatus(member: memberID, status: status, step: "respond")
            }
            let campaignID = member.value("campaign")?.text ?? ""
            let campaign = try transaction.record(campaignID)
            let contact = try member.value("contact")?.text.flatMap { try transaction.record($0) }
            let account = try member.value("account")?.text.flatMap { try transaction.record($0) }
            let defaultOwner = contact?.value("owner")?.text ?? account?.value("owner")?.text
            var lead: RecordState?
            var task: RecordState?
            switch followUp {
            case .none:
                break
            case .lead(let owner, let followUpDate):
                if let existing = member.value("resultingLead")?.text {
                    throw MarketingError.responseAlreadyHandled(member: memberID, record: "lead \(existing)")
                }
                lead = try transaction.edit("lead", DerivedID.make(from: memberID, role: "campaign-member/lead")) { builder in
                    builder.set("status", to: "new")
                    builder.set("source", to: "campaign")
                    builder.set("campaign", to: .text(campaignID))
                    if let company = account?.value("name") { builder.set("companyName", to: company) }
                    for field in ["firstName", "lastName", "email", "phone"] {
                        if let value = contact?.value(field), value != .null { builder.set(field, to: value) }
                    }
                    if let text = response { builder.set("description", to: .text(text)) }
                    if let owner = owner ?? defaultOwner { builder.set("owner", to: .text(owner)) }
                    builder.set("followUpDate", to: (followUpDate ?? day).value)
                }
            case .task(let assignee, let due):
                if let existing = member.value("resultingActivity")?.text {
                    throw MarketingError.responseAlreadyHandled(member: memberID, record: "activity \(existing)")
                }
                guard let account else { throw ClientError.recordNotFound(id: member.value("account")?.text ?? memberID) }
                task = try transaction.edit("activity", DerivedID.make(from: memberID, role: "campaign-member/task")) { builder in
                    builder.set("kind", to: "task")
                    let name = campaign?.value("name")?.text ?? campaignID
                    builder.set("subject", to: .text("Campaign response: \(name)"))
                    if let text = response { builder.set("description", to: .text(text)) }
                    builder.set("account", to: .text(account.id))
                    if let contact { builder.set("contact", to: .text(contact.id)) }
                    builder.set("campaign", to: .text(campaignID))
                    if let assignee = assignee ?? defaultOwner { builder.set("assignee", to: .text(assignee)) }
                    builder.set("dueDate", to: (due ?? day).value)
                    builder.set("status", to: "open")
                    builder.set("generatedBy", to: "campaign-response")
                }
            }
            let updated = try transaction.edit("campaign_member", memberID) { builder in
                if status != "responded" {
                    builder.set("status", to: "responded")
                    builder.set("respondedAt", to: now.value)
                }
                if let response { builder.set("response", to: .text(response)) }
                if let lead { builder.set("resultingLead", to: .text(lead.id)) }
                if let task { builder.set("resultingActivity", to: .text(task.id)) }
            }
            return (updated, lead, task)
        }
    }

    /// The member opts out: status `opted_out` (final) and the contact's
    /// opt-out flags for the campaign's channel (``CampaignOptOut``) are set,
    /// so the next target group leaves the contact out.
    /// - Throws: ``MarketingError/memberStatus(member:status:step:)`` unless sent or responded.
    @discardableResult
    public func optOutCampaignMember(_ memberID: String) throws -> (member: RecordState, contact: RecordState?) {
        try write { transaction in
            let member = try ProjectionQuery.require("campaign_member", memberID, in: transaction.db)
            let status = member.value("status")?.text ?? "selected"
            guard status == "sent" || status == "responded" else {
                throw MarketingError.memberStatus(member: memberID, status: status, step: "opt out")
            }
            let campaign = try member.value("campaign")?.text.flatMap { try transaction.record($0) }
            let updated = try transaction.edit("campaign_member", memberID) { $0.set("status", to: "opted_out") }
            var contact: RecordState?
            if let contactID = member.value("contact")?.text, let current = try transaction.record(contactID),
                !current.isDeleted
            {
                contact = try transaction.edit("contact", contactID) { builder in
                    for flag in CampaignOptOut.flags(forChannel: campaign?.value("channel")?.text)
                    where current.value(flag) != .bool(true) {
                        builder.set(flag, to: true)
                    }
                }
            }
            return (updated, contact)
        }
    }
}

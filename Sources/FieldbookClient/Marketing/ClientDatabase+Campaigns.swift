import FieldbookModel
import FieldbookSync
import GRDB

extension ClientDatabase {
    /// The target group of `campaignID`: live contacts on this device that
    /// match `criteria` (nil: the criteria stored on the campaign, none
    /// stored: every contact) and did not opt out of the campaign's channel,
    /// sorted by last and first name.
    /// - Throws: ``ClientError/recordNotFound(id:)`` for a missing campaign,
    ///   ``MarketingError/invalidCriterion(_:)`` for unreadable stored criteria.
    public func campaignTargets(_ campaignID: String, criteria: CampaignTargetCriteria? = nil) throws -> [CampaignRecipient] {
        try writer.read { db in
            let campaign = try ProjectionQuery.require("campaign", campaignID, in: db)
            return try Self.targets(of: campaign, criteria: criteria, in: db)
        }
    }

    /// Selects the target group: a `campaign_member` without status
    /// ("selected, not sent") for each contact of ``campaignTargets(_:criteria:)``
    /// that is not a member yet, IDs derived from campaign and contact. The
    /// next ``sendCampaign(_:criteria:template:at:)`` without criteria sends
    /// exactly the selected members.
    /// - Returns: the target group (with the members' IDs and statuses).
    @discardableResult
    public func selectCampaignTargets(_ campaignID: String, criteria: CampaignTargetCriteria? = nil) throws
        -> [CampaignRecipient]
    {
        try write { transaction in
            let campaign = try ProjectionQuery.require("campaign", campaignID, in: transaction.db)
            let recipients = try Self.targets(of: campaign, criteria: criteria, in: transaction.db)
            for recipient in recipients where !recipient.isMember {
                try Self.writeMember(recipient, campaign: campaignID, status: nil, at: nil, in: &transaction)
            }
            return recipients
        }
    }

    /// The campaign's template (``CampaignTemplate/choose(_:of:)``) filled
    /// in for `contactID`.
    /// - Throws: ``MarketingError/templateNotFound(campaign:name:)``,
    ///   ``MarketingError/unknownPlaceholders(template:placeholders:)``, ``ClientError/recordNotFound(id:)``.
    public func previewCampaign(_ campaignID: String, contact contactID: String, template name: String? = nil) throws -> (
        template: CampaignTemplate, subject: String, body: String
    ) {
        try writer.read { db in
            let campaign = try ProjectionQuery.require("campaign", campaignID, in: db)
            let contact = try ProjectionQuery.require("contact", contactID, in: db)
            guard let template = try CampaignTemplate.choose(name, of: campaign) else {
                throw MarketingError.templateNotFound(campaign: campaignID, name: nil)
            }
            let account = try contact.value("account")?.text.flatMap { try RecordRow.fetch($0, in: db) }
            let rendered = try template.render(
                ["campaign": campaign, "contact": contact, "account": account].compactMapValues { $0 }, registry: registry
            )
            return (template, rendered.subject, rendered.body)
        }
    }

    /// The send run: one `campaign_member` (status `sent`, `sentAt` now) per
    /// recipient, in one local transaction. Recipients are the target group
    /// of `criteria` when given; else the selected members (see
    /// ``selectCampaignTargets(_:criteria:)``) when there are any; else the
    /// group of the campaign's stored criteria. Contacts that opted out are
    /// never sent to.
    ///
    /// Member IDs are derived from campaign and contact (``MarketingIDs``),
    /// so a second run, or the same campaign sent on another device offline,
    /// adds no duplicate: members sent before are left as they are.
    ///
    /// The template is rendered for every recipient first: an unknown
    /// placeholder refuses the whole run before anything is written.
    /// - Throws: ``MarketingError``, ``ClientError/recordNotFound(id:)``,
    ///   ``ClientError/validationFailed(entity:record:issues:)``.
    @discardableResult
    public func sendCampaign(
        _ campaignID: String, criteria: CampaignTargetCriteria? = nil, template name: String? = nil, at time: UTCDateTime? = nil
    ) throws -> CampaignSendResult {
        let now = time ?? UTCDateTime(secondsSinceEpoch: Int64(clock.nowMillis() / 1000))!
        return try write { transaction in
            let campaign = try ProjectionQuery.require("campaign", campaignID, in: transaction.db)
            let template = try CampaignTemplate.choose(name, of: campaign)
            var recipients = try Self.targets(of: campaign, criteria: criteria, in: transaction.db)
            if criteria == nil {
                let selected = Set(
                    try ProjectionQuery.records(
                        "campaign_member", where: "campaign = ? AND status IS NULL", arguments: [campaignID], in: transaction.db
                    ).compactMap { $0.value("contact")?.text }
                )
                if !selected.isEmpty {
                    recipients = try Self.targets(of: campaign, criteria: CampaignTargetCriteria(), in: transaction.db)
                        .filter { selected.contains($0.contact.id) }
                }
            }
            if let template {
                for recipient in recipients {
                    _ = try template.render(
                        ["campaign": campaign, "contact": recipient.contact, "account": recipient.account].compactMapValues { $0 },
                        registry: registry
                    )
                }
            }
            var result = CampaignSendResult(sent: [], alreadySent: [], template: template)
            for recipient in recipients {
                if recipient.memberStatus != nil {
                    result.alreadySent.append(recipient.memberID)
                    continue
                }
                result.sent.append(
                    try Self.writeMember(recipient, campaign: campaignID, status: "sent", at: now, in: &transaction)
                )
            }
            return result
        }
    }

    /// Creates (or, with a status, sends) the member of `recipient`.
    @discardableResult
    private static func writeMember(
        _ recipient: CampaignRecipient, campaign: String, status: String?, at time: UTCDateTime?,
        in transaction: inout LocalTransaction
    ) throws -> RecordState {
        let existing = try transaction.record(recipient.memberID)
        let fresh = existing == nil || existing?.isDeleted == true
        return try transaction.edit("campaign_member", recipient.memberID) { builder in
            if existing?.isDeleted == true { builder.restore() }
            if fresh {
                builder.set("campaign", to: .text(campaign))
                builder.set("contact", to: .text(recipient.contact.id))
                if let account = recipient.account { builder.set("account", to: .text(account.id)) }
            }
            if let status { builder.set("status", to: .text(status)) }
            if let time { builder.set("sentAt", to: time.value) }
        }
    }

    /// The members of `campaignID`, by status then ID.
    public func campaignMembers(_ campaignID: String) throws -> [RecordState] {
        try writer.read { db in
            _ = try ProjectionQuery.require("campaign", campaignID, in: db)
            return try ProjectionQuery.records(
                "campaign_member", where: "campaign = ?", arguments: [campaignID], orderBy: "status", in: db
            )
        }
    }

    /// The target group of `campaign` (see ``campaignTargets(_:criteria:)``).
    static func targets(of campaign: RecordState, criteria: CampaignTargetCriteria?, in db: Database) throws
        -> [CampaignRecipient]
    {
        let chosen: CampaignTargetCriteria
        if let criteria {
            chosen = criteria
        } else if let stored = campaign.value("targetCriteria")?.text, !stored.isEmpty {
            chosen = try CampaignTargetCriteria(decoding: stored)
        } else {
            chosen = try CampaignTargetCriteria()
        }
        let channel = campaign.value("channel")?.text
        var accounts: [String: RecordState] = [:]
        for account in try ProjectionQuery.records("account", in: db) { accounts[account.id] = account }
        var territoryNames: [String: Set<String>] = [:]
        for territory in try ProjectionQuery.records("territory", in: db) {
            territoryNames[territory.id] = Set(
                ["name", "code"].compactMap { territory.value($0)?.text.map(CampaignTargetCriteria.key) }
            )
        }
        let contacts = try ProjectionQuery.records("contact", orderBy: "\"lastName\", \"firstName\"", in: db)
        return try contacts.compactMap { contact -> CampaignRecipient? in
            guard !CampaignOptOut.hasOptedOut(contact, channel: channel) else { return nil }
            let account = contact.value("account")?.text.flatMap { accounts[$0] }
            guard chosen.matches(contact: contact, account: account, territoryNames: territoryNames) else { return nil }
            let memberID = MarketingIDs.campaignMember(campaign: campaign.id, contact: contact.id)
            let member = try RecordRow.fetch(memberID, in: db).flatMap { $0.isDeleted ? nil : $0 }
            return CampaignRecipient(
                contact: contact, account: account, memberID: memberID, memberStatus: member?.value("status")?.text,
                isMember: member != nil
            )
        }
    }
}

import FieldbookSync

/// Campaign success, per campaign: recipients (members), responses
/// (members `responded`, or with `respondedAt`), leads created (leads
/// naming the campaign, and members' `resultingLead`), the opportunities
/// that came from those leads (`convertedOpportunity`, or opportunities
/// naming the lead) that were won, and their amount as revenue.
///
/// Period: campaigns whose start–end dates overlap it (campaigns without
/// dates always count). Rep: members of accounts the rep owns, leads and
/// opportunities the rep owns. Territory: members' and opportunities'
/// accounts, leads' converted accounts.
enum CampaignReport {
    static func compute(_ dataset: ReportDataset, _ filter: ReportFilter) throws -> ReportResult {
        var membersOf: [String: [RecordState]] = [:]
        for member in dataset.records("campaign_member") {
            guard let campaign = member.value("campaign")?.text else { continue }
            membersOf[campaign, default: []].append(member)
        }
        var opportunitiesOfLead: [String: Set<String>] = [:]
        for opportunity in dataset.records("opportunity") {
            if let lead = opportunity.value("lead")?.text { opportunitiesOfLead[lead, default: []].insert(opportunity.id) }
        }
        var rows: [[ReportCell]] = []
        var totals = (recipients: 0, responses: 0, leads: 0, won: 0, revenue: [DecimalNumber]())
        for campaign in dataset.records("campaign") where overlaps(campaign, filter) {
            let members = (membersOf[campaign.id] ?? []).filter { member in
                let account = member.value("account")?.text
                    ?? dataset.record(member.value("contact")?.text)?.value("account")?.text
                return (filter.rep == nil && filter.reps == nil || filter.matchesRep(dataset.record(account)?.value("owner")?.text))
                    && dataset.account(account, matches: filter)
            }
            let responses = members.filter {
                $0.value("status") == .text("responded") || $0.value("respondedAt")?.dateTime != nil
            }
            var leadIDs = Set(members.compactMap { $0.value("resultingLead")?.text })
            for lead in dataset.records("lead") where lead.value("campaign")?.text == campaign.id { leadIDs.insert(lead.id) }
            let leads = leadIDs.compactMap(dataset.record).filter { lead in
                filter.matchesRep(lead.value("owner")?.text) || (filter.rep == nil && filter.reps == nil)
            }.filter { lead in
                filter.territory == nil || dataset.account(lead.value("convertedAccount")?.text, matches: filter)
            }
            var opportunityIDs = Set<String>()
            for lead in leads {
                if let converted = lead.value("convertedOpportunity")?.text { opportunityIDs.insert(converted) }
                opportunityIDs.formUnion(opportunitiesOfLead[lead.id] ?? [])
            }
            let won = opportunityIDs.compactMap(dataset.record).filter { opportunity in
                opportunity.value("status") == .text("won") && filter.matchesRep(opportunity.value("owner")?.text)
                    && dataset.account(opportunity.value("account")?.text, matches: filter)
            }
            let revenue = won.map { $0.value("amount")?.decimal ?? .zero }
            rows.append([
                .text(campaign.id), .text(dataset.label(campaign.id)), .count(members.count), .count(responses.count),
                (try ReportEngine.percent(responses.count, of: members.count)).map(ReportCell.decimal) ?? .none,
                .count(leads.count), .count(won.count), .amount(try ReportEngine.sum(revenue)),
            ])
            totals.recipients += members.count
            totals.responses += responses.count
            totals.leads += leads.count
            totals.won += won.count
            totals.revenue += revenue
        }
        return ReportResult(
            kind: .campaigns, filter: filter,
            summary: [
                ("campaigns", .count(rows.count)), ("recipients", .count(totals.recipients)),
                ("responses", .count(totals.responses)), ("leads", .count(totals.leads)), ("won", .count(totals.won)),
                ("revenue", .amount(try ReportEngine.sum(totals.revenue))),
            ],
            sections: [
                ReportSection(
                    name: "campaigns", title: "Campaign success",
                    columns: [.init("campaign", "Campaign"), .init("name", "Name"), .init("recipients", "Recipients"),
                              .init("responses", "Responses"), .init("responseRate", "Resp. %"), .init("leads", "Leads"),
                              .init("won", "Won"), .init("revenue", "Revenue")],
                    rows: rows, chart: "revenue"
                )
            ]
        )
    }

    /// Whether the campaign's start–end dates overlap the period (no dates: yes).
    private static func overlaps(_ campaign: RecordState, _ filter: ReportFilter) -> Bool {
        let start = campaign.value("startDate")?.date
        let end = campaign.value("endDate")?.date
        if let from = filter.from, let end, end < from { return false }
        if let to = filter.to, let start, to < start { return false }
        return true
    }
}

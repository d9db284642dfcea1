import FieldbookModel
import FieldbookSync

/// A generated sales world for the report tests: plain values (what the
/// expected figures are computed from, in integer cents) and the records
/// made from them (what the reports read).
struct ReportScenario {
    struct Opportunity {
        var id: String
        var owner: String
        var account: String
        var phase: String?
        var status: String
        /// Cents; nil: no amount.
        var cents: Int?
        var expectedClose: String?
        var closeDate: String?
        var closeReason: String?
        var lead: String?
        /// Order lines (product, cents); empty: none.
        var orderLines: [(product: String, cents: Int)] = []
        /// Accepted offer lines (product, quantity, list price cents, discount %).
        var offerLines: [(product: String, quantity: Int, priceCents: Int, discount: Int)] = []
    }

    struct Activity { var id: String; var owner: String?; var assignee: String?; var kind: String; var day: String; var minutes: Int?; var account: String }
    struct Ticket { var id: String; var account: String; var category: String?; var status: String; var opened: Int64; var closed: Int64?; var assignee: String?; var product: String? }

    static let reps = ["u-anna", "u-ben", "u-cleo"]
    /// Territories: north with child north-city, south.
    static let accounts = ["acc-1": "t-north", "acc-2": "t-north-city", "acc-3": "t-south", "acc-4": "t-south"]
    static let accountOwner = ["acc-1": "u-anna", "acc-2": "u-ben", "acc-3": "u-cleo", "acc-4": "u-anna"]
    /// Standard pipeline probabilities in percent.
    static let probability = ["qualification": 10, "needs_analysis": 25, "proposal": 50, "negotiation": 75]
    static let products = ["p-press", "p-drill", "p-saw"]

    var opportunities: [Opportunity] = []
    var activities: [Activity] = []
    var tickets: [Ticket] = []
    var extra: [RecordState] = []

    /// A deterministic world of `count` opportunities, activities and tickets.
    static func generated(seed: UInt64, count: Int = 80) -> ReportScenario {
        var random = SplitMix(seed: seed)
        var scenario = ReportScenario()
        let phases: [String?] = ["qualification", "needs_analysis", "proposal", "negotiation", "mystery", nil]
        let statuses = ["open", "open", "open", "won", "lost", "cancelled"]
        let reasons = ["price", "timing", "competitor"]
        for index in 0..<count {
            let status = statuses[random.below(statuses.count)]
            let month = 1 + random.below(12)
            let day = 1 + random.below(28)
            let date = "2026-\(pad(month))-\(pad(day))"
            var opportunity = Opportunity(
                id: "opp-\(pad(index, 3))", owner: reps[random.below(reps.count)],
                account: accounts.keys.sorted()[random.below(accounts.count)], phase: phases[random.below(phases.count)],
                status: status, cents: random.below(5) == 0 ? (random.below(2) == 0 ? nil : 0) : random.below(5_000_000),
                expectedClose: random.below(8) == 0 ? nil : date
            )
            if status != "open" {
                opportunity.closeDate = date
                opportunity.closeReason = status == "lost" ? reasons[random.below(reasons.count)] : "done"
            }
            if status == "won" {
                switch random.below(3) {
                case 0: opportunity.orderLines = (0...random.below(3)).map { _ in (products[random.below(3)], random.below(100_000)) }
                case 1: opportunity.offerLines = (0...random.below(2)).map { _ in
                    (products[random.below(3)], 1 + random.below(5), random.below(50_000), [0, 10, 15][random.below(3)])
                }
                default: break
                }
            } else if random.below(3) == 0 {
                opportunity.offerLines = [(products[random.below(3)], 1, 1000, 0)]
            }
            scenario.opportunities.append(opportunity)
        }
        let kinds = ["call", "visit", "email", "note"]
        for index in 0..<count {
            let owner: String? = random.below(6) == 0 ? nil : reps[random.below(reps.count)]
            scenario.activities.append(
                Activity(
                    id: "act-\(pad(index, 3))", owner: owner, assignee: owner == nil && random.below(2) == 0 ? "u-ben" : nil,
                    kind: kinds[random.below(kinds.count)], day: "2026-\(pad(1 + random.below(12)))-\(pad(1 + random.below(28)))",
                    minutes: random.below(4) == 0 ? nil : random.below(120), account: accounts.keys.sorted()[random.below(4)]
                )
            )
        }
        let categories: [String?] = ["quality", "delivery", "billing", nil]
        let ticketStatuses = ["new", "in_progress", "resolved", "closed"]
        for index in 0..<count / 2 {
            let opened = Int64(1_767_225_600 + random.below(300) * 86_400 + random.below(86_400))
            let status = ticketStatuses[random.below(4)]
            let closed: Int64? = status == "resolved" || status == "closed" ? opened + Int64(random.below(10 * 86_400)) : nil
            scenario.tickets.append(
                Ticket(
                    id: "t-\(pad(index, 3))", account: accounts.keys.sorted()[random.below(4)],
                    category: categories[random.below(4)], status: status, opened: opened, closed: closed,
                    assignee: reps[random.below(3)], product: random.below(2) == 0 ? products[random.below(3)] : nil
                )
            )
        }
        return scenario
    }

    /// The records the reports read.
    var records: [RecordState] {
        var records = extra
        records.append(Self.record("territory", "t-north", ["name": "North"]))
        records.append(Self.record("territory", "t-north-city", ["name": "North city", "parent": "t-north"]))
        records.append(Self.record("territory", "t-south", ["name": "South"]))
        for (account, territory) in Self.accounts {
            records.append(Self.record("account", account, ["name": account, "territory": territory, "owner": Self.accountOwner[account]!]))
        }
        for rep in Self.reps { records.append(Self.record("user", rep, ["displayName": rep.uppercased(), "login": rep])) }
        for opportunity in opportunities {
            var fields = ["account": opportunity.account, "name": opportunity.id, "owner": opportunity.owner, "status": opportunity.status]
            fields["phase"] = opportunity.phase
            fields["amount"] = opportunity.cents.map(Self.money)
            fields["expectedCloseDate"] = opportunity.expectedClose
            fields["closeDate"] = opportunity.closeDate
            fields["closeReason"] = opportunity.closeReason
            fields["lead"] = opportunity.lead
            records.append(Self.record("opportunity", opportunity.id, fields))
            if !opportunity.orderLines.isEmpty {
                records.append(
                    Self.record(
                        "order", "ord-" + opportunity.id, ["opportunity": opportunity.id, "account": opportunity.account, "status": "open"],
                        lines: opportunity.orderLines.map { ["product": $0.product, "quantity": "1", "net": Self.money($0.cents)] }
                    )
                )
            }
            if !opportunity.offerLines.isEmpty {
                records.append(
                    Self.record(
                        "offer", "off-" + opportunity.id,
                        ["opportunity": opportunity.id, "account": opportunity.account, "status": opportunity.status == "won" ? "accepted" : "sent"],
                        lines: opportunity.offerLines.map {
                            ["product": $0.product, "quantity": "\($0.quantity)", "listPrice": Self.money($0.priceCents), "discountPercent": "\($0.discount)"]
                        }
                    )
                )
            }
        }
        for activity in activities {
            var fields = ["kind": activity.kind, "subject": "s", "account": activity.account, "occurredAt": activity.day + "T10:00:00Z"]
            fields["owner"] = activity.owner
            fields["assignee"] = activity.assignee
            var record = Self.record("activity", activity.id, fields)
            if let minutes = activity.minutes { Self.write(&record, ["durationMinutes": .int(Int64(minutes))]) }
            records.append(record)
        }
        for ticket in tickets {
            var fields = ["subject": "s", "account": ticket.account, "status": ticket.status,
                          "openedAt": UTCDateTime(secondsSinceEpoch: ticket.opened)!.description]
            fields["category"] = ticket.category
            fields["closedAt"] = ticket.closed.map { UTCDateTime(secondsSinceEpoch: $0)!.description }
            fields["assignee"] = ticket.assignee
            fields["product"] = ticket.product
            records.append(Self.record("ticket", ticket.id, fields))
        }
        return records
    }

    // MARK: Helpers

    /// A record with text fields and optional `lines` items.
    static func record(_ entity: String, _ id: String, _ fields: [String: String], lines: [[String: String]] = [], listField: String = "lines") -> RecordState {
        var state = RecordState(entity: entity, id: id)
        var values: [String: Value] = [:]
        for (field, value) in fields { values[field] = .text(value) }
        write(&state, values, items: lines.map { $0.mapValues(Value.text) }, listField: listField)
        return state
    }

    static func write(_ state: inout RecordState, _ values: [String: Value], items: [[String: Value]] = [], listField: String = "lines") {
        var builder = ChangeBuilder(state: state)
        for (field, value) in values.sorted(by: { $0.key < $1.key }) { builder.set(field, to: value) }
        var previous: String?
        for (index, members) in items.enumerated() {
            let item = "i\(index)"
            builder.insertItem(item, into: listField, after: previous, members: members)
            previous = item
        }
        let counter = UInt64(state.liveDots.count + 1)
        let change = Change(
            entity: state.entity, record: state.id, dot: Dot(replica: ReplicaID(unchecked: "gen"), counter: counter),
            time: HybridTimestamp(millis: counter), ops: builder.operations
        )
        try! state.apply(change)
    }

    static func money(_ cents: Int) -> String { "\(cents / 100)." + pad(cents % 100) }
    static func pad(_ number: Int, _ width: Int = 2) -> String {
        String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
    }
    /// Round half up of `numerator / denominator` for non-negative values.
    static func roundedDivision(_ numerator: Int, _ denominator: Int) -> Int { (2 * numerator + denominator) / (2 * denominator) }
}

/// A small deterministic random generator.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

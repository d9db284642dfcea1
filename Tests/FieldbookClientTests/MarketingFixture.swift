import FieldbookClient
import FieldbookModel
import FieldbookSync
import Foundation

/// A rep's replica with the office's reference data (territories, a
/// campaign, an event) applied as remote changes, and customer data the rep
/// wrote: accounts in two industries, classes and territories with contacts.
struct MarketingFixture {
    let database: ClientDatabase
    let clock: ManualClock
    private var office = Replica(id: ReplicaID(unchecked: "server"))

    /// 2026-11-23T08:00:00Z.
    static let now: UInt64 = 1_795_420_800_000

    init() throws {
        clock = ManualClock(millis: Self.now)
        database = try ClientDatabase.inMemory(clock: clock)
    }

    /// Writes a record as the office would (reference data reps may not write).
    mutating func office(_ entity: String, _ id: String, _ edit: (inout ChangeBuilder) -> Void) throws {
        clock.advance(by: 10)
        guard let change = office.change(entity, id, physical: clock.nowMillis(), edit) else { return }
        try database.applyRemote([change])
    }

    /// An account written by the rep.
    mutating func account(
        _ id: String, _ name: String, industry: String, abc: String?, territory: String, interests: [String] = []
    ) throws {
        try database.edit("account", id) { builder in
            builder.set("name", to: .text(name))
            builder.set("industry", to: .text(industry))
            builder.set("territory", to: .text(territory))
            builder.set("owner", to: "u-anna")
            for interest in interests { builder.add(interest, to: "interests") }
        }
        // ABC classes are set by the back office.
        if let abc { try office("account", id) { $0.set("abcClass", to: .text(abc)) } }
    }

    /// A contact written by the rep.
    func contact(
        _ id: String, _ first: String, _ last: String, account: String, interests: [String] = [], optOut: [String] = []
    ) throws {
        try database.edit("contact", id) { builder in
            builder.set("firstName", to: .text(first))
            builder.set("lastName", to: .text(last))
            builder.set("account", to: .text(account))
            builder.set("email", to: .text("\(first.lowercased())@example.com"))
            for interest in interests { builder.add(interest, to: "interests") }
            for flag in optOut { builder.set(flag, to: true) }
        }
    }

    /// The standard world: territories North/South, a campaign on `channel`
    /// with one template, three accounts and five contacts.
    static func standard(channel: String = "email", body: String = "Dear {{contact.firstName}} {{contact.lastName}}, see you, {{account.name}}.")
        throws -> MarketingFixture
    {
        var fixture = try MarketingFixture()
        try fixture.office("territory", "t-north") { $0.set("name", to: "North"); $0.set("code", to: "N") }
        try fixture.office("territory", "t-south") { $0.set("name", to: "South"); $0.set("code", to: "S") }
        try fixture.office("campaign", "camp") { builder in
            builder.set("name", to: "Spring presses")
            builder.set("channel", to: .text(channel))
            builder.set("status", to: "active")
            builder.insertItem(
                "tpl-1", into: "templates", after: nil,
                members: [
                    "kind": .text(channel == "letter" ? "letter" : "email"), "name": "Invitation",
                    "subject": "Presses for {{account.name}}", "body": .text(body),
                ]
            )
        }
        try fixture.account("a-mueller", "Müller GmbH", industry: "Maschinenbau", abc: "A", territory: "t-north", interests: ["presses"])
        try fixture.account("a-handel", "Handel KG", industry: "Handel", abc: "B", territory: "t-south")
        try fixture.account("a-bauer", "Bauer AG", industry: "maschinenbau ", abc: "C", territory: "t-north")
        try fixture.contact("c-karin", "Karin", "Weber", account: "a-mueller")
        try fixture.contact("c-otto", "Otto", "Adler", account: "a-mueller", optOut: ["noEmail"])
        try fixture.contact("c-hans", "Hans", "Klein", account: "a-handel", interests: ["presses"])
        try fixture.contact("c-lena", "Lena", "Berg", account: "a-bauer", interests: ["robots"])
        try fixture.contact("c-max", "Max", "Zorn", account: "a-bauer", optOut: ["noMail"])
        return fixture
    }
}

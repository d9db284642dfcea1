import FieldbookClient
import FieldbookModel
import FieldbookSync
import GRDB
import Testing

/// Records with every field set, and an office replica whose changes reach
/// the database as remote changes (as a sync would deliver them).
enum TypedRecordFixtures {
    static let clock = ManualClock(millis: 1_795_420_800_000)  // 2026-11-23T08:00:00Z
    static let today = CalendarDate(parsing: "2026-11-23")!
    static let now = UTCDateTime(parsing: "2026-11-23T08:00:00Z")!

    static func money(_ text: String) -> DecimalNumber { DecimalNumber(unchecked: text) }

    static func account(id: String = "acc-1") -> Account {
        Account(
            id: id, name: "Müller Maschinenbau GmbH & Co. KG — Ærø 🚜", number: "K-10042", roles: [.customer, .partner],
            status: .active, industry: "Maschinenbau", lastVisitDate: CalendarDate(parsing: "2026-10-01")!,
            owner: "user-anna", territory: "terr-south", parent: "acc-parent", competitors: ["comp-1", "comp-2"],
            interests: ["Hydraulik", "Industrie 4.0", "naïve café"], phone: "+49 711 123456",
            email: "info@mueller.example", website: "https://mueller.example",
            addresses: [
                Account.Address(
                    id: "addr-b", kind: .billing, street: "Hauptstraße 5", postalCode: "70173", city: "Stuttgart",
                    country: "DE"),
                Account.Address(id: "addr-a", kind: .visiting, street: "Werkstraße 1", city: "Esslingen"),
                Account.Address(id: "addr-c", kind: .postal, postalCode: "70001", country: "DE"),
            ],
            sourceLead: "lead-1", notes: "Zweite Zeile\nmit Umlauten äöü und 中文"
        )
    }

    static func contact(id: String = "con-1", account: String = "acc-1") -> Contact {
        Contact(
            id: id, account: account, lastName: "Schmidt-Öztürk", salutation: .ms, title: "Dr.", firstName: "Anna",
            function: "Einkaufsleitung", buyingRole: .decisionMaker,
            accountRoles: [
                Contact.AccountRole(id: "role-1", account: "acc-2", function: "Beirat", buyingRole: .influencer),
                Contact.AccountRole(id: "role-0", account: "acc-3"),
            ],
            phone: "+49 711 1", mobile: "+49 170 2", email: "anna@mueller.example", street: "Ring 2",
            postalCode: "70174", city: "Stuttgart", country: "DE", interests: ["Golf", "Oper"], noMail: true,
            noCall: false, noEmail: true, birthday: CalendarDate(parsing: "1980-02-29")!, owner: "user-anna",
            sourceLead: "lead-1", notes: "Bevorzugt Termine am Vormittag"
        )
    }

    static func lead(id: String = "lead-1") -> Lead {
        Lead(
            id: id, status: .inProgress, source: .tradeFair, campaign: "camp-1", event: "event-1",
            description: "Interesse an Presse", companyName: "Weber AG", firstName: "Jörg", lastName: "Weber",
            email: "j.weber@weber.example", phone: "0711 / 4711", street: "Allee 3", postalCode: "80331",
            city: "München", country: "DE", disqualifyReason: "—", owner: "user-anna", followUpDate: today,
            convertedAccount: "acc-9", convertedContact: "con-9", convertedOpportunity: "opp-9", convertedAt: now
        )
    }

    static func opportunity(id: String = "opp-1") -> Opportunity {
        Opportunity(
            id: id, account: "acc-1", name: "Retrofit Presse 7", status: .lost, owner: "user-anna", number: "O-77",
            amount: money("125000.50"), expectedCloseDate: today.adding(days: 30), pipeline: "pipe-1",
            phase: "phase-offer", probability: money("12.50"), closeReason: "Preis", closeDate: today,
            forecastCategory: .bestCase, team: "team-1", buyingCenter: ["con-1", "con-2"], competitors: ["comp-1"],
            lead: "lead-1", nextStep: "Nachfassen", description: "Große Chance"
        )
    }

    static func task(id: String = "act-1") -> Activity {
        Activity(
            id: id, kind: .task, subject: "Angebot senden", account: "acc-1", description: "mit Rabatt",
            contact: "con-1", opportunity: "opp-1", ticket: "tick-1", campaign: "camp-1", direction: .outbound,
            occurredAt: now, durationMinutes: 45, assignee: "user-anna", dueDate: today, status: .inProgress,
            delegatedBy: "user-boss", generatedBy: "offer-expiry", completedAt: now, owner: "user-anna",
            delegatedAt: now
        )
    }

    static func appointment(id: String = "appt-1") -> Appointment {
        Appointment(
            id: id, subject: "Quartalsgespräch", start: UTCDateTime(parsing: "2026-11-24T09:00:00Z")!,
            end: UTCDateTime(parsing: "2026-11-24T10:30:00Z")!, location: "Stuttgart", allDay: false,
            account: "acc-1", contact: "con-1", opportunity: "opp-1", ticket: "tick-1", organizer: "user-anna",
            internalParticipants: ["user-anna", "user-ben"], externalParticipants: ["con-1"], status: .planned,
            icalUID: "custom-uid@example", visitReport: "vr-1", description: "Agenda folgt"
        )
    }

    static func visitReport(id: String = "vr-1") -> VisitReport {
        VisitReport(
            id: id, account: "acc-1", visitDate: today, contact: "con-1", appointment: "appt-1",
            activity: "act-2", author: "user-anna", participants: ["con-1", "con-2"],
            internalParticipants: ["user-anna"], topics: ["Preise", "Lieferzeit"], outcome: "Testauftrag",
            nextSteps: "Angebot bis Freitag",
            gifts: [
                VisitReport.Gift(id: "gift-2", description: "Wein", value: money("24.90"), recipient: "con-1"),
                VisitReport.Gift(id: "gift-1", description: "Kalender"),
            ]
        )
    }

    static func offer(id: String = "off-1") -> Offer {
        Offer(
            id: id, account: "acc-1", offerDate: today, taxRate: money("19.00"), status: .sent, contact: "con-1",
            opportunity: "opp-1", validUntil: today.adding(days: 30),
            lines: [
                Offer.Line(
                    id: "line-b", product: "prod-1", quantity: 3, listPrice: money("19.99"),
                    discountPercent: money("12.50"), description: "Ventil „Spezial“", unit: "Stk"),
                Offer.Line(id: "line-a", product: "prod-2", quantity: money("1.5"), listPrice: money("100.00")),
            ],
            paymentTerms: "30 Tage netto", deliveryTerms: "ab Werk", followUpTask: "act-1", owner: "user-anna",
            notes: "Sonderkonditionen"
        )
    }

    static func product(id: String = "prod-1") -> Product {
        Product(
            id: id, number: "P-100", name: "Ventil DN 50", description: "Edelstahl", unit: "Stk",
            listPrice: money("19.99"), taxRate: money("19.00"), productGroup: "Ventile", active: true,
            erpKey: "erp:4711"
        )
    }

    static func ticket(id: String = "tick-1") -> Ticket {
        Ticket(
            id: id, subject: "Gehäuse zerkratzt", account: "acc-1", category: .damage, status: .closed, openedAt: now,
            number: "T-5", description: "Beim Transport", contact: "con-1", product: "prod-1", order: "ord-1",
            orderNumber: "A-123", priority: .high, measure: .exchange, exchangeOrder: "ord-2", assignee: "user-ben",
            closedAt: UTCDateTime(parsing: "2026-11-25T12:00:00Z")!, resolution: "Ersatz geliefert"
        )
    }

    static func contract(id: String = "ctr-1") -> Contract {
        Contract(
            id: id, name: "Wartung 2027", account: "acc-1", kind: .maintenance, startDate: today, number: "V-1",
            contact: "con-1", scope: "Alle Pressen", endDate: today.adding(days: 365), noticePeriodDays: 90,
            autoRenewal: true, renewalTermMonths: 12, renewalReminderDays: 60, annualValue: money("4800.00"),
            status: .active, owner: "user-anna"
        )
    }

    static func campaign(id: String = "camp-1") -> Campaign {
        Campaign(
            id: id, name: "Frühjahrsaktion", goal: "Neukunden", channel: .mixed, status: .active, startDate: today,
            endDate: today.adding(days: 60), budget: money("10000.00"), actualCost: money("2500.50"),
            expectedRevenue: money("50000.00"), targetCriteria: "A-Kunden Süd",
            templates: [
                Campaign.Template(
                    id: "tpl-2", kind: .email, name: "Einladung", subject: "Ihre Einladung", body: "Hallo"),
                Campaign.Template(id: "tpl-1", kind: .callScript, name: "Nachfassen"),
            ],
            owner: "user-anna"
        )
    }
}

/// A simulated server/office replica delivering its changes through `applyRemote`.
struct OfficeReplica {
    var replica = Replica(id: ReplicaID(unchecked: "office"))

    /// Receives every change the database has not pushed yet (the office sees the device's records).
    mutating func pull(from database: ClientDatabase) throws {
        for change in try database.pendingChanges() { try replica.receive(change, physical: 0) }
    }

    /// Makes an office edit and delivers it to `database`.
    @discardableResult
    mutating func edit(
        _ entity: String, _ id: String, in database: ClientDatabase, _ body: (inout ChangeBuilder) throws -> Void
    ) throws -> Change {
        let physical = TypedRecordFixtures.clock.nowMillis() + 1000
        let change = try #require(try replica.change(entity, id, physical: physical, body))
        try database.applyRemote([change])
        return change
    }

    /// Writes a whole typed record as the office and delivers it.
    mutating func create<T: EntityRecord>(_ record: T, in database: ClientDatabase) throws {
        let schema = try database.schema(T.entity)
        try edit(T.entity, record.id, in: database) { builder in
            try record.write(to: &builder, comparedTo: nil, schema: schema)
        }
    }
}

@Suite("Typed records: round trips")
struct TypedRecordRoundTripTests {
    let database: ClientDatabase

    init() throws { database = try ClientDatabase.inMemory(clock: TypedRecordFixtures.clock) }

    /// Saves `record` as the rep, loads it back and checks nothing was lost.
    @discardableResult
    func roundTrip<T: EntityRecord>(_ record: T) throws -> T {
        let saved = try database.save(record)
        let loaded = try #require(try database.record(T.self, id: record.id))
        #expect(loaded == saved)
        #expect(loaded == record || T.self == Offer.self, "every field comes back as written")
        #expect(!loaded.hasUnsavedChanges && !loaded.isDeleted && !loaded.hasConflicts)
        return loaded
    }

    /// The schema fields the stored record holds no value for.
    func unsetFields(of id: String) throws -> [String] {
        let state = try #require(try database.record(id))
        let schema = try database.schema(state.entity)
        return schema.fields.filter { field in
            switch field.kind {
            case .set: state.elements(of: field.name).isEmpty
            case .list: state.items(of: field.name).isEmpty
            default: state.value(field.name) == nil
            }
        }.map(\.name)
    }

    @Test func customerRecordsRoundTripWithEveryFieldTheRepWrites() throws {
        try roundTrip(TypedRecordFixtures.account())
        try roundTrip(TypedRecordFixtures.contact())
        try roundTrip(TypedRecordFixtures.lead())
        try roundTrip(TypedRecordFixtures.opportunity())
        try roundTrip(TypedRecordFixtures.task())
        try roundTrip(TypedRecordFixtures.visitReport())
        try roundTrip(TypedRecordFixtures.ticket())
        try roundTrip(TypedRecordFixtures.contract())
        let appointment = try roundTrip(TypedRecordFixtures.appointment())
        #expect(appointment.icalUID == "custom-uid@example", "a UID given is kept")

        // Only fields reserved to the office are left unset: nothing is silently dropped.
        #expect(try unsetFields(of: "acc-1") == ["abcClass", "careIntervalDays", "abcOverride", "priceList"])
        for id in ["con-1", "lead-1", "opp-1", "act-1", "appt-1", "vr-1", "tick-1", "ctr-1"] {
            #expect(try unsetFields(of: id) == [], "every field of \(id) is stored")
        }
    }

    @Test func listsKeepTheirOrderAndSetsTheirElements() throws {
        let account = try roundTrip(TypedRecordFixtures.account())
        #expect(account.addresses.map(\.id) == ["addr-b", "addr-a", "addr-c"])
        #expect(account.addresses[0].street == "Hauptstraße 5")
        #expect(account.interests == ["Hydraulik", "Industrie 4.0", "naïve café"])
        #expect(account.roles == [.customer, .partner])
        let stored = try #require(try database.record("acc-1"))
        #expect(stored.items(of: "addresses").map(\.id) == ["addr-b", "addr-a", "addr-c"])
        #expect(stored.elements(of: "roles") == ["customer", "partner"])
    }

    @Test func moneyIsStoredCanonicallyWithItsCents() throws {
        var opportunity = TypedRecordFixtures.opportunity()
        opportunity.amount = DecimalNumber(unchecked: "125000.5")
        let saved = try database.save(opportunity)
        #expect(saved.amount == DecimalNumber(unchecked: "125000.50"))
        let stored = try #require(try database.record("opp-1"))
        #expect(stored.value("amount") == .text("125000.50"))
        #expect(stored.value("probability") == .text("12.50"))
        let column = try database.read { db in
            try String.fetchOne(db, sql: "SELECT amount FROM e_opportunity WHERE id = 'opp-1'")
        }
        #expect(column == "125000.50")
    }

    @Test func anOfferStoresItsNumberLinesAndExactTotals() throws {
        let offer = try roundTrip(TypedRecordFixtures.offer())
        #expect(offer.provisionalNumber == database.offerNumberPrefix + "-2026-0001")
        #expect(offer.lines.map(\.id) == ["line-b", "line-a"])
        #expect(offer.lines.map(\.description) == ["Ventil „Spezial“", nil])
        #expect(offer.lines[1].quantity == DecimalNumber(unchecked: "1.500"))
        // 3 × 19.99 × 0.875 = 52.47375 → 52.47; 1.5 × 100 = 150.00; tax 19 % of 202.47 = 38.47
        #expect(offer.lines.map(\.net) == [DecimalNumber(unchecked: "52.47"), DecimalNumber(unchecked: "150.00")])
        #expect(offer.netTotal == DecimalNumber(unchecked: "202.47"))
        #expect(offer.taxAmount == DecimalNumber(unchecked: "38.47"))
        #expect(offer.grossTotal == DecimalNumber(unchecked: "240.94"))
        #expect(try offer.computedTotals().gross == offer.grossTotal)
        let stored = try #require(try database.record("off-1"))
        #expect(stored.items(of: "lines").first?.members["quantity"] == .text("3.000"))
        #expect(try unsetFields(of: "off-1") == ["finalNumber"])

        let second = try database.save(Offer(account: "acc-1", offerDate: TypedRecordFixtures.today, taxRate: 19))
        #expect(second.provisionalNumber.hasSuffix("-2026-0002"))
    }

    @Test func officeWrittenRecordsReadBackCompletely() throws {
        var office = OfficeReplica()
        try office.create(TypedRecordFixtures.product(), in: database)
        try office.create(TypedRecordFixtures.campaign(), in: database)
        try office.create(TypedRecordFixtures.account(), in: database)
        #expect(try database.record(Account.self, id: "acc-1") == TypedRecordFixtures.account())
        try office.edit("account", "acc-1", in: database) { change in  // fields reserved to the office
            change.set("abcClass", to: "A")
            change.set("careIntervalDays", to: 30)
            change.set("abcOverride", to: "B")
            change.set("priceList", to: "pl-1")
        }

        #expect(try database.record(Product.self, id: "prod-1") == TypedRecordFixtures.product())
        #expect(try database.record(Campaign.self, id: "camp-1") == TypedRecordFixtures.campaign())
        let account = try #require(try database.record(Account.self, id: "acc-1"))
        #expect(account.abcClass == .a && account.careIntervalDays == 30)
        #expect(account.abcOverride == .b && account.priceList == "pl-1")
        for id in ["prod-1", "camp-1", "acc-1"] { #expect(try unsetFields(of: id) == [], "every field of \(id)") }
        let templates = try #require(try database.record(Campaign.self, id: "camp-1")).templates
        #expect(templates.map(\.kind) == [.email, .callScript])

        try office.edit("offer", "off-9", in: database) { change in
            change.set("provisionalNumber", to: "X-2026-0001")
            change.set("finalNumber", to: "AN-2026-100")
            change.set("account", to: "acc-1")
            change.set("offerDate", to: TypedRecordFixtures.today.value)
            change.set("status", to: "draft")
            change.set("taxRate", to: "19.00")
        }
        var offer = try #require(try database.record(Offer.self, id: "off-9"))
        #expect(offer.finalNumber == "AN-2026-100" && offer.provisionalNumber == "X-2026-0001")
        #expect(offer.lines.isEmpty && offer.netTotal == nil)

        // A line from a typed product takes its price, unit and name.
        let product = try #require(try database.record(Product.self, id: "prod-1"))
        offer.lines.append(try Offer.Line(id: "line-p", product: product, quantity: 2))
        offer = try database.save(offer)
        #expect(offer.lines.first?.listPrice == DecimalNumber(unchecked: "19.99"))
        #expect(offer.lines.first?.unit == "Stk" && offer.lines.first?.description == "Ventil DN 50")
        #expect(offer.netTotal == DecimalNumber(unchecked: "39.98"))
        #expect(offer.finalNumber == "AN-2026-100", "the server's number is never written by the device")
        var priceless = product
        priceless.listPrice = nil
        #expect(throws: OfferError.listPriceUnknown(product: "prod-1")) {
            try Offer.Line(product: priceless, quantity: 1)
        }
    }
}

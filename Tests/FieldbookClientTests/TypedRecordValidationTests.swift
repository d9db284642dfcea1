import FieldbookClient
import FieldbookModel
import FieldbookSync
import Testing

@Suite("Typed records: validation and strict reading")
struct TypedRecordValidationTests {
    let database: ClientDatabase

    init() throws { database = try ClientDatabase.inMemory(clock: TypedRecordFixtures.clock) }

    /// Runs `body`, expecting `validationFailed` with an issue `code` at `field`; nothing may be written.
    func expectValidationFailure(
        field: String, code: String, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let outbox = try database.outbox().count
        do {
            try body()
            Issue.record("expected a validation failure", sourceLocation: sourceLocation)
        } catch ClientError.validationFailed(_, _, let issues) {
            #expect(
                issues.contains { $0.field == field && $0.code.rawValue == code }, "\(issues)",
                sourceLocation: sourceLocation)
        }
        #expect(try database.outbox().count == outbox, "nothing written", sourceLocation: sourceLocation)
    }

    @Test func brokenRulesSurfaceAsValidationFailed() throws {
        try expectValidationFailure(field: "name", code: "text_too_long") {
            try database.save(Account(name: String(repeating: "ä", count: 201)))
        }
        try expectValidationFailure(field: "email", code: "invalid_email") {
            try database.save(Contact(account: "acc-1", lastName: "Schmidt", email: "not-an-address@"))
        }
        try expectValidationFailure(field: "closeReason", code: "close_reason_required") {
            try database.save(Opportunity(account: "acc-1", name: "Deal", status: .won, owner: "user-anna"))
        }
        try expectValidationFailure(field: "end", code: "end_not_after_start") {
            let start = TypedRecordFixtures.now
            try database.save(Appointment(subject: "Zu kurz", start: start, end: start))
        }
        try expectValidationFailure(field: "status", code: "value_not_allowed") {
            try database.save(Activity(kind: .task, subject: "X", account: "acc-1", status: "someday"))
        }
    }

    @Test func moneyWithMoreDigitsThanItsFieldIsRefusedNotRounded() throws {
        try expectValidationFailure(field: "amount", code: "decimal_not_canonical") {
            var opportunity = TypedRecordFixtures.opportunity()
            opportunity.amount = DecimalNumber(unchecked: "10.005")
            try database.save(opportunity)
        }
        try expectValidationFailure(field: "lines", code: "decimal_not_canonical") {
            var offer = TypedRecordFixtures.offer()
            offer.lines[0].listPrice = DecimalNumber(unchecked: "1.999")
            try database.save(offer)
        }
    }

    @Test func fieldsAndEntitiesReservedToTheOfficeAreRefused() throws {
        try expectValidationFailure(field: "finalNumber", code: "read_only") {
            try database.edit("offer", "off-x") { $0.set("finalNumber", to: "AN-1") }
        }
        do {
            try database.save(TypedRecordFixtures.product())
            Issue.record("reps may not write products")
        } catch ClientError.validationFailed(let entity, _, _) {
            #expect(entity == "product")
        }
    }

    @Test func listItemsNeedDistinctIDs() throws {
        try expectValidationFailure(field: "lines", code: "invalid_item_id") {
            var offer = TypedRecordFixtures.offer()
            offer.lines.append(offer.lines[0])
            try database.save(offer)
        }
    }

    @Test func aWriteOnceFieldCannotBeClearedByReplacingTheRecord() throws {
        try database.save(TypedRecordFixtures.account())
        try expectValidationFailure(field: "sourceLead", code: "write_once") {
            try database.save(Account(id: "acc-1", name: "Neu GmbH"))
        }
    }

    @Test func aFailedSaveInATransactionRollsBackTheOthers() throws {
        #expect(throws: ClientError.self) {
            try database.write { transaction in
                try transaction.save(TypedRecordFixtures.account())
                try transaction.save(Contact(account: "acc-1", lastName: ""))  // fine
                try transaction.save(Opportunity(account: "acc-1", name: "Deal", status: .won, owner: "user-anna"))
            }
        }
        #expect(try database.record(Account.self, id: "acc-1") == nil)
        #expect(try database.outbox().isEmpty)
    }

    @Test func aValueOfTheWrongKindIsReportedNotCoercedOrCrashed() throws {
        var office = OfficeReplica()
        try office.edit("account", "acc-bad", in: database) { $0.set("name", to: .int(42)) }
        do {
            _ = try database.record(Account.self, id: "acc-bad")
            Issue.record("expected a corrupt record")
        } catch ClientError.corruptRecord(let id, let reason) {
            #expect(id == "acc-bad")
            #expect(reason == "name is not a text")
        }
        #expect(throws: ClientError.self) { try database.all(Account.self) }

        try database.save(TypedRecordFixtures.offer())
        try office.pull(from: database)
        try office.edit("offer", "off-1", in: database) { change in
            change.setItem("line-a", in: "lines", member: "quantity", to: .bool(true))
        }
        do {
            _ = try database.record(Offer.self, id: "off-1")
            Issue.record("expected a corrupt record")
        } catch ClientError.corruptRecord(_, let reason) {
            #expect(reason == "lines.quantity in item line-a is not a decimal")
        }

        try office.edit("contract", "ctr-bad", in: database) { change in
            change.set("name", to: "Vertrag")
            change.set("account", to: "acc-1")
            change.set("kind", to: "supply")
            change.set("startDate", to: "31.12.2026")
        }
        #expect(throws: ClientError.self) { try database.record(Contract.self, id: "ctr-bad") }
    }

    @Test func aMissingRequiredValueIsReported() throws {
        var office = OfficeReplica()
        try office.edit("contact", "con-partial", in: database) { $0.set("account", to: "acc-1") }
        do {
            _ = try database.record(Contact.self, id: "con-partial")
            Issue.record("expected a corrupt record")
        } catch ClientError.corruptRecord(_, let reason) {
            #expect(reason == "missing lastName")
        }
    }

    @Test func valuesFromANewerSchemaAreKeptThroughATypedSave() throws {
        var office = OfficeReplica()
        try database.save(TypedRecordFixtures.task())
        try office.pull(from: database)
        try office.edit("activity", "act-1", in: database) { change in
            change.set("status", to: "waiting_for_customer")  // an enumeration value added later
            change.set("sentiment", to: "positive")  // a field added later
        }
        var task = try #require(try database.record(Activity.self, id: "act-1"))
        #expect(task.status == Activity.Status(rawValue: "waiting_for_customer"))
        #expect(task.status?.isKnown == false && !task.isOpenTask)
        task.subject = "Angebot senden (2)"
        try database.save(task)
        let stored = try #require(try database.record("act-1"))
        #expect(stored.value("status") == "waiting_for_customer")
        #expect(stored.value("sentiment") == "positive")
        #expect(stored.value("subject") == "Angebot senden (2)")
    }

    @Test func readingARecordAsAnotherEntityIsAnError() throws {
        try database.save(TypedRecordFixtures.account())
        #expect(throws: ClientError.self) { try database.record(Contact.self, id: "acc-1") }
        #expect(throws: ClientError.self) { try database.save(Contact(id: "acc-1", account: "acc-1", lastName: "X")) }
        #expect(throws: FieldValueError.self) { try Contact(state: try #require(try database.record("acc-1"))) }
    }

    @Test func enumerationConstantsMatchTheSchema() throws {
        func expect<E: EnumerationValue>(_ type: E.Type, _ entity: String, _ field: String, member: String? = nil) {
            var kind = SchemaRegistry.standard.entity(entity)?.field(field)?.kind
            if let member { kind = SchemaRegistry.standard.entity(entity)?.field(field)?.member(member)?.kind }
            if case .set(let element)? = kind { kind = element }
            guard case .enumeration(let values)? = kind else {
                Issue.record("\(entity).\(field) is not an enumeration")
                return
            }
            #expect(E.allCases.map(\.rawValue) == values, "\(entity).\(field)")
        }
        expect(Account.Role.self, "account", "roles")
        expect(Account.Status.self, "account", "status")
        expect(Account.ABCClass.self, "account", "abcClass")
        expect(Account.Address.Kind.self, "account", "addresses", member: "kind")
        expect(Contact.Salutation.self, "contact", "salutation")
        expect(Contact.BuyingRole.self, "contact", "buyingRole")
        expect(Contact.BuyingRole.self, "contact", "accountRoles", member: "buyingRole")
        expect(Lead.Source.self, "lead", "source")
        expect(Lead.Status.self, "lead", "status")
        expect(Opportunity.Status.self, "opportunity", "status")
        expect(Opportunity.ForecastCategory.self, "opportunity", "forecastCategory")
        expect(Activity.Kind.self, "activity", "kind")
        expect(Activity.Direction.self, "activity", "direction")
        expect(Activity.Status.self, "activity", "status")
        expect(Appointment.Status.self, "appointment", "status")
        expect(Offer.Status.self, "offer", "status")
        expect(Ticket.Category.self, "ticket", "category")
        expect(Ticket.Priority.self, "ticket", "priority")
        expect(Ticket.Status.self, "ticket", "status")
        expect(Ticket.Measure.self, "ticket", "measure")
        expect(Contract.Kind.self, "contract", "kind")
        expect(Contract.Status.self, "contract", "status")
        expect(Campaign.Channel.self, "campaign", "channel")
        expect(Campaign.Status.self, "campaign", "status")
        expect(Campaign.Template.Kind.self, "campaign", "templates", member: "kind")
    }
}

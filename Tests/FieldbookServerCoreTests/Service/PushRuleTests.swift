import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

/// One test per push rule of SYNC.md §11.2, each checking its code and
/// whether the decision was recorded.
@Suite("Push rules")
struct PushRuleTests {
    typealias F = Fixtures

    @Test func step1ForeignDotIsRejectedAndNotRecorded() async throws {
        let harness = Harness()
        let result = try await harness.push(F.account(replica: F.office, counter: 1), as: F.anna)
        #expect(result.rejectionCode == .foreignDot)
        #expect(try await harness.store.decision(for: Dot(replica: F.office, counter: 1)) == nil)
        #expect(try await harness.store.decidedCounter(of: F.office) == 0)
        #expect(try await harness.store.decidedCounter(of: F.anna) == 0)
    }

    @Test func step2AcceptedDotIsADuplicateWhenPushedAgain() async throws {
        let harness = Harness()
        let change = F.account(counter: 1)
        #expect(try await harness.push(change).status == .accepted)
        #expect(try await harness.push(change).status == .duplicate)
        #expect(try await harness.store.logHead() == 1, "nothing logged twice")
    }

    @Test func step2RejectedDotGetsTheSameRejectionAgain() async throws {
        let harness = Harness()
        let change = F.change(counter: 1, [F.set("name", "Müller GmbH"), F.set("status", "bogus")])
        let first = try await harness.push(change)
        let second = try await harness.push(change)
        #expect(first.rejectionCode == .invalidValue)
        #expect(second == first)
    }

    @Test func step2DifferentContentUnderADecidedDotIsDotReused() async throws {
        let harness = Harness()
        #expect(try await harness.push(F.account(counter: 1, name: "Alt")).status == .accepted)
        let reused = try await harness.push(F.account(counter: 1, name: "Neu"))
        #expect(reused.rejectionCode == .dotReused)
        #expect(try await harness.state("acc-1")?.value("name") == "Alt", "the held change stays")
        // Also for a dot that was rejected.
        let bad = F.change(record: "acc-2", counter: 2, [F.set("status", "bogus")])
        #expect(try await harness.push(bad).rejectionCode == .invalidValue)
        #expect(try await harness.push(F.account("acc-2", counter: 2)).rejectionCode == .dotReused)
    }

    @Test func step3CounterGapIsNotRecorded() async throws {
        let harness = Harness()
        let gap = try await harness.push(F.account("acc-2", counter: 2))
        #expect(gap.rejectionCode == .counterGap)
        #expect(gap.reason?.contains("anna-phone:1") == true, "names the missing change")
        #expect(try await harness.store.decision(for: Dot(replica: F.anna, counter: 2)) == nil)
        let results = try await harness.push([F.account(counter: 1), F.account("acc-2", counter: 2)])
        #expect(results.map(\.status) == [.accepted, .accepted], "the gap was not final")
    }

    @Test func step4ADotCoveredByTheFrontierIsADuplicate() async throws {
        let harness = Harness()
        // A frontier covering anna:1 although the store holds no decision for it
        // (as after decisions below the frontier were dropped).
        let outcome = try await harness.store.acknowledge(
            Acknowledgement(replica: F.office, position: .start, vector: VersionVector([F.anna: 1]))
        )
        #expect(outcome == .recorded)
        let result = try await harness.push(F.account(counter: 1))
        #expect(result.status == .duplicate)
        #expect(try await harness.store.logHead() == .start, "not applied again")
    }

    @Test(arguments: [
        ("no operations", Fixtures.change(counter: 1, [])),
        ("reserved slot name", Fixtures.change(counter: 1, [Operation(slot: .field("@secret"), value: "x")])),
        ("malformed slot", Fixtures.change(counter: 1, [Operation(slot: .field("two words"), value: "x")])),
        ("slot longer than 512 bytes", Fixtures.change(counter: 1, [Operation(slot: .element(String(repeating: "x", count: 600), of: "interests"), value: true)])),
        ("record ID with spaces", Fixtures.change(record: "acc 1", counter: 1, [Fixtures.set("name", "A")])),
        ("entity name", Fixtures.change("Account", counter: 1, [Fixtures.set("name", "A")])),
        ("covers on a plain write", Fixtures.change(counter: 1, [Operation(slot: .field("name"), value: "A", covers: [Dot(replica: Fixtures.office, counter: 1)])])),
        ("superseding itself", Fixtures.change(counter: 1, [Fixtures.set("name", "A", supersedes: [Dot(replica: Fixtures.anna, counter: 1)])])),
        ("@deleted holding text", Fixtures.change(counter: 1, [Operation(slot: .deleted, value: "yes")])),
        ("dot counter 0 in supersedes", Fixtures.change(counter: 1, [Fixtures.set("name", "A", supersedes: [Dot(replica: Fixtures.office, counter: 0)])])),
    ])
    func step5StructuralRulesGiveInvalidChange(_ label: String, _ change: Change) async throws {
        let harness = Harness()
        let result = try await harness.push(change)
        #expect(result.rejectionCode == .invalidChange, "\(label)")
        #expect(try await harness.store.decision(for: change.dot) != nil, "recorded: \(label)")
    }

    @Test func step5AChangeForAnotherEntityThanTheRecordsIsInvalid() async throws {
        let harness = Harness()
        try await harness.push(F.account(counter: 1))
        let contact = F.change("contact", record: "acc-1", counter: 2, [F.set("account", "acc-1"), F.set("lastName", "Kramer")])
        let result = try await harness.push(contact)
        #expect(result.rejectionCode == .invalidChange)
        #expect(result.reason == "record acc-1 is a account record, the change says contact")
    }

    @Test func step6ClockDriftBeyondTheBoundIsRejectedAndRecorded() async throws {
        let harness = Harness()
        let drift = HybridLogicalClock.defaultMaxDrift
        let atTheLimit = F.change(counter: 1, millis: F.now + drift, [F.set("name", "A")])
        #expect(try await harness.push(atTheLimit).status == .accepted)
        let beyond = F.change(record: "acc-2", counter: 2, millis: F.now + drift + 1, [F.set("name", "B")])
        let result = try await harness.push(beyond)
        #expect(result.rejectionCode == .clockDrift)
        #expect(result.reason?.contains("300001 ms ahead") == true)
        harness.clock.advance(by: 10_000)
        #expect(try await harness.push(beyond) == result, "final: the client re-issues the edit as a new change")
    }

    @Test func step7UnknownEntity() async throws {
        let harness = Harness()
        let result = try await harness.push(F.change("spaceship", record: "s-1", counter: 1, [F.set("name", "A")]))
        #expect(result.rejectionCode == .unknownEntity)
    }

    @Test func step7UnknownField() async throws {
        let harness = Harness()
        let result = try await harness.push(F.change(counter: 1, [F.set("name", "A"), F.set("colour", "red")]))
        #expect(result.rejectionCode == .unknownField)
    }

    @Test func step7InvalidValue() async throws {
        let harness = Harness()
        let result = try await harness.push(F.change(counter: 1, [F.set("name", .text(String(repeating: "x", count: 201)))]))
        #expect(result.rejectionCode == .invalidValue)
        #expect(result.reason == "name: text longer than 200 characters", "names the field, never the value")
    }

    @Test func step7InvalidReference() async throws {
        let harness = Harness()
        let result = try await harness.push(F.change(counter: 1, [F.set("name", "A"), F.set("owner", "not an id!")]))
        #expect(result.rejectionCode == .invalidReference)
    }

    @Test func step7ValidatesAgainstTheClientsSchemaVersion() async throws {
        let next = SchemaMigration.standard.count + 1  // a version after every shipped one
        let social = SchemaMigration(
            next, "Test: contact LinkedIn profile", adds: .fields([Field("linkedIn", .text(maxLength: 200))], to: "contact")
        )
        var configuration = SyncServiceConfiguration.unscoped
        configuration.schemas = SchemaCatalog([
            try SchemaRegistry.standard(upTo: 1), try SchemaRegistry(migrations: SchemaMigration.standard + [social]),
        ])
        let harness = Harness(configuration: configuration)
        let ops = [F.set("account", "acc-1"), F.set("lastName", "Kramer"), F.set("linkedIn", "in/kramer")]
        let old = try await harness.push([F.change("contact", record: "c-1", counter: 1, ops)], schemaVersion: 1)
        #expect(old[0].rejectionCode == .unknownField, "a version-1 client does not know linkedIn")
        let new = try await harness.push([F.change("contact", record: "c-2", counter: 2, ops)], schemaVersion: next)
        #expect(new[0].status == .accepted)
    }

    @Test func step8RoleMayNotWriteReferenceData() async throws {
        let harness = Harness()
        let product = F.change("product", record: "p-1", counter: 1, [F.set("number", "P-1"), F.set("name", "Press")])
        #expect(try await harness.push(product, role: .rep).rejectionCode == .forbidden)
        let office = F.change("product", record: "p-1", replica: F.office, counter: 1, [F.set("number", "P-1"), F.set("name", "Press")])
        #expect(try await harness.push(office, as: F.office, role: .office).status == .accepted)
    }

    @Test func step8TheAuthorizerDecidesScopesWithTheCurrentRecord() async throws {
        var configuration = SyncServiceConfiguration.unscoped
        configuration.authorizer = ChangeAuthorizer { change, current, caller in
            guard let owner = current?.value("owner")?.text, owner != caller.user else { return nil }
            return Rejection(.outOfScope, "account \(change.record) is not in your territory")
        }
        let harness = Harness(configuration: configuration)
        let create = F.change(replica: F.office, counter: 1, [F.set("name", "A"), F.set("owner", "user-ben-laptop")])
        #expect(try await harness.push(create, as: F.office, role: .office).status == .accepted)
        let edit = F.change(counter: 1, [F.set("phone", "+49 711 555-0100")])
        let result = try await harness.push(edit)
        #expect(result.rejectionCode == .outOfScope)
        #expect(result.reason == "account acc-1 is not in your territory")
    }

    @Test func step9AnEditOfAPurgedRecordIsRecordPurged() async throws {
        let harness = Harness()
        try await harness.push(F.account(counter: 1))
        let revision = try #require(try await harness.store.record("acc-1").record?.revision)
        try await harness.store.purgeRecord("acc-1", revision: revision)
        let result = try await harness.push(F.change(counter: 2, [F.set("phone", "+49 711 555-0100")]))
        #expect(result.rejectionCode == .recordPurged)
    }

    @Test func step10SupersedingADotNeverDeliveredIsUnknownDot() async throws {
        let harness = Harness()
        let forged = F.change(counter: 1, [F.set("name", "A", supersedes: [Dot(replica: F.office, counter: 7)])])
        let result = try await harness.push(forged)
        #expect(result.rejectionCode == .unknownDot)
        #expect(result.reason?.contains("office-pc:7") == true)
        let ownLater = F.change(record: "acc-2", counter: 2, [F.set("name", "B", supersedes: [Dot(replica: F.anna, counter: 5)])])
        #expect(try await harness.push(ownLater).rejectionCode == .unknownDot)
    }

    @Test func step10OwnEarlierAcceptedAndStableDotsAreKnown() async throws {
        let harness = Harness()
        try await harness.push(F.account(replica: F.office, counter: 1), as: F.office)
        // Own earlier (even a rejected one), another replica's accepted dot, a dot below the frontier.
        let admitted = try await harness.store.acknowledge(
            Acknowledgement(replica: F.ben, position: .start, vector: VersionVector([F.ben: 3]))
        )
        #expect(admitted == .recorded)
        #expect(try await harness.push(F.change(record: "acc-2", counter: 1, [F.set("status", "bogus")])).rejectionCode == .invalidValue)
        let supersedes = [Dot(replica: F.anna, counter: 1), Dot(replica: F.office, counter: 1), Dot(replica: F.ben, counter: 2)]
        let change = F.change(counter: 2, [F.set("name", "B", supersedes: supersedes)])
        #expect(try await harness.push(change).status == .accepted)
    }

    @Test func step11BusinessRulesSeeTheMergedRecord() async throws {
        let harness = Harness()
        let open = F.change("opportunity", record: "opp-1", counter: 1, F.openOpportunity)
        #expect(try await harness.push(open).status == .accepted)
        let wonWithoutReason = F.change("opportunity", record: "opp-1", counter: 2, [F.set("status", "won", supersedes: [open.dot])])
        let missing = try await harness.push(wonWithoutReason)
        #expect(missing.rejectionCode == .businessRule)
        #expect(missing.reason?.contains("closeReason") == true)
        let won = F.change(
            "opportunity", record: "opp-1", counter: 3,
            [F.set("status", "won", supersedes: [open.dot]), F.set("closeReason", "best offer"), F.set("closeDate", "2025-06-15")]
        )
        #expect(try await harness.push(won).status == .accepted)
        let reopen = F.change("opportunity", record: "opp-1", counter: 4, [F.set("status", "open", supersedes: [won.dot])])
        let result = try await harness.push(reopen)
        #expect(result.rejectionCode == .businessRule)
        #expect(result.reason == "status may not change from won to open")
        #expect(try await harness.state("opp-1")?.value("status") == "won")
    }

    @Test func step12AcceptMergesLogsAndDecidesTogether() async throws {
        let harness = Harness()
        let change = F.account(counter: 1)
        #expect(try await harness.push(change).status == .accepted)
        let decision = try #require(try await harness.store.decision(for: change.dot))
        #expect(decision.outcome == .accepted(1))
        #expect(decision.digest == ChangeDigest(of: change))
        let record = try #require(try await harness.store.record("acc-1").record)
        #expect(record.revision == 1)
        #expect(record.state == (try RecordState(entity: "account", id: "acc-1").merged(with: change).state))
        let slice = try await harness.store.readLog(after: .start, limit: 10, excludingAuthor: nil)
        #expect(slice.entries.map(\.change) == [change])
    }

    @Test func earlierStepsWinOverLaterOnes() async throws {
        let harness = Harness()
        try await harness.push(F.account(counter: 1))
        let revision = try #require(try await harness.store.record("acc-1").record?.revision)
        try await harness.store.purgeRecord("acc-1", revision: revision)
        // Schema (7) before purge (9); purge (9) before unknown dot (10); unknown dot (10) before business rule (11).
        let schema = F.change(counter: 2, [F.set("status", "bogus", supersedes: [Dot(replica: F.office, counter: 9)])])
        #expect(try await harness.push(schema).rejectionCode == .invalidValue)
        let purged = F.change(counter: 3, [F.set("phone", "+49 711 1", supersedes: [Dot(replica: F.office, counter: 9)])])
        #expect(try await harness.push(purged).rejectionCode == .recordPurged)
        let unknown = F.change(record: "acc-2", counter: 4, [F.set("phone", "+49 711 1", supersedes: [Dot(replica: F.office, counter: 9)])])
        #expect(try await harness.push(unknown).rejectionCode == .unknownDot, "before required_missing (a business rule)")
    }
}

import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Scope rules")
struct ScopeRulesTests {
    let rules = ScopeRules.standard

    func state(_ entity: String, _ id: String = "r-1", _ values: [String: Value] = [:]) throws -> RecordState {
        let ops = values.map { Operation(slot: .field($0.key), value: $0.value) }
        let change = Change(
            entity: entity, record: id, dot: Dot(replica: ReplicaID(unchecked: "t"), counter: 1),
            time: HybridTimestamp(millis: 1), ops: ops
        )
        return try RecordState(entity: entity, id: id).merged(with: change).state
    }

    @Test func everyStandardEntityHasARuleAndSharedOnesFollowTheirAccess() {
        for name in SchemaRegistry.standard.entityNames {
            let access = SchemaRegistry.standard.entity(name)!.access
            #expect(rules.rules[name] != nil, "\(name)")
            #expect(rules.isShared(name) == access.isShared, "\(name)")
        }
    }

    @Test func accountsAreTheirOwnRootAndCarryOwnerAndTerritoryKeys() throws {
        let facts = rules.facts(for: try state("account", "acc-1", ["territory": "t-n"]), creator: "u-anna")
        #expect(facts.root == .account("acc-1"))
        // A territory decides alone: reassigning the territory moves the account away from its creator.
        #expect(facts.keys == [ScopeKey.accountTerritory("t-n")])
        let owned = rules.facts(for: try state("account", "acc-1", ["owner": "u-ben"]), creator: "u-anna")
        #expect(owned.keys == [ScopeKey.accountOwner("u-ben")])
        let both = rules.facts(for: try state("account", "acc-1", ["owner": "u-ben", "territory": "t-n"]), creator: "u-anna")
        #expect(both.keys == [ScopeKey.accountOwner("u-ben"), ScopeKey.accountTerritory("t-n")])
        // Neither owner nor territory: the creator's.
        let unassigned = rules.facts(for: try state("account", "acc-1", ["name": "X"]), creator: "u-anna")
        #expect(unassigned.keys == [ScopeKey.accountOwner("u-anna")])
    }

    @Test(arguments: ["contact", "opportunity", "activity", "offer", "order", "invoice", "ticket", "contract", "visit_report"])
    func recordsWithAnAccountHangOffIt(_ entity: String) throws {
        #expect(rules.facts(for: try state(entity, "r-1", ["account": "acc-7", "owner": "u-x"]), creator: "u-c").root == .account("acc-7"))
    }

    @Test func accountlessRecordsFollowAParentThenAUserThenTheCreator() throws {
        let appointment = rules.facts(for: try state("appointment", "ap-1", ["contact": "c-1", "organizer": "u-o"]), creator: "u-c")
        #expect(appointment.parent == "c-1" && appointment.root == .user("u-o"))
        let member = rules.facts(for: try state("campaign_member", "cm-1", ["contact": "c-1"]), creator: "u-c")
        #expect(member.parent == "c-1" && member.root == .user("u-c"))
        #expect(rules.facts(for: try state("lead", "l-1", ["owner": "u-o"]), creator: "u-c").root == .user("u-o"))
        #expect(rules.facts(for: try state("lead", "l-1"), creator: "u-c").root == .user("u-c"))
        #expect(rules.facts(for: try state("lead", "l-1"), creator: nil).root == .nobody)
        #expect(rules.facts(for: try state("product", "p-1"), creator: "u-c").root == .shared)
        #expect(rules.facts(for: try state("user", "u-1", ["team": "tm-1"]), creator: nil).keys == [ScopeKey.userTeam("tm-1")])
    }

    @Test func callerScopesContainSharedAndTheirRoots() {
        let scope = CallerScope(roots: [.account("acc-1")])
        #expect(scope.contains(.shared) && scope.contains(.account("acc-1")))
        #expect(!scope.contains(.account("acc-2")) && !scope.contains(.nobody))
        #expect(CallerScope.everything.contains(.nobody))
    }
}

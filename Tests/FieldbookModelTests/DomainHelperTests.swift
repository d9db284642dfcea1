import FieldbookModel
import FieldbookSync
import Testing

@Suite("Domain helpers")
struct DomainHelperTests {
    typealias F = Fixtures

    @Test func referencesWrittenByAChange() throws {
        let offer = try #require(SchemaRegistry.standard.entity("offer"))
        let change = F.change("offer", F.offer + [F.set("contact", "c-1"), F.set("opportunity", nil)])
        let references = RecordReference.all(in: change, schema: offer)
        #expect(Set(references) == [
            RecordReference(field: "account", target: "account", id: "acc-1"),
            RecordReference(field: "contact", target: "contact", id: "c-1"),
            RecordReference(field: "lines", member: "product", target: "product", id: "prod-1"),
        ])
        let opportunity = try #require(SchemaRegistry.standard.entity("opportunity"))
        let sets = F.change("opportunity", [
            Operation(slot: .element("c-7", of: "buyingCenter"), value: true),
            Operation(slot: .element("c-8", of: "buyingCenter"), value: nil),
        ])
        #expect(RecordReference.all(in: sets, schema: opportunity) == [
            RecordReference(field: "buyingCenter", target: "contact", id: "c-7")
        ])
    }

    @Test func twoRepsConvertingOneLeadConverge() throws {
        let ids = LeadConversion(lead: "lead-42")
        #expect(ids == LeadConversion(lead: "lead-42"))
        #expect(Set([ids.account, ids.contact, ids.opportunity]).count == 3)
        #expect([ids.account, ids.contact, ids.opportunity].allSatisfy(RecordID.isWellFormed))

        var anna = Replica(id: F.anna)
        var ben = Replica(id: ReplicaID(unchecked: "rep-ben"))
        func convert(_ replica: inout Replica, at time: UInt64) -> [Change] {
            [
                replica.change("account", ids.account, physical: time) { $0.set("name", to: "Acme") }!,
                replica.change("contact", ids.contact, physical: time) {
                    $0.set("account", to: .text(ids.account))
                    $0.set("lastName", to: "Huber")
                }!,
                replica.change("opportunity", ids.opportunity, physical: time) {
                    $0.set("account", to: .text(ids.account))
                    $0.set("name", to: "Acme – first order")
                    $0.set("status", to: "open")
                    $0.set("owner", to: "user-office")
                }!,
            ]
        }
        let fromAnna = convert(&anna, at: 1_000)
        let fromBen = convert(&ben, at: 2_000)
        let validator = SchemaValidator(options: .server(role: .rep))
        for change in fromAnna + fromBen { #expect(validator.validate(change: change).isEmpty) }
        for change in fromBen { try anna.receive(change, physical: 3_000) }
        for change in fromAnna { try ben.receive(change, physical: 3_000) }
        #expect(anna.records == ben.records)
        #expect(anna.records.count == 3 && anna.conflicts.isEmpty)
    }
}

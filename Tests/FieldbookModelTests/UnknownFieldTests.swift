import FieldbookModel
import FieldbookSync
import Testing

@Suite("Unknown fields from newer schemas")
struct UnknownFieldTests {
    typealias F = Fixtures

    /// The standard schema plus a field an older client does not know.
    static let newer: SchemaRegistry = {
        let next = SchemaMigration(
            SchemaMigration.standard.count + 1, "Social profiles",
            adds: .fields([Field("linkedIn", .text(maxLength: 200))], to: "contact"),
            .listMembers([Field("serialNumber", .text(maxLength: 40))], list: "lines", of: "offer")
        )
        return try! SchemaRegistry(migrations: SchemaMigration.standard + [next])
    }()

    let contact = [F.set("account", "acc-1"), F.set("lastName", "Huber"), F.set("linkedIn", "in/huber")]

    @Test func newerServerAcceptsTheField() {
        #expect(SchemaValidator(registry: Self.newer).validate(change: F.change("contact", contact)).isEmpty)
    }

    @Test func olderStrictValidatorRejects() {
        let issues = SchemaValidator(options: .strict).validate(change: F.change("contact", contact))
        #expect(issues.map(\.code) == [.unknownField])
        #expect(issues.first?.field == "linkedIn" && issues.hasErrors)
    }

    @Test func olderPreservingValidatorAcceptsWithWarning() {
        let issues = SchemaValidator(options: .preserving).validate(change: F.change("contact", contact))
        #expect(issues.map(\.code) == [.unknownField])
        #expect(issues.map(\.severity) == [.warning] && !issues.hasErrors)
        let member = Operation(slot: .member("serialNumber", ofItem: "line-1", in: "lines"), value: "SN-1")
        let offerIssues = SchemaValidator(options: .preserving).validate(change: F.change("offer", F.offer + [member]))
        #expect(offerIssues.map(\.member) == ["serialNumber"] && !offerIssues.hasErrors)
    }

    @Test func olderClientEditsKeepTheUnknownField() throws {
        // The newer client creates the contact; an older client edits another field.
        var newer = Replica(id: F.anna)
        var older = Replica(id: F.office)
        let create = newer.change("contact", "c-1", physical: 1_000) { builder in
            builder.set("account", to: "acc-1")
            builder.set("lastName", to: "Huber")
            builder.set("linkedIn", to: "in/huber")
        }!
        #expect(!SchemaValidator(options: .preserving).validate(change: create).hasErrors)
        try older.receive(create, physical: 1_000)
        let edit = older.change("contact", "c-1", physical: 2_000) { $0.set("lastName", to: "Huber-Maier") }!
        #expect(SchemaValidator(options: .preserving).validate(change: edit, current: older.records["c-1"]).isEmpty)
        try newer.receive(edit, physical: 2_000)
        #expect(newer.records["c-1"]?.value("linkedIn") == "in/huber")
        #expect(older.records["c-1"]?.value("linkedIn") == "in/huber")
        #expect(!SchemaValidator(options: .preserving).validate(record: older.records["c-1"]!).hasErrors)
        #expect(SchemaValidator(registry: Self.newer).validate(record: newer.records["c-1"]!).isEmpty)
    }
}

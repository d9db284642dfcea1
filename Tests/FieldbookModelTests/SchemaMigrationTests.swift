import FieldbookModel
import FieldbookSync
import Testing

@Suite("Schema migrations")
struct SchemaMigrationTests {
    /// Fingerprints of shipped migrations. Append a line when you append a
    /// migration; never change an existing line (that would mean a shipped
    /// migration was edited — add a new migration instead).
    static let shipped: [(version: Int, fingerprint: String)] = [
        (1, "1ee715e6d71aa10716f585851c67602b96a8e7f83cb7e3274098701bfb38708f"),
        (2, "0db868cee8f9cd7bf7bb2c5dc5854efa22c187ef592c586682ebaf81484f575d"),
    ]

    @Test func shippedMigrationsAreUnchanged() {
        let migrations = SchemaMigration.standard
        #expect(migrations.count >= Self.shipped.count, "a shipped migration was removed")
        for (index, pinned) in Self.shipped.enumerated() where index < migrations.count {
            #expect(migrations[index].version == pinned.version)
            #expect(migrations[index].fingerprint == pinned.fingerprint, "migration \(pinned.version) was edited")
        }
        #expect(migrations.count == Self.shipped.count, "pin the fingerprint of the new migration here")
    }

    @Test func versionsStartAtOneAndIncreaseByOne() {
        for (index, migration) in SchemaMigration.standard.enumerated() {
            #expect(migration.version == index + 1)
            #expect(!migration.additions.isEmpty)
        }
    }

    @Test func everyPrefixIsAValidSchema() throws {
        for version in 1...SchemaMigration.standard.count {
            #expect(try SchemaRegistry.standard(upTo: version).version == version)
        }
        #expect(throws: SchemaError.unknownVersion(0, newest: SchemaMigration.standard.count)) { try SchemaRegistry.standard(upTo: 0) }
    }

    @Test func laterMigrationsAddFieldsEnumValuesMembersAndRules() throws {
        let history = SchemaMigration.standard + [
            SchemaMigration(
                SchemaMigration.standard.count + 1, "Social profiles and webinar leads",
                adds: .fields([Field("linkedIn", .text(maxLength: 200))], to: "contact"),
                .enumValues(["webinar"], field: "source", of: "lead"),
                .enumValues(["vip"], field: "roles", of: "account"),
                .listMembers([Field("serialNumber", .text(maxLength: 40))], list: "lines", of: "offer"),
                .rules([.required(["phone"], when: .present("mobile"), code: "phone_with_mobile")], to: "contact")
            )
        ]
        let registry = try SchemaRegistry(migrations: history)
        #expect(registry.version == SchemaRegistry.standard.version + 1)
        #expect(registry.entity("contact")?.field("linkedIn") != nil)
        #expect(registry.entity("lead")?.field("source")?.kind == .enumeration([
            "trade_fair", "website", "cold_call", "referral", "campaign", "other", "webinar",
        ]))
        #expect(registry.entity("account")?.field("roles").map { $0.kind == .set(of: .enumeration([
            "customer", "prospect", "partner", "competitor", "supplier", "vip",
        ])) } == true)
        #expect(registry.entity("offer")?.field("lines")?.member("serialNumber") != nil)
        #expect(registry.entity("offer")?.field("lines")?.member("quantity")?.isRequired == true)
        #expect(registry.entity("contact")?.rules.last?.code == "phone_with_mobile")
        #expect(registry.fingerprint != SchemaRegistry.standard.fingerprint)
        #expect(SchemaRegistry.standard.entity("contact")?.field("linkedIn") == nil)
    }

    static let note = EntitySchema("note", access: .customerData, summary: "A note.", fields: [
        Field("text", .text(maxLength: 10)).required()
    ])

    @Test func invalidHistoriesAreRejectedWithContext() {
        func build(_ migrations: SchemaMigration...) -> SchemaError? {
            do { _ = try SchemaRegistry(migrations: migrations) } catch { return error }
            return nil
        }
        let first = SchemaMigration(1, "note", adds: .entity(Self.note))
        #expect(build(first) == nil)
        #expect(build(SchemaMigration(2, "skip", adds: .entity(Self.note))) == .versionOutOfSequence(expected: 1, found: 2))
        #expect(build(first, SchemaMigration(3, "gap", adds: .fields([], to: "note")))
            == .versionOutOfSequence(expected: 2, found: 3))
        #expect(build(first, SchemaMigration(2, "empty", additions: [])) == .emptyMigration(version: 2))
        #expect(build(first, SchemaMigration(2, "again", adds: .entity(Self.note))) == .duplicateEntity("note", version: 2))
        #expect(build(first, SchemaMigration(2, "dup", adds: .fields([Field("text", .bool)], to: "note")))
            == .duplicateField(entity: "note", field: "text", version: 2))
        #expect(build(first, SchemaMigration(2, "who", adds: .fields([Field("x", .bool)], to: "memo")))
            == .unknownEntity("memo", version: 2))
        #expect(build(first, SchemaMigration(2, "bad", adds: .fields([Field("2x", .bool)], to: "note")))
            == .invalidFieldName(entity: "note", field: "2x", version: 2))
        #expect(build(first, SchemaMigration(2, "at", adds: .fields([Field("@pos", .bool)], to: "note")))
            == .invalidFieldName(entity: "note", field: "@pos", version: 2))
        #expect(build(first, SchemaMigration(2, "ref", adds: .fields([Field("x", .reference("memo"))], to: "note")))
            == .unknownReferenceTarget(entity: "note", field: "x", target: "memo", version: 2))
        #expect(build(first, SchemaMigration(2, "enum", adds: .enumValues(["a"], field: "text", of: "note")))
            == .invalidKind(entity: "note", field: "text", reason: "not an enumeration", version: 2))
        let upper = EntitySchema("Note", access: .customerData, summary: "", fields: [Field("x", .bool)])
        #expect(build(SchemaMigration(1, "upper", adds: .entity(upper))) == .invalidEntityName("Note", version: 1))
    }

    @Test(arguments: [
        FieldKind.text(maxLength: 0), .enumeration([]), .enumeration(["a", "a"]), .set(of: .integer(0...1)),
        .set(of: .set(of: .text(maxLength: 5))), .list([]), .list([Field("inner", .set(of: .text(maxLength: 1)))]),
        .decimal(scale: 19, range: nil), .decimal(scale: 0, range: DecimalNumber(unchecked: "0.5")...1),
        .reference("missing"),
    ])
    func invalidKindsAreRejected(kind: FieldKind) {
        let entity = EntitySchema("thing", access: .customerData, summary: "", fields: [Field("x", kind)])
        #expect(throws: SchemaError.self) { try SchemaRegistry(migrations: [SchemaMigration(1, "t", adds: .entity(entity))]) }
    }

    @Test func workflowsMustFitTheirEnumeration() {
        let bad = Field("status", .enumeration(["a", "b"])).monotonic(.workflow(Workflow(["a": ["c"]])))
        let notEnum = Field("status", .text(maxLength: 5)).monotonic(.workflow(Workflow(["a": ["b"]])))
        let rule = RecordRule.required(["ghost"], when: .present("status"), code: "ghost")
        for entity in [
            EntitySchema("thing", access: .customerData, summary: "", fields: [bad]),
            EntitySchema("thing", access: .customerData, summary: "", fields: [notEnum]),
            EntitySchema("thing", access: .customerData, summary: "", fields: [Field("status", .bool)], rules: [rule]),
        ] {
            #expect(throws: SchemaError.self) {
                try SchemaRegistry(migrations: [SchemaMigration(1, "t", adds: .entity(entity))])
            }
        }
    }

    @Test func fingerprintsTrackEveryDeclaredDetail() {
        func fingerprint(_ field: Field) -> String {
            SchemaMigration(1, "t", adds: .entity(EntitySchema("t", access: .customerData, summary: "", fields: [field])))
                .fingerprint
        }
        let base = Field("x", .text(maxLength: 10))
        let variants = [
            base, Field("x", .text(maxLength: 11)), base.required(), base.writable(by: [.system]),
            base.monotonic(.writeOnce), Field("y", .text(maxLength: 10)), Field("x", .email),
        ]
        #expect(Set(variants.map(fingerprint)).count == variants.count)
        #expect(fingerprint(base) == fingerprint(Field("x", .text(maxLength: 10))))
    }
}

import FieldbookModel
import FieldbookSync
import Testing

@Suite("Schema registry")
struct SchemaRegistryTests {
    let registry = SchemaRegistry.standard

    /// Every entity of /work/shared/design/DOMAIN.md ("Entities"), in snake_case.
    static let domainEntities = [
        "account", "contact", "lead", "opportunity", "pipeline", "activity", "visit_report", "appointment", "offer",
        "product", "price_list", "order", "invoice", "contract", "ticket", "campaign", "campaign_member", "event",
        "competitor", "user", "team", "territory",
    ]

    @Test func coversEveryDomainEntity() {
        for name in Self.domainEntities {
            #expect(registry.entity(name) != nil, "missing entity \(name)")
        }
        #expect(Set(registry.entityNames).isSuperset(of: Self.domainEntities))
        #expect(registry.entityNames == registry.entityNames.sorted())
    }

    @Test func lookupAndVersion() throws {
        #expect(registry.version == SchemaMigration.standard.last?.version)
        #expect(registry.version == registry.migrations.count)
        #expect(registry[entity: "offer"]?.name == "offer")
        #expect(registry.entity("Offer") == nil)
        #expect(registry.entity("nope") == nil)
        #expect(registry.entity("offer")?.field("lines")?.merge == .orderedList)
        #expect(registry.entity("visit_report")?.field("participants")?.merge == .addWinsSet)
        #expect(registry.entity("account")?.field("name")?.merge == .register)
        #expect(try SchemaRegistry(migrations: SchemaMigration.standard) == registry)
        #expect(try SchemaRegistry(migrations: SchemaMigration.standard).fingerprint == registry.fingerprint)
    }

    @Test func everyNameIsAValidSlot() throws {
        for entity in registry.entities.values {
            #expect(EntitySchema.isValidName(entity.name))
            #expect(entity.fields.map(\.name).count == Set(entity.fields.map(\.name)).count)
            for field in entity.fields {
                #expect(Field.isValidName(field.name), "\(entity.name).\(field.name)")
                #expect(!field.name.hasPrefix("@"))
                let slot = try Slot(path: field.name)
                #expect(slot.field == field.name)
                switch field.kind {
                case .set:
                    #expect(try Slot(path: Slot.element("a/b%c", of: field.name).path).element == "a/b%c")
                case .list(let members):
                    for member in members {
                        #expect(Field.isValidName(member.name), "\(entity.name).\(field.name).\(member.name)")
                        let path = Slot.member(member.name, ofItem: "item-1", in: field.name).path
                        #expect(try Slot(path: path).member == member.name)
                    }
                default:
                    break
                }
            }
        }
    }

    @Test func setsHoldTextEncodedElementsAndListsHoldScalars() {
        for entity in registry.entities.values {
            for field in entity.fields {
                if case .set(let element) = field.kind { #expect(element.isTextEncoded) }
                for member in field.members { #expect(member.kind.isScalar) }
            }
        }
    }

    @Test func referencesPointToKnownEntities() {
        func targets(_ kind: FieldKind) -> [String] {
            switch kind {
            case .reference(let target): [target]
            case .set(let element): targets(element)
            case .list(let members): members.flatMap { targets($0.kind) }
            default: []
            }
        }
        for entity in registry.entities.values {
            for field in entity.fields {
                for target in targets(field.kind) { #expect(registry.entity(target) != nil) }
            }
        }
    }

    @Test func referenceDataIsReadOnlyForReps() {
        for name in ["product", "price_list", "pipeline", "campaign", "event"] {
            let entity = registry.entity(name)
            #expect(entity?.isReferenceData == true, "\(name)")
            #expect(entity?.writers.contains(.rep) == false, "\(name)")
            #expect(entity?.access.isShared == true)
        }
        for name in ["order", "invoice"] { #expect(registry.entity(name)?.writers.contains(.rep) == false) }
        for name in ["user", "team", "territory"] { #expect(registry.entity(name)?.writers == [.admin, .system]) }
        for name in ["account", "contact", "offer", "ticket", "activity", "competitor"] {
            #expect(registry.entity(name)?.writers.contains(.rep) == true)
        }
    }

    @Test func domainSpecificDeclarations() throws {
        let offer = try #require(registry.entity("offer"))
        #expect(offer.field("lines")?.members.map(\.name) == [
            "product", "description", "quantity", "unit", "listPrice", "discountPercent", "net",
        ])
        #expect(offer.field("finalNumber")?.monotonicity == .writeOnce)
        #expect(offer.field("finalNumber")?.isWritable(by: .rep, entityWriters: offer.writers) == false)
        #expect(offer.field("finalNumber")?.isWritable(by: .system, entityWriters: offer.writers) == true)
        let won = Workflow.opportunityStatus
        #expect(!won.allows(from: "won", to: "open") && won.allows(from: "lost", to: "open"))
        #expect(won.terminalValues(among: ["open", "won", "lost", "cancelled"]) == ["won"])
        #expect(registry.entity("pipeline")?.field("phases")?.merge == .orderedList)
        #expect(registry.entity("campaign_member")?.field("status").map(\.kind) == .enumeration([
            "sent", "bounced", "responded", "opted_out",
        ]))
        #expect(FieldKind.money == .decimal(scale: 2, range: nil))
    }
}

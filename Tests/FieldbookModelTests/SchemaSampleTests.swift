import FieldbookModel
import FieldbookSync
import Testing

/// Writes a plausible value into every field of every entity and checks the
/// kind checks accept it: the schema's kinds, ranges and workflows are
/// satisfiable, and every declared slot round-trips through the validator.
@Suite("Schema samples")
struct SchemaSampleTests {
    static func sample(_ kind: FieldKind) -> Value {
        switch kind {
        case .text: "x"
        case .integer(let range): .int(range.lowerBound)
        case .decimal(let scale, let range): try! (range?.lowerBound ?? .zero).value(scale: scale)
        case .date: "2025-01-01"
        case .dateTime: "2025-01-01T00:00:00Z"
        case .bool: true
        case .enumeration(let values): .text(values[0])
        case .reference: "id-1"
        case .email: "a@example.de"
        case .phone: "+49 711 1"
        case .set, .list: .null
        }
    }

    static func operations(for entity: EntitySchema) -> [Operation] {
        entity.fields.flatMap { field -> [Operation] in
            switch field.kind {
            case .set(let element):
                return [Operation(slot: .element(sample(element).text!, of: field.name), value: true)]
            case .list(let members):
                return [
                    Operation(slot: .item("item-1", of: field.name), value: true),
                    Operation(slot: .member(Slot.positionMember, ofItem: "item-1", in: field.name), value: "i"),
                ] + members.map { Operation(slot: .member($0.name, ofItem: "item-1", in: field.name), value: sample($0.kind)) }
            default:
                return [Operation(slot: .field(field.name), value: sample(field.kind))]
            }
        }
    }

    @Test(arguments: SchemaRegistry.standard.entityNames)
    func everyFieldAcceptsASampleValue(entity name: String) throws {
        let entity = try #require(SchemaRegistry.standard.entity(name))
        let change = Fixtures.change(name, Self.operations(for: entity))
        let ruleCodes = Set(entity.rules.map(\.code)).union(["offer_line_net_mismatch"])
        let issues = SchemaValidator(options: .server(role: .system)).validate(change: change)
        #expect(issues.filter { !ruleCodes.contains($0.code) }.isEmpty, "\(issues)")
        let record = try Fixtures.record(change)
        #expect(SchemaValidator().validate(record: record).filter { !ruleCodes.contains($0.code) }.isEmpty)
    }
}

import FieldbookModel
import FieldbookSync
import Foundation
import Testing

/// The natural JSON of record fields: kind-driven in both directions.
@Suite struct RecordJSONTests {
    @Test func valuesFollowTheirFieldKinds() throws {
        #expect(try RecordJSON.value(.string("12.5"), for: Field("price", .money)) == .text("12.50"))
        #expect(try RecordJSON.value(.integer(2), for: Field("quantity", .quantity)) == .text("2.000"))
        // More digits than the scale: kept as sent, so validation refuses it instead of rounding.
        #expect(try RecordJSON.value(.string("12.505"), for: Field("price", .money)) == .text("12.505"))
        #expect(try RecordJSON.value(.integer(7), for: Field("days", .integer(1...10))) == .int(7))
        #expect(try RecordJSON.value(.null, for: Field("days", .integer(1...10))) == .null)
        #expect(try RecordJSON.value(.bool(true), for: Field("active", .bool)) == .bool(true))
        #expect(try RecordJSON.value(.string("2026-11-22"), for: Field("day", .date)) == .text("2026-11-22"))

        let list = Field("lines", .list([Field("quantity", .quantity)]))
        #expect(throws: RecordJSONError(field: "lines", member: "quantity", expected: "a decimal as a string such as \"12.50\"")) {
            try RecordJSON.value(.bool(true), for: list.members[0], in: list)
        }
        #expect(throws: RecordJSONError.self) { try RecordJSON.value(.string("7"), for: Field("days", .integer(1...10))) }
        #expect(throws: RecordJSONError.self) { try RecordJSON.value(.array([]), for: Field("tags", .set(of: .text(maxLength: 9)))) }
        #expect(try RecordJSON.element(.integer(5), of: Field("rates", .set(of: .percent))) == "5.00")
    }

    @Test func fieldsLeaveOutEmptyValuesAndKeepListOrder() throws {
        var builder = ChangeBuilder(state: RecordState(entity: "account", id: "acc-1"))
        builder.set("name", to: "Müller GmbH")
        builder.set("notes", to: .null)
        builder.add("prospect", to: "roles")
        builder.add("customer", to: "roles")
        builder.insertItem("b", into: "addresses", after: nil, members: ["kind": "billing"])
        builder.insertItem("a", into: "addresses", after: "b", members: ["kind": "postal", "city": .null])
        var state = RecordState(entity: "account", id: "acc-1")
        try state.apply(
            Change(
                entity: "account", record: "acc-1", dot: Dot(replica: ReplicaID(unchecked: "srv"), counter: 1),
                time: HybridTimestamp(millis: 1), ops: builder.operations
            )
        )
        let fields = RecordJSON.fields(of: state, schema: .account)
        #expect(fields.keys.sorted() == ["addresses", "name", "roles"])
        #expect(fields["roles"] == .array([.string("customer"), .string("prospect")]))
        #expect(
            fields["addresses"] == .array([
                .object(["id": .string("b"), "kind": .string("billing")]),
                .object(["id": .string("a"), "kind": .string("postal")]),
            ])
        )
        let encoded = try JSONEncoder().encode(RecordJSONValue.object(fields))
        #expect(try JSONDecoder().decode(RecordJSONValue.self, from: encoded) == .object(fields))
    }
}

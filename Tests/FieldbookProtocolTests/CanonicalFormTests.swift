import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

/// Inputs SYNC.md says a receiver must refuse or preserve, checked through
/// the codec. Where the FieldbookSync core is more lenient than the spec the
/// check is recorded as a known issue; remove the wrapper once the core is fixed.
@Suite("Canonical wire forms (SYNC.md §2–§6, §10)")
struct CanonicalFormTests {
    let codec = WireCodec()

    func rejects<T: Decodable>(_ type: T.Type, _ json: String) -> Bool {
        (try? codec.decode(type, from: Data(json.utf8))) == nil
    }

    @Test func strictFormsAreRefused() {
        #expect(rejects(Dot.self, #""anna:0""#))
        #expect(rejects(Dot.self, #""anna:-1""#))
        #expect(rejects(Dot.self, #""an na:1""#))
        #expect(rejects(HybridTimestamp.self, #""01972FB54BA00000""#))
        #expect(rejects(Value.self, "1.5"))
        #expect(rejects(Value.self, "9223372036854775808"))
        #expect(rejects(Value.self, "[true]"))
        #expect(rejects(Slot.self, #""tags/a%2f""#))
        #expect(rejects(Slot.self, #""@other""#))
        #expect(rejects(Slot.self, #""lines/l1/@other""#))
        #expect(rejects(Operation.self, #"{"slot":"x"}"#))
        #expect(rejects(VersionVector.self, #"{"a":-1}"#))
        #expect(rejects(PullCursor.self, #""a b""#))
    }

    @Test func dotCountersHaveOneSpelling() {
        #expect(rejects(Dot.self, #""anna:+5""#))
        #expect(rejects(Dot.self, #""anna:007""#))
        #expect(rejects(Dot.self, #""anna:9223372036854775808""#))
    }

    @Test func integersHaveNoFractionOrExponent() {
        #expect(rejects(Value.self, "1.0"))
        #expect(rejects(Value.self, "1e2"))
    }

    @Test func namesTakeAtOnlyFirst() {
        #expect(rejects(Slot.self, #""a@b""#))
    }

    @Test func removeIsOnlyEverTrue() {
        #expect(rejects(Operation.self, #"{"slot":"x","value":1,"remove":false}"#))
    }

    /// §10: unknown members of wire objects are ignored (new members that must
    /// survive store-and-forward need a new protocol version); unknown *fields*
    /// of records are slots and always preserved.
    @Test func unknownMembersAreIgnoredAndUnknownFieldsKept() throws {
        let json = #"{"dot":"a:1","entity":"account","futureMember":{"x":1},"ops":[{"slot":"fieldFromTheFuture","value":"x"}],"record":"r1","time":"0000000000000001"}"#
        let change = try codec.decode(Change.self, from: Data(json.utf8))
        let again = String(decoding: try codec.encode(change), as: UTF8.self)
        #expect(again == #"{"dot":"a:1","entity":"account","ops":[{"slot":"fieldFromTheFuture","value":"x"}],"record":"r1","time":"0000000000000001"}"#)
    }

    /// §5: registers with no entries and no superseded dots are omitted, so a
    /// compacted state equals its own wire round trip.
    @Test func compactedStatesRoundTrip() throws {
        let anna = ReplicaID(unchecked: "anna")
        var state = RecordState(entity: "account", id: "r1")
        try state.apply(Change(
            entity: "account", record: "r1", dot: Dot(replica: anna, counter: 1), time: HybridTimestamp(millis: 1),
            ops: [Operation(slot: .field("name"), value: "x"), Operation(slot: .element("vip", of: "tags"), value: true)]
        ))
        try state.apply(Change(
            entity: "account", record: "r1", dot: Dot(replica: anna, counter: 2), time: HybridTimestamp(millis: 2),
            ops: [Operation(slot: .element("vip", of: "tags"), value: nil, supersedes: [Dot(replica: anna, counter: 1)])]
        ))
        state.compact(stable: VersionVector([anna: 2]))
        let decoded = try codec.decode(RecordState.self, from: codec.encode(state))
        #expect(decoded == state)
    }
}

import FieldbookSync
import Testing

/// Pins format version 1 byte for byte: stored data must stay readable, so
/// any change to these bytes needs a new format version (and a reader for
/// the old one).
@Suite("Storage codec: golden bytes")
struct StorageCodecGoldenTests {
    let anna = ReplicaID(unchecked: "anna")
    let bob = ReplicaID(unchecked: "bob")

    func dot(_ replica: ReplicaID, _ counter: UInt64) -> Dot { Dot(replica: replica, counter: counter) }

    var state: RecordState {
        var name = Register()
        name.apply(Operation(slot: .field("name"), value: "Mü"), dot: dot(anna, 1), time: HybridTimestamp(millis: 900))
        name.apply(
            Operation(slot: .field("name"), value: "Mü", supersedes: [dot(anna, 1)]), dot: dot(anna, 2),
            time: HybridTimestamp(millis: 1000, logical: 1))
        var tag = Register()
        tag.apply(Operation(slot: .element("vip", of: "tags"), value: true), dot: dot(bob, 1), time: HybridTimestamp(millis: 1000))
        var employees = Register()
        employees.apply(Operation(slot: .field("employees"), value: -3), dot: dot(bob, 2), time: HybridTimestamp(millis: 1000))
        var deleted = Register()
        deleted.apply(
            Operation(slot: .deleted, value: true, covers: [dot(bob, 1), dot(anna, 2)]), dot: dot(anna, 3),
            time: HybridTimestamp(millis: 2000))
        return RecordState(
            entity: "account", id: "acc-1",
            slots: [.field("name"): name, .element("vip", of: "tags"): tag, .field("employees"): employees, .deleted: deleted]
        )
    }

    var change: Change {
        Change(
            entity: "account", record: "acc-1", dot: dot(anna, 3), time: HybridTimestamp(millis: 2000),
            ops: [
                Operation(slot: .element("x", of: "tags"), value: nil, supersedes: [dot(bob, 1)]),
                Operation(slot: .deleted, value: true, covers: [dot(bob, 1), dot(anna, 2)]),
            ]
        )
    }

    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.filter { !$0.isWhitespace })
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }

    static let stateBytes = bytes(
        """
        5301 07 6163636f756e74 05 6163632d31
        02 04 616e6e61 03 626f62
        04
        08 4064656c65746564 01 0003 0000d00700000000 0a 02 0002 0101 00
        09 656d706c6f79656573 01 0102 0000e80300000000 03 05 00
        04 6e616d65 01 0002 0100e80300000000 04 03 4dc3bc 01 0001
        08 746167732f766970 01 0101 0000e80300000000 02 00
        """)

    static let changeBytes = bytes(
        """
        4301 07 6163636f756e74 05 6163632d31
        02 04 616e6e61 03 626f62
        0003 0000d00700000000
        02
        08 4064656c65746564 0a 02 0002 0101
        06 746167732f78 15 01 0101
        """)

    @Test func formatVersionIsOne() {
        #expect(StorageCodec.formatVersion == 1)
        #expect(Self.stateBytes.prefix(2) == [0x53, 0x01])
        #expect(Self.changeBytes.prefix(2) == [0x43, 0x01])
    }

    @Test func recordStateEncodesToTheGoldenBytes() throws {
        #expect(StorageCodec.encode(state) == Self.stateBytes)
        #expect(try StorageCodec.recordState(from: Self.stateBytes) == state)
    }

    @Test func changeEncodesToTheGoldenBytes() throws {
        #expect(StorageCodec.encode(change) == Self.changeBytes)
        #expect(try StorageCodec.change(from: Self.changeBytes) == change)
    }
}

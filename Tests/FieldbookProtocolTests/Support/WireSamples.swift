import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

/// A value of a wire type, the JSON Schema its encoding must satisfy, and a
/// round-trip check. Covers every type that appears on the wire.
struct WireSample: Sendable, CustomTestStringConvertible {
    let label: String
    let schema: String
    let encoded: @Sendable () throws -> Data
    /// Decodes the encoding, compares with the original, encodes again and
    /// compares bytes. Returns a failure description or nil.
    let roundTrip: @Sendable () throws -> String?
    /// A known defect outside this module that makes the round trip fail.
    var knownIssue: String? = nil

    var testDescription: String { label }

    static func make<T: Codable & Hashable & Sendable>(_ label: String, _ schema: String, _ value: T) -> WireSample {
        let codec = WireCodec()
        return WireSample(
            label: label, schema: schema,
            encoded: { try codec.encode(value) },
            roundTrip: {
                let first = try codec.encode(value)
                let decoded = try codec.decode(T.self, from: first)
                if decoded != value { return "decoded value differs" }
                let second = try codec.encode(decoded)
                return first == second ? nil : "re-encoding differs"
            }
        )
    }
}

extension WireSample {
    func known(_ issue: String) -> WireSample {
        var copy = self
        copy.knownIssue = issue
        return copy
    }

    static let anna = ReplicaID(unchecked: "anna-phone-7f3a")
    static let office = ReplicaID(unchecked: "office-pc-02")

    static var deletedWithConcurrentEdit: RecordState {
        var state = RecordState(entity: "account", id: "acc-1")
        let create = Change(
            entity: "account", record: "acc-1", dot: Dot(replica: anna, counter: 1), time: HybridTimestamp(millis: 1000),
            ops: [Operation(slot: .field("name"), value: "Müller")]
        )
        let edit = Change(
            entity: "account", record: "acc-1", dot: Dot(replica: anna, counter: 2), time: HybridTimestamp(millis: 2000),
            ops: [Operation(slot: .field("phone"), value: "0711", supersedes: [])]
        )
        let delete = Change(
            entity: "account", record: "acc-1", dot: Dot(replica: office, counter: 1),
            time: HybridTimestamp(millis: 2500, logical: 3),
            ops: [Operation(slot: .deleted, value: true, covers: [Dot(replica: anna, counter: 1)])]
        )
        for change in [create, edit, delete] { _ = try? state.apply(change) }
        return state
    }

    static let all: [WireSample] = {
        let dot1 = Dot(replica: anna, counter: 1)
        let dotMax = Dot(replica: office, counter: UInt64(Int64.max))
        let removal = Operation(slot: .element("b2b/retail", of: "tags"), value: nil, supersedes: [dot1, dotMax])
        let delete = Operation(slot: .deleted, value: true, supersedes: [dot1], covers: [dotMax, dot1])
        let lineMember = Operation(slot: .member(Slot.positionMember, ofItem: "l-1", in: "lines"), value: "i")
        let change = Change(
            entity: "offer", record: "o-1", dot: Dot(replica: anna, counter: 7), time: HybridTimestamp(millis: 1_748_852_100_000, logical: 2),
            ops: [lineMember, Operation(slot: .item("l-1", of: "lines"), value: true), Operation(slot: .field("total"), value: "1250.00")]
        )
        var samples: [WireSample] = [
            make("replica-id short", "replica-id", ReplicaID(unchecked: "a")),
            make("replica-id 64", "replica-id", ReplicaID(unchecked: String(repeating: "Z_-9", count: 16))),
            make("dot", "dot", dot1),
            make("dot max counter", "dot", dotMax),
            make("hlc zero", "hlc-timestamp", HybridTimestamp.zero),
            make("hlc example", "hlc-timestamp", HybridTimestamp(millis: 1_748_852_100_000, logical: 0x1f)),
            make("hlc max", "hlc-timestamp", HybridTimestamp(millis: HybridTimestamp.maxMillis, logical: .max)),
            make("slot field", "slot", Slot.field("name")),
            make("slot deleted", "slot", Slot.deleted),
            make("slot element", "slot", Slot.element("b2b/retail 100%", of: "tags")),
            make("slot member", "slot", Slot.member("@pos", ofItem: "line/1", in: "lines")),
            make("operation write", "operation", Operation(slot: .field("name"), value: "Müller GmbH", supersedes: [dot1])),
            make("operation remove", "operation", removal),
            make("operation delete", "operation", delete),
            make("operation restore", "operation", Operation(slot: .deleted, value: false, supersedes: [dot1])),
            make("change", "change", change),
            make("entry", "entry", Entry(dot: dot1, time: .zero, value: "x")),
            make("entry delete", "entry", Entry(dot: dot1, time: .zero, value: true, covers: [dotMax])),
            make("register empty with superseded", "register", Register(entries: [], superseded: [dot1])),
            make(
                "register concurrent", "register",
                Register(
                    entries: [
                        Entry(dot: dot1, time: HybridTimestamp(millis: 5), value: 1),
                        Entry(dot: dotMax, time: HybridTimestamp(millis: 5), value: 2),
                    ], superseded: [Dot(replica: anna, counter: 9)]
                )
            ),
            make("record-state empty", "record-state", RecordState(entity: "account", id: "acc-0")),
            make("record-state deleted", "record-state", deletedWithConcurrentEdit),
            make("record-state merged", "record-state", ExampleScenario.mergedAccount),
            make("conflict field", "conflict", ExampleScenario.phoneConflict),
            make("conflict deleteEdit", "conflict", deletedWithConcurrentEdit.deleteEditConflict!),
            make("version-vector empty", "version-vector", VersionVector()),
            make("version-vector", "version-vector", VersionVector([anna: 3, office: UInt64(Int64.max)])),
            make("change-result accepted", "change-result", ChangeResult.accepted(dot1)),
            make("change-result duplicate", "change-result", ChangeResult.duplicate(dot1)),
            make("change-result rejected", "change-result", ChangeResult.rejected(dot1, code: .clockDrift, reason: "clock ahead")),
            make("cursor", "cursor", PullCursor("c1.0.AAAA")!),
            make("record-ref", "record-ref", RecordRef(entity: "account", id: "acc-9")),
            make("push-request empty", "push-request", PushRequest(schemaVersion: 1, replica: anna, changes: [])),
            make("push-request", "push-request", ExampleScenario.pushRequest),
            make("push-response", "push-response", ExampleScenario.pushResponse),
            make("pull-request initial", "pull-request", PullRequest(schemaVersion: 1, replica: anna)),
            make("pull-request", "pull-request", ExampleScenario.pullRequest),
            make(
                "pull-response empty", "pull-response",
                PullResponse(cursor: PullCursor("c1.9")!, hasMore: false, stable: VersionVector(), serverTime: .zero)
            ),
            make("pull-response", "pull-response", ExampleScenario.pullResponse),
            make("error unrecognized code", "error", ErrorResponse(error: .unrecognized("shiny_new_code"), message: "m")),
            make("login request", "login-request", LoginRequest(login: "anna", password: "pässwörd 1", deviceName: "Anna's notebook", replica: anna)),
            make(
                "login response", "login-response",
                LoginResponse(
                    token: "fbk_" + String(repeating: "a-_Z", count: 10) + "xyz", device: "0f8e6a52-device", replica: anna,
                    user: "user-anna", login: "anna", role: "rep"
                )
            ),
        ]
        for value in [Value.null, true, false, 0, .int(.min), .int(.max), "", "Müller / ✓ \"q\" \\ \n 😀"] {
            samples.append(make("value \(value)", "value", value))
        }
        for code in WireErrorCode.allKnown {
            samples.append(make("error \(code)", "error", ErrorResponse(error: code, message: "x", requestID: "r-1")))
        }
        return samples
    }()
}

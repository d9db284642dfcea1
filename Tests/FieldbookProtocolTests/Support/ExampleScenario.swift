import FieldbookProtocol
import FieldbookSync
import Foundation

/// The worked exchange of `Protocol/SYNC.md` ("Worked example"), built in
/// code so the golden files under `Protocol/examples/` can be checked
/// against it: Anna's phone pushes four changes and pulls one page.
enum ExampleScenario {
    static let anna = ReplicaID(unchecked: "anna-phone-7f3a")
    static let office = ReplicaID(unchecked: "office-pc-02")
    static let server = ReplicaID(unchecked: "srv")

    static let account = "0b9c6f4e-5d1a-4c2b-8e7f-3a2b1c0d9e8f"
    static let opportunity = "7c3e9a10-2f4b-4d8e-b6a5-1e0f9d8c7b6a"
    static let offer = "c41f8e2a-6b5d-4a3c-9e7f-0d1c2b3a4e5f"
    static let enteringAccount = "5e0a7b21-c4d3-4e9f-8a1b-6c2d3e4f5a6b"
    static let leavingAccount = "9d2e0c51-3b7a-4f6e-a1c4-52e8b7d90f13"

    static let schemaVersion = 3
    static let previousCursor = PullCursor("c1.29350.Xk2a")!
    static let nextCursor = PullCursor("c1.29417.Qm7d")!

    /// 2025-06-02T08:15:00Z in Unix milliseconds.
    static let now: Int64 = 1_748_852_100_000
    static let minute: Int64 = 60_000
    static let day: Int64 = 86_400_000

    static func at(_ offset: Int64) -> HybridTimestamp { HybridTimestamp(millis: UInt64(now + offset)) }
    static func dot(_ replica: ReplicaID, _ counter: UInt64) -> Dot { Dot(replica: replica, counter: counter) }

    /// office-pc-02:17, two days ago: the account as both sides knew it before.
    static let created = Change(
        entity: "account", record: account, dot: dot(office, 17), time: at(-2 * day),
        ops: [
            Operation(slot: .field("name"), value: "Müller GmbH"),
            Operation(slot: .field("phone"), value: "+49 711 555-0100"),
        ]
    )

    static let pushedChanges: [Change] = [
        Change(
            entity: "account", record: account, dot: dot(anna, 40), time: at(-10 * minute),
            ops: [Operation(slot: .field("city"), value: "Stuttgart")]
        ),
        Change(
            entity: "account", record: account, dot: dot(anna, 41), time: at(-5 * minute),
            ops: [Operation(slot: .field("phone"), value: "+49 711 555-0142", supersedes: [dot(office, 17)])]
        ),
        Change(
            entity: "account", record: account, dot: dot(anna, 42), time: at(-4 * minute),
            ops: [
                Operation(slot: .element("b2b/retail", of: "tags"), value: true),
                Operation(slot: .element("key-account", of: "tags"), value: true),
            ]
        ),
        Change(
            entity: "opportunity", record: opportunity, dot: dot(anna, 43), time: at(-3 * minute),
            ops: [Operation(slot: .field("stage"), value: "negotiation", supersedes: [dot(server, 4980)])]
        ),
    ]

    static let pushRequest = PushRequest(schemaVersion: schemaVersion, replica: anna, changes: pushedChanges)

    static let pushResponse = PushResponse(
        results: [
            .duplicate(dot(anna, 40)),
            .accepted(dot(anna, 41)),
            .accepted(dot(anna, 42)),
            .rejected(dot(anna, 43), code: .businessRule, reason: "a won opportunity cannot change stage"),
        ],
        serverTime: at(0)
    )

    static let pullRequest = PullRequest(
        schemaVersion: schemaVersion, replica: anna, cursor: previousCursor, limit: 500, acknowledged: previousCursor
    )

    /// office-pc-02:18: a concurrent phone edit (it also saw only office-pc-02:17).
    static let officePhoneEdit = Change(
        entity: "account", record: account, dot: dot(office, 18), time: at(-6 * minute),
        ops: [Operation(slot: .field("phone"), value: "+49 711 555-0199", supersedes: [dot(office, 17)])]
    )

    /// srv:5121: the server finalises the offer number Anna's phone assigned provisionally.
    static let offerNumber = Change(
        entity: "offer", record: offer, dot: dot(server, 5121), time: at(-1 * minute),
        ops: [Operation(slot: .field("number"), value: "A-2025-0117", supersedes: [dot(anna, 37)])]
    )

    /// The account moved into Anna's territory (srv:5120 changed its owner).
    static let enteringSnapshot = RecordState(
        entity: "account", id: enteringAccount,
        slots: [
            .field("name"): Register(
                entries: [Entry(dot: dot(office, 9), time: at(-90 * day), value: "Autohaus Kramer KG")], superseded: []
            ),
            .field("owner"): Register(
                entries: [Entry(dot: dot(server, 5120), time: at(-2 * minute), value: "anna")],
                superseded: [dot(server, 3011)]
            ),
            .element("retail", of: "tags"): Register(
                entries: [Entry(dot: dot(office, 9), time: at(-90 * day), value: true)], superseded: []
            ),
        ]
    )

    static let pullResponse = PullResponse(
        changes: [officePhoneEdit, offerNumber],
        snapshots: [enteringSnapshot],
        evictions: [RecordRef(entity: "account", id: leavingAccount)],
        cursor: nextCursor,
        hasMore: false,
        stable: VersionVector([anna: 39, office: 16, server: 5000]),
        serverTime: at(1000)
    )

    static let error = ErrorResponse(
        error: .cursorExpired,
        message: "the log before this cursor has been compacted; push pending changes, then pull without a cursor",
        requestID: "req-01HZX3V6Q2M8D1"
    )

    /// The account on Anna's phone after the exchange: both phone numbers kept, Anna's winning.
    static var mergedAccount: RecordState {
        var state = RecordState(entity: "account", id: account)
        // A locally valid sequence: these cannot fail.
        for change in [created] + pushedChanges.prefix(3) + [officePhoneEdit] {
            _ = try? state.apply(change)
        }
        return state
    }

    /// The phone conflict derived from ``mergedAccount``.
    static var phoneConflict: Conflict { mergedAccount.fieldConflict(at: .field("phone"))! }
}

import FieldbookProtocol
import FieldbookServerCore
import FieldbookSync
import Testing

@Suite("Cursor codec")
struct CursorCodecTests {
    let codec = CursorCodec()
    let anna = Fixtures.anna

    @Test(arguments: [
        SyncCursor.log(.start), .log(29350), .snapshot(horizon: 812, after: nil),
        .snapshot(horizon: 812, after: "acc-17"), .snapshot(horizon: 0, after: "erp:4711.x_y-z"),
    ])
    func roundTrips(_ cursor: SyncCursor) throws {
        let text = codec.encode(cursor, for: anna)
        #expect(text.rawValue.hasPrefix("c1."))
        #expect(try codec.decode(text, for: anna) == cursor)
    }

    @Test(arguments: [
        SyncCursor.scoped(epoch: 1, .snapshot(horizon: 0, after: nil)),
        .scoped(epoch: 3, .snapshot(horizon: 812, after: "erp:4711.x_y-z")),
        .scoped(epoch: 3, .log(900, movedAfter: nil)), .scoped(epoch: 7, .log(900, movedAfter: "c-2")),
        .scoped(epoch: 4, .transition(from: 3, evicting: true, after: nil, then: .log(900, movedAfter: "c-2"))),
        .scoped(epoch: 4, .transition(from: 2, evicting: false, after: "acc.1", then: .snapshot(horizon: 5, after: nil))),
    ])
    func scopedCursorsRoundTrip(_ cursor: SyncCursor) throws {
        #expect(try codec.decode(codec.encode(cursor, for: anna), for: anna) == cursor)
    }

    @Test func theDocumentedScopedShape() {
        let cursor = SyncCursor.scoped(epoch: 4, .transition(from: 3, evicting: true, after: nil, then: .log(900, movedAfter: "c-2")))
        #expect(codec.encode(cursor, for: anna).rawValue.hasPrefix("c1.P4,T,3,e,,L,900,c-2."))
    }

    @Test(arguments: ["P1", "P1,L,5", "P1,X,5,", "P,L,5,", "P1,L,5,a/b", "P1,T,1,x,,L,5,", "P1,T,1,e,,T,1,e,,L,5,", "P1,S,5,,extra"])
    func malformedScopedBodiesAreInvalid(_ body: String) throws {
        // Correctly tagged, so only the body's shape is judged.
        let tag = CursorChecksum().tag(for: Array("fieldbook-cursor-v1".utf8) + [0] + Array(anna.rawValue.utf8) + [0] + Array(body.utf8))
        let hex = tag.map { byte in String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16) }.joined()
        let text = "c1.\(body).\(hex)"
        let cursor = try #require(PullCursor(text))
        let error = #expect(throws: SyncServiceError.self) { try codec.decode(cursor, for: anna) }
        #expect(error?.code == .invalidCursor)
    }

    @Test func theDocumentedShape() {
        let text = codec.encode(.snapshot(horizon: 812, after: "acc-17"), for: anna).rawValue
        #expect(text.hasPrefix("c1.S812,acc-17."))
        #expect(text.split(separator: ".").last?.count == 16, "8 tag bytes as hex")
    }

    @Test func cursorsOfOtherReplicasOrDeploymentsAreInvalid() throws {
        let text = codec.encode(.log(5), for: anna)
        #expect(throws: SyncServiceError.invalidCursor("the cursor was not issued to this replica by this server")) {
            try codec.decode(text, for: Fixtures.ben)
        }
        let staging = CursorCodec(authenticator: CursorChecksum(deployment: "staging"))
        #expect(throws: SyncServiceError.self) { try staging.decode(text, for: anna) }
    }

    @Test(arguments: ["c1.L5", "c2.L5.00", "L5", "c1.X5.00", "c1..00", "c1.L-5.00", "c1.Labc.00"])
    func malformedCursorsAreInvalid(_ text: String) throws {
        let cursor = try #require(PullCursor(text))
        let error = #expect(throws: SyncServiceError.self) { try codec.decode(cursor, for: anna) }
        #expect(error?.code == .invalidCursor)
    }

    @Test func tamperingBreaksTheTag() throws {
        let text = codec.encode(.log(5), for: anna).rawValue
        let forged = try #require(PullCursor("c1.L9" + text.dropFirst(5)))
        #expect(throws: SyncServiceError.self) { try codec.decode(forged, for: anna) }
    }
}


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


import FieldbookSync
import Testing

@Suite("Hybrid logical clock")
struct HybridLogicalClockTests {
    @Test func ticksAreStrictlyIncreasingEvenWhenWallTimeStandsStillOrGoesBack() {
        var clock = HybridLogicalClock()
        var previous = HybridTimestamp.zero
        for physical: UInt64 in [1000, 1000, 1000, 999, 500, 1001, 1001] {
            let next = clock.tick(physical: physical)
            #expect(next > previous)
            previous = next
        }
        #expect(previous == HybridTimestamp(millis: 1001, logical: 1))
    }

    @Test func receiveMovesTheClockPastARemoteTimestamp() throws {
        var clock = HybridLogicalClock()
        _ = clock.tick(physical: 1000)
        try clock.receive(HybridTimestamp(millis: 5000, logical: 7), physical: 1000)
        #expect(clock.tick(physical: 1000) == HybridTimestamp(millis: 5000, logical: 8))
    }

    @Test func remoteTimestampsTooFarAheadAreRefusedAndLeaveTheClockUnchanged() {
        var clock = HybridLogicalClock(maxDrift: 60_000)
        let before = clock.tick(physical: 1_000_000)
        #expect(throws: SyncError.clockDriftExceeded(remoteMillis: 1_060_001, localMillis: 1_000_000, maxDrift: 60_000)) {
            try clock.receive(HybridTimestamp(millis: 1_060_001), physical: 1_000_000)
        }
        #expect(clock.last == before)
        #expect(throws: Never.self) { try clock.receive(HybridTimestamp(millis: 1_060_000), physical: 1_000_000) }
    }

    @Test func logicalCounterOverflowCarriesIntoMilliseconds() {
        let near = HybridTimestamp(millis: 10, logical: .max)
        #expect(near.successor() == HybridTimestamp(millis: 11, logical: 0))
    }

    @Test func wireFormIsSixteenHexDigitsThatSortLikeTimestamps() throws {
        let samples = [
            HybridTimestamp(millis: 0, logical: 0), HybridTimestamp(millis: 1, logical: 0),
            HybridTimestamp(millis: 1, logical: 0xFFFF), HybridTimestamp(millis: 1_763_798_400_000, logical: 3),
            HybridTimestamp(millis: HybridTimestamp.maxMillis, logical: 2),
        ]
        for (earlier, later) in zip(samples, samples.dropFirst()) {
            #expect(earlier.description.count == 16)
            #expect(earlier.description < later.description)
            #expect(HybridTimestamp(parsing: later.description) == later)
        }
        #expect(HybridTimestamp(parsing: "019AB2C3D4E50001") == nil, "uppercase is not canonical")
        #expect(HybridTimestamp(parsing: "19ab2c3d4e50001") == nil)
        #expect(HybridTimestamp(parsing: "019ab2c3d4e5000g") == nil)
    }
}

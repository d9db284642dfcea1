import FieldbookSync
import Testing

/// Corrupted bytes must end in ``StorageCodecError``: never a crash, never a
/// wrong value passed off as the stored one, never an unbounded allocation.
@Suite("Storage codec: corrupted input")
struct StorageCodecFuzzTests {
    /// Encoded states and changes of a few random samples.
    static let inputs: [(bytes: [UInt8], isState: Bool)] = (0..<40).flatMap { seed in
        let sample = StorageCodecSamples.make(seed: seed)
        return sample.states.prefix(4).map { (StorageCodec.encode($0), true) }
            + sample.changes.prefix(4).map { (StorageCodec.encode($0), false) }
    }

    /// Decodes `bytes` as the kind given. On success the bytes must be the
    /// one encoding of the value decoded (every value has exactly one).
    static func check(_ bytes: [UInt8], isState: Bool) -> Bool {
        if isState {
            guard let state = try? StorageCodec.recordState(from: bytes) else { return false }
            #expect(StorageCodec.encode(state) == bytes, "a decoded mutation must re-encode to the same bytes")
        } else {
            guard let change = try? StorageCodec.change(from: bytes) else { return false }
            #expect(StorageCodec.encode(change) == bytes, "a decoded mutation must re-encode to the same bytes")
        }
        return true
    }

    @Test func everyTruncationThrows() {
        for (bytes, isState) in Self.inputs {
            for length in 0..<bytes.count {
                #expect(!Self.check(Array(bytes.prefix(length)), isState: isState), "prefix \(length) of \(bytes.count)")
            }
        }
    }

    @Test func trailingBytesThrow() {
        for (bytes, isState) in Self.inputs {
            #expect(!Self.check(bytes + [0], isState: isState))
        }
    }

    @Test func flippedBitsNeverCrash() {
        var random = PropertyRandom(seed: 0xB17F_11B5)
        var rejected = 0
        var mutations = 0
        for (bytes, isState) in Self.inputs {
            for position in bytes.indices {
                for _ in 0..<3 {
                    var mutated = bytes
                    mutated[position] ^= UInt8(1) << UInt8(random.int(below: 8))
                    if random.percent(20) { mutated[random.int(below: mutated.count)] = UInt8(random.int(below: 256)) }
                    mutations += 1
                    if !Self.check(mutated, isState: isState) { rejected += 1 }
                }
            }
        }
        // Most flips hit text or counters and decode to another valid value;
        // structural flips must be caught.
        #expect(rejected > mutations / 10, "\(rejected) of \(mutations) mutations rejected")
    }

    @Test func randomBytesNeverCrash() {
        var random = PropertyRandom(seed: 0x5EED)
        for round in 0..<20_000 {
            var bytes = (0..<random.int(in: 0...64)).map { _ in UInt8(random.int(below: 256)) }
            // Give most inputs a valid header so the fuzzing reaches the body.
            if bytes.count >= 2, random.percent(80) {
                bytes[0] = random.percent(50) ? 0x53 : 0x43
                bytes[1] = StorageCodec.formatVersion
            }
            _ = Self.check(bytes, isState: round % 2 == 0)
        }
    }

    @Test func hugeCountsAreRejectedBeforeAllocating() {
        // Header, empty entity and id, then a replica table claiming 2^62 entries.
        let bytes: [UInt8] = [0x53, 0x01, 0x00, 0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]
        #expect(throws: StorageCodecError(.lengthOutOfRange, at: 4)) { try StorageCodec.recordState(from: bytes) }
        // A string claiming more bytes than remain.
        #expect(throws: StorageCodecError(.lengthOutOfRange, at: 2)) {
            try StorageCodec.recordState(from: [0x53, 0x01, 0x05, 0x61])
        }
        // An 11-byte varint.
        let overlong: [UInt8] = [0x53, 0x01] + Array(repeating: 0xFF, count: 10) + [0x01]
        #expect(throws: StorageCodecError(.malformedVarint, at: 2)) { try StorageCodec.recordState(from: overlong) }
        // A non-minimal varint (0 written in two bytes).
        #expect(throws: StorageCodecError(.malformedVarint, at: 2)) {
            try StorageCodec.recordState(from: [0x53, 0x01, 0x80, 0x00])
        }
    }

    @Test func typedErrorsNameTheProblem() throws {
        let state = RecordState(entity: "account", id: "a")
        var bytes = StorageCodec.encode(state)
        #expect(throws: StorageCodecError(.wrongKind(found: 0x53), at: 0)) { try StorageCodec.change(from: bytes) }
        #expect(throws: StorageCodecError(.truncated, at: 0)) { try StorageCodec.recordState(from: []) }
        #expect(throws: StorageCodecError(.wrongKind(found: 0x7B), at: 0)) {
            try StorageCodec.recordState(from: Array(#"{"entity":"account"}"#.utf8))
        }
        bytes[1] = 2
        #expect(throws: StorageCodecError(.unsupportedVersion(2), at: 1)) { try StorageCodec.recordState(from: bytes) }
        // Invalid UTF-8 in the entity name (a lone continuation byte).
        #expect(throws: StorageCodecError(.invalidUTF8, at: 2)) {
            try StorageCodec.recordState(from: [0x53, 0x01, 0x01, 0x80, 0x00, 0x00, 0x00])
        }
        let error = StorageCodecError(.invalidSlot, at: 9)
        #expect(error.description == "stored bytes unreadable at offset 9: invalidSlot")
    }

    @Test func utf8ValidationFollowsTheStandard() {
        func valid(_ bytes: [UInt8]) -> Bool {
            let encoded: [UInt8] = [0x53, 0x01, UInt8(bytes.count)] + bytes + [0x00, 0x00, 0x00]
            return (try? StorageCodec.recordState(from: encoded)) != nil
        }
        #expect(valid(Array("Müller 👩‍👩‍👧".utf8)))
        #expect(valid([0xED, 0x9F, 0xBF]) && valid([0xF4, 0x8F, 0xBF, 0xBF]) && valid([0xE0, 0xA0, 0x80]))
        #expect(!valid([0xC0, 0x80]), "overlong NUL")
        #expect(!valid([0xE0, 0x80, 0x80]), "overlong 3-byte")
        #expect(!valid([0xED, 0xA0, 0x80]), "surrogate")
        #expect(!valid([0xF4, 0x90, 0x80, 0x80]), "above U+10FFFF")
        #expect(!valid([0xF5, 0x80, 0x80, 0x80]) && !valid([0xFF]))
        #expect(!valid([0xE2, 0x82]), "truncated sequence")
    }
}

import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

@Suite("WireCodec limits and hostile input")
struct WireCodecLimitTests {
    let codec = WireCodec()

    func bytes(_ text: String) -> Data { Data(text.utf8) }

    @Test func oversizedBodiesAreRefusedBeforeScanning() throws {
        let small = WireCodec(limits: WireLimits(maxBodyBytes: 64))
        let body = Data(("\"" + String(repeating: "a", count: 63) + "\"").utf8)
        #expect(throws: WireCodecError.limitExceeded(.bodyBytes, limit: 64)) { try small.scan(body) }
        #expect(throws: Never.self) { try small.scan(body.dropLast(2) + Data("\"".utf8)) }
        #expect(WireCodecError.limitExceeded(.bodyBytes, limit: 64).errorCode == .bodyTooLarge)
    }

    @Test func hostileNestingFailsFastWithATypedError() {
        let arrays = bytes(String(repeating: "[", count: 100_000))
        #expect(throws: WireCodecError.limitExceeded(.nestingDepth, limit: 32)) { try codec.scan(arrays) }
        let objects = bytes(String(repeating: #"{"a":"#, count: 100_000))
        #expect(throws: WireCodecError.limitExceeded(.nestingDepth, limit: 32)) {
            try codec.decode(PushRequest.self, from: objects)
        }
        let balanced = bytes(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        #expect(throws: WireCodecError.limitExceeded(.nestingDepth, limit: 32)) { try codec.scan(balanced) }
        #expect(WireCodecError.limitExceeded(.nestingDepth, limit: 32).errorCode == .nestingTooDeep)
    }

    @Test func depthExactlyAtTheLimitIsAccepted() throws {
        let atLimit = bytes(String(repeating: "[", count: 32) + String(repeating: "]", count: 32))
        #expect(try codec.scan(atLimit).depth == 32)
        let over = bytes(String(repeating: "[", count: 33) + String(repeating: "]", count: 33))
        #expect(throws: WireCodecError.limitExceeded(.nestingDepth, limit: 32)) { try codec.scan(over) }
        #expect(try codec.scan(bytes("7")).depth == 0)
    }

    @Test func tooManyElementsAreRefused() throws {
        let limited = WireCodec(limits: WireLimits(maxElements: 1000))
        let atLimit = bytes("[" + Array(repeating: "0", count: 999).joined(separator: ",") + "]")
        #expect(try limited.scan(atLimit).elements == 1000)
        let over = bytes("[" + Array(repeating: "{}", count: 1000).joined(separator: ",") + "]")
        #expect(throws: WireCodecError.limitExceeded(.elementCount, limit: 1000)) { try limited.scan(over) }
        let keysNotCounted = bytes(#"{"a":1,"b":2}"#)
        #expect(try limited.scan(keysNotCounted).elements == 3)
        #expect(WireCodecError.limitExceeded(.elementCount, limit: 1).errorCode == .tooManyElements)
    }

    @Test(
        "malformed JSON is a typed error",
        arguments: [
            "", " ", "{", "}", "]", "[1,]", "[1 2]", #"{"a" 1}"#, #"{"a":1,}"#, #"{"a":1 "b":2}"#, "{a:1}", "'a'", "01",
            "1.", "-", "+1", ".5", "1e", "tru", "nul", "NaN", "Infinity", #""abc"#, #""\x""#, #""\u12"#, #""\ud800""#,
            #""\udc00\ud800""#, "[1] 2", "\u{FEFF}[]", "\"a\u{0A}b\"", "\"\t\"", "[1,,2]", #"{"a":}"#, #"{,}"#,
        ]
    )
    func malformed(_ text: String) {
        #expect(performing: { try codec.scan(bytes(text)) }, throws: { error in
            if case WireCodecError.malformedJSON = error { return true }
            return false
        })
    }

    @Test(
        "invalid UTF-8 is malformed",
        arguments: [
            [0x22, 0xC3, 0x28, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22], [0xFF], [0x22, 0x80, 0x22],
        ] as [[UInt8]]
    )
    func invalidUTF8(_ body: [UInt8]) {
        #expect(performing: { try codec.scan(body) }, throws: { error in
            if case WireCodecError.malformedJSON = error { return true }
            return false
        })
    }

    @Test(
        "well-formed JSON is accepted",
        arguments: [
            "0", "-0", "-9223372036854775808", "true", "null", #""""#, #""\u00e9\ud83d\ude00\/\b\f\n\r\t\"\\""#,
            "\"Müller ✓ 😀\"", " [ ] ", "{ }", #" { "a" : [ 1 , { "b" : null } ] } "#, "[[],[[]],{}]",
        ]
    )
    func wellFormed(_ text: String) throws {
        try codec.scan(bytes(text))
    }

    @Test("fractions and exponents are refused: every wire number is an integer", arguments: ["1e5", "-1.5E-3", "1E+2", "1.0", "[0.5]"])
    func nonIntegerNumbers(_ text: String) {
        #expect(throws: WireCodecError.self) { try codec.scan(bytes(text)) }
    }

    @Test func typeErrorsNameTheCodingPath() throws {
        let body = #"{"protocolVersion":1,"schemaVersion":3,"replica":"anna","changes":[{"entity":"account","record":"r","dot":"anna:0","time":"0000000000000000","ops":[]}]}"#
        #expect(throws: WireCodecError.self) { try codec.decode(PushRequest.self, from: bytes(body)) }
        do {
            _ = try codec.decode(PushRequest.self, from: bytes(body))
        } catch {
            guard case .invalidMessage(let path, _) = error else {
                Issue.record("expected invalidMessage, got \(error)")
                return
            }
            #expect(path == "changes[0].dot")
            #expect(error.errorCode == .invalidRequest)
            #expect(error.response(requestID: "r").error == .invalidRequest)
        }
        let missing = #"{"protocolVersion":1,"replica":"anna","changes":[]}"#
        #expect(throws: WireCodecError.invalidMessage(path: "", reason: "missing member \"schemaVersion\"")) {
            try codec.decode(PushRequest.self, from: bytes(missing))
        }
        let operation = #"{"slot":"name","value":"x","remove":true}"#
        #expect(performing: { try codec.decode(Operation.self, from: bytes(operation)) }, throws: { error in
            if case WireCodecError.invalidMessage = error { return true }
            return false
        })
    }

    @Test func errorDescriptionsDoNotEchoContent() {
        let secret = "Geheimkunde"
        let body = bytes(#"{"a":"\#(secret)",}"#)
        do {
            try codec.scan(body)
            Issue.record("should fail")
        } catch {
            #expect(!error.description.contains(secret))
        }
    }

    /// Random byte mutations of the golden files: the scanner never crashes,
    /// and never accepts what Foundation's parser rejects. (Foundation is more
    /// lenient — it accepts trailing commas — which the pre-scan refuses.)
    @Test func mutatedExamplesNeverCrashAndAgreeWithFoundation() throws {
        var generator = SplitMix64(seed: 0x5EED_F1E1_DB00_C0DE)
        let seeds = try ExampleFile.all.map { try ProtocolFiles.read($0.url) }
        let alphabet = Array(#"{}[]",:\ 0123456789-+.eEtrufalsn"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF]
        var disagreements: [String] = []
        for round in 0..<3000 {
            var body = Array(seeds[round % seeds.count])
            for _ in 0..<(1 + Int(generator.next() % 3)) where !body.isEmpty {
                let position = Int(generator.next() % UInt64(body.count))
                switch generator.next() % 3 {
                case 0: body[position] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: body.remove(at: position)
                default: body.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: position)
                }
            }
            let ours: Bool
            do {
                try codec.scan(body)
                ours = true
            } catch {
                ours = false
            }
            let foundation = (try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])) != nil
            if ours && !foundation { disagreements.append(String(decoding: body, as: UTF8.self)) }
            _ = try? codec.decode(PullResponse.self, from: body)
        }
        #expect(disagreements.isEmpty, "first: \(disagreements.first ?? "")")
        #expect(JSONSerialization.isValidJSONObject([1]) && (try? JSONSerialization.jsonObject(with: bytes("[1,]"))) != nil,
                "Foundation accepts trailing commas; if this changes, tighten the property above")
    }
}

/// A small deterministic generator for reproducible fuzzing.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

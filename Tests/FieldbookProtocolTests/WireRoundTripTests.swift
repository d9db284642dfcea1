import FieldbookProtocol
import FieldbookSync
import Foundation
import Testing

@Suite("Wire types round-trip")
struct WireRoundTripTests {
    @Test("encode → decode → encode is the identity", arguments: WireSample.all)
    func roundTrips(_ sample: WireSample) throws {
        let failure = try sample.roundTrip()
        if let issue = sample.knownIssue {
            withKnownIssue(Comment(rawValue: issue)) { #expect(failure == nil) }
        } else {
            #expect(failure == nil, "\(sample.label): \(failure ?? "")")
        }
    }

    /// Core defect: in `Operation.init(from:)`, `remove ? nil : try decode(…)`
    /// types the `nil` as `Value` (Value is ExpressibleByNilLiteral) and then
    /// wraps it — even with a `Value?` annotation on the result — so every
    /// set-element or list-item removal received over the wire becomes a
    /// write of `null`: the receiver holds an entry the sender does not, and
    /// replicas diverge. Fix: `remove ? .none : …` or an if/else.
    @Test func removalsSurviveTheWire() throws {
        let body = Data(#"{"remove":true,"slot":"tags/vip","supersedes":["anna:1"]}"#.utf8)
        let operation = try WireCodec().decode(Operation.self, from: body)
        #expect(operation.value == nil)
    }

    @Test func encodingIsCanonical() throws {
        let json = String(decoding: try WireCodec().encode(ExampleScenario.pullRequest), as: UTF8.self)
        #expect(
            json
                == #"{"acknowledged":"c1.29350.Xk2a","cursor":"c1.29350.Xk2a","limit":500,"protocolVersion":1,"replica":"anna-phone-7f3a","schemaVersion":3}"#
        )
        let slashes = String(decoding: try WireCodec().encode(Slot.element("a/b", of: "tags")), as: UTF8.self)
        #expect(slashes == #""tags/a%2Fb""#)
    }

    @Test func optionalMembersAreOmittedNotNull() throws {
        let json = String(decoding: try WireCodec().encode(PullRequest(schemaVersion: 2, replica: WireSample.anna)), as: UTF8.self)
        #expect(!json.contains("cursor") && !json.contains("acknowledged") && !json.contains("null"))
        let accepted = String(decoding: try WireCodec().encode(ChangeResult.accepted(Dot(parsing: "a:1")!)), as: UTF8.self)
        #expect(accepted == #"{"dot":"a:1","status":"accepted"}"#)
    }

    @Test func unknownEnvelopeMembersAreIgnored() throws {
        let body = #"{"protocolVersion":1,"schemaVersion":2,"replica":"a","limit":10,"futureOption":{"x":[1,2]}}"#
        let request = try WireCodec().decode(PullRequest.self, from: Data(body.utf8))
        #expect(request.limit == 10 && request.cursor == nil)
    }

    @Test func unknownVersionsStillDecodeSoTheServerCanAnswer() throws {
        let body = #"{"protocolVersion":99,"schemaVersion":2,"replica":"a","changes":[]}"#
        let request = try WireCodec().decode(PushRequest.self, from: Data(body.utf8))
        #expect(request.protocolVersion == 99 && !ProtocolVersion.supported.contains(request.protocolVersion))
    }

    @Test func errorCodesRoundTripAndUnknownCodesSurvive() throws {
        #expect(Set(WireErrorCode.allKnown.map(\.rawValue)).count == WireErrorCode.allKnown.count)
        for code in WireErrorCode.allKnown {
            #expect(WireErrorCode(rawValue: code.rawValue) == code)
            #expect(code.rawValue.allSatisfy { $0.isLowercase || $0 == "_" })
        }
        for code in WireErrorCode.requestLevel { #expect(code.httpStatus != nil, "\(code)") }
        #expect(WireErrorCode(rawValue: "quota_exceeded") == .unrecognized("quota_exceeded"))
        #expect(WireErrorCode.unrecognized("quota_exceeded").httpStatus == nil)
    }

    /// Codes the server sent before they were named keep their wire form and status.
    @Test func formerlyUnnamedCodesKeepTheirWireFormAndStatus() {
        let expected: [(WireErrorCode, String, Int)] = [
            (.methodNotAllowed, "method_not_allowed", 405), (.requestTimeout, "request_timeout", 408),
            (.alreadyExists, "already_exists", 409), (.versionMismatch, "version_mismatch", 412),
        ]
        for (code, raw, status) in expected {
            #expect(WireErrorCode(rawValue: raw) == code)
            #expect(code.rawValue == raw && code.httpStatus == status)
        }
        #expect(WireErrorCode.requestTimeout.isRetryable && !WireErrorCode.versionMismatch.isRetryable)
    }

    @Test func cursorsAreValidated() {
        #expect(PullCursor("") == nil)
        #expect(PullCursor("has space") == nil)
        #expect(PullCursor("é") == nil)
        #expect(PullCursor(String(repeating: "a", count: 1025)) == nil)
        #expect(PullCursor(String(repeating: "a", count: 1024)) != nil)
        #expect(PullCursor("c1.29350.Xk2a")?.description == "cursor(13 bytes)")
    }

    @Test func endpointsAreNamed() {
        #expect(SyncEndpoint.push.path == "/v1/sync/push")
        #expect(SyncEndpoint.pull.path == "/v1/sync/pull")
    }
}

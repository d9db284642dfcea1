import FieldbookProtocol
import FieldbookSync

/// Encodes ``SyncCursor`` values as the opaque strings of SYNC.md §11.4 and
/// validates them when they come back.
///
/// Format (printable ASCII, documented here for operators; clients never parse it):
///
/// | cursor | text |
/// |---|---|
/// | `.log(29350)` | `c1.L29350.<tag>` |
/// | `.snapshot(horizon: 812, after: nil)` | `c1.S812.<tag>` |
/// | `.snapshot(horizon: 812, after: "acc-17")` | `c1.S812,acc-17.<tag>` |
/// | `.scoped(epoch: 3, .log(900, movedAfter: nil))` | `c1.P3,L,900,.<tag>` |
/// | `.scoped(epoch: 3, .snapshot(horizon: 812, after: "acc-17"))` | `c1.P3,S,812,acc-17.<tag>` |
/// | `.scoped(epoch: 4, .transition(from: 3, evicting: true, after: nil, then: .log(900, movedAfter: "c-2")))` | `c1.P4,T,3,e,,L,900,c-2.<tag>` |
///
/// `<tag>` is the lowercase hex ``CursorAuthenticator`` tag over
/// `"fieldbook-cursor-v1" 0x00 replica 0x00 body` (body = the text between the
/// dots), so a cursor only validates for the replica it was issued to. Record
/// IDs never contain `,` and the tag never contains `.`, so parsing is unambiguous.
///
/// ```swift
/// let codec = CursorCodec()
/// let text = codec.encode(.log(42), for: replica)
/// let cursor = try codec.decode(text, for: replica)   // .log(42)
/// ```
public struct CursorCodec: Sendable {
    /// Computes and checks tags.
    public var authenticator: any CursorAuthenticator

    /// Creates a codec.
    public init(authenticator: any CursorAuthenticator = CursorChecksum()) {
        self.authenticator = authenticator
    }

    /// The opaque text of `cursor` issued to `replica`.
    public func encode(_ cursor: SyncCursor, for replica: ReplicaID) -> PullCursor {
        let body: String
        switch cursor {
        case .log(let position): body = "L\(position)"
        case .snapshot(let horizon, let after?): body = "S\(horizon),\(after)"
        case .snapshot(let horizon, nil): body = "S\(horizon)"
        case .scoped(let epoch, let phase): body = "P\(epoch)," + Self.encode(phase)
        }
        let text = "c1.\(body).\(Hex.encode(tag(body, replica)))"
        guard let cursor = PullCursor(text) else { preconditionFailure("a cursor body is printable ASCII") }
        return cursor
    }

    /// Parses and authenticates a cursor sent by `replica`.
    /// - Throws: ``SyncServiceError`` with ``WireErrorCode/invalidCursor`` when the
    ///   text was not issued by this deployment to this replica.
    public func decode(_ cursor: PullCursor, for replica: ReplicaID) throws(SyncServiceError) -> SyncCursor {
        let text = cursor.rawValue
        guard text.hasPrefix("c1."), let lastDot = text.utf8.lastIndex(of: UInt8(ascii: ".")) else {
            throw .invalidCursor("not a cursor of this server")
        }
        let bodyStart = text.utf8.index(text.utf8.startIndex, offsetBy: 3)
        guard bodyStart <= lastDot else { throw .invalidCursor("not a cursor of this server") }
        let body = String(Substring(text.utf8[bodyStart..<lastDot]))
        let tagText = Array(text.utf8[text.utf8.index(after: lastDot)...])
        guard Self.constantTimeEquals(tagText, Array(Hex.encode(tag(body, replica)).utf8)) else {
            throw .invalidCursor("the cursor was not issued to this replica by this server")
        }
        guard let parsed = Self.parse(body) else { throw .invalidCursor("unreadable cursor") }
        return parsed
    }

    private func tag(_ body: String, _ replica: ReplicaID) -> [UInt8] {
        authenticator.tag(for: Array("fieldbook-cursor-v1".utf8) + [0] + Array(replica.rawValue.utf8) + [0] + Array(body.utf8))
    }

    private static func encode(_ phase: ScopedPhase) -> String {
        switch phase {
        case .snapshot(let horizon, let after): "S,\(horizon),\(after ?? "")"
        case .log(let position, let moved): "L,\(position),\(moved ?? "")"
        case .transition(let from, let evicting, let after, let then):
            "T,\(from),\(evicting ? "e" : "s"),\(after ?? ""),\(encode(then))"
        }
    }

    private static func parseScoped(_ body: String) -> SyncCursor? {
        let parts = body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard let epoch = parts.first.flatMap({ position(Substring($0.dropFirst())) })?.rawValue,
            let phase = parsePhase(parts.dropFirst())
        else { return nil }
        return .scoped(epoch: epoch, phase)
    }

    private static func parsePhase(_ parts: ArraySlice<String>) -> ScopedPhase? {
        let parts = Array(parts)
        func key(_ text: String) -> String?? {
            text.isEmpty ? .some(nil) : (Change.isValidRecordID(text) ? .some(text) : nil)
        }
        switch parts.first {
        case "S":
            guard parts.count == 3, let horizon = position(Substring(parts[1])), let after = key(parts[2]) else { return nil }
            return .snapshot(horizon: horizon, after: after)
        case "L":
            guard parts.count == 3, let at = position(Substring(parts[1])), let moved = key(parts[2]) else { return nil }
            return .log(at, movedAfter: moved)
        case "T":
            guard parts.count == 7, let from = position(Substring(parts[1]))?.rawValue, parts[2] == "e" || parts[2] == "s",
                let after = key(parts[3]), let then = parsePhase(parts[4...]), parts[4] != "T"
            else { return nil }
            return .transition(from: from, evicting: parts[2] == "e", after: after, then: then)
        default:
            return nil
        }
    }

    private static func parse(_ body: String) -> SyncCursor? {
        if body.utf8.first == UInt8(ascii: "P") { return parseScoped(body) }
        guard let phase = body.utf8.first else { return nil }
        let rest = body.utf8.dropFirst()
        let comma = rest.firstIndex(of: UInt8(ascii: ","))
        guard let number = position(Substring(rest[..<(comma ?? rest.endIndex)])) else { return nil }
        switch (phase, comma) {
        case (UInt8(ascii: "L"), nil):
            return .log(number)
        case (UInt8(ascii: "S"), nil):
            return .snapshot(horizon: number, after: nil)
        case (UInt8(ascii: "S"), let comma?):
            let key = String(Substring(rest[rest.index(after: comma)...]))
            return Change.isValidRecordID(key) ? .snapshot(horizon: number, after: key) : nil
        default:
            return nil
        }
    }

    private static func position(_ digits: Substring) -> LogPosition? {
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = UInt64(digits) else {
            return nil
        }
        return LogPosition(rawValue: value)
    }

    private static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

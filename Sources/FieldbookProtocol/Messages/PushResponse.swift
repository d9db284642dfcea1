import FieldbookSync

/// The answer to a ``PushRequest``: one ``ChangeResult`` per pushed change,
/// in request order, plus the server's clock reading.
///
/// A push is answered with HTTP 200 and this body even when some changes
/// were rejected; the rest of the batch is applied regardless.
public struct PushResponse: Hashable, Sendable, Codable {
    /// One result per change, in the order the changes were pushed.
    public var results: [ChangeResult]
    /// The server's hybrid logical clock when it answered; clients use its
    /// millisecond part to estimate their clock offset.
    public var serverTime: HybridTimestamp

    /// Creates a response.
    public init(results: [ChangeResult], serverTime: HybridTimestamp) {
        self.results = results
        self.serverTime = serverTime
    }
}

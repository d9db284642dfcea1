import FieldbookProtocol

/// Why a sync session failed without reaching the server's decisions.
/// Local data is intact in every case; messages carry IDs and codes, never
/// record data.
public enum SyncEngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another session for this database is running (in this process or another).
    case sessionInProgress(database: String)
    /// The transport answered a push with a pull page or the reverse.
    case unexpectedResponse(expected: String)
    /// The server answered a push with a different number of results than changes sent.
    case resultCountMismatch(sent: Int, received: Int)
    /// A push made no progress: every change came back `counter_gap`.
    case pushStalled(pending: Int)
    /// The server kept answering `cursor_expired`/`replica_retired` even to a download.
    case redownloadRefused(WireErrorCode)

    public var description: String {
        switch self {
        case .sessionInProgress(let database): "another sync of \(database) is running; try again when it has finished"
        case .unexpectedResponse(let expected): "the server answered with something other than a \(expected) response"
        case .resultCountMismatch(let sent, let received):
            "the server answered \(received) results for \(sent) pushed changes; nothing was lost, sync again"
        case .pushStalled(let pending):
            "the server reported gaps before all \(pending) pending changes (counter_gap); sync again"
        case .redownloadRefused(let code): "the server refused to re-download the scope (\(code.rawValue))"
        }
    }
}

/// Lets the server author one change at a time per ``SyncService`` (one per
/// process): server-authored changes all take the server replica's next
/// counter, so concurrent authors in one process would only race each other
/// for it. Across instances sharing a database the store settles the race
/// (the counter is checked under its commit lock) and the loser builds again.
///
/// Waiting suspends the task; no thread is blocked.
actor AuthoringTurns {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits for the turn.
    func begin() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the turn to the next waiter.
    func end() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

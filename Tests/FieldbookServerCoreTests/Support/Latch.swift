/// A one-shot gate: tasks wait until someone opens it.
actor Latch {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}

/// Events recorded from concurrent tasks, in the order they happened.
actor EventLog {
    private(set) var events: [String] = []

    func add(_ event: String) { events.append(event) }
}

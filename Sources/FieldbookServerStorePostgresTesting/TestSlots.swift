/// At most `limit` PostgreSQL tests at a time in this process: Swift Testing
/// starts every test at once, and each test opens a connection pool. Waiting
/// suspends (a continuation), it never blocks a thread.
actor TestSlots {
    static let shared = TestSlots(limit: 4)

    private let limit: Int
    private var used = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func acquire() async {
        if used < limit {
            used += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            used -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

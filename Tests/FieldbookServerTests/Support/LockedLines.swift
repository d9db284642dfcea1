import Foundation

/// Lines collected from several threads (log sinks, child process output).
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [Data] = []

    func append(_ line: Data) { lock.withLock { lines.append(line) } }

    var all: [Data] { lock.withLock { lines } }
}

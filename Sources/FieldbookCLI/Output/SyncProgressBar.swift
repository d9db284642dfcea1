import FieldbookClient
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress display for `fieldbook sync` on standard error,
/// redrawn in place; silent when standard error is not a terminal.
final class SyncProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var drawn = false

    /// A bar that draws only when standard error is a terminal.
    init(enabled: Bool = isatty(STDERR_FILENO) != 0) { self.enabled = enabled }

    /// Redraws the line for `progress`.
    func update(_ progress: SyncProgress) {
        guard enabled, progress.phase != .finished else { return }
        lock.withLock {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.line(for: progress)).utf8))
            drawn = true
        }
    }

    /// Clears the line.
    func finish() {
        lock.withLock {
            guard drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            drawn = false
        }
    }

    /// The text for `progress`, e.g. `Pushing [#######.............] 350/1000`.
    static func line(for progress: SyncProgress) -> String {
        switch progress.phase {
        case .pushing:
            let total = max(progress.pushTotal, 1)
            let filled = min(20, progress.pushed * 20 / total)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
            return "Pushing [\(bar)] \(progress.pushed)/\(progress.pushTotal)"
        case .pulling, .redownloading:
            let verb = progress.phase == .pulling ? "Pulling" : "Downloading again"
            return "\(verb): \(progress.pulled) items in \(progress.pages) page\(progress.pages == 1 ? "" : "s")"
        case .finished:
            return ""
        }
    }
}

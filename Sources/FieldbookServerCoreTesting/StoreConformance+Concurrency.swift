import FieldbookModel
import FieldbookServerCore
import FieldbookSync
import Testing

extension StoreConformance {
    /// Several writers commit while several readers page through the log with
    /// small limits. Every reader must see every change exactly once and in
    /// position order — a reader whose cursor passed a position that committed
    /// later (SYNC.md §11.4) would miss it.
    public static func concurrentAppendersNeverSkip(_ store: any ServerStore) async throws {
        let writers = [F.anna, F.ben, F.office, ReplicaID(unchecked: "desk-4")]
        let perWriter = 25
        let total = writers.count * perWriter
        let views = try await withThrowingTaskGroup(of: [LogEntry]?.self) { group in
            for writer in writers {
                group.addTask {
                    for counter in 1...perWriter {
                        let change = F.account("acc-\(writer)-\(counter % 3)", replica: writer, counter: UInt64(counter), name: "v\(counter)")
                        _ = try await commit(change, to: store)
                        if counter % 4 == 0 { await Task.yield() }
                    }
                    return nil
                }
            }
            for reader in 0..<3 {
                group.addTask {
                    var seen: [LogEntry] = []
                    var cursor = LogPosition.start
                    var reads = 0
                    while seen.count < total {
                        reads += 1
                        guard reads < 1_000_000 else { throw StoreCheckFailure("reader \(reader) stalled at \(seen.count) of \(total)") }
                        let slice = try await store.readLog(after: cursor, limit: 1 + (reads + reader) % 4, excludingAuthor: nil)
                        #expect(slice.scannedThrough >= cursor)
                        seen += slice.entries
                        cursor = slice.scannedThrough
                        await Task.yield()
                    }
                    return seen
                }
            }
            var views: [[LogEntry]] = []
            for try await seen in group { if let seen { views.append(seen) } }
            return views
        }
        let log = try await store.readLog(after: .start, limit: total + 1, excludingAuthor: nil).entries
        #expect(log.count == total)
        #expect(views.count == 3)
        for seen in views {
            #expect(seen == log, "every change exactly once, in position order")
        }
        for writer in writers { #expect(try await store.decidedCounter(of: writer) == UInt64(perWriter)) }
    }
}

/// A conformance check failed in a way `#expect` cannot express (a stalled loop).
public struct StoreCheckFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

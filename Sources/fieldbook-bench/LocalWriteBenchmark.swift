import FieldbookClient
import FieldbookSync
import Foundation
import GRDB

/// Local write latency and batched write rate of the client core, next to
/// raw prepared SQLite inserts of the same values measured in the same run.
///
/// Both sides write files in WAL mode in fresh temporary directories. The
/// raw side runs with `synchronous=FULL`; the client core runs with whatever
/// its writer connection ends up with, which the report prints (GRDB's
/// `DatabasePool` switches WAL connections to `NORMAL` after
/// `prepareDatabase` has asked for `FULL`).
struct LocalWriteBenchmark {
    let options: LocalWriteOptions

    /// The five values written per record (a typical account: ~80 bytes).
    static func values(_ index: Int) -> [String] {
        ["Kunde \(index) GmbH & Co. KG", "K-\(100_000 + index)", "Maschinenbau", "+49 711 \(4_000_000 + index)",
         "info\(index)@kunde.example"]
    }

    static let fields = ["name", "number", "industry", "phone", "email"]

    /// The phone number the edit batch writes.
    static func newPhone(_ index: Int) -> String { "+49 711 \(5_000_000 + index)" }

    func run() throws -> LocalWriteReport {
        let directory = NSTemporaryDirectory() + "fieldbook-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let raw = try RawSQLite(path: directory + "/raw.sqlite")
        let rawSingle = try (0..<options.writes).map { index in
            try measure { try raw.insertInTransaction([Self.values(index)], firstID: index) }
        }
        let rawBatch = try measure { try raw.insertInTransaction((0..<options.batch).map(Self.values), firstID: 1_000_000) }
        let rawEdits = try measure {
            try raw.updatePhoneInTransaction((0..<options.batch).map { (1_000_000 + $0, Self.newPhone($0)) })
        }

        let floorPath = directory + "/floor.sqlite"
        _ = try ClientDatabase.open(at: floorPath)  // the client's schema, then closed
        let (sampleState, sampleChange) = Self.sampleBlobs()
        let floor = try ClientSQLFloor(path: floorPath, synchronous: 1)
        let floorBatch = try measure {
            try floor.writeInTransaction(
                count: options.batch, fields: Self.fields, values: Self.values, state: sampleState, change: sampleChange
            )
        }

        let database = try ClientDatabase.open(at: directory + "/client.sqlite")
        let clientSynchronous = try database.writer.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
        }
        let clientSingle = try (0..<options.writes).map { index in
            try measure {
                try database.edit("account", "acc-\(index)") { change in
                    for (field, value) in zip(Self.fields, Self.values(index)) { change.set(field, to: .text(value)) }
                }
            }
        }
        let clientBatch = try measure {
            try database.write { transaction in
                for index in 0..<options.batch {
                    try transaction.edit("account", "batch-\(index)") { change in
                        for (field, value) in zip(Self.fields, Self.values(index)) { change.set(field, to: .text(value)) }
                    }
                }
            }
        }
        // Edits of the records just created: each reads and decodes a stored
        // state, merges, validates against it and rewrites it.
        let clientEdits = try measure {
            try database.write { transaction in
                for index in 0..<options.batch {
                    try transaction.edit("account", "batch-\(index)") { change in
                        change.set("phone", to: .text(Self.newPhone(index)))
                    }
                }
            }
        }
        return LocalWriteReport(
            options: options, clientSingle: clientSingle.sorted(), crashSafeSingle: try crashSafeSingleWrites(in: directory),
            rawSingle: rawSingle.sorted(),
            clientBatchSeconds: clientBatch, rawBatchSeconds: rawBatch, clientEditSeconds: clientEdits,
            rawEditSeconds: rawEdits, floorBatchSeconds: floorBatch, clientSynchronous: clientSynchronous
        )
    }

    /// The storage encodings of a typical account state and of the change creating it.
    static func sampleBlobs() -> (state: [UInt8], change: [UInt8]) {
        var replica = Replica(id: ReplicaID(unchecked: "c-" + UUID().uuidString.lowercased()))
        let change = replica.change("account", "acc-sample", physical: 1_750_000_000_000) { builder in
            for (field, value) in zip(fields, values(0)) { builder.set(field, to: .text(value)) }
        }
        guard let change, let state = replica.records["acc-sample"] else { return ([], []) }
        return (StorageCodec.encode(state), StorageCodec.encode(change))
    }

    /// Single writes with ``ClientDatabase/Durability/crashSafe`` (no fsync per commit), sorted.
    private func crashSafeSingleWrites(in directory: String) throws -> [Double] {
        let database = try ClientDatabase.open(at: directory + "/crash-safe.sqlite", durability: .crashSafe)
        return try (0..<options.writes).map { index in
            try measure {
                try database.edit("account", "acc-\(index)") { change in
                    for (field, value) in zip(Self.fields, Self.values(index)) { change.set(field, to: .text(value)) }
                }
            }
        }.sorted()
    }

    /// Seconds `body` took.
    private func measure(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

import Foundation

/// Figures of the `metadata` benchmark (figure 6), as text or JSON.
struct MetadataReport {
    let options: MetadataOptions
    var downloaded = 0
    var records = 0
    /// Bare field values plus record IDs of the live records.
    var bareBytes = 0
    /// Pages (bytes) of the projection tables and their indexes.
    var projectionBytes = 0
    /// Pages of the `record` table (full states) and its indexes.
    var stateBytes = 0
    /// Cell payload of the `record` table alone (state blobs and columns, no page slack).
    var statePayload = 0
    /// Pages of the outbox, replica row, sync tables, migrations and schema.
    var bookkeepingBytes = 0
    /// The vacuumed, checkpointed file.
    var fileBytes = 0

    init(options: MetadataOptions) { self.options = options }

    /// Change-tracking metadata: everything kept only for sync, less one copy of the data.
    var metadataBytes: Int { stateBytes + bookkeepingBytes - bareBytes }
    var ratio: Double { Double(metadataBytes) / Double(max(1, bareBytes)) }
    var met: Bool { ratio <= 1.0 }

    var text: String {
        func mb(_ bytes: Int) -> String { String(format: "%.2f MB", Double(bytes) / 1_000_000) }
        func per(_ bytes: Int) -> String { String(format: "%.2f", Double(bytes) / Double(max(1, bareBytes))) }
        return [
            "metadata: a rep's replica after downloading \(downloaded) records and syncing \(options.edits) phone edits "
                + "(file-backed ClientDatabase, vacuumed; pages split with dbstat)",
            "  data         \(mb(bareBytes)) bare field values + record IDs of \(records) live records (1.00 per data byte)",
            "  projection   \(mb(projectionBytes)) e_<entity> tables + indexes (what a plain app stores; \(per(projectionBytes)) per data byte)",
            "  states       \(mb(stateBytes)) record table + indexes (values with dots, times, slot names; blob payload \(mb(statePayload)))",
            "  bookkeeping  \(mb(bookkeepingBytes)) outbox, replica row, sync tables, schema",
            "  file         \(mb(fileBytes)) (\(per(fileBytes)) per data byte)",
            "  metadata     \(mb(metadataBytes)) = states + bookkeeping − data: "
                + String(format: "%.2f bytes per data byte", ratio)
                + "  (target ≤ 1.0 — \(met ? "met" : "not met"))",
            "  in the blobs " + String(format: "%.2f", Double(statePayload - bareBytes) / Double(max(1, bareBytes)))
                + " metadata bytes per data byte inside the record table's payload (no page slack, no indexes)",
        ].joined(separator: "\n")
    }

    var json: String {
        let object: [String: Any] = [
            "benchmark": "metadata", "records": records, "edits": options.edits, "bareBytes": bareBytes,
            "projectionBytes": projectionBytes, "stateBytes": stateBytes, "statePayload": statePayload,
            "bookkeepingBytes": bookkeepingBytes, "fileBytes": fileBytes, "metadataBytes": metadataBytes,
            "ratio": ratio, "met": met,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

import FieldbookSync
import Foundation

extension PropertySchedule {
    /// State transfer: a record encoded to JSON and decoded again equals the
    /// original exactly (states never hold empty registers). One record per
    /// schedule keeps the (slow, Foundation) round trip cheap.
    /// - Returns: failures, and known issues (none today).
    func stateTransferFailures() -> (failures: [String], knownIssues: [String: String]) {
        let records = replicas[0].records
        let ids = records.keys.sorted()
        guard !ids.isEmpty else { return ([], [:]) }
        let id = ids[Int(seed % UInt64(ids.count))]
        let record = records[id]!
        let decoded: RecordState
        do {
            decoded = try JSONDecoder().decode(RecordState.self, from: JSONEncoder().encode(record))
        } catch {
            return (["state transfer: \(id) does not round-trip through JSON: \(error)"], [:])
        }
        guard decoded != record else { return ([], [:]) }
        return (["state transfer: \(id) changed by a JSON round trip at \(Self.difference([id: record], [id: decoded]))"], [:])
    }
}

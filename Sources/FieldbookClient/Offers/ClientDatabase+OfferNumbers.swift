import FieldbookSync
import GRDB

extension ClientDatabase {
    /// This device's part of provisional offer numbers: the first six
    /// letters and digits of the replica ID, upper-cased (`3F9A1C`).
    public var offerNumberPrefix: String {
        let raw = replicaID.rawValue
        let body = raw.hasPrefix("c-") ? raw.dropFirst(2) : raw[...]
        return String(body.filter { $0.isLetter || $0.isNumber }.prefix(6)).uppercased()
    }

    /// The next provisional offer number, made offline without a central
    /// counter: `<device>-<year>-<counter>` (`3F9A1C-2026-0007`), the counter
    /// one more than the highest this device used that year — deleted offers
    /// included, so a number is never handed out twice. The server assigns
    /// the final number later.
    public func nextProvisionalOfferNumber(year: Int, in db: Database) throws -> String {
        let prefix = "\(offerNumberPrefix)-\(year)-"
        let numbers = try String.fetchAll(
            db, sql: "SELECT \"provisionalNumber\" FROM e_offer WHERE substr(\"provisionalNumber\", 1, ?) = ?",
            arguments: [prefix.count, prefix]
        )
        let highest = numbers.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0
        let counter = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, 4 - counter.count)) + counter
    }
}

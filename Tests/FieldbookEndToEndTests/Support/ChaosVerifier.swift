import Foundation

/// The final checks of the chaos test: every replica shows exactly the
/// server's records with the same values, no acknowledged write is lost,
/// nothing is duplicated. Returns the problems found (empty: all good).
struct ChaosVerifier {
    /// The values compared per record: the unique name, the owned field,
    /// the shared field and the number of conflicts.
    struct Row: Equatable, CustomStringConvertible {
        var name: String?
        var owned: String?
        var industry: String?
        var conflicts: Int

        var description: String {
            "name=\(name ?? "-") owned=\(owned ?? "-") industry=\(industry ?? "-") conflicts=\(conflicts)"
        }
    }

    /// Rows by record ID, per kind.
    typealias Listing = [ChaosLedger.Kind: [String: Row]]

    /// The server's live records of every kind, read through the office records API.
    static func serverListing(_ office: HTTPCall) async throws -> Listing {
        var listing = Listing()
        for kind in ChaosLedger.Kind.allCases {
            var rows: [String: Row] = [:]
            var after: String?
            repeat {
                let path = "/v1/records/\(kind.entity)?limit=1000" + (after.map { "&after=\($0)" } ?? "")
                let answer = try await office.send("GET", path)
                guard answer.status == 200 else { throw EndToEndError.unexpected("GET \(path): \(answer.status)") }
                for document in answer.object["records"] as? [[String: Any]] ?? [] {
                    guard let id = document["id"] as? String else { continue }
                    let fields = document["fields"] as? [String: Any] ?? [:]
                    if kind == .task, fields["kind"] as? String != "task" { continue }
                    rows[id] = Row(
                        name: fields[kind.nameField] as? String, owned: fields[kind.ownedField] as? String,
                        industry: kind == .account ? fields["industry"] as? String : nil,
                        conflicts: (document["conflicts"] as? [Any])?.count ?? 0
                    )
                }
                after = answer.object["next"] as? String
            } while after != nil
            listing[kind] = rows
        }
        return listing
    }

    /// A replica's live records of every kind, from the CLI's `--json` lists.
    static func replicaListing(_ client: ClientProcess) async throws -> Listing {
        var listing = Listing()
        for kind in ChaosLedger.Kind.allCases {
            guard let records = try await client.json(kind.rawValue, "list") as? [[String: Any]] else {
                throw EndToEndError.unexpected("\(kind.rawValue) list: not an array")
            }
            var rows: [String: Row] = [:]
            for record in records {
                guard let id = record["id"] as? String, record["deleted"] as? Bool != true else { continue }
                rows[id] = Row(
                    name: record[kind.nameField] as? String, owned: record[kind.ownedField] as? String,
                    industry: kind == .account ? record["industry"] as? String : nil,
                    conflicts: record["conflicts"] as? Int ?? 0
                )
            }
            listing[kind] = rows
        }
        return listing
    }

    /// Differences between a replica's listing and the server's.
    static func differences(_ replica: Listing, _ server: Listing, label: String) -> [String] {
        var problems: [String] = []
        for kind in ChaosLedger.Kind.allCases {
            let mine = replica[kind] ?? [:]
            let theirs = server[kind] ?? [:]
            for id in Set(mine.keys).union(theirs.keys).sorted() where mine[id] != theirs[id] {
                problems.append(
                    "\(label) \(kind.rawValue) \(id): replica \(mine[id].map { "\($0)" } ?? "missing"), "
                        + "server \(theirs[id].map { "\($0)" } ?? "missing")"
                )
            }
        }
        return problems
    }

    /// Checks the server's final listing against what the replicas were told.
    static func lostOrDuplicated(_ server: Listing, ledger: ChaosLedger) -> [String] {
        var problems: [String] = []
        var names: [String: String] = [:]
        for (kind, rows) in server {
            for (id, row) in rows {
                guard let name = row.name else {
                    problems.append("\(kind.rawValue) \(id) has no name")
                    continue
                }
                if let other = names.updateValue(id, forKey: name) {
                    problems.append("duplicated: \(name) is both \(other) and \(id)")
                }
                if ledger.created[id] == nil, !ledger.possibleNames.contains(name) {
                    problems.append("\(kind.rawValue) \(id) (\(name)) was never written")
                }
                if ledger.deleted.contains(id) { problems.append("deleted \(kind.rawValue) \(id) is back") }
                if let expectation = ledger.owned[id], ledger.created[id] != nil, !expectation.allows(row.owned) {
                    problems.append(
                        "\(kind.rawValue) \(id): \(kind.ownedField) is \(row.owned ?? "-"), acknowledged "
                            + "\(expectation.confirmed ?? "-") (possible: \(expectation.possible.sorted()))"
                    )
                }
                if kind == .account, let industry = row.industry, ledger.industries[id]?.contains(industry) != true {
                    problems.append("account \(id): industry \(industry) was never written")
                }
            }
        }
        for (id, created) in ledger.created where !ledger.deleted.contains(id) && !ledger.possiblyDeleted.contains(id) {
            if server[created.kind]?[id] == nil { problems.append("lost: acknowledged \(created.kind.rawValue) \(id)") }
        }
        return problems
    }
}

import Foundation

/// One notebook of the chaos test: the real `fieldbook` CLI on its own
/// FIELDBOOK_HOME doing random adds, edits, deletes and syncs, some of which
/// are killed with SIGKILL at a random moment. Records what it was told in a
/// ``ChaosLedger``.
///
/// Each replica edits the `phone`/`description` of only the records it
/// created (so the last acknowledged value is the expected one) and deletes
/// only its own contacts and tasks; every replica edits `industry` of any
/// account it knows (concurrent edits become conflicts, which must converge).
struct ChaosReplica: Sendable {
    /// The CLI notebook.
    let client: ClientProcess
    /// Short label used in record names, e.g. `r1`.
    let label: String
    /// The signed-in user's record ID (assignee of its tasks).
    let userID: String
    /// The territory every account is created in (visible to every replica).
    let territory: String
    /// Probability that a command is killed at a random moment.
    var killProbability = 0.15

    private(set) var ledger = ChaosLedger()
    private var random: SeededGenerator
    private var counter = 0
    private var knownAccounts: [String] = []
    private var ownRecords: [(kind: ChaosLedger.Kind, id: String)] = []

    /// A replica drawing its operations from `seed`.
    init(client: ClientProcess, label: String, userID: String, territory: String, seed: UInt64) {
        self.client = client
        self.label = label
        self.userID = userID
        self.territory = territory
        random = SeededGenerator(seed: seed)
    }

    /// Runs one random operation.
    mutating func step() async throws {
        let roll = Double.random(in: 0..<1, using: &random)
        let account = knownAccounts.randomElement(using: &random)
        switch roll {
        case ..<0.15: try await add(.account, extra: ["--territory", territory])
        case ..<0.30 where account != nil: try await add(.contact, extra: ["--account", account!])
        case ..<0.40 where account != nil: try await add(.task, extra: ["--account", account!, "--assignee", userID])
        case ..<0.60 where !ownRecords.isEmpty: try await editOwned()
        case ..<0.70 where account != nil: try await editIndustry(account!)
        case ..<0.78: try await deleteOwned()
        default: try await sync()
        }
    }

    /// Runs `fieldbook sync` until it succeeds with nothing pending (the
    /// server is up by then); throws after `attempts` failures.
    func settle(attempts: Int = 8) async throws {
        var last: ProcessResult?
        for _ in 0..<attempts {
            let result = try await client.run(["sync", "--json"])
            if result.exitCode == 0, try await client.object("status")["pending"] as? Int == 0 { return }
            last = result
            try await Task.sleep(for: .milliseconds(200))
        }
        throw EndToEndError.unexpected("\(label) never settled: \(last.map { "\($0)" } ?? "")")
    }

    /// A value for the owned field no other write used: a phone number, or a task description.
    private func ownedValue(_ kind: ChaosLedger.Kind) -> String {
        let digits = label.filter(\.isNumber)
        return kind == .task ? "\(label) note \(counter)" : "+49 30 9\(digits)\(String(format: "%05d", counter))"
    }

    /// Runs a CLI command, killed at a random moment with `killProbability`.
    private mutating func command(_ arguments: [String]) async throws -> ProcessResult {
        let kill = Double.random(in: 0..<1, using: &random) < killProbability
        let delay = Double.random(in: 0.0...0.4, using: &random)
        let result = try await client.run(arguments + ["--json"], killAfter: kill ? delay : nil)
        ledger.commands += 1
        if result.wasKilled { ledger.killed += 1 }
        return result
    }

    private mutating func add(_ kind: ChaosLedger.Kind, extra: [String]) async throws {
        counter += 1
        let name = "\(label) \(kind.rawValue) \(counter)"
        let value = ownedValue(kind)
        var arguments = [kind.rawValue, "add", kind == .account ? "--name" : kind == .contact ? "--last-name" : "--subject", name]
        arguments += [kind == .task ? "--description" : "--phone", value] + extra
        let result = try await command(arguments)
        guard result.exitCode == 0, let id = try? result.object()["id"] as? String else {
            ledger.possibleNames.insert(name)
            if !result.wasKilled { ledger.unexpectedFailures.append("\(result)") }
            return
        }
        ledger.created[id] = .init(kind: kind, name: name)
        ledger.wrote(value, to: id, acknowledged: true)
        ownRecords.append((kind, id))
        if kind == .account { knownAccounts.append(id) }
    }

    private mutating func editOwned() async throws {
        guard let (kind, id) = ownRecords.randomElement(using: &random) else { return }
        counter += 1
        let value = ownedValue(kind)
        let result = try await command([kind.rawValue, "edit", id, kind == .task ? "--description" : "--phone", value])
        ledger.wrote(value, to: id, acknowledged: result.exitCode == 0)
        if result.exitCode != 0, !result.wasKilled { ledger.unexpectedFailures.append("\(result)") }
    }

    private mutating func editIndustry(_ account: String) async throws {
        counter += 1
        let value = "Branche \(label) \(counter)"
        ledger.industries[account, default: []].insert(value)
        let result = try await command(["account", "edit", account, "--industry", value])
        if result.exitCode != 0, !result.wasKilled { ledger.unexpectedFailures.append("\(result)") }
    }

    private mutating func deleteOwned() async throws {
        let candidates = ownRecords.indices.filter { ownRecords[$0].kind != .account }
        guard let index = candidates.randomElement(using: &random) else { return try await sync() }
        let (kind, id) = ownRecords.remove(at: index)
        let result = try await command([kind.rawValue, "delete", id])
        if result.exitCode == 0 {
            ledger.deleted.insert(id)
        } else {
            ledger.possiblyDeleted.insert(id)
            if !result.wasKilled { ledger.unexpectedFailures.append("\(result)") }
        }
    }

    /// Syncs (may fail while the server is down) and learns the accounts it now has.
    private mutating func sync() async throws {
        ledger.syncs += 1
        let result = try await command(["sync"])
        guard result.exitCode == 0 else { return }
        let listed = try await client.run(["account", "list", "--json"])
        if let accounts = try? listed.json() as? [[String: Any]] {
            let ids = accounts.compactMap { $0["id"] as? String }
            knownAccounts = Array(Set(knownAccounts).union(ids)).sorted()
        }
    }
}

import FieldbookModel
import Foundation
import Testing

/// A few thousand dirty opportunities from an "old CRM", generated with a
/// seeded RNG; the generator keeps the truth of every row, and the test
/// checks the imported figures against it.
@Suite("fieldbook import: a large dirty opportunity history")
struct LargeDirtyImportTests {
    /// SplitMix64: the same numbers on every machine.
    struct SeededRandom {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    struct Truth {
        var countByPhase: [String: Int] = [:]
        var centsByPhase: [String: Int] = [:]
        var countByStatus: [String: Int] = [:]
        var centsByStatus: [String: Int] = [:]
        /// Open opportunities only (the funnel): count, cents and weighted cents by phase.
        var openCountByPhase: [String: Int] = [:]
        var openCentsByPhase: [String: Int] = [:]
        var openWeightedCentsByPhase: [String: Int] = [:]
        var failedLines: [Int] = []
        var duplicateLines: [Int] = []
        var imported = 0
    }

    static let accountNames = (1...30).map { ["Müller-Süd Bau \($0) GmbH", "Bäckerei Weiß \($0) KG", "Öko Förder \($0) AG"][$0 % 3] }

    /// The accounts file and the opportunities file, with what a correct import yields.
    static func generate(rows: Int, seed: UInt64) -> (accounts: String, opportunities: String, truth: Truth) {
        var random = SeededRandom(state: seed)
        var accounts = "number,name\n"
        for (index, name) in accountNames.enumerated() { accounts += "K-\(20000 + index),\(name)\n" }
        let phases: [(String, [String])] = [
            ("qualification", ["qualification", "Qualifizierung", "QUALIFICATION"]),
            ("needs_analysis", ["Needs Analysis", "needs-analysis", "Bedarfsanalyse"]),
            ("proposal", ["proposal", "Angebot", "Proposal"]),
            ("negotiation", ["negotiation", "Verhandlung", "Negotiation "]),
        ]
        let statuses: [(String, [String])] = [
            ("open", ["open", "Open", "offen", "opne"]), ("won", ["won", "WON", "gewonnen", "wno"]),
            ("lost", ["lost", "Lost", "verloren", "lsot"]),
        ]
        var truth = Truth()
        var lines = ["Opp No;Title;Customer;Amount;Phase;Status;Reason;Closed;Notes"]
        var line = 2
        var seen: [String] = []
        for index in 0..<rows {
            var number = "OPP-\(String(format: "%05d", index))"
            let duplicate = !seen.isEmpty && random.below(100) == 0
            if duplicate { number = random.pick(seen).lowercased() + " " }
            let accountIndex = random.below(accountNames.count)
            let unknownCustomer = !duplicate && random.below(50) == 0
            let badAmount = !duplicate && random.below(100) == 0
            var customer: String
            switch random.below(5) {
            case 0: customer = "K-\(20000 + accountIndex)"
            case 1: customer = accountNames[accountIndex].lowercased()
            case 2: customer = accountNames[accountIndex].replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ö", with: "oe")
                .replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "Ö", with: "Oe").replacingOccurrences(of: "ß", with: "ss")
            case 3: customer = accountNames[accountIndex].replacingOccurrences(of: "-", with: " ").uppercased()
            default: customer = accountNames[accountIndex]
            }
            if unknownCustomer { customer = "Gibt Es Nicht \(index) AG" }
            let cents = 10_000 + random.below(25_000_000)
            let euros = cents / 100, rest = cents % 100
            let restText = rest < 10 ? "0\(rest)" : "\(rest)"
            var amount: String
            switch random.below(3) {
            case 0: amount = "\(euros).\(restText)"
            case 1: amount = "\"" + Self.german(euros) + ",\(restText) €\""
            default: amount = Self.german(euros) + ",\(restText)"
            }
            if badAmount { amount = "n/a" }
            let phase = random.pick(phases), status = statuses[random.below(10) < 5 ? 0 : (random.below(5) < 3 ? 1 : 2)]
            let closed = status.0 != "open"
            let reason = closed ? random.pick(["Preis", "\"Termin, knapp\"", "Produkt"]) : ""
            let date = closed ? random.pick(["2026-03-1\(random.below(10))", "1\(random.below(10)).04.2026"]) : ""
            let multiline = random.below(20) == 0
            let notes = multiline ? "\"erste Zeile\r\nzweite Zeile\"" : "ok"
            lines.append(
                [number, "\"Anlage \(index), Typ X\"", customer, amount, random.pick(phase.1), random.pick(status.1), reason, date, notes]
                    .joined(separator: ";")
            )
            if duplicate {
                truth.duplicateLines.append(line)
            } else if unknownCustomer || badAmount {
                truth.failedLines.append(line)
            } else {
                seen.append(number)
                truth.imported += 1
                truth.countByPhase[phase.0, default: 0] += 1
                truth.centsByPhase[phase.0, default: 0] += cents
                truth.countByStatus[status.0, default: 0] += 1
                truth.centsByStatus[status.0, default: 0] += cents
                if status.0 == "open" {
                    truth.openCountByPhase[phase.0, default: 0] += 1
                    truth.openCentsByPhase[phase.0, default: 0] += cents
                    // The built-in pipeline's probabilities; half-up to the cent per opportunity.
                    let percent = ["qualification": 10, "needs_analysis": 25, "proposal": 50, "negotiation": 75][phase.0]!
                    truth.openWeightedCentsByPhase[phase.0, default: 0] += (cents * percent + 50) / 100
                }
            }
            line += multiline ? 2 : 1
        }
        return (accounts, "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n", truth)
    }

    /// `12345` → `12.345`.
    static func german(_ euros: Int) -> String {
        let digits = Array(String(euros))
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += "." }
            result.append(digit)
        }
        return result
    }

    /// `"12345.67"` → 1234567.
    static func cents(_ amount: String) -> Int {
        let parts = amount.split(separator: ".")
        return Int(parts[0])! * 100 + Int(parts[1])!
    }

    @Test func figuresByPhaseAndOutcomeMatchTheGenerator() throws {
        let (accounts, opportunities, truth) = Self.generate(rows: 3000, seed: 20261123)
        // The file really is dirty: failing rows and duplicates are part of it.
        #expect(truth.failedLines.count > 30 && truth.duplicateLines.count > 10)
        let cli = try CLIRunner()
        let accountsFile = cli.home + "/accounts.csv", opportunitiesFile = cli.home + "/opportunities.csv"
        try accounts.write(toFile: accountsFile, atomically: true, encoding: .utf8)
        try opportunities.write(toFile: opportunitiesFile, atomically: true, encoding: .utf8)
        #expect(try cli.run("import", "account", accountsFile).exitCode == 0)

        let result = try cli.run(
            "import", "opportunity", opportunitiesFile, "--mapping", InterchangeFixtures.path("opportunities-old-crm.mapping.json"), "--json"
        )
        #expect(result.exitCode == 4)
        #expect(result.stderr.contains("imported \(truth.imported)/\(truth.imported) rows"))  // progress on stderr
        let report = try #require(try result.json() as? [String: Any])
        #expect(report["created"] as? Int == truth.imported)
        #expect(report["failed"] as? Int == truth.failedLines.count)
        #expect(report["skipped"] as? Int == truth.duplicateLines.count)
        let messages = try #require(report["messages"] as? [[String: Any]])
        let errorLines = Set(messages.filter { $0["severity"] as? String == "error" }.compactMap { $0["line"] as? Int })
        #expect(errorLines == Set(truth.failedLines))

        let exported = try InterchangeFixtures.rows(cli.run("export", "opportunity").stdout)
        #expect(exported.count == truth.imported)
        var countByPhase: [String: Int] = [:], centsByPhase: [String: Int] = [:]
        var countByStatus: [String: Int] = [:], centsByStatus: [String: Int] = [:]
        for row in exported {
            let phase = row["phase"] ?? "", status = row["status"] ?? "", cents = Self.cents(row["amount"] ?? "0.00")
            countByPhase[phase, default: 0] += 1
            centsByPhase[phase, default: 0] += cents
            countByStatus[status, default: 0] += 1
            centsByStatus[status, default: 0] += cents
            if status != "open" { #expect(row["closeDate"]?.isEmpty == false && row["closeReason"]?.isEmpty == false) }
        }
        #expect(countByPhase == truth.countByPhase)
        #expect(centsByPhase == truth.centsByPhase)
        #expect(countByStatus == truth.countByStatus)
        #expect(centsByStatus == truth.centsByStatus)

        // The dashboards over the imported history: the funnel (open opportunities by phase)
        // and the win rate, against the generator's truth.
        let funnel = try #require(try cli.run("report", "funnel", "--json").json() as? [String: Any])
        let phases = try #require(funnel["phases"] as? [[String: Any]])
        #expect(phases.compactMap { $0["phase"] as? String } == ["qualification", "needs_analysis", "proposal", "negotiation"])
        for row in phases {
            let phase = row["phase"] as? String ?? ""
            #expect(row["count"] as? Int == truth.openCountByPhase[phase], "funnel count of \(phase)")
            #expect(Self.cents(row["amount"] as? String ?? "0.00") == truth.openCentsByPhase[phase], "funnel amount of \(phase)")
            #expect(Self.cents(row["weighted"] as? String ?? "0.00") == truth.openWeightedCentsByPhase[phase], "weighted \(phase)")
        }
        let summary = try #require(funnel["summary"] as? [String: Any])
        #expect(summary["count"] as? Int == truth.countByStatus["open"])
        #expect(Self.cents(summary["weighted"] as? String ?? "0.00") == truth.openWeightedCentsByPhase.values.reduce(0, +))

        let winRate = try #require(try cli.run("report", "win-rate", "--json").json() as? [String: Any])
        let won = truth.countByStatus["won"] ?? 0, lost = truth.countByStatus["lost"] ?? 0
        let outcomes = try #require(winRate["summary"] as? [String: Any])
        #expect(outcomes["won"] as? Int == won && outcomes["lost"] as? Int == lost)
        let hundredths = (won * 10_000 * 2 + (won + lost)) / (2 * (won + lost))  // half-up
        let expectedRate = "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
        #expect(outcomes["winRate"] as? String == expectedRate)
        for row in try #require(winRate["outcomes"] as? [[String: Any]]) {
            let status = row["status"] as? String ?? ""
            #expect(Self.cents(row["amount"] as? String ?? "0.00") == truth.centsByStatus[status] ?? 0, "\(status) amount")
        }

        let again = try #require(try cli.run("import", "opportunity", opportunitiesFile, "--mapping", InterchangeFixtures.path("opportunities-old-crm.mapping.json"), "--json").json() as? [String: Any])
        #expect(again["created"] as? Int == 0)
        #expect(again["updated"] as? Int == 0)
    }
}

import ArgumentParser
import FieldbookModel
import FieldbookServerCore

/// `account classify [--dry-run] [--a-share 80] [--b-share 95] [--care-a 30] [--care-b 60] [--care-c 120] [--json]`.
struct AccountClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Set every account's ABC class and care interval from its revenue share (Pareto).",
        discussion: """
            Revenue: net totals of invoices not cancelled; an account without invoices counts its won \
            opportunities. Ranked by revenue, an account is A while the cumulative share before it is \
            under --a-share (80 %), B under --b-share (95 %), else C; no revenue is C. A manual \
            abcOverride always wins and is kept. Writes abcClass and careIntervalDays as server-authored \
            changes that sync to the reps (who cannot write these fields); unchanged accounts are left \
            alone. --dry-run only reports.
            """
    )

    @OptionGroup var data: DataDirectoryOptions
    @Flag(help: "Report the classes without writing them.") var dryRun = false
    @Option(help: "Cumulative revenue share (percent) up to which accounts are A.") var aShare = "80"
    @Option(help: "Cumulative revenue share (percent) up to which accounts are B.") var bShare = "95"
    @Option(help: "Care interval of A accounts in days.") var careA = 30
    @Option(help: "Care interval of B accounts in days.") var careB = 60
    @Option(help: "Care interval of C accounts in days.") var careC = 120
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let settings = try settings()
        try await AdminCommands.run(data) { identity in
            let results = try await identity.sync.classifyAccounts(settings: settings, dryRun: dryRun)
            if json {
                return try AdminCommands.printJSON(
                    results.map { result in
                        [
                            "account": result.outcome.account, "revenue": result.outcome.revenue.description,
                            "computed": result.outcome.computed, "override": result.outcome.override ?? "",
                            "class": result.outcome.effective, "careIntervalDays": String(result.outcome.careIntervalDays),
                            "changed": String(result.changed),
                        ]
                    }
                )
            }
            let rows = results.map { result in
                [
                    result.outcome.account, result.outcome.revenue.description, result.outcome.computed,
                    result.outcome.override ?? "-", result.outcome.effective, String(result.outcome.careIntervalDays),
                    result.changed ? (dryRun ? "would change" : "changed") : "-",
                ]
            }
            print(AdminCommands.table(["ACCOUNT", "REVENUE", "COMPUTED", "OVERRIDE", "CLASS", "INTERVAL", "WRITE"], rows))
            let changed = results.filter(\.changed).count
            print(dryRun ? "dry run: \(changed) account(s) would change" : "\(changed) account(s) changed")
        }
    }

    /// The thresholds and intervals, checked.
    private func settings() throws -> ABCClassification.Settings {
        guard let a = try? DecimalNumber(parsing: aShare), let b = try? DecimalNumber(parsing: bShare),
            DecimalNumber.zero < a, a <= b, b <= 100
        else {
            throw ValidationError("--a-share and --b-share: percentages with 0 < a ≤ b ≤ 100")
        }
        guard [careA, careB, careC].allSatisfy({ (1...3650).contains($0) }) else {
            throw ValidationError("care intervals: 1 to 3650 days")
        }
        return ABCClassification.Settings(aShare: a, bShare: b, careDays: ["A": careA, "B": careB, "C": careC])
    }
}

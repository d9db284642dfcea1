import ArgumentParser
import FieldbookClient
import FieldbookModel
import Foundation

/// `fieldbook report …`: dashboards over the local replica ("my" figures, offline).
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports over this device's records: funnel, forecast, win rate, revenue, activities, campaigns, tickets.",
        discussion: """
            Figures come from the records on this device (your sync scope), offline; \
            the server's GET /v1/reports/{report} computes the same reports for the company, a team or a rep.
            Money is summed exactly; weighted = amount × phase probability, rounded to cents per opportunity.

            Reports:
            \(ReportKind.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

            Filters (all optional): --from/--to (period, inclusive), --phase (phase ID), --rep (user ID), \
            --territory (region: the account's territory or one below it), --product (product ID).
            Tables come with a bar chart; --json prints {"report", "filter", "summary", <tables>} \
            with amounts as strings with two decimals.
            """,
        subcommands: [
            Funnel.self, Forecast.self, WinRate.self, Revenue.self, Activities.self, Campaigns.self, Tickets.self,
        ]
    )

    struct Funnel: ReportSubcommand {
        static let kind = ReportKind.funnel
        static let configuration = ReportCommand.configuration(for: kind, period: "expected close date")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ReportFilterOptions
        var grouping: String? { nil }
    }

    struct Forecast: ReportSubcommand {
        static let kind = ReportKind.forecast
        static let configuration = ReportCommand.configuration(for: kind, period: "expected close date")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ReportFilterOptions
        @Option(help: "month (default) or rep: also by month and rep.") var by: String?
        var grouping: String? { by }
    }

    struct WinRate: ReportSubcommand {
        static let kind = ReportKind.winRate
        static let configuration = ReportCommand.configuration(for: kind, period: "close date")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ReportFilterOptions
        var grouping: String? { nil }
    }

    struct Revenue: ReportSubcommand {
        static let kind = ReportKind.revenue
        static let configuration = ReportCommand.configuration(for: kind, period: "close date")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ReportFilterOptions
        @Option(help: "Group by month (default), rep, region or product.") var by: String?
        var grouping: String? { by }
    }

    struct Activities: ReportSubcommand {
        static let kind = ReportKind.activities
        static let configuration = ReportCommand.configuration(for: kind, period: "day the activity occurred")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ReportFilterOptions
        var grouping: String? { nil }
    }

    struct Campaigns: ReportSubcommand {
        static let kind = ReportKind.campaigns
        static let configuration = ReportCommand.configuration(for: kind, period: "campaign start–end dates")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ReportFilterOptions
        var grouping: String? { nil }
    }

    struct Tickets: ReportSubcommand {
        static let kind = ReportKind.tickets
        static let configuration = ReportCommand.configuration(for: kind, period: "day the ticket was opened")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: ReportFilterOptions
        var grouping: String? { nil }
    }

    static func configuration(for kind: ReportKind, period: String) -> CommandConfiguration {
        CommandConfiguration(
            commandName: kind.rawValue, abstract: kind.summary.prefix(1).uppercased() + kind.summary.dropFirst() + ".",
            discussion: "The period (--from/--to) applies to the \(period). See `fieldbook report --help` for the filters."
        )
    }
}

/// What every report subcommand does: read the filters, compute on the local replica, print.
protocol ReportSubcommand: AsyncParsableCommand {
    static var kind: ReportKind { get }
    var global: GlobalOptions { get }
    var filters: ReportFilterOptions { get }
    var grouping: String? { get }
}

extension ReportSubcommand {
    func run() async throws {
        let context = try CLIContext.open(global)
        let filter = try filters.filter(timeZone: context.timeZone, now: context.now)
        let result: ReportResult
        do {
            result = try context.database.report(Self.kind, filter: filter, by: grouping)
        } catch let error as ReportError {
            throw CLIError(error.description, exitCode: 2)
        }
        let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
        context.emit(JSONValue(result.json), human: ReportRenderer.text(result, width: columns))
    }
}

/// The drill-down filters of `fieldbook report …`.
struct ReportFilterOptions: ParsableArguments {
    @Option(help: "First day of the period (inclusive), e.g. 2026-01-01 or today.") var from: String?
    @Option(help: "Last day of the period (inclusive).") var to: String?
    @Option(help: "Only opportunities in this phase (phase ID).") var phase: String?
    @Option(help: "Only this rep's figures (user ID).") var rep: String?
    @Option(help: "Only accounts in this territory or below it (territory ID).") var territory: String?
    @Option(help: "Only opportunities with a line of this product / tickets about it (product ID).") var product: String?

    /// The filter; a date that cannot be read or an empty period is a usage error (exit 2).
    func filter(timeZone: TimeZone, now: UTCDateTime) throws -> ReportFilter {
        func day(_ text: String?, _ option: String) throws -> CalendarDate? {
            guard let text else { return nil }
            guard let date = DateInput.parseDate(text, timeZone: timeZone, now: now) else {
                throw CLIError("--\(option): cannot read \"\(text)\" as a date (e.g. 2026-03-31)", exitCode: 2)
            }
            return date
        }
        let start = try day(from, "from")
        let end = try day(to, "to")
        if let start, let end, end < start {
            throw CLIError("--to \(end) is before --from \(start)", exitCode: 2)
        }
        return ReportFilter(from: start, to: end, phase: phase, rep: rep, territory: territory, product: product)
    }
}

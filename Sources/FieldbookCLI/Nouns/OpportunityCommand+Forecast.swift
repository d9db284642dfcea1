import ArgumentParser
import FieldbookClient
import FieldbookModel

extension OpportunityCommand {
    /// `fieldbook opportunity forecast`.
    struct ForecastReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forecast",
            abstract: "Weighted forecast of open opportunities by expected close month and by rep.",
            discussion: """
                Weighted = amount × probability of the opportunity's phase (rounded to cents per \
                opportunity). Months are the expected close dates' (none = no date set).
                --json prints {"byMonth", "byRep", "byMonthAndRep", "entries", "total"}.
                """
        )
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = try CLIContext.open(global)
            let forecast = try context.database.forecast()
            context.emit(Self.json(forecast), human: Self.text(forecast))
        }

        static func json(_ forecast: Forecast) -> JSONValue {
            let group: (Forecast.Group) -> JSONValue = { group in
                [
                    "key": .string(group.key), "count": .int(Int64(group.count)), "amount": .string(group.amount.description),
                    "weighted": .string(group.weighted.description),
                ]
            }
            return [
                "byMonth": .array(forecast.byMonth.map(group)), "byRep": .array(forecast.byRep.map(group)),
                "byMonthAndRep": .array(forecast.byMonthAndRep.map(group)), "total": group(forecast.total),
                "entries": .array(
                    forecast.entries.map { entry in
                        [
                            "opportunity": .string(entry.opportunity), "owner": .string(entry.owner),
                            "month": .string(entry.month ?? Forecast.noMonth), "amount": .string(entry.amount.description),
                            "probability": .string(entry.probability.description),
                            "weighted": .string(entry.weighted.description),
                        ]
                    }
                ),
            ]
        }

        static func text(_ forecast: Forecast) -> String {
            guard !forecast.entries.isEmpty else { return "No open opportunities." }
            let rows: ([Forecast.Group]) -> [[String]] = { groups in
                groups.map { [$0.key, "\($0.count)", $0.amount.description, $0.weighted.description] }
            }
            let total = [["total", "\(forecast.total.count)", forecast.total.amount.description, forecast.total.weighted.description]]
            let months = TextTable(headers: ["MONTH", "OPEN", "AMOUNT", "WEIGHTED"], rows: rows(forecast.byMonth) + total)
            let reps = TextTable(headers: ["REP", "OPEN", "AMOUNT", "WEIGHTED"], rows: rows(forecast.byRep) + total)
            return months.render() + "\n\n" + reps.render()
        }
    }
}

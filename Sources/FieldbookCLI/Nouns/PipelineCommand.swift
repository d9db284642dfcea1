import ArgumentParser
import FieldbookClient
import FieldbookModel

/// `fieldbook pipeline …`: the sales pipelines (maintained by the office, read-only here).
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Sales pipelines: phases with probabilities (maintained by the office).",
        discussion: """
            The office edits pipelines on the server; they sync to every device. While none is \
            marked as default, the built-in standard pipeline applies (qualification 10%, \
            needs_analysis 25%, proposal 50%, negotiation 75%).
            """,
        subcommands: [List.self, Show.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pipelines synced to this device.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = try CLIContext.open(global)
            let stored = try context.database.pipelines()
            let standard = try context.database.defaultPipeline()
            context.emit(
                .array(stored.map { PipelineCommand.json($0, isDefault: $0 == standard) }),
                human: stored.isEmpty
                    ? "No pipelines; the built-in standard pipeline applies."
                    : TextTable(
                        headers: ["ID", "NAME", "PHASES", "DEFAULT"],
                        rows: stored.map { [$0.label, $0.name, "\($0.phases.count)", $0 == standard ? "yes" : ""] }
                    ).render()
            )
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pipeline's phases (default: the default pipeline).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Pipeline ID (default: the default pipeline).") var id: String?

        func run() async throws {
            let context = try CLIContext.open(global)
            let standard = try context.database.defaultPipeline()
            var pipeline = standard
            if let id {
                guard let found = try context.database.pipelines().first(where: { $0.id == id }) else {
                    throw CLIError.notFound("pipeline", id)
                }
                pipeline = found
            }
            let table = TextTable(
                headers: ["PHASE", "NAME", "PROBABILITY", "OUTCOME"],
                rows: pipeline.phases.map { [$0.id, $0.name, "\($0.probability)%", $0.outcome ?? "open"] }
            )
            context.emit(
                PipelineCommand.json(pipeline, isDefault: pipeline == standard),
                human: "\(pipeline.name) (\(pipeline.label))\n" + table.render()
            )
        }
    }

    static func json(_ pipeline: SalesPipeline, isDefault: Bool) -> JSONValue {
        [
            "id": .string(pipeline.label), "name": .string(pipeline.name), "isDefault": .bool(isDefault),
            "phases": .array(
                pipeline.phases.map { phase in
                    [
                        "id": .string(phase.id), "name": .string(phase.name),
                        "probability": .string(phase.probability.description), "outcome": .string(phase.outcome ?? "open"),
                    ]
                }
            ),
        ]
    }
}

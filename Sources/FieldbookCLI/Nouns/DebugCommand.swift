import ArgumentParser
import FieldbookClient
import FieldbookSync

/// `fieldbook debug …`: tools for testing and diagnosis, hidden from help.
struct DebugCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug",
        abstract: "Diagnostics for developers.",
        shouldDisplay: false,
        subcommands: [WriteLoop.self, Check.self]
    )

    /// Writes records as fast as possible, each in its own transaction; used
    /// by the crash-safety test, which kills this process mid-write.
    struct WriteLoop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write-loop", abstract: "Write N accounts.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Number of writes.") var count = 1000

        func run() async throws {
            let database = try CLIContext.open(global).database
            var previous: String?
            for index in 0..<count {
                let id = index % 3 == 0 ? (previous ?? ClientDatabase.newRecordID()) : ClientDatabase.newRecordID()
                try database.write { transaction in
                    try transaction.edit("account", id) { $0.set("name", to: .text("Account \(index)")) }
                    try transaction.edit("contact", ClientDatabase.newRecordID()) { change in
                        change.set("lastName", to: .text("Contact \(index)"))
                        change.set("account", to: .text(id))
                    }
                }
                previous = id
            }
        }
    }

    /// Checks that every record and the outbox agree; prints problems, exit 1 if any.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check replica consistency.")
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let context = try CLIContext.open(global)
            let problems = try context.database.consistencyProblems()
            context.emit(
                ["ok": .bool(problems.isEmpty), "problems": .array(problems.map(JSONValue.string))],
                human: problems.isEmpty ? "ok" : problems.joined(separator: "\n")
            )
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}

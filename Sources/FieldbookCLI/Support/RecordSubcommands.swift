import ArgumentParser

/// A noun whose records the generic subcommands can show and delete.
protocol RecordNoun {
    /// The schema entity, e.g. `"contact"`.
    static var entity: String { get }
    /// How the user calls one record, e.g. `"contact"`, `"visit report"`.
    static var noun: String { get }
}

/// `fieldbook <noun> show <id>`: one record as details or JSON.
struct ShowRecord<Noun: RecordNoun>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: "Show one \(Noun.noun).")
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The \(Noun.noun)'s ID.", valueName: "id")) var id: String

    func run() async throws {
        let support = RecordCommandSupport(context: try .open(global))
        support.show(try support.require(Noun.entity, id))
    }
}

/// `fieldbook <noun> delete <id>`: a tombstone that syncs (restorable until compacted).
struct DeleteRecord<Noun: RecordNoun>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete", abstract: "Delete a \(Noun.noun) (restorable until synced and compacted)."
        )
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The \(Noun.noun)'s ID.", valueName: "id")) var id: String

    func run() async throws {
        try RecordCommandSupport(context: try .open(global)).delete(Noun.entity, id)
    }
}

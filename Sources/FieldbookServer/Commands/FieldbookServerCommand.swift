import ArgumentParser

/// `fieldbook-server`: the Fieldbook sync server and its administration.
public struct FieldbookServerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fieldbook-server",
        abstract: "The Fieldbook sync server: HTTP sync for offline clients, office API, users and devices.",
        subcommands: [ServeCommand.self] + AdminCommands.all
    )

    public init() {}
}

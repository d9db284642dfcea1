import ArgumentParser

/// `fieldbook-server`: the Fieldbook sync server and its administration.
public struct FieldbookServerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fieldbook-server",
        abstract: "The Fieldbook sync server: HTTP sync for offline clients, office API, users and devices.",
        subcommands: [ServeCommand.self] + AdminCommands.all
    )

    public init() {}

    /// Parses the command line and runs the chosen subcommand, awaiting
    /// asynchronous ones (`serve`). Shadows ArgumentParser's overloads so that
    /// `await FieldbookServerCommand.main()` always takes the asynchronous path.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

import ArgumentParser

/// `fieldbook-server team add|list`.
struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Add and list teams.", subcommands: [TeamAddCommand.self, TeamListCommand.self]
    )
}

/// `team add NAME [--manager L]`.
struct TeamAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a team record. Prints its record ID."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Argument(help: "The team's unique name.") var name: String
    @Option(help: "The manager's login.") var manager: String?

    func run() async throws {
        try await AdminCommands.run(data) { identity in print(try await identity.addTeam(name: name, manager: manager)) }
    }
}

/// `team list [--json]`.
struct TeamListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List teams.")

    @OptionGroup var data: DataDirectoryOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let teams = try await identity.listTeams()
            if json { return try AdminCommands.printJSON(teams.map { ["id": $0.id, "name": $0.name] }) }
            print(AdminCommands.table(["NAME", "ID"], teams.map { [$0.name, $0.id] }))
        }
    }
}

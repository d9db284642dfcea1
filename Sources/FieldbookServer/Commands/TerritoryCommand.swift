import ArgumentParser

/// `fieldbook-server territory add|list|assign`.
struct TerritoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "territory",
        abstract: "Add, list and assign territories.",
        subcommands: [TerritoryAddCommand.self, TerritoryListCommand.self, TerritoryAssignCommand.self]
    )
}

/// `territory add NAME [--code C]`.
struct TerritoryAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a territory record. Prints its record ID."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Argument(help: "The territory's unique name.") var name: String
    @Option(help: "A unique short code (up to 20 characters).") var code: String?

    func run() async throws {
        try await AdminCommands.run(data) { identity in print(try await identity.addTerritory(name: name, code: code)) }
    }
}

/// `territory list [--json]`.
struct TerritoryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List territories.")

    @OptionGroup var data: DataDirectoryOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let territories = try await identity.listTerritories()
            if json {
                return try AdminCommands.printJSON(territories.map { ["id": $0.id, "name": $0.name, "code": $0.code] })
            }
            print(AdminCommands.table(["NAME", "CODE", "ID"], territories.map { [$0.name, $0.code ?? "-", $0.id] }))
        }
    }
}

/// `territory assign TERRITORY --user L [--remove]`.
struct TerritoryAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a user a territory (or take it away with --remove)."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Argument(help: "The territory (name, code or record ID).") var territory: String
    @Option(help: "The user's login.") var user: String
    @Flag(help: "Remove the territory from the user instead.") var remove = false

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let ids = try await identity.assignTerritory(territory, user: user, remove: remove)
            print("\(remove ? "removed" : "assigned") territory \(ids.territory) \(remove ? "from" : "to") user \(user)")
        }
    }
}

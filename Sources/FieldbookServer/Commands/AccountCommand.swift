import ArgumentParser

/// `fieldbook-server account assign`.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Reassign and classify accounts.",
        subcommands: [AccountAssignCommand.self, AccountClassifyCommand.self]
    )
}

/// `account assign ACCOUNT --territory T [--owner L]`.
struct AccountAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Move an account to a territory (and owner) as a server-authored change; it syncs to the new scope."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Argument(help: "The account's record ID.") var account: String
    @Option(help: "The territory (name, code or record ID).") var territory: String
    @Option(help: "The new owner's login.") var owner: String?

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let ids = try await identity.assignAccount(account, territory: territory, owner: owner)
            print("assigned account \(account) to territory \(ids.territory)" + (ids.owner.map { ", owner \($0)" } ?? ""))
        }
    }
}

import ArgumentParser

/// `fieldbook-server user add|list|disable`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list and disable users; change a user's role.",
        subcommands: [UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserRoleCommand.self]
    )
}

/// `user add --login L --name N --role R [--team T] [--territory X …] [--password-stdin]`.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create a user (sign-in credentials and a user record). Prints the user's record ID."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Option(help: "The login name (1-64 of A-Z a-z 0-9 . _ @ -).") var login: String
    @Option(help: "The display name.") var name: String
    @Option(help: "rep, manager, office or admin.") var role: String
    @Option(help: "The team (name or record ID).") var team: String?
    @Option(name: .customLong("territory"), help: "A territory (name, code or record ID); repeatable.")
    var territories: [String] = []
    @Flag(help: "Read the password from the first line of stdin instead of prompting.") var passwordStdin = false

    func run() async throws {
        let password = try UserPasswordReader.read(fromStdin: passwordStdin, confirm: true)
        try await AdminCommands.run(data) { identity in
            let id = try await identity.addUser(
                NewUser(login: login, displayName: name, role: role, team: team, territories: territories, password: password)
            )
            print(id)
        }
    }
}

/// `user list [--json]`.
struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List users.")

    @OptionGroup var data: DataDirectoryOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let users = try await identity.listUsers()
            if json { return try AdminCommands.printJSON(users) }
            print(
                AdminCommands.table(
                    ["LOGIN", "NAME", "ROLE", "STATUS", "DEVICES", "TEAM", "TERRITORIES", "ID"],
                    users.map { user in
                        [
                            user.login, user.displayName ?? "-", user.role, user.disabled ? "disabled" : "active",
                            "\(user.activeDevices)", user.team ?? "-",
                            user.territories.isEmpty ? "-" : user.territories.joined(separator: ","), user.id,
                        ]
                    }
                )
            )
        }
    }
}

/// `user disable LOGIN`.
struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable a user: no more sign-ins, every device revoked and its replica retired."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Argument(help: "The user's login (or record ID).") var login: String

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let id = try await identity.disableUser(login)
            print("disabled user \(login) (\(id))")
        }
    }
}

/// `user role LOGIN ROLE`.
struct UserRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Change a user's role (credentials and user record together)."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Argument(help: "The user's login (or record ID).") var login: String
    @Argument(help: "rep, manager, office or admin.") var role: String

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let id = try await identity.setRole(of: login, to: role)
            print("user \(login) (\(id)) is now \(role)")
        }
    }
}

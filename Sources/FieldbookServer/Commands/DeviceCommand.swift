import ArgumentParser

/// `fieldbook-server device list|revoke`.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "List and revoke devices.",
        subcommands: [DeviceListCommand.self, DeviceRevokeCommand.self]
    )
}

/// `device list [--user L] [--json]`.
struct DeviceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List devices.")

    @OptionGroup var data: DataDirectoryOptions
    @Option(help: "Only this user's devices (login or record ID).") var user: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let devices = try await identity.listDevices(user: user)
            if json { return try AdminCommands.printJSON(devices) }
            print(
                AdminCommands.table(
                    ["ID", "USER", "NAME", "REPLICA", "STATUS", "CREATED", "LAST SEEN"],
                    devices.map { device in
                        let status = device.revokedAt != nil ? "revoked" : device.signedIn ? "active" : "signed out"
                        return [
                            device.id, device.login, device.name, device.replica, status,
                            AdminCommands.format(device.createdAt), AdminCommands.format(device.lastSeenAt),
                        ]
                    }
                )
            )
        }
    }
}

/// `device revoke ID`.
struct DeviceRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a device: its token stops working and its replica is retired."
    )

    @OptionGroup var data: DataDirectoryOptions
    @Argument(help: "The device ID (see `device list`).") var id: String

    func run() async throws {
        try await AdminCommands.run(data) { identity in
            let replica = try await identity.revokeDevice(id)
            print("revoked device \(id) (replica \(replica))")
        }
    }
}

import ArgumentParser
import FieldbookClient
import FieldbookProtocol
import FieldbookSync
import Foundation

/// `fieldbook login`: signs this device in to a Fieldbook server and stores
/// the device token for `fieldbook sync`.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign this device in to a Fieldbook server.",
        discussion: """
            Asks for the password without echoing it (or reads it from standard input with \
            --password-stdin), signs in, and stores the server URL and this device's token in \
            credentials.json in the data directory (readable by you only, mode 0600). The device \
            is bound to this replica; `fieldbook sync` then uses the stored token.

            Example: fieldbook login --server https://crm.example.com --user anna
                     printf '%s\\n' "$PASSWORD" | fieldbook login --server URL --user anna --password-stdin

            Exit codes: 0 signed in, 2 no password given, 6 server unreachable, 7 sign-in refused, \
            64 invalid arguments.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The server's address.", valueName: "url")) var server: String
    @Option(help: ArgumentHelp("Your login name.", valueName: "name")) var user: String
    @Flag(help: "Read the password from the first line of standard input instead of asking.")
    var passwordStdin = false
    @Option(help: ArgumentHelp("A name for this device in the server's device list (default: the host name).", valueName: "name"))
    var deviceName: String?

    func validate() throws {
        guard !user.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--user must not be empty")
        }
        do {
            _ = try Credentials.serverURL(server)
        } catch let error as CLIError {
            throw ValidationError(error.message)
        }
    }

    func run() async throws {
        let url = try Credentials.serverURL(server)
        let password = try passwordStdin ? PasswordInput.readStandardInput() : PasswordInput.prompt(
            "Password for \(user) at \(url.host ?? server): "
        )
        guard !password.isEmpty else { throw CLIError("no password given", exitCode: 2) }
        let context = try CLIContext.open(global)
        let device = deviceName ?? ProcessInfo.processInfo.hostName
        let request = LoginRequest(login: user, password: password, deviceName: device, replica: context.database.replicaID)
        let response: LoginResponse
        do {
            response = try await URLSessionSyncTransport.login(server: url, request: request)
        } catch {
            throw CLIError(syncError: error, signingIn: true)
        }
        let credentials = Credentials(
            server: url.absoluteString, token: response.token, login: response.login, user: response.user,
            role: response.role, device: response.device, replica: response.replica.rawValue
        )
        try credentials.save(in: CLIContext.dataDirectory(global))
        context.emit(
            [
                "server": .string(credentials.server), "login": .string(response.login), "user": .string(response.user),
                "role": .string(response.role), "device": .string(response.device),
                "replica": .string(response.replica.rawValue),
            ],
            human: "Signed in to \(credentials.server) as \(response.login) (\(response.role)), device \(response.device)."
                + "\nRun `fieldbook sync` to exchange changes."
        )
    }
}

import ArgumentParser
import FieldbookClient
import Foundation

/// `fieldbook logout`: revokes this device's token and forgets it.
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Sign this device out of the server.",
        discussion: """
            Revokes this device's token on the server and removes credentials.json. Local records \
            and unsynced changes stay on the device; sign in again to sync them.

            Exit codes: 0 signed out, 6 server unreachable (the local credentials are removed \
            anyway; the token stays valid on the server until an administrator revokes the device).
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let directory = CLIContext.dataDirectory(global)
        guard let credentials = try Credentials.loadFile(from: directory) else {
            emit(["signedOut": false], human: "Not signed in.")
            return
        }
        var revokeError: CLIError?
        do {
            try await URLSessionSyncTransport.logout(server: try Credentials.serverURL(credentials.server), token: credentials.token)
        } catch let error as SyncTransportError where error.isUnauthenticated {
            // Already revoked on the server: nothing left to do there.
        } catch {
            revokeError = CLIError(syncError: error)
        }
        try Credentials.remove(from: directory)
        if let revokeError {
            throw CLIError(
                "signed out on this device, but the server could not revoke the token: \(revokeError.message)",
                exitCode: revokeError.exitCode
            )
        }
        emit(["signedOut": true, "server": .string(credentials.server)], human: "Signed out of \(credentials.server).")
    }

    private func emit(_ json: JSONValue, human: String) {
        print(global.json ? CLIContext.encode(json) : human)
    }
}

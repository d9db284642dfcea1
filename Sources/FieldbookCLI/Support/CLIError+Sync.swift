import FieldbookClient
import FieldbookProtocol

extension CLIError {
    /// Exit code when the server cannot be reached or is unavailable: local
    /// work is kept and the command can simply be run again later.
    public static let offlineExitCode: Int32 = 6
    /// Exit code when the device is not signed in or its sign-in was refused.
    public static let unauthenticatedExitCode: Int32 = 7

    /// Not signed in: no credentials file and no `FIELDBOOK_SERVER`/`FIELDBOOK_TOKEN`.
    static let notSignedIn = CLIError(
        "not signed in; run `fieldbook login --server URL --user NAME` first", exitCode: unauthenticatedExitCode
    )

    /// The user-facing form of a failed sync or sign-in request.
    /// - Parameter signingIn: whether the request was a login (a 401 then means a wrong password).
    init(syncError error: any Error, signingIn: Bool = false) {
        if let engine = error as? SyncEngineError {
            self.init(engine.description)
            return
        }
        guard let transport = error as? SyncTransportError else {
            self.init(String(describing: error))
            return
        }
        if transport.isOffline {
            self.init(
                "\(transport.description) — nothing was lost; keep working offline and sync later",
                exitCode: Self.offlineExitCode
            )
            return
        }
        switch transport.errorResponse?.error {
        case .unauthenticated?:
            self.init(
                signingIn
                    ? "sign-in refused: unknown user or wrong password"
                    : "the server did not accept this device's sign-in (expired or revoked); run `fieldbook login` again",
                exitCode: Self.unauthenticatedExitCode
            )
        case .forbidden?:
            let message = transport.errorResponse?.message ?? ""
            self.init(
                "the server refused this device: \(message) — ask an administrator, then `fieldbook login` again",
                exitCode: Self.unauthenticatedExitCode
            )
        case .unsupportedProtocolVersion?, .unsupportedSchemaVersion?:
            self.init("\(transport.description) — update Fieldbook; you can keep working offline")
        default:
            self.init(transport.description)
        }
    }
}

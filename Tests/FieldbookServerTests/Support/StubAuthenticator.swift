import FieldbookModel
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync

/// A fixed token table standing in for the identity service in HTTP tests.
struct StubAuthenticator: DeviceAuthenticator {
    static let annaToken = "token-anna"
    static let benToken = "token-ben"

    static let anna = AuthenticatedDevice(
        user: "user-anna", login: "anna", role: .office, device: "dev-anna", replica: Fixtures.anna
    )
    static let ben = AuthenticatedDevice(
        user: "user-ben", login: "ben", role: .office, device: "dev-ben", replica: Fixtures.ben
    )

    /// The token of a generated device for `replica` ("token-for-<replica>").
    static func token(for replica: ReplicaID) -> String { "token-for-\(replica)" }

    func authenticate(token: String) async throws -> AuthenticatedDevice? {
        switch token {
        case Self.annaToken: return Self.anna
        case Self.benToken: return Self.ben
        case let token where token.hasPrefix("token-for-"):
            let replica = ReplicaID(unchecked: String(token.dropFirst("token-for-".count)))
            return AuthenticatedDevice(
                user: "user-\(replica)", login: "login-\(replica)", role: .office, device: "dev-\(replica)", replica: replica
            )
        default: return nil
        }
    }
}

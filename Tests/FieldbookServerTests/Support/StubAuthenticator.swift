import FieldbookModel
import FieldbookServerCore
import FieldbookServerCoreTesting
import FieldbookSync

/// A fixed token table standing in for the identity service in HTTP tests.
struct StubAuthenticator: DeviceAuthenticator {
    static let annaToken = "token-anna"
    static let benToken = "token-ben"

    static let anna = AuthenticatedDevice(
        user: "user-anna", login: "anna", role: .rep, device: "dev-anna", replica: Fixtures.anna
    )
    static let ben = AuthenticatedDevice(
        user: "user-ben", login: "ben", role: .rep, device: "dev-ben", replica: Fixtures.ben
    )

    func authenticate(token: String) async throws -> AuthenticatedDevice? {
        switch token {
        case Self.annaToken: Self.anna
        case Self.benToken: Self.ben
        default: nil
        }
    }
}

import Foundation

/// A small sales organisation set up through the real admin commands:
/// territories North and South, reps anna and ben (North) and carl (South),
/// and eva in the office.
struct SalesOrganization {
    /// The running server.
    let server: ServerProcess
    /// Territory record IDs by name.
    var territories: [String: String] = [:]
    /// User record IDs by login.
    var users: [String: String] = [:]

    /// Every user's password (long enough for the server's rules).
    static func password(_ login: String) -> String { "\(login)-secret-password" }

    /// Creates the organisation on a fresh server and starts it.
    static func start() async throws -> SalesOrganization {
        let server = try ServerProcess()
        var organization = SalesOrganization(server: server)
        for name in ["North", "South"] {
            organization.territories[name] = try await server.admin(["territory", "add", name, "--code", String(name.prefix(1))])
                .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let people: [(String, String, String?)] = [
            ("anna", "rep", "North"), ("ben", "rep", "North"), ("carl", "rep", "South"), ("eva", "office", nil),
        ]
        for (login, role, territory) in people {
            var arguments = ["user", "add", "--login", login, "--name", login.capitalized, "--role", role, "--password-stdin"]
            if let territory { arguments += ["--territory", territory] }
            organization.users[login] = try await server.admin(arguments, input: password(login) + "\n").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        try await server.start()
        return organization
    }

    /// A CLI client signed in as `login`.
    func client(_ login: String) async throws -> ClientProcess {
        let client = try ClientProcess()
        try await client.login(server, login, password: Self.password(login))
        return client
    }

    /// A raw HTTP session signed in as `login` on a new device/replica.
    func http(_ login: String, replica: String = "e2e-\(UUID().uuidString.prefix(8).lowercased())") async throws -> HTTPCall {
        try await HTTPCall.login(server, login, password: Self.password(login), replica: replica).0
    }
}

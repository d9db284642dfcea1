import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `fieldbook login` stores in `<data directory>/credentials.json`
/// (file mode 0600): the server and the device's bearer token.
///
/// `FIELDBOOK_SERVER` and `FIELDBOOK_TOKEN` in the environment override the
/// file's server and token (scripts, CI and end-to-end tests).
///
/// ```json
/// {"server": "https://crm.example.com", "token": "…", "login": "anna", "user": "user-anna",
///  "role": "rep", "device": "dev-…", "replica": "c-…"}
/// ```
public struct Credentials: Codable, Hashable, Sendable {
    /// The server's base URL.
    public var server: String
    /// The device's bearer token; keep it like a password.
    public var token: String
    /// The login name.
    public var login: String?
    /// The user's record ID.
    public var user: String?
    /// The user's role.
    public var role: String?
    /// The device's ID on the server.
    public var device: String?
    /// The replica the device is bound to.
    public var replica: String?

    /// The file name inside the data directory.
    public static let fileName = "credentials.json"

    /// Creates credentials.
    public init(
        server: String, token: String, login: String? = nil, user: String? = nil, role: String? = nil,
        device: String? = nil, replica: String? = nil
    ) {
        self.server = server
        self.token = token
        self.login = login
        self.user = user
        self.role = role
        self.device = device
        self.replica = replica
    }

    /// The credentials file's path in `directory`.
    public static func path(in directory: String) -> String { directory + "/" + fileName }

    /// The stored credentials with the environment's overrides applied; nil
    /// when neither the file nor `FIELDBOOK_SERVER` + `FIELDBOOK_TOKEN` give a
    /// server and a token.
    public static func load(
        from directory: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Credentials? {
        var stored = try loadFile(from: directory)
        if let server = environment["FIELDBOOK_SERVER"], !server.isEmpty {
            if stored == nil, let token = environment["FIELDBOOK_TOKEN"], !token.isEmpty {
                stored = Credentials(server: server, token: token)
            }
            stored?.server = server
        }
        if let token = environment["FIELDBOOK_TOKEN"], !token.isEmpty { stored?.token = token }
        return stored
    }

    /// The credentials file as stored, nil if there is none.
    public static func loadFile(from directory: String) throws -> Credentials? {
        let path = path(in: directory)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
            let credentials = try? JSONDecoder().decode(Credentials.self, from: data)
        else {
            throw CLIError("\(path) is unreadable; run `fieldbook login` again")
        }
        return credentials
    }

    /// Writes the file with mode 0600 (atomically: a private temporary file renamed over it).
    public func save(in directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        let path = Self.path(in: directory)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        // The mode given to open() is masked by the umask; make it exactly 0600.
        fchmod(descriptor, 0o600)
        let written = data.withUnsafeBytes { bytes in write(descriptor, bytes.baseAddress, bytes.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the file; returns whether there was one.
    @discardableResult
    public static func remove(from directory: String) throws -> Bool {
        let path = path(in: directory)
        guard FileManager.default.fileExists(atPath: path) else { return false }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw CLIError("cannot remove \(path): \(error.localizedDescription)")
        }
        return true
    }

    /// The server URL, validated (http or https with a host).
    public static func serverURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            throw CLIError("not a server URL: \(text.prefix(200)) (expected https://host[:port])", exitCode: 2)
        }
        return url
    }
}

import FieldbookModel
import FieldbookProtocol
import FieldbookServerCore
import FieldbookServerStorePostgres
import FieldbookSync
import Foundation
import Logging

/// Login, device tokens, users, devices, teams and territories.
///
/// Credentials and devices live in the directory (`directory.sqlite`, or the
/// PostgreSQL database when the server runs on one); the
/// people and the organisation are CRM records (`user`, `team`, `territory`)
/// in the sync store, authored by the server (``SyncService/author(_:_:caller:_:)``)
/// so they sync to clients like any record.
///
/// ```swift
/// let identity = try IdentityService.open(dataDirectory: data, sync: sync, logger: logger)
/// let session = try await identity.login(LoginRequest(login: "anna", password: pw, deviceName: "Laptop", replica: r))
/// let device = try await identity.authenticate(token: session.token)  // AuthenticatedDevice
/// ```
///
/// Failures are ``IdentityError``s (database failures pass through as they
/// come). Passwords and tokens never appear in logs or errors.
public struct IdentityService: DeviceAuthenticator {
    /// Roles a user can be given (``Role/system`` is the server's own).
    public static let assignableRoles: [Role] = [.rep, .manager, .office, .admin]

    let directory: any DirectoryStorage
    /// The sync service the user, team and territory records are written through.
    public let sync: SyncService
    let logger: Logger
    /// bcrypt cost and last-seen interval.
    public let configuration: IdentityConfiguration
    let hasher: PasswordHasher

    init(directory: any DirectoryStorage, sync: SyncService, logger: Logger, configuration: IdentityConfiguration) {
        self.directory = directory
        self.sync = sync
        self.logger = logger
        self.configuration = configuration
        self.hasher = PasswordHasher(cost: configuration.bcryptCost)
    }

    /// Opens (creating if needed) the identity directory `directory.sqlite`
    /// in `dataDirectory`, with ``IdentityConfiguration/fromEnvironment(_:)``.
    /// The serve command and the admin commands call this.
    public static func open(dataDirectory: URL, sync: SyncService, logger: Logger) throws -> IdentityService {
        try open(dataDirectory: dataDirectory, sync: sync, logger: logger, configuration: .fromEnvironment())
    }

    /// Opens (creating if needed) the directory in `dataDirectory` with `configuration`.
    public static func open(
        dataDirectory: URL, sync: SyncService, logger: Logger, configuration: IdentityConfiguration
    ) throws -> IdentityService {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let path = dataDirectory.appendingPathComponent(IdentityConfiguration.directoryFileName).path
        return IdentityService(directory: try DirectoryStore(path: path), sync: sync, logger: logger, configuration: configuration)
    }

    /// Opens the directory in the PostgreSQL `database` (migrating it), with
    /// ``IdentityConfiguration/fromEnvironment(_:)`` unless `configuration` is
    /// given. Instances sharing the database share users, devices and tokens;
    /// the database stays open when the service is closed.
    public static func open(
        postgres database: PostgresPool, sync: SyncService, logger: Logger, configuration: IdentityConfiguration? = nil
    ) async throws -> IdentityService {
        IdentityService(
            directory: try await PostgresDirectoryStore(database: database), sync: sync, logger: logger,
            configuration: configuration ?? .fromEnvironment()
        )
    }

    /// A service on a private in-memory directory (unit tests).
    public static func inMemory(
        sync: SyncService, logger: Logger = Logger(label: "fieldbook.identity"), configuration: IdentityConfiguration = .init()
    ) throws -> IdentityService {
        IdentityService(directory: try DirectoryStore(), sync: sync, logger: logger, configuration: configuration)
    }

    /// Closes the directory's database connections; the service must not be used afterwards.
    public func close() throws {
        try directory.close()
    }

    // MARK: Sessions

    /// Signs a user in on a device: checks the password and binds
    /// `request.replica` to a device of the user (a new one, or the one
    /// already bound to it, whose previous token stops working).
    /// - Throws: ``IdentityError/loginFailed`` for a wrong password, unknown
    ///   login or disabled user (alike, in time too); `forbidden` when the
    ///   replica belongs to another user's device, a revoked device or the
    ///   server; `invalid` for a bad device name.
    public func login(_ request: LoginRequest) async throws -> LoginResponse {
        let deviceName = request.deviceName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !deviceName.isEmpty, deviceName.count <= 200 else {
            throw IdentityError(.invalid, "deviceName must have 1 to 200 characters")
        }
        guard request.login.utf8.count <= 64, request.password.utf8.count <= 1024 else { throw IdentityError.loginFailed }
        let credential = try await directory.credential(login: request.login)
        let matches = await hasher.verify(request.password, hash: credential?.passwordHash)
        guard matches, let credential, !credential.disabled else {
            logger.info("login refused")
            throw IdentityError.loginFailed
        }
        guard request.replica != sync.configuration.serverReplica else {
            throw IdentityError(.forbidden, "replica \(request.replica) is the server's own")
        }
        let token = DeviceToken.generate()
        let device = try await directory.bind(
            replica: request.replica.rawValue, to: credential.user, name: deviceName,
            tokenHash: DeviceToken.digest(of: token), newID: Self.newID(), now: Self.now()
        )
        logger.info(
            "device signed in",
            metadata: ["user": "\(credential.user)", "device": "\(device)", "replica": "\(request.replica)"]
        )
        return LoginResponse(
            token: token, device: device, replica: request.replica, user: credential.user, login: credential.login,
            role: credential.role
        )
    }

    /// Signs a device out: its token stops working; the device stays bound to
    /// its replica and the user can sign in on it again.
    /// - Returns: whether the token belonged to a device.
    @discardableResult
    public func logout(token: String) async throws -> Bool {
        guard DeviceToken.isWellFormed(token) else { return false }
        return try await directory.clearToken(hash: DeviceToken.digest(of: token))
    }

    /// The device a token belongs to, or nil for an unknown, signed-out or
    /// revoked token or a disabled user. Updates the device's last-seen
    /// time at most once per ``IdentityConfiguration/lastSeenInterval``.
    public func authenticate(token: String) async throws -> AuthenticatedDevice? {
        guard DeviceToken.isWellFormed(token) else { return nil }
        let hash = DeviceToken.digest(of: token)
        guard let owner = try await directory.owner(ofTokenHash: hash),
            DeviceToken.constantTimeEquals(owner.tokenHash, hash),
            let replica = try? ReplicaID(owner.replica)
        else { return nil }
        let now = Self.now()
        let interval = Int64(configuration.lastSeenInterval * 1000)
        if owner.lastSeenAt.map({ now - $0 >= interval }) ?? true {
            do {
                try await directory.touch(device: owner.device, now: now, unlessSeenAfter: now - interval)
            } catch {
                logger.warning("could not record last-seen time", metadata: ["device": "\(owner.device)"])
            }
        }
        return AuthenticatedDevice(
            user: owner.user, login: owner.login, role: Role(rawValue: owner.role), device: owner.device, replica: replica
        )
    }

    // MARK: Helpers

    /// A new random ID (a lowercase UUID, like client-made record IDs).
    static func newID() -> String { UUID().uuidString.lowercased() }

    /// Unix time in milliseconds.
    static func now() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}

/// What ``IdentityService`` needs from the identity directory: credentials,
/// devices and tokens, and the team and territory name indexes.
///
/// Two implementations keep the same semantics: ``DirectoryStore`` in
/// `directory.sqlite` (one server, or admin commands next to it) and
/// ``PostgresDirectoryStore`` in the PostgreSQL database the sync store uses
/// (several server instances share it). Every method is one transaction;
/// checks and the writes they guard cannot interleave with another
/// instance's.
protocol DirectoryStorage: Sendable {
    // MARK: Credentials

    func credential(login: String) async throws -> DirectoryStore.Credential?
    func credential(user: String) async throws -> DirectoryStore.Credential?
    func credentials() async throws -> [(DirectoryStore.Credential, activeDevices: Int)]
    /// Adds a credential; `conflict` when the login is taken.
    func insert(_ credential: DirectoryStore.Credential, now: Int64) async throws
    /// Removes a credential that has no devices (undoing a failed `user add`).
    func deleteCredential(user: String) async throws
    func setRole(user: String, role: String) async throws
    /// Disables a user and revokes their devices; returns the replicas revoked now.
    func disable(user: String, now: Int64) async throws -> [String]

    // MARK: Devices

    /// Binds `replica` to a device of `user` with a new token hash; returns the device's ID.
    func bind(replica: String, to user: String, name: String, tokenHash: [UInt8], newID: String, now: Int64) async throws -> String
    /// The active device and enabled user holding the token with this hash.
    func owner(ofTokenHash hash: [UInt8]) async throws -> DirectoryStore.TokenOwner?
    /// Records that `device` was seen at `now` unless it was seen after `since`.
    func touch(device: String, now: Int64, unlessSeenAfter since: Int64) async throws
    /// Forgets the token with this hash (logout); whether a device held it.
    func clearToken(hash: [UInt8]) async throws -> Bool
    /// Revokes a device (idempotent); returns its replica, nil for an unknown device.
    func revoke(device: String, now: Int64) async throws -> String?
    /// Devices, of one user or of all, ordered by login then creation.
    func devices(user: String?) async throws -> [DeviceSummary]

    // MARK: Calendar feeds
    /// Sets `user`'s calendar feed token hash, replacing any earlier one.
    func setFeedToken(user: String, hash: [UInt8], now: Int64) async throws
    /// Forgets `user`'s calendar feed token; whether there was one.
    func clearFeedToken(user: String) async throws -> Bool
    /// The enabled user whose feed token has this hash: (user, login, role).
    func feedOwner(ofHash hash: [UInt8]) async throws -> (user: String, login: String, role: String)?
    // MARK: Organisation

    /// Adds a team or territory to its index; `conflict` when the name or code is taken.
    func insert(_ index: DirectoryStore.Index, id: String, name: String, code: String?) async throws
    /// Removes an index entry (undoing a failed add).
    func delete(_ index: DirectoryStore.Index, id: String) async throws
    /// The record ID of the team or territory with this name, record ID or (territories) code.
    func resolve(_ index: DirectoryStore.Index, _ reference: String) async throws -> String?
    /// All entries of an index, by name: (id, name, code).
    func entries(_ index: DirectoryStore.Index) async throws -> [(id: String, name: String, code: String?)]

    /// Releases what the directory owns (a shared database is closed by its owner).
    func close() throws
}

extension DirectoryStore: DirectoryStorage {}

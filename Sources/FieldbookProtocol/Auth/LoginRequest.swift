import FieldbookSync

/// The body of `POST /v1/auth/login`: a user signs in on a device.
///
/// The server checks the password, binds ``replica`` to a device of that
/// user (SYNC.md §14, replica ownership) and answers with a
/// ``LoginResponse`` holding a bearer token for that device. Signing in
/// again from the same replica replaces the device's token; a replica bound
/// to another user's device is refused with `forbidden`.
///
/// ```json
/// {"login": "anna", "password": "…", "deviceName": "Anna's notebook", "replica": "r5f2c…"}
/// ```
public struct LoginRequest: Hashable, Sendable, Codable {
    /// The user's login name.
    public var login: String
    /// The password, sent only over TLS; never logged.
    public var password: String
    /// A name the user recognises in `device list` ("Anna's notebook").
    public var deviceName: String
    /// The local replica this device writes as.
    public var replica: ReplicaID

    /// Creates a login request.
    public init(login: String, password: String, deviceName: String, replica: ReplicaID) {
        self.login = login
        self.password = password
        self.deviceName = deviceName
        self.replica = replica
    }
}

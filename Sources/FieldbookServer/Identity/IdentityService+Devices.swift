import Logging
extension IdentityService {
    /// Devices of one user (login or record ID) or of everyone.
    public func listDevices(user: String? = nil) async throws -> [DeviceSummary] {
        let id = try await user.asyncMap { try await userID($0) }
        return try await directory.devices(user: id)
    }

    /// Revokes a device: its token stops working at once, its replica is
    /// retired from the stability frontier and can never sign in again.
    /// Revoking a revoked device again is harmless.
    /// - Returns: the device's replica.
    @discardableResult
    public func revokeDevice(_ device: String) async throws -> String {
        guard let replica = try await directory.revoke(device: device, now: Self.now()) else {
            throw IdentityError(.notFound, "no device '\(device)'")
        }
        try await retire(replica)
        logger.info("device revoked", metadata: ["device": "\(device)", "replica": "\(replica)"])
        return replica
    }
}

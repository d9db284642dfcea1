import Dispatch
import HummingbirdBcrypt

/// bcrypt password hashing, run on a Dispatch queue so the slow work never
/// blocks Swift's cooperative thread pool (and with it every other request).
public struct PasswordHasher: Sendable {
    /// log2 of bcrypt's iterations: 12 in production; tests use 4.
    public var cost: UInt8

    /// Shortest password accepted when a user is created.
    public static let minimumLength = 8
    /// bcrypt ignores bytes after the 72nd, so longer passwords are refused.
    public static let maximumBytes = 72

    /// Creates a hasher with bcrypt cost `cost` (4…31).
    public init(cost: UInt8 = 12) {
        self.cost = min(max(cost, 4), 31)
    }

    /// Checks a new password's length; the message never contains the password.
    public static func check(newPassword password: String) throws(IdentityError) {
        guard password.count >= minimumLength else {
            throw IdentityError(.invalid, "the password must have at least \(minimumLength) characters")
        }
        guard password.utf8.count <= maximumBytes else {
            throw IdentityError(.invalid, "the password must have at most \(maximumBytes) bytes (bcrypt's limit)")
        }
    }

    /// The bcrypt hash of `password` with a fresh salt.
    public func hash(_ password: String) async -> String {
        let cost = cost
        return await Self.offPool { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`. With `hash` nil (unknown login) it
    /// spends the same time hashing `password`, so response times do not
    /// reveal which logins exist.
    public func verify(_ password: String, hash: String?) async -> Bool {
        let cost = cost
        return await Self.offPool {
            guard let hash else {
                _ = Bcrypt.hash(password, cost: cost)
                return false
            }
            return Bcrypt.verify(password, hash: hash)
        }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}

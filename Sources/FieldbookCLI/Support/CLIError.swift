import ArgumentParser

/// A failure the user can act on, with the exit code scripts can test.
///
/// Exit codes: 1 general failure, 2 usage error (from ArgumentParser),
/// 3 record not found, 4 rejected by validation, 5 scheduling conflict
/// (retry with `--force`), 6 server unreachable or unavailable, 7 not signed
/// in or sign-in refused (see `CLIError+Sync.swift`).
public struct CLIError: Error, CustomStringConvertible {
    /// What went wrong, phrased for the user.
    public var message: String
    /// The process exit code.
    public var exitCode: Int32

    /// Creates an error.
    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A record that does not exist locally.
    public static func notFound(_ entity: String, _ id: String) -> CLIError {
        CLIError("no \(entity) with ID \(id) on this device", exitCode: 3)
    }

    public var description: String { message }
}

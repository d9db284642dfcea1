import ArgumentParser

/// The administration subcommands of `fieldbook-server` (users, devices,
/// teams, territories). (Scaffold: filled by the identity work.)
enum AdminCommands {
    /// Subcommands listed after `serve`.
    static let all: [any ParsableCommand.Type] = []
}

import FieldbookServerCore

extension SyncServiceConfiguration {
    /// The defaults with scopes off: for tests of scope-free protocol
    /// behaviour, where reps without user records push and pull everything.
    public static var unscoped: SyncServiceConfiguration {
        var configuration = SyncServiceConfiguration()
        configuration.enforcesScopes = false
        return configuration
    }
}

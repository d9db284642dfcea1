import Testing

extension Tag {
    /// The long-running fault and load harness (chaos, soak): short in CI,
    /// long with `FIELDBOOK_CHAOS_SECONDS` / `FIELDBOOK_SOAK_SECONDS`.
    @Tag static var harness: Self
}

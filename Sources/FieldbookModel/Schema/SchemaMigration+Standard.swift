extension SchemaMigration {
    /// The shipped schema history, oldest first.
    ///
    /// **Append only.** Never edit, reorder or remove an entry once it has
    /// shipped: clients in the field identify their schema by version, and the
    /// tests pin every shipped migration's ``fingerprint``. To add an entity,
    /// declare it in `Entities/` and append one line, e.g.
    /// `SchemaMigration(2, "Projects", adds: .entity(.project)),`
    public static let standard: [SchemaMigration] = [
        SchemaMigration(
            1, "Initial CRM schema",
            adds: .entity(.user), .entity(.team), .entity(.territory), .entity(.account), .entity(.contact),
            .entity(.lead), .entity(.pipeline), .entity(.opportunity), .entity(.activity), .entity(.visitReport),
            .entity(.appointment), .entity(.product), .entity(.priceList), .entity(.offer), .entity(.order),
            .entity(.invoice), .entity(.contract), .entity(.ticket), .entity(.campaign), .entity(.campaignMember),
            .entity(.event), .entity(.eventRegistration), .entity(.competitor)
        ),
        SchemaMigration(2, "Service workflows", additions: SchemaMigration.serviceWorkflows),
    ]
}

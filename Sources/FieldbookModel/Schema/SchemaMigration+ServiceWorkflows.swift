extension SchemaMigration {
    /// What migration 2 ("Service workflows") adds: when a task was delegated,
    /// the manual ABC override that survives reclassification, and the price
    /// list an account buys from. Shipped: never edit, append a new migration.
    static let serviceWorkflows: [SchemaAddition] = [
        .fields([Field("delegatedAt", .dateTime)], to: "activity"),
        .fields(
            [
                // Set by a manager or the office; wins over the computed class.
                Field("abcOverride", .enumeration(["A", "B", "C"])).writable(by: Role.backOffice.union([.manager])),
                Field("priceList", .reference("price_list")).writable(by: Role.backOffice.union([.manager])),
            ],
            to: "account"
        ),
    ]
}

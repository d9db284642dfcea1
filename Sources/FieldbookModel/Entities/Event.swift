extension EntitySchema {
    /// A trade fair or customer event; registrations are `event_registration` records.
    public static let event = EntitySchema(
        "event", access: .referenceData,
        summary: "A trade fair or customer event.",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field("kind", .enumeration(["trade_fair", "customer_event", "seminar", "webinar", "other"])),
            Field("location", .text(maxLength: 300)),
            Field("booth", .text(maxLength: 100)),
            Field("startDate", .date).required(),
            Field("endDate", .date),
            Field("campaign", .reference("campaign")),
            Field("budget", .amount),
            Field("description", .text(maxLength: 4000)),
        ],
        rules: [
            .ordered("startDate", before: "endDate", strictly: false, code: "event_ends_before_start")
        ]
    )
}

extension EntitySchema {
    /// A marketing campaign: goal, budget, period, target criteria and
    /// templates. Recipients are `campaign_member` records.
    public static let campaign = EntitySchema(
        "campaign", access: .referenceData,
        summary: "A campaign header: goal, budget, period, target criteria, templates.",
        fields: [
            Field("name", .text(maxLength: 200)).required(),
            Field("goal", .text(maxLength: 1000)),
            Field("channel", .enumeration(["letter", "email", "call", "event", "mixed"])),
            Field("status", .enumeration(["planned", "active", "completed", "cancelled"])),
            Field("startDate", .date),
            Field("endDate", .date),
            Field("budget", .amount),
            Field("actualCost", .amount),
            Field("expectedRevenue", .amount),
            Field("targetCriteria", .text(maxLength: 4000)),
            Field(
                "templates",
                .list([
                    Field("kind", .enumeration(["letter", "email", "call_script"])).required(),
                    Field("name", .text(maxLength: 200)).required(),
                    Field("subject", .text(maxLength: 200)),
                    Field("body", .text(maxLength: 20_000)),
                ])
            ),
            Field("owner", .reference("user")),
        ],
        rules: [
            .ordered("startDate", before: "endDate", strictly: false, code: "campaign_ends_before_start")
        ]
    )
}

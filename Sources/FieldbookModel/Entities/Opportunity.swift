extension Workflow {
    /// Opportunity status: closing as won is final; lost or cancelled
    /// opportunities may be reopened.
    public static let opportunityStatus = Workflow([
        "open": ["won", "lost", "cancelled"],
        "lost": ["open"],
        "cancelled": ["open"],
    ])
}

extension EntitySchema {
    /// A sales opportunity moving through a pipeline; closes as won, lost or
    /// cancelled, always with a reason.
    public static let opportunity = EntitySchema(
        "opportunity", access: .customerData,
        summary: "A sales opportunity in a pipeline; closes won, lost or cancelled with a reason.",
        fields: [
            Field("account", .reference("account")).required(),
            Field("name", .text(maxLength: 200)).required(),
            Field("number", .text(maxLength: 40)),
            Field("amount", .amount),
            Field("expectedCloseDate", .date),
            Field("pipeline", .reference("pipeline")),
            // The ID of an item of the pipeline's `phases` list.
            Field("phase", .text(maxLength: 128)),
            Field("probability", .percent),
            Field("status", .enumeration(["open", "won", "lost", "cancelled"])).required()
                .monotonic(.workflow(.opportunityStatus)),
            Field("closeReason", .text(maxLength: 500)),
            Field("closeDate", .date),
            Field("forecastCategory", .enumeration(["pipeline", "best_case", "commit", "closed", "omitted"])),
            Field("owner", .reference("user")).required(),
            Field("team", .reference("team")),
            Field("buyingCenter", .set(of: .reference("contact"))),
            Field("competitors", .set(of: .reference("competitor"))),
            Field("lead", .reference("lead")).monotonic(.writeOnce),
            Field("nextStep", .text(maxLength: 500)),
            Field("description", .text(maxLength: 8000)),
        ],
        rules: [
            .required(["closeReason"], when: .oneOf("status", ["won", "lost", "cancelled"]), code: "close_reason_required"),
            .required(["closeDate"], when: .oneOf("status", ["won", "lost", "cancelled"]), code: "close_date_required"),
        ]
    )
}

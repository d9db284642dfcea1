extension Workflow {
    /// Service ticket status: new → in progress ⇄ waiting → resolved → closed;
    /// resolved and closed tickets may be reopened.
    public static let ticketStatus = Workflow([
        "new": ["in_progress", "waiting"],
        "in_progress": ["waiting", "resolved"],
        "waiting": ["in_progress", "resolved"],
        "resolved": ["closed", "in_progress"],
        "closed": ["in_progress"],
    ])
}

extension EntitySchema {
    /// A service ticket (complaint) with category, workflow status and
    /// measure; handling time is `closedAt − openedAt`.
    public static let ticket = EntitySchema(
        "ticket", access: .customerData,
        summary: "A complaint with category, status workflow, measure and handling time.",
        fields: [
            Field("number", .text(maxLength: 40)),
            Field("subject", .text(maxLength: 200)).required(),
            Field("description", .text(maxLength: 8000)),
            Field("account", .reference("account")).required(),
            Field("contact", .reference("contact")),
            Field("product", .reference("product")),
            Field("order", .reference("order")),
            Field("orderNumber", .text(maxLength: 40)),
            Field("category", .enumeration(["quality", "delivery", "billing", "damage", "wrong_item", "other"]))
                .required(),
            Field("priority", .enumeration(["low", "normal", "high", "urgent"])),
            Field("status", .enumeration(["new", "in_progress", "waiting", "resolved", "closed"])).required()
                .monotonic(.workflow(.ticketStatus)),
            Field("measure", .enumeration(["rejection", "advice", "exchange", "return"])),
            Field("exchangeOrder", .reference("order")),
            Field("assignee", .reference("user")),
            Field("openedAt", .dateTime).required(),
            Field("closedAt", .dateTime),
            Field("resolution", .text(maxLength: 4000)),
        ],
        rules: [
            .required(["measure"], when: .oneOf("status", ["resolved", "closed"]), code: "measure_required"),
            .required(["closedAt"], when: .oneOf("status", ["closed"]), code: "closed_at_required"),
            .ordered("openedAt", before: "closedAt", strictly: false, code: "closed_before_opened"),
        ]
    )
}

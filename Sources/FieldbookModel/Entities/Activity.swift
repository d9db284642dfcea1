extension EntitySchema {
    /// A call, visit, letter, email or note (history), or a task (to-do) with
    /// an assignee and a due date. Always linked to an account.
    public static let activity = EntitySchema(
        "activity", access: .customerData,
        summary: "History (call, visit, letter, email, note) or a task with assignee and due date.",
        fields: [
            Field("kind", .enumeration(["call", "visit", "letter", "email", "note", "task"])).required(),
            Field("subject", .text(maxLength: 200)).required(),
            Field("description", .text(maxLength: 8000)),
            Field("account", .reference("account")).required(),
            Field("contact", .reference("contact")),
            Field("opportunity", .reference("opportunity")),
            Field("ticket", .reference("ticket")),
            Field("campaign", .reference("campaign")),
            Field("direction", .enumeration(["inbound", "outbound"])),
            Field("occurredAt", .dateTime),
            Field("durationMinutes", .integer(0...10_080)),
            Field("assignee", .reference("user")),
            Field("dueDate", .date),
            Field("status", .enumeration(["open", "in_progress", "done", "cancelled"])),
            Field("delegatedBy", .reference("user")),
            // Name of the automation that generated the task (e.g. offer expiry follow-up).
            Field("generatedBy", .text(maxLength: 64)),
            Field("completedAt", .dateTime),
            Field("owner", .reference("user")),
        ],
        rules: [
            .required(["assignee", "dueDate", "status"], when: .oneOf("kind", ["task"]), code: "task_incomplete"),
            .required(
                ["occurredAt"], when: .oneOf("kind", ["call", "visit", "letter", "email", "note"]),
                code: "history_time_required"
            ),
        ]
    )
}

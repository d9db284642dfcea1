extension EntitySchema {
    /// The record of a customer visit: who was met, topics, outcome, next
    /// steps and gifts handed over.
    public static let visitReport = EntitySchema(
        "visit_report", access: .customerData,
        summary: "A visit's participants, topics, outcome, next steps and gifts.",
        fields: [
            Field("account", .reference("account")).required(),
            Field("contact", .reference("contact")),
            Field("appointment", .reference("appointment")),
            Field("activity", .reference("activity")),
            Field("visitDate", .date).required(),
            Field("author", .reference("user")),
            Field("participants", .set(of: .reference("contact"))),
            Field("internalParticipants", .set(of: .reference("user"))),
            Field("topics", .set(of: .text(maxLength: 100))),
            Field("outcome", .text(maxLength: 4000)),
            Field("nextSteps", .text(maxLength: 4000)),
            Field(
                "gifts",
                .list([
                    Field("description", .text(maxLength: 200)).required(),
                    Field("value", .amount),
                    Field("recipient", .reference("contact")),
                ])
            ),
        ]
    )
}
